-- Names and zones of suppliers (coaching targets list them for the centre's staff).
--   $1  supplier ids
SELECT s.id, s.name_vi, s.zone_code FROM suppliers s WHERE s.id = ANY($1::uuid[])
