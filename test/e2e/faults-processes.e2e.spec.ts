import { Agent, get as httpGet } from 'node:http';
import { connect } from 'node:net';
import { afterAll, afterEach, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { taxCodes } from '#libs/demo-data';
import { IndexMaintenance } from '#libs/search';
import { Taxonomy } from '#libs/taxonomy';
import { generateInto } from '#libs/demo-data';
import { loginAdmin } from '../support/accounts.js';
import {
  type ApiProcess,
  gqlOver,
  killIfRunning,
  serviceEnv,
  type ServiceProcess,
  spawnBuiltApp,
  startApiProcess,
} from '../support/processes.js';
import { createDatabase, dropDatabase } from '../support/database.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const CREATE = `mutation($input: CreateSupplierInput!) { createSupplier(input: $input) { id version } }`;
const UPDATE = `mutation($input: UpdateSupplierInput!) { updateSupplier(input: $input) { id version } }`;
const READ = `{ suppliers(first: 5) { totalCount edges { node { id nameVi } } } }`;

const taxCodeQueue = taxCodes('02', 4300000, 2000);
const supplierInput = (name: string) => ({
  taxCode: taxCodeQueue.shift()!,
  nameVi: `Công ty TNHH ${name}`,
  processes: ['CNC_MILLING'],
  zoneCode: 'VSIP_HP',
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await sleep(20);
  }
}

async function exitWithin(service: ServiceProcess, ms: number): Promise<{ code: number | string | null; signal: NodeJS.Signals | null }> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<{ code: string; signal: null }>((resolve) => {
    timer = setTimeout(() => resolve({ code: 'still running', signal: null }), ms);
  });
  return Promise.race([service.exited, late]).finally(() => clearTimeout(timer));
}

describe('search worker killed mid-batch (worker process)', () => {
  let t: TestApp;
  let worker: ServiceProcess | undefined;
  afterAll(async () => {
    await killIfRunning(worker);
    await t?.close();
  });

  it('applies every outbox entry after a restart: the index ends equal to the database, nothing lost or stuck', async () => {
    t = await startTestApp({ SEARCH_WORKER_IN_PROCESS: 'false' });
    const dataSource = t.app.get(DataSource);
    const taxonomy = Taxonomy.load();
    await generateInto(dataSource, taxonomy, 600, 5, 300, () => undefined);
    const admin = await loginAdmin(t);
    const outbox = async () => {
      const [row] = await dataSource.query(
        `SELECT count(*) FILTER (WHERE processed_at IS NOT NULL)::int AS done,
                count(*) FILTER (WHERE processed_at IS NULL AND available_at <= now())::int AS due
           FROM search_outbox`,
      );
      // Entries a worker has claimed and not committed: locked, so SKIP LOCKED passes over them.
      const [{ free }] = await dataSource.query(
        `SELECT count(*)::int AS free FROM (SELECT id FROM search_outbox WHERE processed_at IS NULL AND available_at <= now() FOR UPDATE SKIP LOCKED) s`,
      );
      return { done: row.done as number, due: row.due as number, claimed: (row.due as number) - (free as number) };
    };
    const env = serviceEnv(t.databaseUrl, {
      MEILI_INDEX_PREFIX: t.indexPrefix,
      OUTBOX_BATCH_SIZE: '40',
      OUTBOX_CONCURRENCY: '2',
      OUTBOX_POLL_MS: '200',
    });

    worker = spawnBuiltApp('worker', env);
    let atKill = { done: 0, due: 0, claimed: 0 };
    await until(
      'the worker to be half-way with a batch claimed',
      async () => {
        atKill = await outbox();
        if (atKill.done < 120 || atKill.claimed === 0) return false;
        worker!.child.kill('SIGKILL'); // at once: the batch in flight is still uncommitted
        return true;
      },
      60000,
    );
    expect(await worker.exited).toMatchObject({ signal: 'SIGKILL' });
    expect(atKill.due).toBeGreaterThan(0);
    expect(atKill.claimed).toBeGreaterThan(0);
    // PostgreSQL rolled the killed worker's batch back: its entries are due again and claimable.
    await until('the killed batch to be released', async () => (await outbox()).claimed === 0, 5000);

    // Writes keep coming while no worker runs: updates, a delete and a create.
    const ids: { id: string; version: number }[] = await dataSource.query(`SELECT id, version FROM suppliers ORDER BY tax_code LIMIT 8`);
    for (const { id, version } of ids.slice(0, 5)) {
      expect((await t.gql(UPDATE, { input: { id, version, employees: 321 } }, admin.token)).errors).toBeUndefined();
    }
    expect(
      (
        await t.gql(
          `mutation($id: ID!, $version: Int!) { deleteSupplier(id: $id, version: $version) }`,
          { id: ids[5].id, version: ids[5].version },
          admin.token,
        )
      ).errors,
    ).toBeUndefined();
    expect((await t.gql(CREATE, { input: supplierInput('Sau Sự Cố Worker') }, admin.token)).errors).toBeUndefined();

    worker = spawnBuiltApp('worker', env);
    await until('the restarted worker to drain the outbox', async () => (await outbox()).due === 0, 60000);
    worker.child.kill('SIGTERM');
    expect(await exitWithin(worker, 15000)).toMatchObject({ code: 0 });

    const report = await t.app.get(IndexMaintenance).check();
    const [{ n: rows }] = await dataSource.query(`SELECT count(*)::int AS n FROM suppliers`);
    expect(report).toMatchObject({ ok: true, missing: [], extra: [], stale: [], pending: 0, postgresCount: rows, indexCount: rows });
    const [{ n: stuck }] = await dataSource.query(
      `SELECT count(*)::int AS n FROM search_outbox WHERE processed_at IS NULL AND available_at <= now()`,
    );
    expect(stuck).toBe(0);
  }, 180_000); // generating, indexing and killing a worker: ~25 s alone, twice that on a busy machine
});

