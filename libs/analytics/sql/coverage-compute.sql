-- Verified, published suppliers per value of one dimension (an unpublished profile is not supply: matching
-- cannot propose it), with how many hold a valid certificate and their
-- monthly capacity per unit. A supplier counts once under each value it has and under each of that
-- value's ancestors (a CNC milling shop counts under CNC machining and machining too).
-- Run by the snapshot refresh (a full pass over the suppliers); supplyCoverage reads the result.
--   $1  dimension: PROCESS | PRODUCT_GROUP | SECTOR | ZONE | CERTIFICATION
--   $2  today in Vietnam (YYYY-MM-DD)
--   $3, $4  the roll-up pairs (value, code): every taxonomy value with itself and each ancestor
WITH certified AS (
  SELECT DISTINCT supplier_id FROM supplier_certifications
  WHERE (valid_from IS NULL OR valid_from <= $2::date) AND (valid_until IS NULL OR valid_until > $2::date)
),
verified AS (
  SELECT s.id, s.processes, s.product_groups, s.sectors, coalesce(s.zone_code, '') AS zone,
         s.monthly_capacity_value AS capacity, coalesce(upper(s.monthly_capacity_unit), '') AS unit,
         c.supplier_id IS NOT NULL AS certified
  FROM suppliers s LEFT JOIN certified c ON c.supplier_id = s.id
  WHERE s.verification_status = 'VERIFIED' AND s.published
),
supplier_value AS (
  SELECT v.id, x.value, v.certified FROM verified v, unnest(v.processes) AS x(value) WHERE $1 = 'PROCESS'
  UNION ALL
  SELECT v.id, x.value, v.certified FROM verified v, unnest(v.product_groups) AS x(value) WHERE $1 = 'PRODUCT_GROUP'
  UNION ALL
  SELECT v.id, x.value, v.certified FROM verified v, unnest(v.sectors) AS x(value) WHERE $1 = 'SECTOR'
  UNION ALL
  SELECT v.id, v.zone, v.certified FROM verified v WHERE $1 = 'ZONE'
  UNION ALL
  -- for certifications "certified" means holding a valid certificate of that very code
  SELECT c.supplier_id, c.code,
         bool_or((c.valid_from IS NULL OR c.valid_from <= $2::date) AND (c.valid_until IS NULL OR c.valid_until > $2::date))
  FROM supplier_certifications c JOIN verified v ON v.id = c.supplier_id
  WHERE $1 = 'CERTIFICATION'
  GROUP BY c.supplier_id, c.code
),
rolled_up AS (
  SELECT sv.id, r.code, bool_or(sv.certified) AS certified
  FROM supplier_value sv
  JOIN unnest($3::text[], $4::text[]) AS r(value, code) ON r.value = sv.value
  GROUP BY sv.id, r.code
)
SELECT r.code, v.unit, count(*)::int AS suppliers, count(*) FILTER (WHERE r.certified)::int AS certified,
       sum(v.capacity)::float8 AS capacity
FROM rolled_up r JOIN verified v ON v.id = r.id
GROUP BY r.code, v.unit
