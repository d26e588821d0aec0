import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The staff's onboarding page lists the profiles the centre entered (those with a data source),
 * newest first (`centreEnteredSuppliers`): a few hundred among up to 100 000 suppliers, read in the
 * keyset order from this partial index instead of a scan of every supplier.
 */
export class CentreEnteredIndex1764900000000 implements MigrationInterface {
  name = 'CentreEnteredIndex1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX suppliers_centre_entered ON suppliers (created_at DESC, id DESC) WHERE data_source IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX suppliers_centre_entered`);
  }
}
