-- Needs published in [$1, $2) (Vietnam calendar) and how far each got: matched (the buyer
-- shortlisted or invited at least one supplier from the ranking), invited, accepted, awarded; with
-- the decline reasons given on them. A need counts once per sector of its buyer when grouped by sector.
--   $1, $2  period start (inclusive) and end (exclusive) as dates
--   $3  period: MONTH | QUARTER | ALL        $4  group by buyer sector (boolean)
WITH progress AS (
  SELECT need_id, bool_or(invited_at IS NOT NULL) AS invited, bool_or(status = 'ACCEPTED') AS accepted
  FROM introductions GROUP BY need_id
),
cohort AS (
  SELECT n.id, n.status = 'AWARDED' AS awarded, p.need_id IS NOT NULL AS matched,
         coalesce(p.invited, false) AS invited, coalesce(p.accepted, false) AS accepted,
         CASE $3 WHEN 'MONTH' THEN to_char(n.published_at AT TIME ZONE 'UTC' + interval '7 hours', 'YYYY-MM')
                 WHEN 'QUARTER' THEN to_char(n.published_at AT TIME ZONE 'UTC' + interval '7 hours', 'YYYY-"Q"Q')
                 ELSE NULL END AS period,
         s.sector
  FROM sourcing_needs n
  JOIN buyers b ON b.id = n.buyer_id
  LEFT JOIN progress p ON p.need_id = n.id
  CROSS JOIN LATERAL unnest(CASE WHEN $4 AND cardinality(b.sectors) > 0 THEN b.sectors ELSE ARRAY[NULL::text] END) AS s(sector)
  WHERE n.published_at >= ($1::date - interval '7 hours') AT TIME ZONE 'UTC'
    AND n.published_at < ($2::date - interval '7 hours') AT TIME ZONE 'UTC'
),
declines AS (
  SELECT x.period, x.sector, json_object_agg(x.reason, x.n) AS reasons
  FROM (
    SELECT c.period, c.sector, coalesce(i.decline_reason, 'UNSPECIFIED') AS reason, count(*)::int AS n
    FROM cohort c JOIN introductions i ON i.need_id = c.id AND i.status = 'DECLINED'
    GROUP BY 1, 2, 3
  ) AS x
  GROUP BY x.period, x.sector
),
totals AS (
  SELECT c.period, c.sector, count(*)::int AS needs,
         count(*) FILTER (WHERE c.matched)::int AS matched,
         count(*) FILTER (WHERE c.invited)::int AS invited,
         count(*) FILTER (WHERE c.accepted)::int AS accepted,
         count(*) FILTER (WHERE c.awarded)::int AS awarded
  FROM cohort c
  GROUP BY c.period, c.sector
)
SELECT t.*, coalesce(d.reasons, '{}') AS decline_reasons
FROM totals t
LEFT JOIN declines d ON d.period IS NOT DISTINCT FROM t.period AND d.sector IS NOT DISTINCT FROM t.sector
ORDER BY t.period NULLS FIRST, t.sector NULLS FIRST
