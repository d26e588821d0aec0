-- The processes or certifications (one kind) blocking the most gap needs, each with those needs, from the
-- latest supply snapshot: the gaps whose nearly-qualified suppliers the centre could coach.
--   $1  threshold   $2  kind (PROCESS or CERTIFICATION)   $3  how many
SELECT ns.bottleneck_code AS code, array_agg(ns.need_id ORDER BY ns.need_id) AS need_ids,
       count(*)::int AS open_needs, max(ns.bottleneck_suppliers)::int AS suppliers
FROM need_supply ns JOIN sourcing_needs n ON n.id = ns.need_id
WHERE n.status = 'OPEN' AND ns.qualified_suppliers < $1 AND ns.bottleneck_kind = $2
GROUP BY ns.bottleneck_code
ORDER BY open_needs DESC, suppliers, ns.bottleneck_code
LIMIT $3
