import { afterAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { generateInto } from '#libs/demo-data';
import { IndexMaintenance } from '#libs/search';
import { Taxonomy } from '#libs/taxonomy';
import { loginAdmin } from '../support/accounts.js';
import { gqlOver, killIfRunning, serviceEnv, spawnBuiltApp, startApiProcess, type ServiceProcess } from '../support/processes.js';
import { createDatabase, dropDatabase } from '../support/database.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const UPDATE = `mutation($input: UpdateSupplierInput!) { updateSupplier(input: $input) { id version } }`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await sleep(50);
  }
}

/** The outbox entries a worker says it applied, from its structured log (`search batch applied`, debug level). */
function appliedBy(worker: ServiceProcess): number {
  return worker
    .output()
    .split('\n')
    .filter((line) => line.includes('"search batch applied"'))
    .reduce((sum, line) => sum + (JSON.parse(line) as { entries: number }).entries, 0);
}

/**
 * Issue 15, item 2: two worker processes drain one outbox together while the API takes writes that
 * change the same suppliers again and again. Each entry is applied once (the two workers' counts
 * add up to the outbox, and both did part of it), and the index ends equal to the database: no
 * document older than its row, whichever worker wrote it last.
 */
describe('two search workers under a write load (worker processes)', () => {
  let t: TestApp;
  const workers: ServiceProcess[] = [];
  afterAll(async () => {
    for (const worker of workers) await killIfRunning(worker);
    await t?.close();
  });

  it('share the outbox without applying an entry twice and leave the index equal to the database', async () => {
    t = await startTestApp({ SEARCH_WORKER_IN_PROCESS: 'false' });
    const dataSource = t.app.get(DataSource);
    const taxonomy = Taxonomy.load();
    await generateInto(dataSource, taxonomy, 400, 11, 200, () => undefined);
    const admin = await loginAdmin(t);
    const env = serviceEnv(t.databaseUrl, {
      MEILI_INDEX_PREFIX: t.indexPrefix,
      LOG_LEVEL: 'debug',
      OUTBOX_BATCH_SIZE: '25',
      OUTBOX_CONCURRENCY: '2',
      OUTBOX_POLL_MS: '100',
    });
    workers.push(spawnBuiltApp('worker', env), spawnBuiltApp('worker', env));

    // The write load: 8 clients, each updating the same 12 suppliers over and over (a newer row
    // must never be overwritten in the index by an older document from the other worker).
    const hot: { id: string; version: number }[] = await dataSource.query(`SELECT id, version FROM suppliers ORDER BY tax_code LIMIT 12`);
    let writes = 0;
    const client = async (n: number) => {
      for (let round = 0; round < 6; round += 1) {
        const target = hot[(n + round) % hot.length];
        for (;;) {
          const answer = await t.gql<{ updateSupplier: { version: number } }>(
            UPDATE,
            { input: { id: target.id, version: target.version, employees: 100 + n * 10 + round } },
            admin.token,
          );
          if (answer.data?.updateSupplier) {
            target.version = answer.data.updateSupplier.version;
            writes += 1;
            break;
          }
          // another client changed it first: read its version and try again
          const [row]: { version: number }[] = await dataSource.query(`SELECT version FROM suppliers WHERE id = $1`, [target.id]);
          target.version = row.version;
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, (_, n) => client(n)));
    expect(writes).toBe(48);

    const due = async () =>
      Number(
        (await dataSource.query(`SELECT count(*)::int AS n FROM search_outbox WHERE processed_at IS NULL AND available_at <= now()`))[0].n,
      );
    await until('the two workers to drain the outbox', async () => (await due()) === 0, 120_000);
    for (const worker of workers) worker.child.kill('SIGTERM');
    const exits = await Promise.all(workers.map((worker) => worker.exited));
    expect(exits.map((exit) => exit.code)).toEqual([0, 0]);

    const [{ n: processed }] = await dataSource.query(`SELECT count(*)::int AS n FROM search_outbox WHERE processed_at IS NOT NULL`);
    const counts = workers.map(appliedBy);
    expect(counts[0] + counts[1]).toBe(processed); // each entry applied by exactly one worker
    expect(Math.min(...counts)).toBeGreaterThan(0); // and both took a share

    const report = await t.app.get(IndexMaintenance).check();
    const [{ n: rows }] = await dataSource.query(`SELECT count(*)::int AS n FROM suppliers`);
    expect(report).toMatchObject({ ok: true, missing: [], extra: [], stale: [], pending: 0, postgresCount: rows, indexCount: rows });
  }, 240_000);
});

/**
 * A deploy of the scaled-out topology on a new database: two API instances and two workers start at
 * the same moment, each migrating and the APIs seeding the administrator. They take
 * turns (PostgreSQL advisory locks): every process comes up, each migration and the administrator
 * exist once. Without the locks, processes died on "duplicate key" in the migrations and the admin.
 */
describe('two API instances and two workers starting together on an empty database', () => {
  const started: ServiceProcess[] = [];
  let database: { url: string; name: string } | undefined;
  afterAll(async () => {
    for (const service of started) await killIfRunning(service);
    if (database) await dropDatabase(database.name);
  });

  it('all come up, migrating and seeding once', async () => {
    database = await createDatabase();
    // (the demo data would be loaded under the same lock as the administrator: left out, it only adds time)
    const env = serviceEnv(database.url, { SEED_DEMO_DATA: 'false', SEARCH_WORKER_IN_PROCESS: 'false', ANALYTICS_REFRESH_MINUTES: '0' });
    const [apis] = await Promise.all([
      Promise.all([startApiProcess(env), startApiProcess(env)]),
      (async () => started.push(spawnBuiltApp('worker', env), spawnBuiltApp('worker', env)))(),
    ]);
    started.push(...apis);
    for (const api of apis) {
      await until(
        'the API to be ready',
        () =>
          fetch(`${api.url}/health/ready`).then(
            (r) => r.ok,
            () => false,
          ),
        60_000,
      );
      const login = await gqlOver<{ login: { accessToken: string } }>(
        api.url,
        `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`,
        { e: env.ADMIN_EMAIL, p: env.ADMIN_PASSWORD },
      );
      expect(login.errors).toBeUndefined();
    }
    await sleep(500); // the workers finished migrating well before: still running?
    expect(started.map((service) => service.child.exitCode)).toEqual([null, null, null, null]);
    const check = new DataSource({ type: 'postgres', url: database.url });
    await check.initialize();
    try {
      expect(await check.query(`SELECT name FROM migrations GROUP BY name HAVING count(*) > 1`)).toEqual([]);
      expect(await check.query(`SELECT count(*)::int AS n FROM users WHERE platform_role = 'ADMIN'`)).toEqual([{ n: 1 }]);
    } finally {
      await check.destroy();
    }
  }, 180_000);
});
