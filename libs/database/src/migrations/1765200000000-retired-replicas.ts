import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A retired search replica keeps its row, marked `retired_at`, instead of being deleted: a process
 * still started with the old MEILI_URL would otherwise register it again as new and queue every
 * supplier for a server nobody drains. Registration refuses a retired URL; `index:retire --restore`
 * deletes the mark on purpose.
 */
export class RetiredReplicas1765200000000 implements MigrationInterface {
  name = 'RetiredReplicas1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE search_replicas ADD COLUMN retired_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM search_replicas WHERE retired_at IS NOT NULL`);
    await q.query(`ALTER TABLE search_replicas DROP COLUMN retired_at`);
  }
}
