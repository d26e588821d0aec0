import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { loadConfig } from '#libs/config';
import { logger } from '#libs/core';
import { findFreePort, startInfrastructure, type Infrastructure } from '#libs/local-infra';
import { SearchOutboxWorker, SearchReplicas } from '#libs/search';
import { createApiApp } from '../../api/src/bootstrap.js';

export interface LatencyStats {
  requests: number;
  errors: number;
  seconds: number;
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Runs `total` calls of `work(i)` with `concurrency` in flight; latencies in ms. */
export async function runLoad(total: number, concurrency: number, work: (i: number) => Promise<boolean>): Promise<LatencyStats> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const t0 = process.hrtime.bigint();
        let ok = false;
        try {
          ok = await work(i);
        } catch {
          ok = false;
        }
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
        if (!ok) errors += 1;
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  latencies.sort((a, b) => a - b);
  return {
    requests: total,
    errors,
    seconds,
    throughput: total / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
  };
}

export const ms = (value: number) => `${value.toFixed(1)} ms`;

export interface BenchStack {
  infra: Infrastructure;
  /** In-process app: the benchmark's own tools (worker, maintenance, services). */
  app: NestExpressApplication;
  /** The API measured: a separate `node dist/apps/api/src/main.js` process in production mode, as deployed. */
  url: string;
  /** Its process id (to read its memory). */
  apiPid: number;
  config: ReturnType<typeof loadConfig>;
  close(): Promise<void>;
}

/**
 * A fresh embedded PostgreSQL and Meilisearch in a throw-away folder (or BENCH_DATA_DIR, kept, to
 * reuse a loaded data set) and the real API on a free port, its in-process worker off (the
 * benchmark drives the worker itself).
 */
/**
 * The load generator is one client address sending hundreds of searches a second: the API under
 * measurement gets search limits far above that, so the benchmark measures search, not the limiter.
 */
const BENCH_RATE_LIMITS = { SEARCH_MAX_PER_ADDRESS: '10000000', SEARCH_MAX_PER_USER: '10000000', MATCH_MAX_PER_USER: '10000000' };