interface Outcome {
  started: number;
  ended: number;
  kind: 'create' | 'read';
  status?: number;
  ok: boolean;
  /** The connection-level failure (ECONNREFUSED, ECONNRESET…), when no response came. */
  failure?: string;
  createdId?: string;
}

describe('API SIGTERM under load (API process)', () => {
  let api: ApiProcess | undefined;
  let database: { url: string; name: string } | undefined;
  let locker: pg.Client | undefined;
  afterEach(async () => {
    await locker?.end().catch(() => undefined);
    await killIfRunning(api);
    if (database) await dropDatabase(database.name);
  });

  /** Whether a fresh TCP connection to the port is refused. */
  const refused = (port: number) =>
    new Promise<boolean>((resolve) => {
      const socket = connect({ port, host: '127.0.0.1' });
      socket.once('connect', () => {
        socket.destroy();
        resolve(false);
      });
      socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
    });

  it('finishes in-flight requests, refuses new connections, exits cleanly and keeps every accepted write', async () => {
    database = await createDatabase();
    api = await startApiProcess(serviceEnv(database.url, { SEARCH_WORKER_IN_PROCESS: 'true', OUTBOX_POLL_MS: '200', DB_POOL_SIZE: '8' }));
    const url = api.url;
    const registered = await gqlOver<{ register: { accessToken: string } }>(
      url,
      `mutation($input: RegisterInput!) { register(input: $input) { accessToken } }`,
      {
        input: { email: 'sigterm@example.vn', password: 'correct horse battery', displayName: 'Sigterm' },
      },
    );
    const token = registered.data!.register.accessToken;
    const held: { id: string; version: number }[] = [];
    for (let i = 0; i < 3; i += 1)
      held.push(
        (await gqlOver<{ createSupplier: { id: string; version: number } }>(url, CREATE, { input: supplierInput(`Giữ Khóa ${i}`) }, token))
          .data!.createSupplier,
      );

    // Three updates that will be in flight at SIGTERM: the test holds their rows' locks. And a
    // search-worker batch in flight too (slow Meilisearch, say): the test holds the advisory lock
    // the worker takes for a supplier, then queues that supplier.
    locker = new pg.Client({ connectionString: database.url });
    await locker.connect();
    await locker.query('BEGIN');
    await locker.query('SELECT id FROM suppliers WHERE id = ANY($1::uuid[]) FOR UPDATE', [held.map((s) => s.id)]);
    await locker.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 7401))`, [held[0].id]);
    const blocked = held.map((s) =>
      gqlOver<{ updateSupplier: { version: number } }>(url, UPDATE, { input: { id: s.id, version: s.version, employees: 77 } }, token),
    );
    const queue = new pg.Client({ connectionString: database.url });
    await queue.connect();
    await queue.query(
      `INSERT INTO search_outbox (aggregate, aggregate_id, reason, replica_id) SELECT 'supplier', $1, 'fault-test', id FROM search_replicas`,
      [held[0].id],
    );
    await queue.end();
    await until(
      'the updates and the worker to wait for the locks',
      async () =>
        (
          await locker!.query(
            `SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND application_name = 'hp-api'`,
          )
        ).rows[0].n >= 4,
      10000,
    );

    // Background load on keep-alive connections: writes and reads until a connection fails.
    const outcomes: Outcome[] = [];
    let stopping = false;
    const loops = Array.from({ length: 8 }, async (_, loop) => {
      for (let i = loop; !stopping; i += 1) {
        const kind = i % 2 ? 'read' : 'create';
        const started = Date.now();
        try {
          const answer =
            kind === 'read'
              ? await gqlOver(url, READ)
              : await gqlOver<{ createSupplier: { id: string } }>(url, CREATE, { input: supplierInput(`Tải ${loop}-${i}`) }, token);
          const ok = answer.status === 200 && !!answer.data && !answer.errors;
          outcomes.push({
            started,
            ended: Date.now(),
            kind,
            status: answer.status,
            ok,
            createdId: ok && kind === 'create' ? (answer.data as { createSupplier: { id: string } }).createSupplier.id : undefined,
          });
        } catch (error) {
          const cause = (error as { cause?: { code?: string } }).cause;
          outcomes.push({ started, ended: Date.now(), kind, ok: false, failure: cause?.code ?? String(error) });
          return; // the server is gone for this client
        }
      }
    });
    // A load balancer's readiness probe on a connection it keeps open.
    const probeAgent = new Agent({ keepAlive: true, maxSockets: 1 });
    const probe = () =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        httpGet(`${url}/health/ready`, { agent: probeAgent }, (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode!, body }));
        }).on('error', reject);
      });
    expect((await probe()).status).toBe(200);
    // under way: some writes accepted (counted, not timed: a busy machine serves fewer in a fixed wait)
    await until('six writes to be accepted', async () => outcomes.filter((o) => o.ok && o.kind === 'create').length >= 6, 30000);

    const terminatedAt = Date.now();
    api.child.kill('SIGTERM');
    const port = api.port;
    await until('new connections to be refused', () => refused(port), 2000); // no new connection once shutting down…
    expect(api.child.exitCode).toBeNull(); // …while the held updates are still being served
    const draining = await probe(); // …and readiness says so to whoever still holds a connection
    probeAgent.destroy();
    expect([draining.status, JSON.parse(draining.body).status]).toEqual([503, 'draining']);
    await sleep(300);
    await locker.query('COMMIT');

    const answers = await Promise.all(blocked);
    expect(answers.map((a) => [a.status, a.errors, a.data?.updateSupplier.version])).toEqual(held.map(() => [200, undefined, 2]));
    const exit = await exitWithin(api, 20000);
    stopping = true;
    await Promise.all(loops);
    expect(exit).toEqual({ code: 0, signal: null });

    // Every answer was a success; the only failures are connections refused after the shutdown began.
    expect(outcomes.filter((o) => o.status !== undefined && !o.ok)).toEqual([]);
    expect(outcomes.filter((o) => o.failure && (o.failure !== 'ECONNREFUSED' || o.started < terminatedAt))).toEqual([]);
    // Requests sent before the SIGTERM and answered after it: drained, not cut.
    expect(outcomes.filter((o) => o.ok && o.started < terminatedAt && o.ended > terminatedAt).length).toBeGreaterThan(0);

    // No accepted write is lost: each is in the database, with its search outbox entry.
    const accepted = outcomes.flatMap((o) => (o.createdId ? [o.createdId] : []));
    const check = new pg.Client({ connectionString: database.url });
    await check.connect();
    try {
      const {
        rows: [found],
      } = await check.query(
        `SELECT count(*)::int AS n, count(o.aggregate_id)::int AS queued FROM suppliers s LEFT JOIN LATERAL (SELECT aggregate_id FROM search_outbox WHERE aggregate_id = s.id LIMIT 1) o ON true WHERE s.id = ANY($1::uuid[])`,
        [accepted],
      );
      expect(found).toEqual({ n: accepted.length, queued: accepted.length });
      const { rows: updated } = await check.query(`SELECT version, employees FROM suppliers WHERE id = ANY($1::uuid[])`, [
        held.map((s) => s.id),
      ]);
      expect(updated).toEqual(held.map(() => ({ version: 2, employees: 77 })));
    } finally {
      await check.end();
    }
  });
});
