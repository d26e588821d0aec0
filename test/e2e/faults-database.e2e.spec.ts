import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { taxCodes } from '#libs/demo-data';
import { findFreePort, LocalPostgres } from '#libs/local-infra';
import { type ApiProcess, gqlOver, killIfRunning, serviceEnv, startApiProcess } from '../support/processes.js';

/**
 * PostgreSQL stopped, then frozen, under traffic. The test owns a PostgreSQL process (not the
 * suite's) so it can stop and freeze it; the API is a production process with small timeouts.
 */
const CONNECT_TIMEOUT_MS = 2000;
const STATEMENT_TIMEOUT_MS = 1000;
/** Longest a request may take while the database is away: the larger limit plus scheduling slack. */
const REQUEST_BOUND_MS = Math.max(CONNECT_TIMEOUT_MS, STATEMENT_TIMEOUT_MS * 1.5) + 1000;

const CREATE = `mutation($input: CreateSupplierInput!) { createSupplier(input: $input) { id } }`;
const READ = `{ suppliers(first: 5) { totalCount edges { node { id nameVi } } } }`;
const ME = `{ me { id } }`;
const KINDS = ['read', 'me', 'create'] as const;
type Kind = (typeof KINDS)[number];

const taxCodeQueue = taxCodes('02', 4100000, 3000);

interface Outcome {
  kind: Kind;
  ms: number;
  /** 'ok', the GraphQL error code, or `HTTP <status>` without one. */
  result: string;
  text: string;
  /** HTTP status and Retry-After: a declared refusal is 503 with Retry-After. */
  status: number;
  retryAfter: string | null;
  createdId?: string;
}

