import 'reflect-metadata';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import {
  CallerRateLimit,
  MemoryRateLimitCounters,
  PostgresRateLimitCounters,
  type RateLimitCounters,
  type RateLimitOptions,
} from '#libs/accounts';
import { logger } from '#libs/core';
import { buildDataSourceOptions } from '#libs/database';
import { findFreePort, startInfrastructure } from '#libs/local-infra';
import { SEARCH_RATE_LIMIT_LEASE } from '#libs/search';
import { argNumber, ms, runLoad, saveResults, type LatencyStats } from './support.js';

/**
 * `npm run bench:limits [-- --calls 20000]`: what a rate-limit check costs per request, with the
 * counters in PostgreSQL (shared by every API instance) beside the in-memory counters each process
 * used to keep (the baseline), in the same run. Measures the check alone (one `CallerRateLimit.hit`,
 * as `searchSuppliers` makes), at concurrency 1 and 16 on a pool of 4 connections (the API's
 * default), with callers spread over 10 000 addresses and with every call on one hot address.
 * Target: p95 under 1 ms at concurrency 1. A third row leases blocks of attempts, as searchSuppliers'
 * limit does (`SEARCH_RATE_LIMIT_LEASE`).
 */
async function main(): Promise<void> {
  const calls = argNumber('calls', 20000);
  logger.setLevel('warn');
  const dataDir = mkdtempSync(join(tmpdir(), 'hp-bench-limits-'));
  chmodSync(dataDir, 0o755); // PostgreSQL runs as its own user
  const infra = await startInfrastructure({ dataDir, pgPort: await findFreePort(), meiliPort: await findFreePort(), database: 'bench' });
  const dataSource = new DataSource(
    buildDataSourceOptions(
      { url: infra.databaseUrl, poolSize: 4, connectTimeoutMs: 5000, statementTimeoutMs: 5000, applicationName: 'bench-limits' },
      [],
    ),
  );
  await dataSource.initialize();
  await dataSource.runMigrations();
  const limits = { perUser: 1e9, perAddress: 1e9, windowSeconds: 60 };
  const rows: { counters: string; callers: string; concurrency: number; stats: LatencyStats }[] = [];
  try {
    for (const [name, counters, options] of [
      ['in memory (baseline)', new MemoryRateLimitCounters(), {}],
      ['PostgreSQL (shared)', new PostgresRateLimitCounters(dataSource), {}],
      ['PostgreSQL, leased', new PostgresRateLimitCounters(dataSource), { lease: SEARCH_RATE_LIMIT_LEASE }],
    ] as [string, RateLimitCounters, RateLimitOptions][]) {
      const limit = new CallerRateLimit(counters, name.includes('leased') ? 'bench-leased' : 'bench', limits, options);
      for (const [callers, address] of [
        ['10 000 addresses', (i: number) => `10.0.${(i % 10000) >> 8}.${i % 256}`],
        ['one hot address', () => '10.9.9.9'],
      ] as const) {
        await runLoad(500, 4, async (i) => (await limit.hit(null, address(i)), true)); // warm-up
        for (const concurrency of [1, 16]) {
          const stats = await runLoad(calls, concurrency, async (i) => (await limit.hit(null, address(i)), true));
          rows.push({ counters: name, callers, concurrency, stats });
          console.log(
            `${name.padEnd(22)} ${callers.padEnd(17)} c=${String(concurrency).padEnd(3)} p50 ${ms(stats.p50).padStart(8)}  p95 ${ms(stats.p95).padStart(8)}  p99 ${ms(stats.p99).padStart(8)}  ${stats.throughput.toFixed(0).padStart(7)} checks/s  errors ${stats.errors}`,
          );
        }
      }
    }
    const shared = rows.find((r) => r.counters.startsWith('PostgreSQL') && r.concurrency === 1 && r.callers.startsWith('10'))!;
    console.log(`\ntarget: shared counters p95 at c=1 under 1 ms: ${shared.stats.p95 < 1 ? 'PASS' : 'MISS'} (${ms(shared.stats.p95)})`);
    console.log(`results: ${saveResults('limits', rows)}`);
  } finally {
    await dataSource.destroy();
    await infra.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
