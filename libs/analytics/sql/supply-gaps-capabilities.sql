-- Gap needs grouped by the capability they ask for (required processes + certifications), the
-- capabilities blocking the most needs first. "suppliers" = verified suppliers with that capability.
--   $1  threshold   $2  how many groups
SELECT ns.requirement_processes, ns.requirement_certifications, count(*)::int AS open_needs,
       max(ns.requirement_suppliers)::int AS suppliers
FROM need_supply ns JOIN sourcing_needs n ON n.id = ns.need_id
WHERE n.status = 'OPEN' AND ns.qualified_suppliers < $1
GROUP BY ns.requirement_processes, ns.requirement_certifications
ORDER BY open_needs DESC, suppliers, ns.requirement_processes, ns.requirement_certifications
LIMIT $2
