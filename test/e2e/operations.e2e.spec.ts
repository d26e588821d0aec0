import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions, MIGRATIONS, runPendingMigrations } from '#libs/database';
import { ENTITIES } from '#libs/platform';
import { createDatabase, dropDatabase } from '../support/database.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('operations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('answers liveness and readiness with both dependencies up', async () => {
    expect((await t.http().get('/health/live')).status).toBe(200);
    const ready = await t.http().get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'up', checks: { postgres: { status: 'up' }, meilisearch: { status: 'up' } } });
  });

  it('masks an internal error: generic message with the request id, no database text', async () => {
    const db = t.app.get(DataSource);
    await db.query('ALTER TABLE suppliers RENAME TO suppliers_hidden');
    try {
      const res = await t
        .http()
        .post('/graphql')
        .set('content-type', 'application/json')
        .set('x-request-id', 'test-request-0001')
        .send({ query: '{ suppliers(first: 1) { totalCount } }' });
      const error = res.body.errors[0];
      expect(error.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId: 'test-request-0001' });
      expect(error.message).toBe('Internal server error (request test-request-0001)');
      expect(JSON.stringify(res.body)).not.toMatch(/relation|suppliers_hidden|postgres|SELECT|stack/i);
      expect(res.headers['x-request-id']).toBe('test-request-0001');
    } finally {
      await db.query('ALTER TABLE suppliers_hidden RENAME TO suppliers');
    }
  });

  it('refuses a body over the size limit', async () => {
    const res = await t
      .http()
      .post('/graphql')
      .set('content-type', 'application/json')
      .send({ query: `{ me { id } }`, variables: { pad: 'x'.repeat(300 * 1024) } });
    expect(res.status).toBe(413);
    expect(JSON.stringify(res.body)).not.toMatch(/stack|node_modules/);
  });
});

describe('migrations', () => {
  it('build the schema on an empty database, are idempotent, and revert cleanly', async () => {
    const { url, name } = await createDatabase();
    const dataSource = new DataSource(
      buildDataSourceOptions(
        { url, poolSize: 1, connectTimeoutMs: 5000, statementTimeoutMs: 30000, applicationName: 'migration-test' },
        ENTITIES,
      ),
    );
    try {
      await dataSource.initialize();
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      expect(applied.map((m) => m.name)).toEqual(MIGRATIONS.map((m) => new m().name));
      expect(await dataSource.runMigrations({ transaction: 'each' })).toEqual([]);
      const tables = (
        await dataSource.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`)
      ).map((r: { table_name: string }) => r.table_name);
      expect(tables).toEqual(
        expect.arrayContaining([
          'users',
          'suppliers',
          'supplier_certifications',
          'buyers',
          'buyer_plants',
          'company_memberships',
          'refresh_tokens',
          'search_outbox',
        ]),
      );
      // The entities agree with the migrated tables and columns (types, nullability). Constraints,
      // defaults and indexes live only in the migrations, so TypeORM's wish to drop them is ignored.
      const pending = await dataSource.driver.createSchemaBuilder().log();
      const columnChanges = pending.upQueries.map((q) => q.query).filter((q) => /CREATE TABLE|ADD "|DROP COLUMN| TYPE |NOT NULL/.test(q));
      expect(columnChanges).toEqual([]);
      for (let i = 0; i < MIGRATIONS.length; i += 1) await dataSource.undoLastMigration({ transaction: 'each' });
      const left = await dataSource.query(
        `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations'`,
      );
      expect(left[0].n).toBe(0);
    } finally {
      await dataSource.destroy().catch(() => undefined);
      await dropDatabase(name);
    }
  });

  it('are applied once when several processes start together on an empty database', async () => {
    // Two API instances and two workers after a deploy: each migrates as it starts.
    const { url, name } = await createDatabase();
    const processes = Array.from(
      { length: 4 },
      (_, i) =>
        new DataSource(
          buildDataSourceOptions(
            { url, poolSize: 1, connectTimeoutMs: 5000, statementTimeoutMs: 30000, applicationName: `starting-${i}` },
            ENTITIES,
          ),
        ),
    );
    try {
      await Promise.all(processes.map((dataSource) => dataSource.initialize()));
      const results = await Promise.allSettled(processes.map((dataSource) => runPendingMigrations(dataSource)));
      const outcomes = results.map((r) => (r.status === 'fulfilled' ? r.value.length : `failed: ${(r.reason as Error).message}`));
      expect([...outcomes].sort()).toEqual([0, 0, 0, MIGRATIONS.length]);
      const recorded = await processes[0].query(`SELECT name, count(*)::int AS n FROM migrations GROUP BY name HAVING count(*) > 1`);
      expect(recorded).toEqual([]);
    } finally {
      await Promise.all(processes.map((dataSource) => dataSource.destroy().catch(() => undefined)));
      await dropDatabase(name);
    }
  });
});
