import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig } from '#libs/config';
import { logger } from '#libs/core';
import { findFreePort, LocalMeilisearch, startInfrastructure } from '#libs/local-infra';
import { createApiApp } from '../../api/src/bootstrap.js';
import { gql, login, mixedRequests, prepareMix, refreshVersions, type AcknowledgedWrite } from './load-mix.js';
import { RoundRobinClient, Tally, type Reply } from './scale-client.js';
import { argNumber, saveResults } from './support.js';

/**
 * `npm run bench:scale [-- --suppliers 5000 --duration 60 --connections 64]` (issue 15): the scaled-out
 * topology on one machine, all real processes: two API instances and two workers on one PostgreSQL,
 * two Meilisearch replicas. A client spreads the load benchmark's mix over both instances as a load
 * balancer would (round-robin, a refused or dropped connection retried once on the other instance)
 * while the harness, at fixed points of the run (for 60 s): stops API instance 1 at 20 s (SIGTERM, as
 * a deploy does) and starts it again at 35 s, SIGKILLs worker 1 at 30 s, stops Meilisearch replica B
 * at 40 s and starts it at 50 s. Then it waits for the outbox to drain and reports: requests, errors
 * by kind (the retry's absorbed failures apart), throughput beside one instance alone (same machine,
 * same mix, before the faults), lost writes (every acknowledged write must be in PostgreSQL, and the
 * index of each replica equal to PostgreSQL), and whether the login limit held across both instances.
 * Exits 1 when a check fails.
 */

/** The mix's search and match limits are far above what one load generator sends; the login limit stays at its default, to check it. */
const LIMITS = {
  SEARCH_MAX_PER_USER: '10000000',
  SEARCH_MAX_PER_ADDRESS: '10000000',
  MATCH_MAX_PER_USER: '10000000',
  REGISTER_MAX_ATTEMPTS: '100000',
};

interface Managed {
  name: string;
  start(): Promise<void>;
  stop(signal: NodeJS.Signals): Promise<void>;
}

