-- Per month and buyer sector: how many open needs had at least $3 qualified local suppliers (from
-- the last supply snapshot of the month, kept per sector in need_supply_history), and how many
-- needs that ended in the month were awarded to a local supplier (and to a Vietnamese-owned one).
-- A need counts once per sector of its buyer.
--   $1, $2  period start (inclusive) and end (exclusive) as dates     $3  "enough" suppliers (1–100)
WITH snapshot_days AS (
  SELECT max(h.day) AS day
  FROM need_supply_history h
  WHERE h.day >= $1::date AND h.day < $2::date
  GROUP BY date_trunc('month', h.day)
),
supply AS (
  SELECT date_trunc('month', h.day)::date AS month, h.sector, sum(h.needs)::int AS open_needs,
         (sum(h.needs) FILTER (WHERE h.qualified_suppliers >= $3))::int AS well_supplied
  FROM need_supply_history h JOIN snapshot_days d ON d.day = h.day
  GROUP BY 1, 2
),
outcomes AS (
  SELECT date_trunc('month', n.closed_at AT TIME ZONE 'UTC' + interval '7 hours')::date AS month, s.sector,
         count(*)::int AS ended,
         count(*) FILTER (WHERE n.status = 'AWARDED')::int AS awarded,
         count(*) FILTER (WHERE n.status = 'AWARDED' AND sup.ownership_type = 'DOMESTIC')::int AS awarded_domestic
  FROM sourcing_needs n
  JOIN buyers b ON b.id = n.buyer_id
  CROSS JOIN LATERAL unnest(CASE WHEN cardinality(b.sectors) > 0 THEN b.sectors ELSE ARRAY['UNSPECIFIED'] END) AS s(sector)
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
