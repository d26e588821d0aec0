import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';

/** A key's state after counting: attempts in its current window, and the seconds until it ends (at least 1). */
export interface CounterState {
  count: number;
  resetInSeconds: number;
}

/** A block of attempts taken from a key's budget in one go: `granted` (0 when none is left) to spend before the window ends in `endsInMs`. */
export interface CounterLease {
  granted: number;
  endsInMs: number;
}

/**
 * A lease never takes more than this share of what is left in the window (rounded up), so a small
 * limit, or the end of a large one, is counted one attempt at a time: with a limit of 15 or less
 * every lease is a single attempt, and what instances hold unspent when a window ends stays small.
 */
export const LEASE_SHARE_OF_WHAT_IS_LEFT = 8;

/** How many attempts a lease of at most `size` grants when `left` remain in the window. */
export function leaseGrant(size: number, left: number): number {
  return Math.max(0, Math.min(size, Math.ceil(left / LEASE_SHARE_OF_WHAT_IS_LEFT)));
}

/**
 * Where rate-limit counters live. The API keeps them in PostgreSQL (`PostgresRateLimitCounters`)
 * so that every instance counts against the same limit; the in-memory variant is the baseline the
 * benchmark compares against, and what a unit test uses.
 */
export interface RateLimitCounters {
  /** Counts one attempt under `key`, in a fixed window of `windowMs` that starts with the key's first attempt. */
  increment(key: string, windowMs: number): Promise<CounterState>;
  /**
   * Takes up to `size` attempts (`leaseGrant`) from a key's budget of `maxAttempts` in its current
   * window, in one step. The count is the sum of what was granted, never more than `maxAttempts`, so
   * however many instances lease, together they spend at most the limit per window.
   */
  lease(key: string, windowMs: number, maxAttempts: number, size: number): Promise<CounterLease>;
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
    this.prune();
    return { count: row.count, resetInSeconds: row.reset_in };
  }

  async lease(key: string, windowMs: number, maxAttempts: number, size: number): Promise<CounterLease> {
    // What is granted is the new count less the count of the window it was added to (PostgreSQL 18's
    // RETURNING old/new; `old` is null when the row is inserted). The grant follows leaseGrant.
    const [row] = await this.dataSource.query<{ granted: number; ends_in_ms: number }[]>(
      `INSERT INTO rate_limit_counters AS c (key, count, reset_at)
       VALUES ($1, least($3::int, ceil($4::int / $5::numeric)::int), now() + $2 * interval '1 millisecond')
       ON CONFLICT (key) DO UPDATE SET
         count = CASE WHEN c.reset_at <= now() THEN EXCLUDED.count
                 ELSE c.count + greatest(0, least($3::int, ceil(($4::int - c.count) / $5::numeric)::int)) END,
         reset_at = CASE WHEN c.reset_at <= now() THEN EXCLUDED.reset_at ELSE c.reset_at END
       RETURNING new.count - CASE WHEN old.reset_at > now() THEN old.count ELSE 0 END AS granted,
         (extract(epoch FROM new.reset_at - now()) * 1000)::float8 AS ends_in_ms`,
      [key, Math.ceil(windowMs), size, maxAttempts, LEASE_SHARE_OF_WHAT_IS_LEFT],
    );
    this.prune();
    return { granted: row.granted, endsInMs: row.ends_in_ms };
  }

  async reset(key: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM rate_limit_counters WHERE key = $1`, [key]);
  }

  private prune(): void {
    this.sincePrune += 1;
    if (this.sincePrune >= PRUNE_EVERY) {
      this.sincePrune = 0;
      this.dataSource.query(`DELETE FROM rate_limit_counters WHERE reset_at < now()`).catch(() => undefined); // the next sweep tries again
    }
  }
}

/** Counters in this process's memory: each process would allow the whole limit. The benchmark's baseline. */
export class MemoryRateLimitCounters implements RateLimitCounters {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  increment(key: string, windowMs: number): Promise<CounterState> {
    const now = this.now();
    const window = this.window(key, windowMs, now);
    window.count += 1;
    return Promise.resolve({ count: window.count, resetInSeconds: Math.max(1, Math.ceil((window.resetAt - now) / 1000)) });
  }

  lease(key: string, windowMs: number, maxAttempts: number, size: number): Promise<CounterLease> {
    const now = this.now();
    const window = this.window(key, windowMs, now);
    const granted = leaseGrant(size, maxAttempts - window.count);
    window.count += granted;
    return Promise.resolve({ granted, endsInMs: window.resetAt - now });
  }

  private window(key: string, windowMs: number, now: number): { count: number; resetAt: number } {
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + windowMs };
      this.windows.set(key, window);
    }
    if (this.windows.size > 50000) for (const [k, w] of this.windows) if (w.resetAt <= now) this.windows.delete(k);
    return window;
  }

  reset(key: string): Promise<void> {
    this.windows.delete(key);
    return Promise.resolve();
  }
}
