-- Inserts the ranked coaching targets (after the caller cleared the old ones in the same transaction).
--   $1  the targets as JSON   $2  the Vietnam day they were computed for
INSERT INTO coaching_targets (kind, code, from_threshold, rank, supplier_id, needs, volume, computed_on)
SELECT r.kind, r.code, r.from_threshold, r.rank, r.supplier_id, r.needs, r.volume, $2::date
FROM json_to_recordset($1::json) AS r(kind text, code text, from_threshold int, rank int, supplier_id uuid, needs int, volume jsonb)
