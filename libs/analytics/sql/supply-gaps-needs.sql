-- Open needs with the fewest qualified local suppliers first, from the latest supply snapshot.
-- Titles of PRIVATE needs and every buyer name stay out: analysts see requirements, not plans.
--   $1  how many needs
SELECT n.id, n.visibility, CASE WHEN n.visibility = 'PRIVATE' THEN NULL ELSE n.title END AS title,
       n.product_group, b.sectors, ns.requirement_processes, ns.requirement_certifications,
       ns.qualified_suppliers, ns.requirement_suppliers, ns.bottleneck_kind, ns.bottleneck_code,
       ns.bottleneck_suppliers, n.published_at
FROM need_supply ns
JOIN sourcing_needs n ON n.id = ns.need_id
JOIN buyers b ON b.id = n.buyer_id
WHERE n.status = 'OPEN'
ORDER BY ns.qualified_suppliers, n.published_at, n.id
LIMIT $1
