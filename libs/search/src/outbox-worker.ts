import pg from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import { SupplierRepository } from '#libs/companies';
import { logger, todayInVietnam } from '#libs/core';
import {
  claimReadyEntries,
  markEntriesProcessed,
  purgeProcessedEntries,
  rescheduleEntries,
  scheduleSupplierReindexes,
} from '#libs/search-outbox';
import type { Taxonomy } from '#libs/taxonomy';
import { buildSupplierDocument, nextValidityChange } from './supplier-document.js';
import type { SearchReplica, SearchReplicas } from './search-replicas.js';

export interface OutboxWorkerOptions {
  batchSize: number;
  /** Poll at least this often even without a notification. */
  pollIntervalMs: number;
  /** Retry delays grow from this... */
  baseBackoffMs: number;
  /** ...up to this, with ±50% jitter. */
  maxBackoffMs: number;
  /** Batches in flight at once per replica: Meilisearch merges queued batches, so 2–4 index much faster than 1. */
  concurrency: number;
  /** A dedicated connection LISTENs for new outbox entries (instant pick-up); optional. */
  listenUrl?: string;
}

export const DEFAULT_OUTBOX_OPTIONS: OutboxWorkerOptions = {
  batchSize: 500,
  pollIntervalMs: 1000,
  baseBackoffMs: 500,
  maxBackoffMs: 60000,
  concurrency: 2,
};

export interface DrainResult {
  /** Outbox entries completed. */
  applied: number;
  /** Outbox entries that failed and were rescheduled. */
  failed: number;
}

/** Retry delay after `attempts` failures: exponential, capped, jittered so workers do not stampede. */
export function backoffMs(attempts: number, base: number, max: number, random: () => number = Math.random): number {
  const exponential = Math.min(max, base * 2 ** Math.max(0, attempts - 1));
  return Math.round(exponential * (0.5 + random()));
}

/** Midnight at the start of a Vietnamese calendar day (UTC+7, no daylight saving). */
export function vietnamMidnight(isoDate: string): Date {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) - 7 * 3600 * 1000);
}

/**
 * Drains the search outbox into Meilisearch, each replica from its own entries: every replica has
 * its own loops, so one that is down or slow only delays its own entries and catches up when it
 * returns. Each batch runs in one transaction: claim the replica's entries (`FOR UPDATE SKIP
 * LOCKED`, so several workers share the work), take a per-supplier advisory lock keyed by the
 * replica (two workers never index the same supplier out of order into one replica), re-read the
 * current rows (replays and reordering are harmless), write to that replica and wait for the tasks,
 * and only then mark the entries done. A failure reschedules the entries with backoff; nothing is
 * dropped. When a certificate will start or stop counting, a re-index is scheduled for that day.
 */
export class SearchOutboxWorker {
  private running = false;
  private loops: Promise<void>[] = [];
  private starting: Promise<void> | undefined;
  private readonly sleepers = new Set<() => void>();
  private listener: pg.Client | undefined;
  private readonly repository: SupplierRepository;

  constructor(
    private readonly dataSource: DataSource,
    private readonly taxonomy: Taxonomy,
    private readonly replicas: SearchReplicas,
    private readonly options: OutboxWorkerOptions = DEFAULT_OUTBOX_OPTIONS,
  ) {
    this.repository = new SupplierRepository(dataSource);
  }

  /** Starts `concurrency` loops per replica, once the replicas are registered. */
  start(): void {
    if (this.running) return;
    this.running = true;
    void this.listen();
    this.starting = this.replicas.registered().then(
      (replicas) => {
        if (!this.running) return;
        this.loops = replicas.flatMap((replica, r) =>
          Array.from({ length: Math.max(1, this.options.concurrency) }, (_, i) => this.run(replica, r === 0 && i === 0)),
        );
      },
      (error: unknown) => {
        this.running = false;
        logger.emit('error', 'search worker could not start: the replicas are not registered', { error }, 'SearchOutbox');
      },
    );
  }

  private wakeAll(): void {
    for (const wake of [...this.sleepers]) wake();
  }

  /** Finishes the batch in flight, then stops. */
  async stop(): Promise<void> {
    this.running = false;
    this.wakeAll();
    await this.starting;
    await Promise.all(this.loops);
    await this.listener?.end().catch(() => undefined);
    this.listener = undefined;
  }

  /**
   * Processes ready entries until none is left (for commands and tests), on every replica or the
   * given ones; a replica stops at its first failed batch (its entries wait for their retry).
   */
  async drainAll(replicas?: readonly SearchReplica[]): Promise<DrainResult> {
    const total: DrainResult = { applied: 0, failed: 0 };
    for (const replica of replicas ?? (await this.replicas.registered())) {
      for (;;) {
        const result = await this.drainReplica(replica);
        total.applied += result.applied;
        total.failed += result.failed;
        if (result.applied + result.failed === 0 || result.failed > 0) break;
      }
    }
    return total;
  }

