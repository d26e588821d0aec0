-- Totals of the latest supply snapshot over needs still open.
--   $1  threshold: a need with fewer qualified suppliers is a gap
SELECT count(*)::int AS open_needs,
       count(*) FILTER (WHERE ns.qualified_suppliers < $1)::int AS gaps,
       min(ns.computed_at) AS computed_at
FROM need_supply ns JOIN sourcing_needs n ON n.id = ns.need_id
WHERE n.status = 'OPEN'
