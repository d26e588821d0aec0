-- Suppliers registered and first verified per month (Vietnam calendar) and zone, up to $1
-- (exclusive); the caller adds them up into running totals. Zone '' = outside industrial zones.
-- Both halves are index-only scans (suppliers_created_zone_idx, suppliers_verified_zone_idx).
--   $1  end of the period (exclusive) as a date
WITH registered AS (
  SELECT coalesce(zone_code, '') AS zone, date_trunc('month', created_at AT TIME ZONE 'UTC' + interval '7 hours') AS month, count(*)::int AS n
  FROM suppliers
  WHERE created_at < ($1::date - interval '7 hours') AT TIME ZONE 'UTC'
  GROUP BY 1, 2
),
verified AS (
  SELECT coalesce(zone_code, '') AS zone, date_trunc('month', verified_at AT TIME ZONE 'UTC' + interval '7 hours') AS month, count(*)::int AS n
  FROM suppliers
  WHERE verified_at < ($1::date - interval '7 hours') AT TIME ZONE 'UTC'
  GROUP BY 1, 2
)
SELECT coalesce(r.zone, v.zone) AS zone, to_char(coalesce(r.month, v.month), 'YYYY-MM') AS month,
       coalesce(r.n, 0) AS registered, coalesce(v.n, 0) AS verified
FROM registered r FULL JOIN verified v ON v.zone = r.zone AND v.month = r.month
