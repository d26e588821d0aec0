import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rate limits that hold across API instances: the counters and the addresses each user signed in
 * from move from each process's memory into PostgreSQL (both owned by libs/accounts).
 *
 * `rate_limit_counters` is UNLOGGED: one upsert per limited request without WAL or fsync. A
 * database crash empties it, which only starts every window afresh. Keys are a limit's name and a
 * SHA-256 of what is counted (an email, an address, a user id), never the value in clear.
 */
export class SharedRateLimits1764650000000 implements MigrationInterface {
  name = 'SharedRateLimits1764650000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE UNLOGGED TABLE rate_limit_counters (key text PRIMARY KEY, count integer NOT NULL, reset_at timestamptz NOT NULL)`,
    );
    await q.query(`CREATE INDEX rate_limit_counters_reset_at ON rate_limit_counters (reset_at)`);
    await q.query(
      `CREATE TABLE login_known_addresses (
         user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
         address_hash text NOT NULL,
         expires_at timestamptz NOT NULL,
         PRIMARY KEY (user_id, address_hash)
       )`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE login_known_addresses`);
    await q.query(`DROP TABLE rate_limit_counters`);
  }
}