/** A built app (`dist/apps/<app>/src/main.js`) as its own process, restartable with the same settings (and port). */
function managedApp(name: string, app: 'api' | 'worker', env: Record<string, string>, readyUrl?: string): Managed {
  let child: ChildProcess | undefined;
  return {
    name,
    async start() {
      child = spawn(process.execPath, [new URL(`../../${app}/src/main.js`, import.meta.url).pathname], {
        stdio: ['ignore', 'ignore', 'inherit'],
        env: { PATH: process.env.PATH, LOG_LEVEL: 'error', ...env },
      });
      if (!readyUrl) return;
      for (let i = 0; ; i += 1) {
        if (child.exitCode !== null) throw new Error(`${name} exited during start-up`);
        if (
          await fetch(`${readyUrl}/health/live`).then(
            (r) => r.ok,
            () => false,
          )
        )
          return;
        if (i > 1200) throw new Error(`${name} did not start within 120 s`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async stop(signal) {
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      child.kill(signal);
      await exited;
    },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main(): Promise<void> {
  const supplierCount = argNumber('suppliers', 5000);
  const needCount = argNumber('needs', 500);
  const seconds = argNumber('duration', 60);
  const connections = argNumber('connections', 64);
  const baselineSeconds = argNumber('baseline-duration', Math.round(seconds / 3));
  const at = (second: number) => (second / 60) * seconds * 1000; // the fault schedule, written for a 60 s run

  const dataDir = process.env.BENCH_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'hp-scale-'));
  mkdirSync(dataDir, { recursive: true });
  chmodSync(dataDir, 0o755);
  logger.setLevel('warn');
  const infra = await startInfrastructure({ dataDir, pgPort: await findFreePort(), meiliPort: await findFreePort(), database: 'bench' });
  const replicaBPort = await findFreePort();
  const replicaB = () => LocalMeilisearch.start({ dataDir: join(dataDir, 'meili-b'), port: replicaBPort, masterKey: infra.meiliMasterKey });
  let meiliB = await replicaB();
  const meiliUrls = [infra.meiliUrl, meiliB.url];
  const shared = {
    NODE_ENV: 'production',
    DATABASE_URL: infra.databaseUrl,
    MEILI_URL: meiliUrls.join(','),
    MEILI_MASTER_KEY: infra.meiliMasterKey!,
    JWT_SECRET: 'scale-secret-scale-secret-scale-secret-00',
    ADMIN_EMAIL: 'admin@bench.local',
    ADMIN_PASSWORD: 'bench-admin-password',
    ANALYTICS_REFRESH_MINUTES: '0',
    ...LIMITS,
  };
  // The benchmark's own tools (data set, checks) in this process, on the same database and replicas.
  const config = loadConfig({
    ...shared,
    NODE_ENV: 'test',
    SEED_DEMO_DATA: 'false',
    SEARCH_WORKER_IN_PROCESS: 'false',
    DB_CONNECT_TIMEOUT_MS: '60000',
    DB_STATEMENT_TIMEOUT_MS: '120000',
  });
  const tools = await createApiApp({ config, databaseUrl: infra.databaseUrl, meiliUrl: shared.MEILI_URL, meiliKey: infra.meiliMasterKey });
  const dataSource = tools.get(DataSource);
  const ports = [await findFreePort(), await findFreePort()];
  const urls = ports.map((port) => `http://127.0.0.1:${port}`);
  const apis = ports.map((port, i) =>
    managedApp(
      `API instance ${i + 1}`,
      'api',
      { ...shared, HOST: '127.0.0.1', PORT: String(port), SEARCH_WORKER_IN_PROCESS: 'false' },
      urls[i],
    ),
  );
  const workers = [1, 2].map((n) => managedApp(`worker ${n}`, 'worker', { ...shared, OUTBOX_BATCH_SIZE: '500' }));
  const out: Record<string, unknown> = {
    suppliers: supplierCount,
    needs: needCount,
    seconds,
    connections,
    date: new Date().toISOString(),
    machine: `${cpus().length} cores`,
  };
  let failed = true;
  try {
    await Promise.all(apis.map((service) => service.start()));
    // The data set first, the workers after: the verification mix queues a supplier only when no entry
    // for it is pending, which is safe only while no worker is applying one (its document would keep
    // the status it read before the mix).
    const mix = await prepareMix(tools, urls[0], supplierCount, needCount);
    await Promise.all(workers.map((service) => service.start()));
    process.stdout.write(`two API instances (${urls.join(', ')}), two workers, replicas ${meiliUrls.join(', ')}\n`);
    const indexed = Date.now();
    await waitUntilDrained(dataSource, 600_000);
    process.stdout.write(`indexed into both replicas by the two workers in ${((Date.now() - indexed) / 1000).toFixed(1)} s\n`);
    const adminToken = await login(urls[0], shared.ADMIN_EMAIL, shared.ADMIN_PASSWORD);
    if (!adminToken) throw new Error('admin login failed');

    // One instance alone: the same mix, no faults.
    await refreshVersions(mix.members, dataSource);
    const alone = await drive(
      new RoundRobinClient([urls[0]]),
      mixedRequests(mix, adminToken, dataSource),
      connections,
      baselineSeconds,
      [],
    );
    process.stdout.write(`one instance alone: ${summaryLine(alone.tally, baselineSeconds)}\n`);

    // Both instances, with the faults.
    await refreshVersions(mix.members, dataSource);
    const acknowledged = new Map<string, AcknowledgedWrite>();
    const next = mixedRequests(mix, adminToken, dataSource, (write) => acknowledged.set(write.supplierId, write));
    const events: { at: number; what: () => Promise<unknown>; label: string }[] = [
      { at: at(20), label: 'API instance 1 stopped (SIGTERM)', what: () => apis[0].stop('SIGTERM') },
      { at: at(30), label: 'worker 1 killed (SIGKILL)', what: () => workers[0].stop('SIGKILL') },
      { at: at(35), label: 'API instance 1 started again', what: () => apis[0].start() },
      { at: at(40), label: 'Meilisearch replica B stopped', what: () => meiliB.stop() },
      { at: at(50), label: 'Meilisearch replica B started again', what: async () => (meiliB = await replicaB()) },
    ];
    const both = await drive(new RoundRobinClient(urls), next, connections, seconds, events);
    process.stdout.write(`two instances with faults: ${summaryLine(both.tally, seconds)}\n`);

    // After the run: the outbox drained into both replicas (B caught up), every acknowledged write stored and indexed.
    const drainedIn = await waitUntilDrained(dataSource, 180_000);
    const rows: { id: string; version: number; employees: number }[] = await dataSource.query(
      `SELECT id, version, employees FROM suppliers WHERE id = ANY($1::uuid[])`,
      [[...acknowledged.keys()]],
    );
    const lost = [...acknowledged.values()].filter((write) => {
      const row = rows.find((r) => r.id === write.supplierId);
      return !row || row.version < write.version || (row.version === write.version && row.employees !== write.employees);
    });
    const health = await gql<{ searchIndexHealth: { ok: boolean; postgresCount: number; replicas: ReplicaHealth[] } }>(
      urls[1],
      `{ searchIndexHealth { ok postgresCount replicas { url ok error indexCount pending missingCount extraCount staleCount } } }`,
      {},
      adminToken,
    );
    const replicas = health.data?.searchIndexHealth.replicas ?? [];
    const postgresCount = health.data?.searchIndexHealth.postgresCount;
    const limit = await loginLimitAcrossInstances(urls);

    const unabsorbed = both.tally.summary(seconds).errors + alone.tally.summary(baselineSeconds).errors;
    const checks = {
      errors: unabsorbed === 0,
      lostWrites: lost.length === 0,
      replicasEqualPostgres: replicas.length === meiliUrls.length && replicas.every((r) => r.ok),
      loginLimitGlobal: limit.refusedFrom === limit.limit + 1,
    };
    failed = !Object.values(checks).every(Boolean);
    Object.assign(out, {
      alone: {
        seconds: baselineSeconds,
        ...alone.tally.summary(baselineSeconds),
        errorsByKind: alone.tally.errors,
        absorbed: alone.tally.absorbed,
      },
      both: {
        seconds,
        ...both.tally.summary(seconds),
        errorsByKind: both.tally.errors,
        absorbed: both.tally.absorbed,
        events: both.events,
      },
      acknowledgedWrites: acknowledged.size,
      lostWrites: lost,
      drainedAfterRunSeconds: drainedIn,
      replicas,
      loginLimit: limit,
      checks,
    });
    const mark = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
    const report = [
      `Scale benchmark: 2 API instances, 2 workers, 2 Meilisearch replicas, one PostgreSQL; ${supplierCount} suppliers, ${connections} connections, ${out.machine}`,
      `one instance alone (${baselineSeconds} s, no faults):  ${summaryLine(alone.tally, baselineSeconds)}`,
      `two instances (${seconds} s, with faults):  ${summaryLine(both.tally, seconds)}`,
      `  throughput: ${(both.tally.summary(seconds).throughput / Math.max(0.001, alone.tally.summary(baselineSeconds).throughput)).toFixed(2)}× one instance alone`,
      ...both.events.map((e) => `  ${(e.at / 1000).toFixed(1)} s: ${e.label} (took ${(e.tookMs / 1000).toFixed(1)} s)`),
      `  absorbed by the retry: ${formatCounts(both.tally.absorbed)}; not absorbed: ${formatCounts(both.tally.errors)}`,
      ...both.tally.samples.map((sample) => `  error: ${sample}`),
      `errors: ${mark(checks.errors)} (${unabsorbed} the retry did not absorb)`,
      `lost writes: ${mark(checks.lostWrites)} (${acknowledged.size} suppliers written; ${lost.length} whose last acknowledged write is not in PostgreSQL)`,
      `replicas: ${mark(checks.replicasEqualPostgres)} (outbox drained ${drainedIn.toFixed(1)} s after the run) ` +
        replicas
          .map(
            (r) =>
              `${r.url}: ${r.ok ? 'equal to PostgreSQL' : `DIFFERS${r.error ? ` (${r.error})` : ''}`} (${r.indexCount}/${postgresCount} documents, ${r.missingCount} missing, ${r.staleCount} stale, ${r.extraCount} extra, ${r.pending} pending)`,
          )
          .join('; '),
      `login limit across both instances: ${mark(checks.loginLimitGlobal)} (limit ${limit.limit} per email; wrong passwords sent alternately to both instances were refused from attempt ${limit.refusedFrom})`,
    ];
    process.stdout.write(`\n${report.join('\n')}\n`);
    process.stdout.write(`results: ${saveResults('scale', out)}\n`);
  } finally {
    await Promise.all([...apis, ...workers].map((service) => service.stop('SIGTERM')));
    await tools.close();
    await meiliB.stop();
    await infra.stop();
    if (!process.env.BENCH_DATA_DIR) rmSync(dataDir, { recursive: true, force: true });
  }
  process.exit(failed ? 1 : 0);
}

interface ReplicaHealth {
  url: string;
  ok: boolean;
  error: string | null;
  indexCount: number | null;
  pending: number;
  missingCount: number | null;
  extraCount: number | null;
  staleCount: number | null;
}

/** Runs the mix at `connections` for `seconds`, firing `events` at their times; every answer tallied. */
async function drive(
  client: RoundRobinClient,
  next: ReturnType<typeof mixedRequests>,
  connections: number,
  seconds: number,
  events: { at: number; what: () => Promise<unknown>; label: string }[],
): Promise<{ tally: Tally; events: { at: number; label: string; tookMs: number }[] }> {
  const tally = new Tally();
  const started = Date.now();
  const ends = started + seconds * 1000;
  const fired: { at: number; label: string; tookMs: number }[] = [];
  const schedule = events.map(async (event) => {
    await sleep(event.at);
    const began = Date.now();
    await event.what();
    fired.push({ at: began - started, label: event.label, tookMs: Date.now() - began });
  });
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < ends) {
        const request = next();
        const outcome: { reply?: Reply; error?: unknown } = await client.post(request.body, request.headers).then(
          (reply) => ({ reply }),
          (error: unknown) => ({ error }),
        );
        const verdict = tally.record(request.kind, outcome);
        request.done?.(verdict === 'ok' ? outcome.reply!.body : '');
      }
    }),
  );
  await Promise.all(schedule);
  client.close();
  return { tally, events: fired.sort((a, b) => a.at - b.at) };
}

