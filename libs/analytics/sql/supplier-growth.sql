-- Suppliers registered and first verified per month (Vietnam calendar) and zone, up to $1
-- (exclusive); the caller adds them up into running totals. Zone '' = outside industrial zones.
--   $1  end of the period (exclusive) as a date
SELECT coalesce(zone_code, '') AS zone,
       to_char(created_at AT TIME ZONE 'UTC' + interval '7 hours', 'YYYY-MM') AS month,
       count(*)::int AS registered, 0 AS verified
FROM suppliers
WHERE created_at < ($1::date - interval '7 hours') AT TIME ZONE 'UTC'
GROUP BY 1, 2
UNION ALL
SELECT coalesce(zone_code, ''), to_char(verified_at AT TIME ZONE 'UTC' + interval '7 hours', 'YYYY-MM'), 0, count(*)::int
FROM suppliers
WHERE verified_at < ($1::date - interval '7 hours') AT TIME ZONE 'UTC'
GROUP BY 1, 2
