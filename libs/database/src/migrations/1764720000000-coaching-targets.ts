import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Coaching targets ranked with the supply snapshot: per capability blocking gap needs (a need's
 * bottleneck) and per gap threshold at which the ranking changes, the verified suppliers one change
 * (that capability) away, most needs first. coachingTargets reads them instead of judging every
 * supplier against every gap need per request. Filled by the next refresh; empty until then.
 */
export class CoachingTargets1764720000000 implements MigrationInterface {
  name = 'CoachingTargets1764720000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE coaching_targets (
        kind text NOT NULL CHECK (kind IN ('PROCESS', 'CERTIFICATION')),
        code text NOT NULL,
        from_threshold integer NOT NULL CHECK (from_threshold BETWEEN 1 AND 100),
        rank integer NOT NULL CHECK (rank >= 1),
        supplier_id uuid NOT NULL,
        needs integer NOT NULL,
        volume jsonb NOT NULL,
        computed_on date NOT NULL,
        PRIMARY KEY (kind, code, from_threshold, rank)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE coaching_targets`);
  }
}