/** Seconds until no outbox entry is due (every replica's deliveries), or throws after `timeoutMs`. */
async function waitUntilDrained(dataSource: DataSource, timeoutMs: number): Promise<number> {
  const started = Date.now();
  for (;;) {
    const [{ n }] = await dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM search_outbox WHERE processed_at IS NULL AND available_at <= now()',
    );
    if (n === 0) return (Date.now() - started) / 1000;
    if (Date.now() - started > timeoutMs) throw new Error(`the outbox still has ${n} entries due after ${timeoutMs / 1000} s`);
    await sleep(500);
  }
}

/** Wrong passwords for one email, sent alternately to the two instances: the limit is the database's, not each process's. */
async function loginLimitAcrossInstances(urls: string[]): Promise<{ limit: number; refusedFrom: number | null }> {
  const limit = loadConfig({ NODE_ENV: 'test' }).LOGIN_MAX_ATTEMPTS;
  const email = `limit-${Date.now()}@bench.local`;
  for (let attempt = 1; attempt <= limit + 2; attempt += 1) {
    const answer = await gql(
      urls[attempt % urls.length],
      `mutation { login(email: "${email}", password: "wrong password") { accessToken } }`,
      {},
    );
    const code = (answer.errors?.[0] as { extensions?: { code?: string } } | undefined)?.extensions?.code;
    if (code === 'RATE_LIMITED') return { limit, refusedFrom: attempt };
  }
  return { limit, refusedFrom: null };
}

function summaryLine(tally: Tally, seconds: number): string {
  const s = tally.summary(seconds);
  return `${s.requests} requests, ${s.ok} ok (${s.throughput.toFixed(1)} req/s), ${s.shed} shed, ${s.errors} errors; p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms`;
}

function formatCounts(counts: Record<string, number>): string {
  const entries = Object.entries(counts);
  return entries.length ? entries.map(([kind, n]) => `${kind} ${n}`).join(', ') : 'none';
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
