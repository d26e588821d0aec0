-- The day's row of need_supply_history, from the snapshot just written: open needs per buyer
-- sector and number of qualified suppliers (capped at 100, the largest "enough" localisation takes).
--   $1  the Vietnam day the snapshot was computed for
INSERT INTO need_supply_history (day, sector, qualified_suppliers, needs)
SELECT $1::date, s.sector, least(ns.qualified_suppliers, 100), count(*)::int
FROM need_supply ns
JOIN sourcing_needs n ON n.id = ns.need_id
JOIN buyers b ON b.id = n.buyer_id
CROSS JOIN LATERAL unnest(CASE WHEN cardinality(b.sectors) > 0 THEN b.sectors ELSE ARRAY['UNSPECIFIED'] END) AS s(sector)
GROUP BY 2, 3
