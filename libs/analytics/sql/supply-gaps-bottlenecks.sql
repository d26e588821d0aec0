-- The single process or certification that is scarcest for each gap need, counted over gap needs.
--   $1  threshold   $2  how many
SELECT ns.bottleneck_kind, ns.bottleneck_code, count(*)::int AS open_needs, max(ns.bottleneck_suppliers)::int AS suppliers
FROM need_supply ns JOIN sourcing_needs n ON n.id = ns.need_id
WHERE n.status = 'OPEN' AND ns.qualified_suppliers < $1 AND ns.bottleneck_code IS NOT NULL
GROUP BY ns.bottleneck_kind, ns.bottleneck_code
ORDER BY open_needs DESC, suppliers, ns.bottleneck_kind, ns.bottleneck_code
LIMIT $2
