-- Certificates that still count today and lapse within the window, unless the same supplier
-- already holds a certificate of that code lasting longer (a renewal). Suspended suppliers aside.
-- valid_until is the first day a certificate no longer counts.
-- Returns one row: the first $3 certificates (soonest first) and the count per code of all of them.
--   $1  today in Vietnam   $2  days ahead   $3  how many certificates to list
WITH expiring AS (
  SELECT c.supplier_id, c.code, c.valid_until
  FROM supplier_certifications c
  WHERE c.valid_until > $1::date AND c.valid_until <= $1::date + $2::int
    AND (c.valid_from IS NULL OR c.valid_from <= $1::date)
    AND c.supplier_id NOT IN (SELECT id FROM suppliers WHERE verification_status = 'SUSPENDED')
    AND NOT EXISTS (
      SELECT 1 FROM supplier_certifications r
      WHERE r.supplier_id = c.supplier_id AND r.code = c.code
        AND (r.valid_until IS NULL OR r.valid_until > c.valid_until)
    )
),
listed AS (
  SELECT e.supplier_id, s.name_vi, s.zone_code, s.verification_status, e.code,
         e.valid_until::text AS valid_until, (e.valid_until - $1::date) AS days_left
  FROM (SELECT * FROM expiring ORDER BY valid_until, supplier_id, code LIMIT $3) AS e
  JOIN suppliers s ON s.id = e.supplier_id
)
SELECT
  (SELECT coalesce(json_agg(listed ORDER BY listed.valid_until, listed.supplier_id, listed.code), '[]') FROM listed) AS certificates,
  (SELECT coalesce(json_agg(per_code ORDER BY per_code.expiring DESC, per_code.code), '[]')
   FROM (SELECT code, count(*)::int AS expiring FROM expiring GROUP BY code) AS per_code) AS totals
