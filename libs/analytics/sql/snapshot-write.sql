-- Inserts snapshot rows (after the caller cleared the old snapshot in the same transaction).
--   $1  the rows as JSON   $2  the Vietnam day they were computed for
INSERT INTO need_supply (need_id, qualified_suppliers, requirement_processes, requirement_certifications,
                         requirement_suppliers, bottleneck_kind, bottleneck_code, bottleneck_suppliers, computed_on, computed_at)
SELECT r.need_id, r.qualified_suppliers, r.requirement_processes, r.requirement_certifications, r.requirement_suppliers,
       r.bottleneck_kind, r.bottleneck_code, r.bottleneck_suppliers, $2::date, now()
FROM json_to_recordset($1::json) AS r(
  need_id uuid, qualified_suppliers int, requirement_processes text[], requirement_certifications text[],
  requirement_suppliers int, bottleneck_kind text, bottleneck_code text, bottleneck_suppliers int)
-- a need deleted while the snapshot was computed is skipped
WHERE EXISTS (SELECT 1 FROM sourcing_needs n WHERE n.id = r.need_id)
