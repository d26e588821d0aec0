-- Open needs with what matching reads of them.
SELECT n.id, n.title, n.description, n.processes, n.materials, n.certifications, n.product_group,
       n.quantity_value::float8 AS quantity_value, n.quantity_unit, n.max_lead_time_days, n.tolerance_mm::float8 AS tolerance_mm,
       n.delivery_latitude, n.delivery_longitude, n.max_distance_km::float8 AS max_distance_km
FROM sourcing_needs n
WHERE n.status = 'OPEN'
ORDER BY n.id
