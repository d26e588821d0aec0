-- Needs published in [$1, $2) (Vietnam calendar) and how far each got: matched (the buyer
-- shortlisted or invited at least one supplier from the ranking), invited, accepted, awarded.
-- A need counts once per sector of its buyer when grouped by sector.
--   $1, $2  period start (inclusive) and end (exclusive) as dates
--   $3  period: MONTH | QUARTER | ALL        $4  group by buyer sector (boolean)
WITH cohort AS (
  SELECT n.id, n.status, b.sectors,
         (n.published_at AT TIME ZONE 'UTC' + interval '7 hours')::date AS published_on
  FROM sourcing_needs n JOIN buyers b ON b.id = n.buyer_id
  WHERE n.published_at IS NOT NULL
    AND n.published_at >= ($1::date - interval '7 hours') AT TIME ZONE 'UTC'
    AND n.published_at < ($2::date - interval '7 hours') AT TIME ZONE 'UTC'
),
progress AS (
  SELECT c.id, c.status, c.sectors, c.published_on,
         EXISTS (SELECT 1 FROM introductions i WHERE i.need_id = c.id) AS matched,
         EXISTS (SELECT 1 FROM introductions i WHERE i.need_id = c.id AND i.invited_at IS NOT NULL) AS invited,
         EXISTS (SELECT 1 FROM introductions i WHERE i.need_id = c.id AND i.status = 'ACCEPTED') AS accepted,
         c.status = 'AWARDED' AS awarded
  FROM cohort c
),
grouped AS (
  SELECT p.*,
         CASE $3 WHEN 'MONTH' THEN to_char(p.published_on, 'YYYY-MM')
                 WHEN 'QUARTER' THEN to_char(p.published_on, 'YYYY-"Q"Q')
                 ELSE NULL END AS period,
         s.sector
  FROM progress p
  CROSS JOIN LATERAL unnest(CASE WHEN $4 AND cardinality(p.sectors) > 0 THEN p.sectors ELSE ARRAY[NULL::text] END) AS s(sector)
)
SELECT g.period, g.sector, count(*)::int AS needs,
       count(*) FILTER (WHERE g.matched)::int AS matched,
       count(*) FILTER (WHERE g.invited)::int AS invited,
       count(*) FILTER (WHERE g.accepted)::int AS accepted,
       count(*) FILTER (WHERE g.awarded)::int AS awarded,
       coalesce((
         SELECT json_object_agg(r.reason, r.n) FROM (
           SELECT coalesce(i.decline_reason, 'UNSPECIFIED') AS reason, count(*)::int AS n
           FROM introductions i
           WHERE i.status = 'DECLINED' AND i.need_id = ANY (array_agg(g.id))
           GROUP BY 1
         ) r
       ), '{}') AS decline_reasons
FROM grouped g
GROUP BY g.period, g.sector
ORDER BY g.period NULLS FIRST, g.sector NULLS FIRST
