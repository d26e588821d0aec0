-- Verified, published suppliers as the matching engine compares them, with their certificates. A profile
-- the centre entered without the SME's consent to publish is not supply: matching never proposes it (it
-- stays out of the search index), so it neither qualifies for a need nor is a coaching target.
SELECT s.id, s.processes, s.monthly_capacity_value::float8 AS capacity, s.monthly_capacity_unit AS unit,
       s.lead_time_days, s.best_tolerance_mm::float8 AS tolerance, s.latitude, s.longitude,
       coalesce((
         SELECT json_agg(json_build_array(c.code, c.valid_from::text, c.valid_until::text))
         FROM supplier_certifications c WHERE c.supplier_id = s.id
       ), '[]') AS certificates
FROM suppliers s
WHERE s.verification_status = 'VERIFIED' AND s.published
ORDER BY s.id