describe('database faults (own PostgreSQL process, API process)', () => {
  let dataDir: string;
  let port: number;
  let postgres: LocalPostgres;
  let api: ApiProcess;
  let token: string;
  let adminToken: string;
  let sql: pg.Pool;

  const startPostgres = () => LocalPostgres.start({ dataDir: join(dataDir, 'postgres'), port, database: 'faults' });

  /** One request of a kind, timed and classified. */
  const request = async (kind: Kind): Promise<Outcome> => {
    const taxCode = kind === 'create' ? taxCodeQueue.shift()! : '';
    const answer =
      kind === 'read'
        ? await gqlOver(api.url, READ)
        : kind === 'me'
          ? await gqlOver(api.url, ME, {}, token)
          : await gqlOver<{ createSupplier: { id: string } }>(
              api.url,
              CREATE,
              { input: { taxCode, nameVi: `Công ty TNHH Sự Cố ${taxCode}`, processes: ['CNC_MILLING'], zoneCode: 'VSIP_HP' } },
              token,
            );
    const result =
      answer.status === 200 && answer.data && !answer.errors ? 'ok' : (answer.errors?.[0]?.extensions?.code ?? `HTTP ${answer.status}`);
    const createdId =
      result === 'ok' && kind === 'create' ? (answer.data as { createSupplier: { id: string } }).createSupplier.id : undefined;
    return { kind, ms: answer.ms, result, text: answer.text, status: answer.status, retryAfter: answer.retryAfter, createdId };
  };

  /** Requests of every kind in parallel loops until stopped. */
  const traffic = (loops = 3) => {
    const outcomes: Outcome[] = [];
    let running = true;
    const done = Promise.all(
      Array.from({ length: loops }, async (_, loop) => {
        for (let i = loop; running; i += 1) {
          outcomes.push(await request(KINDS[i % KINDS.length]));
          await new Promise((r) => setTimeout(r, 20));
        }
      }),
    );
    return {
      stop: async () => {
        running = false;
        await done;
        return outcomes;
      },
    };
  };

  const ready = async () => {
    const started = Date.now();
    const res = await fetch(`${api.url}/health/ready`);
    return { status: res.status, body: (await res.json()) as { checks: Record<string, { status: string }> }, ms: Date.now() - started };
  };

  /** Polls /health/ready until it answers `status`; returns how long that took. */
  const readinessBecomes = async (status: number, withinMs: number): Promise<number> => {
    const started = Date.now();
    for (;;) {
      const answer = await ready();
      if (answer.status === status) return Date.now() - started;
      if (Date.now() - started > withinMs)
        throw new Error(`/health/ready still ${answer.status} after ${withinMs} ms: ${JSON.stringify(answer.body)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  /** Every kind of request succeeds (the same API process throughout: it is never restarted). */
  const expectServing = async () => {
    for (const kind of KINDS) expect(await request(kind)).toMatchObject({ kind, result: 'ok' });
  };

  const expectCleanFailure = (outcome: Outcome) => {
    // a declared refusal: clients, proxies and load balancers back off without reading the body
    expect(outcome).toMatchObject({ result: 'SERVICE_UNAVAILABLE', status: 503, retryAfter: '2' });
    expect(outcome.text).not.toMatch(/stack|ECONNREFUSED|postgres|SELECT|INSERT|node_modules/i);
  };

  /** What the traffic saw: only successes and clean SERVICE_UNAVAILABLE, none slow; accepted writes kept. */
  const expectTrafficSurvived = async (outcomes: Outcome[]) => {
    const unexpected = outcomes.filter(
      (o) => o.result !== 'ok' && !(o.result === 'SERVICE_UNAVAILABLE' && o.status === 503 && o.retryAfter === '2'),
    );
    // With the API's log lines for them, so a failure says what the server saw.
    const logged = unexpected.flatMap((o) => {
      const requestId = /"requestId":"([^"]+)"/.exec(o.text)?.[1];
      return requestId
        ? api
            .output()
            .split('\n')
            .filter((l) => l.includes(requestId))
            .map((l) => l.slice(0, 1500))
        : [];
    });
    expect({ unexpected, logged }).toEqual({ unexpected: [], logged: [] });
    expect(outcomes.filter((o) => o.result === 'SERVICE_UNAVAILABLE').length).toBeGreaterThan(0);
    expect(Math.max(...outcomes.map((o) => o.ms))).toBeLessThan(REQUEST_BOUND_MS);
    const created = outcomes.flatMap((o) => (o.createdId ? [o.createdId] : []));
    const { rows } = await sql.query(`SELECT count(*)::int AS n FROM suppliers WHERE id = ANY($1::uuid[])`, [created]);
    expect(rows[0].n).toBe(created.length);
  };

  /**
   * The in-process search worker indexes again: nothing due is left in the outbox. A batch may wait
   * up to the index's task timeout (20 s) on a Meilisearch that other suites keep busy, then back off
   * (at most OUTBOX_MAX_BACKOFF_MS, 1 s here): a worker that recovered drains within that, so the
   * wait is that long; a failure shows what the entries were left with.
   */
  const expectOutboxDrained = async () => {
    const deadline = Date.now() + 20000 + 1000 + 4000;
    for (;;) {
      const { rows } = await sql.query(
        `SELECT count(*)::int AS n, max(attempts)::int AS attempts, max(last_error) AS error FROM search_outbox WHERE processed_at IS NULL AND available_at <= now() + interval '5 minutes'`,
      );
      if (rows[0].n === 0) return;
      if (Date.now() > deadline)
        throw new Error(
          `${rows[0].n} outbox entries still pending (attempts up to ${rows[0].attempts}, last error: ${rows[0].error}): the worker did not recover`,
        );
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'hp-pg-faults-'));
    chmodSync(dataDir, 0o755);
    port = await findFreePort();
    postgres = await startPostgres();
    api = await startApiProcess(
      serviceEnv(postgres.url, {
        DB_CONNECT_TIMEOUT_MS: String(CONNECT_TIMEOUT_MS),
        DB_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS),
        DB_POOL_SIZE: '4',
        SEARCH_WORKER_IN_PROCESS: 'true',
        OUTBOX_POLL_MS: '200',
        OUTBOX_MAX_BACKOFF_MS: '1000',
      }),
    );
    const registered = await gqlOver<{ register: { accessToken: string } }>(
      api.url,
      `mutation($input: RegisterInput!) { register(input: $input) { accessToken } }`,
      {
        input: { email: 'faults@example.vn', password: 'correct horse battery', displayName: 'Faults' },
      },
    );
    token = registered.data!.register.accessToken;
    const admin = await gqlOver<{ login: { accessToken: string } }>(
      api.url,
      `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }`,
      { email: 'admin@test.local', password: 'admin-password-for-tests' },
    );
    adminToken = admin.data!.login.accessToken;
    sql = new pg.Pool({ connectionString: postgres.url, max: 1 });
    sql.on('error', () => undefined); // its idle connection dies with each stop
  });
  afterAll(async () => {
    postgres?.signalServer('SIGCONT'); // a failed freeze test must not leave it stopped
    await killIfRunning(api);
    await sql?.end();
    await postgres?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers SERVICE_UNAVAILABLE at once while PostgreSQL is down, and recovers by itself when it returns', async () => {
    await expectServing();
    const load = traffic();
    let outcomes: Outcome[] = [];
    try {
      await new Promise((r) => setTimeout(r, 300));
      await postgres.stop();
      expect(await readinessBecomes(503, 5000)).toBeLessThan(2000);
      const down = await ready();
      expect(down.body.checks).toMatchObject({ postgres: { status: 'down' }, meilisearch: { status: 'up' } });

      // Connection refused: every kind of request fails well under the connect timeout, cleanly.
      for (const kind of KINDS) {
        const outcome = await request(kind);
        expectCleanFailure(outcome);
        expect(outcome.ms).toBeLessThan(CONNECT_TIMEOUT_MS / 2);
      }
      // a plain HTTP route (a CSV download) too: a declared 503, not a masked 500
      const csv = await fetch(`${api.url}/analytics/supply-coverage.csv`, { headers: { authorization: `Bearer ${adminToken}` } });
      expect({ status: csv.status, retryAfter: csv.headers.get('retry-after'), body: await csv.json() }).toMatchObject({
        status: 503,
        retryAfter: '2',
        body: { error: { code: 'SERVICE_UNAVAILABLE', message: 'The database is unavailable; try again shortly' } },
      });
      await new Promise((r) => setTimeout(r, 300));

      postgres = await startPostgres();
      await readinessBecomes(200, 10000);
      await new Promise((r) => setTimeout(r, 300));
    } finally {
      outcomes = await load.stop(); // never leave requests running after a failed expectation
    }
    await expectTrafficSurvived(outcomes);
    await expectServing();
    await expectOutboxDrained();
  });

  it('times requests out within the configured limits while PostgreSQL is frozen, and recovers after it resumes', async () => {
    await expectServing();
    const load = traffic();
    let outcomes: Outcome[] = [];
    try {
      await new Promise((r) => setTimeout(r, 300));
      postgres.signalServer('SIGSTOP'); // the postmaster and every backend: connections stay open, nothing answers
      try {
        const frozenReady = await ready();
        expect(frozenReady).toMatchObject({ status: 503, body: { checks: { postgres: { status: 'down' } } } });
        expect(frozenReady.ms).toBeLessThan(2000);
        for (const outcome of await Promise.all(KINDS.map((kind) => request(kind)))) {
          expectCleanFailure(outcome);
          expect(outcome.ms).toBeLessThan(REQUEST_BOUND_MS);
        }
      } finally {
        postgres.signalServer('SIGCONT');
      }
      await readinessBecomes(200, 5000);
      // Traffic goes on past the idle-in-transaction timeout (3 × the statement timeout): a session
      // a timed-out statement left inside a transaction would be killed under a request by then.
      await new Promise((r) => setTimeout(r, STATEMENT_TIMEOUT_MS * 3 + 500));
    } finally {
      outcomes = await load.stop();
    }
    await expectTrafficSurvived(outcomes);
    // Once resumed, everything succeeds: the pool kept no broken or stranded connection.
    const resumed = outcomes.slice(-9);
    expect(resumed.map((o) => `${o.kind} ${o.result}`)).toEqual(resumed.map((o) => `${o.kind} ok`));
    await expectServing();
    await expectOutboxDrained();
  });
});
