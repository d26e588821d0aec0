-- Coaching targets from the latest supply snapshot: the processes or certifications (one kind) blocking the
-- most gap needs (as supply-gaps-bottlenecks counts them), each with the suppliers one change (that
-- capability) away, as ranked with the snapshot for the largest stored threshold not above $1. One row per
-- capability and target; a capability without targets keeps one row with a NULL supplier.
--   $1  threshold   $2  kind (PROCESS or CERTIFICATION)   $3  how many capabilities   $4  how many suppliers each
WITH capability AS (
  SELECT ns.bottleneck_code AS code, count(*)::int AS open_needs, max(ns.bottleneck_suppliers)::int AS suppliers
  FROM need_supply ns JOIN sourcing_needs n ON n.id = ns.need_id
  WHERE n.status = 'OPEN' AND ns.qualified_suppliers < $1 AND ns.bottleneck_kind = $2
  GROUP BY ns.bottleneck_code
  ORDER BY open_needs DESC, suppliers, ns.bottleneck_code
  LIMIT $3
)
SELECT c.code, c.open_needs, c.suppliers, t.supplier_id, t.needs, t.volume, s.name_vi, s.zone_code
FROM capability c
LEFT JOIN coaching_targets t ON t.kind = $2 AND t.code = c.code AND t.rank <= $4
  AND t.from_threshold = (SELECT max(x.from_threshold) FROM coaching_targets x
                          WHERE x.kind = $2 AND x.code = c.code AND x.from_threshold <= $1)
LEFT JOIN suppliers s ON s.id = t.supplier_id
ORDER BY c.open_needs DESC, c.suppliers, c.code, t.rank
