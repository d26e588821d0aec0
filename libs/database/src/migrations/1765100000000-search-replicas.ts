import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search replicas: the Meilisearch servers the worker keeps in step (`search_replicas`), and on each
 * outbox entry the replica it is for, so each replica's entries are claimed, retried and completed
 * on their own (a replica that is down never holds the others back). A change is written once per
 * registered replica. The Meilisearch the platform used until now is replica 1, its URL not yet
 * known here (migrations do not read the configuration): the first process to start names it, and
 * every existing entry is its.
 */
export class SearchReplicas1765100000000 implements MigrationInterface {
  name = 'SearchReplicas1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE search_replicas (
        id smallserial PRIMARY KEY,
        url text UNIQUE,
        registered_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`INSERT INTO search_replicas (url) VALUES (NULL)`);
    await q.query(
      `ALTER TABLE search_outbox ADD COLUMN replica_id smallint NOT NULL DEFAULT 1 REFERENCES search_replicas (id) ON DELETE CASCADE`,
    );
    await q.query(`ALTER TABLE search_outbox ALTER COLUMN replica_id DROP DEFAULT`);
    await q.query(`DROP INDEX search_outbox_pending_idx`);
    await q.query(`CREATE INDEX search_outbox_pending_idx ON search_outbox (replica_id, available_at, id) WHERE processed_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX search_outbox_pending_idx`);
    await q.query(`DELETE FROM search_outbox WHERE replica_id <> (SELECT min(id) FROM search_replicas)`);
    await q.query(`ALTER TABLE search_outbox DROP COLUMN replica_id`);
    await q.query(`DROP TABLE search_replicas`);
    await q.query(`CREATE INDEX search_outbox_pending_idx ON search_outbox (available_at, id) WHERE processed_at IS NULL`);
  }
}