  /** One batch per replica. */
  async drainOnce(): Promise<DrainResult> {
    const total: DrainResult = { applied: 0, failed: 0 };
    for (const replica of await this.replicas.registered()) {
      const result = await this.drainReplica(replica);
      total.applied += result.applied;
      total.failed += result.failed;
    }
    return total;
  }

  private async drainReplica(replica: SearchReplica): Promise<DrainResult> {
    return this.dataSource.transaction('READ COMMITTED', async (manager) => {
      const rows = await claimReadyEntries(manager, replica.id, this.options.batchSize);
      if (!rows.length) return { applied: 0, failed: 0 };
      const entryIds = rows.map((r) => r.id);
      const supplierIds = [...new Set(rows.map((r) => r.aggregate_id))].sort();
      // Locks in a fixed order (no deadlock between workers), held until commit; keyed by the replica
      // (seed 7400 + id: the first replica keeps the key of the time before replicas)
      await manager.query(
        `SELECT pg_advisory_xact_lock(hashtextextended(s, 7400 + $2::int)) FROM (SELECT unnest($1::text[]) AS s ORDER BY 1) ordered`,
        [supplierIds, replica.id],
      );
      const today = todayInVietnam();
      // a profile the centre entered without the SME's consent to publish is not in the index at all
      const aggregates = (await this.repository.loadAggregates(supplierIds, manager)).filter((a) => a.supplier.published);
      const found = new Set(aggregates.map((a) => a.supplier.id));
      const documents = aggregates.map((a) => buildSupplierDocument(a, this.taxonomy, today));
      const deleted = supplierIds.filter((id) => !found.has(id));
      try {
        await replica.index.apply(documents, deleted);
      } catch (error) {
        const attempts = Math.max(...rows.map((r) => r.attempts)) + 1;
        const delay = backoffMs(attempts, this.options.baseBackoffMs, this.options.maxBackoffMs);
        await rescheduleEntries(manager, entryIds, String((error as Error).message), delay);
        logger.emit(
          'warn',
          'search indexing failed; will retry',
          { replica: replica.url, entries: entryIds.length, attempts, retryInMs: delay, error: (error as Error).message },
          'SearchOutbox',
        );
        return { applied: 0, failed: rows.length };
      }
      await markEntriesProcessed(manager, entryIds);
      await this.scheduleValidityChanges(manager, replica, aggregates, today);
      logger.emit(
        'debug',
        'search batch applied',
        { replica: replica.url, entries: rows.length, indexed: documents.length, deleted: deleted.length },
        'SearchOutbox',
      );
      return { applied: rows.length, failed: 0 };
    });
  }

  /** Deletes completed entries older than `days` (the table would otherwise only grow). */
  async purgeProcessed(days = 7): Promise<number> {
    return purgeProcessedEntries(this.dataSource, days);
  }

  private async scheduleValidityChanges(
    manager: EntityManager,
    replica: SearchReplica,
    aggregates: Awaited<ReturnType<SupplierRepository['loadAggregates']>>,
    today: string,
  ): Promise<void> {
    const schedule = aggregates.flatMap((a) => {
      const day = nextValidityChange(a.certifications, today);
      return day ? [{ id: a.supplier.id, at: vietnamMidnight(day).toISOString() }] : [];
    });
    await scheduleSupplierReindexes(manager, replica.id, schedule);
  }

  private async run(replica: SearchReplica, purges: boolean): Promise<void> {
    let idleStreak = 0;
    let lastPurge = Date.now();
    while (this.running) {
      let result: DrainResult = { applied: 0, failed: 0 };
      try {
        result = await this.drainReplica(replica);
        idleStreak = result.applied + result.failed === 0 ? idleStreak + 1 : 0;
      } catch (error) {
        // PostgreSQL itself is unavailable: wait and try again.
        logger.emit('warn', 'search outbox unavailable', { error: (error as Error).message }, 'SearchOutbox');
        idleStreak += 1;
      }
      if (purges && Date.now() - lastPurge > 3600000) {
        lastPurge = Date.now();
        await this.purgeProcessed().catch(() => undefined);
      }
      if (result.applied === this.options.batchSize) continue; // more may be waiting
      await this.sleep(Math.min(this.options.pollIntervalMs, 50 * 2 ** Math.min(idleStreak, 5)));
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.sleepers.add(done);
    });
  }

  /** LISTEN on a dedicated connection; a NOTIFY from the outbox trigger wakes the loop at once. */
  private async listen(): Promise<void> {
    if (!this.options.listenUrl) return;
    while (this.running) {
      const client = new pg.Client({
        connectionString: this.options.listenUrl,
        connectionTimeoutMillis: 5000,
        application_name: 'hp-search-listener',
      });
      try {
        await client.connect();
        this.listener = client;
        client.on('notification', () => this.wakeAll());
        await client.query('LISTEN search_outbox');
        await new Promise<void>((resolve) => {
          client.once('error', () => resolve());
          client.once('end', () => resolve());
        });
      } catch {
        /* fall back to polling and retry below */
      } finally {
        await client.end().catch(() => undefined);
      }
      if (this.running) await new Promise((r) => setTimeout(r, 2000));
    }
  }
}