export async function startBenchStack(env: Record<string, string> = {}, machine: { meiliCpus?: string } = {}): Promise<BenchStack> {
  const keep = process.env.BENCH_DATA_DIR;
  const dataDir = keep ?? mkdtempSync(join(tmpdir(), 'hp-bench-'));
  mkdirSync(dataDir, { recursive: true });
  chmodSync(dataDir, 0o755);
  logger.setLevel('warn');
  const infra = await startInfrastructure({
    dataDir,
    pgPort: await findFreePort(),
    // BENCH_MEILI_PORT: the port of a kept data folder's last run (BENCH_DATA_DIR), whose replica is
    // registered and indexed already; a new port is a new replica, indexed from scratch (2–3 min at 100 000).
    meiliPort: Number(process.env.BENCH_MEILI_PORT) || (await findFreePort()),
    database: 'bench',
    meiliCpus: machine.meiliCpus,
  });
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: infra.databaseUrl,
    MEILI_URL: infra.meiliUrl,
    MEILI_MASTER_KEY: infra.meiliMasterKey,
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret-000',
    ADMIN_EMAIL: 'admin@bench.local',
    ADMIN_PASSWORD: 'bench-admin-password',
    SEED_DEMO_DATA: 'false',
    SEARCH_WORKER_IN_PROCESS: 'false',
    LOG_LEVEL: 'warn',
    DB_POOL_SIZE: '6',
    // The benchmark's own tools (loading, indexing, polling) wait for a busy database rather than
    // stopping the run; the API measured keeps the defaults.
    DB_CONNECT_TIMEOUT_MS: '60000',
    DB_STATEMENT_TIMEOUT_MS: '120000',
    REGISTER_MAX_ATTEMPTS: '100000',
    LOGIN_MAX_ATTEMPTS: '10000',
    ...BENCH_RATE_LIMITS,
    ...env,
  });
  const app = await createApiApp({ config, databaseUrl: infra.databaseUrl, meiliUrl: infra.meiliUrl, meiliKey: infra.meiliMasterKey });
  // The load generator runs in this process; the API under test runs in its own, as in production,
  // so the two do not share one event loop.
  const { url, child: api } = await spawnApi(infra, config, env);
  return {
    infra,
    app,
    config,
    url,
    apiPid: api.pid!,
    async close() {
      api.kill('SIGTERM');
      await new Promise((resolve) => (api.exitCode !== null ? resolve(null) : api.once('exit', resolve)));
      await app.close();
      await infra.stop();
      if (!keep) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The API measured: `node dist/apps/api/src/main.js` in production mode on a free port, on the
 * stack's database and Meilisearch, with `env` on top (bench:web-ab starts a second one serving
 * another build of the web app). Resolves once it answers /health/live.
 */
export async function spawnApi(
  infra: Infrastructure,
  config: ReturnType<typeof loadConfig>,
  env: Record<string, string> = {},
): Promise<{ url: string; child: ChildProcess }> {
  const port = await findFreePort();
  // BENCH_API_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/p" profiles the API under load; BENCH_API_LOG_LEVEL=info
  // prints its request lines (each with its GraphQL operation and milliseconds) on this process's output.
  const nodeArgs = process.env.BENCH_API_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const api = spawn(process.execPath, [...nodeArgs, new URL('../../api/src/main.js', import.meta.url).pathname], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: infra.databaseUrl,
      MEILI_URL: infra.meiliUrl,
      MEILI_MASTER_KEY: infra.meiliMasterKey,
      JWT_SECRET: config.JWT_SECRET,
      ADMIN_EMAIL: config.ADMIN_EMAIL,
      ADMIN_PASSWORD: config.ADMIN_PASSWORD,
      LOG_LEVEL: process.env.BENCH_API_LOG_LEVEL ?? 'warn',
      LOGIN_MAX_ATTEMPTS: '10000',
      ...BENCH_RATE_LIMITS,
      ...env,
      // The in-process app seeds and runs the worker when the benchmark wants them; never twice.
      SEED_DEMO_DATA: 'false',
      SEARCH_WORKER_IN_PROCESS: 'false',
    },
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i += 1) {
    if (api.exitCode !== null) throw new Error('the API process exited during start-up');
    if (
      await fetch(`${url}/health/live`)
        .then((r) => r.ok)
        .catch(() => false)
    )
      break;
    if (i > 600) throw new Error('the API process did not start within 60 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, child: api };
}

/** An access token of the bench stack's administrator, for the GraphQL requests a benchmark measures. */
export async function loginAdmin(stack: BenchStack): Promise<string> {
  const res = await fetch(`${stack.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }',
      variables: { e: stack.config.ADMIN_EMAIL, p: stack.config.ADMIN_PASSWORD },
    }),
  });
  const body = (await res.json()) as { data?: { login: { accessToken: string } }; errors?: unknown };
  if (!body.data) throw new Error(`admin login failed: ${JSON.stringify(body.errors)}`);
  return body.data.login.accessToken;
}

export function saveResults(name: string, results: unknown): string {
  mkdirSync('bench-results', { recursive: true });
  const file = join('bench-results', `${name}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  return file;
}

export function argNumber(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

/** Resident memory of a process in MB (Linux /proc), or NaN once it is gone. */
export function rssMb(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** Runs the stack's search worker until no outbox entry is due, printing progress; returns the seconds it took. */
export async function indexThroughWorker(stack: BenchStack, progress: (done: number, total: number) => void): Promise<number> {
  const worker = stack.app.get(SearchOutboxWorker);
  const due = () => dueOutboxEntries(stack);
  const total = await due();
  const started = Date.now();
  if (total === 0) return 0;
  worker.start();
  for (;;) {
    const left = await due();
    progress(total - left, total);
    if (left === 0) break;
    await new Promise((r) => setTimeout(r, 1000));
  }
  await worker.stop();
  return (Date.now() - started) / 1000;
}

/**
 * Outbox entries due now for this stack's own search replicas. Ready entries only: the worker also
 * schedules entries for future certificate expiries. A data folder kept between runs
 * (BENCH_DATA_DIR) remembers the replicas of earlier runs, whose Meilisearch had another port: their
 * entries stay pending for ever and are not this run's work.
 */
export async function dueOutboxEntries(stack: BenchStack): Promise<number> {
  const replicas = (await stack.app.get(SearchReplicas).registered()).map((r) => r.id);
  const [{ n }] = await stack.app
    .get(DataSource)
    .query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM search_outbox WHERE processed_at IS NULL AND available_at <= now() AND replica_id = ANY($1)',
      [replicas],
    );
  return n;
}
