-- Per month and buyer sector: how many open needs had at least $3 qualified local suppliers (from
-- the last supply snapshot of the month), and how many needs that ended in the month were awarded
-- to a local supplier (and to a Vietnamese-owned one). A need counts once per sector of its buyer.
--   $1, $2  period start (inclusive) and end (exclusive) as dates     $3  "enough" suppliers
WITH snapshot_days AS (
  SELECT date_trunc('month', h.day)::date AS month, max(h.day) AS day
  FROM need_supply_history h
  WHERE h.day >= $1::date AND h.day < $2::date
  GROUP BY 1
),
buyer_sector AS (
  SELECT b.id, s.sector
  FROM buyers b
  CROSS JOIN LATERAL unnest(CASE WHEN cardinality(b.sectors) > 0 THEN b.sectors ELSE ARRAY['UNSPECIFIED'] END) AS s(sector)
),
supply AS (
  SELECT d.month, bs.sector, count(*)::int AS open_needs,
         count(*) FILTER (WHERE h.qualified_suppliers >= $3)::int AS well_supplied
  FROM snapshot_days d
  JOIN need_supply_history h ON h.day = d.day
  JOIN sourcing_needs n ON n.id = h.need_id
  JOIN buyer_sector bs ON bs.id = n.buyer_id
  GROUP BY d.month, bs.sector
),
outcomes AS (
  SELECT date_trunc('month', n.closed_at AT TIME ZONE 'UTC' + interval '7 hours')::date AS month, bs.sector,
         count(*)::int AS ended,
         count(*) FILTER (WHERE n.status = 'AWARDED')::int AS awarded,
         count(*) FILTER (WHERE n.status = 'AWARDED' AND sup.ownership_type = 'DOMESTIC')::int AS awarded_domestic
  FROM sourcing_needs n
  JOIN buyer_sector bs ON bs.id = n.buyer_id
  LEFT JOIN suppliers sup ON sup.id = n.awarded_supplier_id
  WHERE n.status IN ('AWARDED', 'CLOSED')
    AND n.closed_at >= ($1::date - interval '7 hours') AT TIME ZONE 'UTC'
    AND n.closed_at < ($2::date - interval '7 hours') AT TIME ZONE 'UTC'
  GROUP BY 1, 2
)
SELECT to_char(coalesce(s.month, o.month), 'YYYY-MM') AS month, coalesce(s.sector, o.sector) AS sector,
       coalesce(s.open_needs, 0) AS open_needs, coalesce(s.well_supplied, 0) AS well_supplied,
       s.month IS NOT NULL AS has_snapshot,
       coalesce(o.ended, 0) AS ended, coalesce(o.awarded, 0) AS awarded, coalesce(o.awarded_domestic, 0) AS awarded_domestic
FROM supply s
FULL JOIN outcomes o ON o.month = s.month AND o.sector = s.sector
ORDER BY 1, 2
