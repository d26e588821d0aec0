import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { loadConfig } from '#libs/config';
import { logger } from '#libs/core';
import { findFreePort, startInfrastructure, type Infrastructure } from '#libs/local-infra';
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
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
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
  return { requests: total, errors, seconds, throughput: total / seconds, p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99) };
}

export const ms = (value: number) => `${value.toFixed(1)} ms`;

export interface BenchStack {
  infra: Infrastructure;
  app: NestExpressApplication;
  url: string;
  config: ReturnType<typeof loadConfig>;
  close(): Promise<void>;
}

/**
 * A fresh embedded PostgreSQL and Meilisearch in a throw-away folder (or BENCH_DATA_DIR, kept, to
 * reuse a loaded data set) and the real API on a free port, its in-process worker off (the
 * benchmark drives the worker itself).
 */
export async function startBenchStack(env: Record<string, string> = {}): Promise<BenchStack> {
  const keep = process.env.BENCH_DATA_DIR;
  const dataDir = keep ?? mkdtempSync(join(tmpdir(), 'hp-bench-'));
  mkdirSync(dataDir, { recursive: true });
  chmodSync(dataDir, 0o755);
  logger.setLevel('warn');
  const infra = await startInfrastructure({ dataDir, pgPort: await findFreePort(), meiliPort: await findFreePort(), database: 'bench' });
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
    REGISTER_MAX_ATTEMPTS: '100000',
    LOGIN_MAX_ATTEMPTS: '10000',
    ...env,
  });
  const app = await createApiApp({ config, databaseUrl: infra.databaseUrl, meiliUrl: infra.meiliUrl, meiliKey: infra.meiliMasterKey });
  const port = await findFreePort();
  await app.listen(port, '127.0.0.1');
  return {
    infra,
    app,
    config,
    url: `http://127.0.0.1:${port}`,
    async close() {
      await app.close();
      await infra.stop();
      if (!keep) rmSync(dataDir, { recursive: true, force: true });
    },
  };
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
