import type { EntityManager } from 'typeorm';

/** Anything that runs SQL: a DataSource, or an EntityManager inside the caller's transaction. */
export interface Queryable {
  query<T = unknown>(sql: string, parameters?: unknown[]): Promise<T>;
}

/** One claimed outbox entry. */
export interface OutboxEntry {
  id: string;
  aggregate_id: string;
  attempts: number;
}

/**
 * The search outbox (table `search_outbox`): the only code that writes it. Whoever changes a
 * supplier calls `enqueueSupplierChanges` inside its own transaction, so the change and its
 * re-index entry commit together; the search worker claims, completes and reschedules entries.
 */
export async function enqueueSupplierChanges(
  manager: Queryable,
  supplierIds: readonly string[],
  reason: string | readonly string[],
): Promise<void> {
  if (!supplierIds.length) return;
  const reasons = typeof reason === 'string' ? supplierIds.map(() => reason) : reason;
  await manager.query(
    `INSERT INTO search_outbox (aggregate, aggregate_id, reason) SELECT 'supplier', id, reason FROM unnest($1::uuid[], $2::text[]) AS t(id, reason)`,
    [supplierIds, reasons],
  );
}

/** Ready entries, locked for this transaction (`SKIP LOCKED`: several workers share the work). */
export function claimReadyEntries(manager: EntityManager, limit: number): Promise<OutboxEntry[]> {
  return manager.query(
    `SELECT id, aggregate_id, attempts FROM search_outbox
      WHERE processed_at IS NULL AND available_at <= now()
      ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
    [limit],
  );
}

export async function markEntriesProcessed(manager: EntityManager, entryIds: readonly string[]): Promise<void> {
  await manager.query(`UPDATE search_outbox SET processed_at = now() WHERE id = ANY($1::bigint[])`, [entryIds]);
}

/** A failed batch: count the attempt, keep the error, try again after `delayMs`. */
export async function rescheduleEntries(
  manager: EntityManager,
  entryIds: readonly string[],
  error: string,
  delayMs: number,
): Promise<void> {
  await manager.query(
    `UPDATE search_outbox SET attempts = attempts + 1, last_error = $2, available_at = now() + make_interval(secs => $3::float / 1000) WHERE id = ANY($1::bigint[])`,
    [entryIds, error.slice(0, 500), delayMs],
  );
}

/** Re-index entries due at a given time (a certificate starts or stops counting), unless one is already queued for it. */
export async function scheduleSupplierReindexes(manager: EntityManager, schedule: readonly { id: string; at: string }[]): Promise<void> {
  if (!schedule.length) return;
  await manager.query(
    `INSERT INTO search_outbox (aggregate, aggregate_id, reason, available_at)
     SELECT 'supplier', s.id, 'certificate-validity', s.at
       FROM unnest($1::uuid[], $2::timestamptz[]) AS s(id, at)
      WHERE NOT EXISTS (SELECT 1 FROM search_outbox o WHERE o.aggregate_id = s.id AND o.processed_at IS NULL AND o.available_at = s.at)`,
    [schedule.map((s) => s.id), schedule.map((s) => s.at)],
  );
}

/** Deletes completed entries older than `days`; answers how many. */
export async function purgeProcessedEntries(db: Queryable, days: number): Promise<number> {
  const result = await db.query<[unknown[], number]>(`DELETE FROM search_outbox WHERE processed_at < now() - make_interval(days => $1)`, [
    days,
  ]);
  return result[1] ?? 0;
}

/** Replays entries completed since `since` (a rebuild started from a snapshot taken then). */
export async function requeueProcessedSince(db: Queryable, since: string): Promise<void> {
  await db.query(
    `UPDATE search_outbox SET processed_at = NULL, available_at = now(), attempts = 0 WHERE created_at >= $1::timestamptz AND processed_at IS NOT NULL`,
    [since],
  );
}

/** The backlog the index check counts as pending (due within a minute): its oldest entry, and how many failed before. */
export async function pendingBacklog(db: Queryable): Promise<{ oldestPendingAt: Date | null; retrying: number }> {
  const [row] = await db.query<{ oldest: string | Date | null; retrying: number }[]>(
    `SELECT min(created_at) AS oldest, count(*) FILTER (WHERE attempts > 0)::int AS retrying FROM search_outbox WHERE processed_at IS NULL AND available_at <= now() + interval '1 minute'`,
  );
  return { oldestPendingAt: row?.oldest ? new Date(row.oldest) : null, retrying: row?.retrying ?? 0 };
}

/** Suppliers with an entry due within a minute (their index document may lag behind on purpose). */
export async function pendingSupplierIds(db: Queryable): Promise<Set<string>> {
  const rows = await db.query<{ aggregate_id: string }[]>(
    `SELECT DISTINCT aggregate_id FROM search_outbox WHERE processed_at IS NULL AND available_at <= now() + interval '1 minute'`,
  );
  return new Set(rows.map((r) => r.aggregate_id));
}
