import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Wakes search workers (LISTEN search_outbox) as soon as entries are committed; once per statement. */
export class OutboxNotify1764200000000 implements MigrationInterface {
  name = 'OutboxNotify1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION search_outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('search_outbox', '');
        RETURN NULL;
      END $$`);
    await q.query(
      `CREATE TRIGGER search_outbox_notify AFTER INSERT OR UPDATE ON search_outbox FOR EACH STATEMENT EXECUTE FUNCTION search_outbox_notify()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER IF EXISTS search_outbox_notify ON search_outbox');
    await q.query('DROP FUNCTION IF EXISTS search_outbox_notify()');
  }
}
