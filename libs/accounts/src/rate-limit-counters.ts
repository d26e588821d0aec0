import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';

/** A key's state after counting: attempts in its current window, and the seconds until it ends (at least 1). */
export interface CounterState {
  count: number;
  resetInSeconds: number;
}

/**
 * Where rate-limit counters live. The API keeps them in PostgreSQL (`PostgresRateLimitCounters`)
 * so that every instance counts against the same limit; the in-memory variant is the baseline the
 * benchmark compares against, and what a unit test uses.
 */
export interface RateLimitCounters {
  /** Counts one attempt under `key`, in a fixed window of `windowMs` that starts with the key's first attempt. */
  increment(key: string, windowMs: number): Promise<CounterState>;
  /** Forgets a key, as if its window had ended. */
  reset(key: string): Promise<void>;
}

/**
 * The stored form of a counter key: the limit's name in clear (for whoever reads the table) and a
 * SHA-256 of what is counted, so the table holds no email or client address.
 */
export function counterKey(limitName: string, subject: string): string {
  return `${limitName}:${createHash('sha256').update(subject).digest('base64url')}`;
}

/** How many increments between two sweeps of ended windows, per process. */
const PRUNE_EVERY = 1000;

/**
 * Counters in the `rate_limit_counters` table (owned by this lib), shared by every API instance on
 * the database. One statement per request: an upsert that starts a new window when the stored one
 * has ended. Windows use the database's clock, so instances with skewed clocks still agree. The
 * table is UNLOGGED (no WAL, no fsync per attempt): a database crash forgets the counters, which
 * only hands out a fresh window.
 */
export class PostgresRateLimitCounters implements RateLimitCounters {
  private sincePrune = 0;

  constructor(private readonly dataSource: DataSource) {}

  async increment(key: string, windowMs: number): Promise<CounterState> {
    const [row] = await this.dataSource.query<{ count: number; reset_in: number }[]>(
      `INSERT INTO rate_limit_counters AS c (key, count, reset_at) VALUES ($1, 1, now() + $2 * interval '1 millisecond')
       ON CONFLICT (key) DO UPDATE SET
         count = CASE WHEN c.reset_at <= now() THEN 1 ELSE c.count + 1 END,
         reset_at = CASE WHEN c.reset_at <= now() THEN EXCLUDED.reset_at ELSE c.reset_at END
       RETURNING c.count, greatest(1, ceil(extract(epoch FROM c.reset_at - now())))::int AS reset_in`,
      [key, Math.ceil(windowMs)],
    );
    this.sincePrune += 1;
    if (this.sincePrune >= PRUNE_EVERY) {
      this.sincePrune = 0;
      this.dataSource.query(`DELETE FROM rate_limit_counters WHERE reset_at < now()`).catch(() => undefined); // the next sweep tries again
    }
    return { count: row.count, resetInSeconds: row.reset_in };
  }

  async reset(key: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM rate_limit_counters WHERE key = $1`, [key]);
  }
}

/** Counters in this process's memory: each process would allow the whole limit. The benchmark's baseline. */
export class MemoryRateLimitCounters implements RateLimitCounters {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  increment(key: string, windowMs: number): Promise<CounterState> {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + windowMs };
      this.windows.set(key, window);
    }
    window.count += 1;
    const state = { count: window.count, resetInSeconds: Math.max(1, Math.ceil((window.resetAt - now) / 1000)) };
    if (this.windows.size > 50000) for (const [k, w] of this.windows) if (w.resetAt <= now) this.windows.delete(k);
    return Promise.resolve(state);
  }

  reset(key: string): Promise<void> {
    this.windows.delete(key);
    return Promise.resolve();
  }
}
