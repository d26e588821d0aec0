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
 * re-index entries commit together: one entry per registered search replica (`search_replicas`),
 * each claimed, retried and completed on its own, so a replica that is down holds none of the others
 * back. The search worker claims, completes and reschedules entries of the replicas it serves.
 * `replicaId` queues for one replica only (one that was just added, or a repair of one).
 */
export async function enqueueSupplierChanges(
  manager: Queryable,
  supplierIds: readonly string[],
  reason: string | readonly string[],
  replicaId?: number,
): Promise<void> {
  if (!supplierIds.length) return;
  const reasons = typeof reason === 'string' ? supplierIds.map(() => reason) : reason;
  await manager.query(
    `INSERT INTO search_outbox (aggregate, aggregate_id, reason, replica_id)
     SELECT 'supplier', t.id, t.reason, r.id FROM unnest($1::uuid[], $2::text[]) AS t(id, reason) CROSS JOIN search_replicas r
      WHERE r.retired_at IS NULL AND ($3::smallint IS NULL OR r.id = $3::smallint)`,
    [supplierIds, reasons, replicaId ?? null],
  );
}

/** A search replica as registered: its id in the outbox, its URL, and whether this call added it. */
export interface SearchReplicaRow {
  id: number;
  url: string;
  /** New in this call (not the Meilisearch used before replicas): its index starts empty. */
  added: boolean;
}

/**
 * Registers the configured replicas (normalised URLs), in a transaction of the caller's. Known ones
 * keep their id; the first URL not yet known names the replica the migration left unnamed (the
 * Meilisearch the platform used before replicas, owner of every older entry); any other is added.
 * The EXCLUSIVE lock serialises processes starting together, and waits for the writers' transactions
 * that already queued entries (their foreign-key checks hold ROW SHARE) while holding back new ones
 * until commit: no change is queued for the replicas known before and missed by a replica added now.
 */
export async function registerSearchReplicas(manager: EntityManager, urls: readonly string[]): Promise<SearchReplicaRow[]> {
  await manager.query(`LOCK TABLE search_replicas IN EXCLUSIVE MODE`);
  const retired = await manager.query<{ url: string; retired_at: Date }[]>(
    `SELECT url, retired_at FROM search_replicas WHERE url = ANY($1::text[]) AND retired_at IS NOT NULL ORDER BY id`,
    [urls],
  );
  if (retired.length) throw new RetiredReplicaError(retired.map((r) => ({ url: r.url, retiredAt: r.retired_at })));
  const rows: SearchReplicaRow[] = [];
  for (const url of urls) {
    const [known] = await manager.query<{ id: number }[]>(`SELECT id FROM search_replicas WHERE url = $1`, [url]);
    if (known) {
      rows.push({ id: known.id, url, added: false });
      continue;
    }
    const [named] = await manager.query<[{ id: number }[], number]>(
      `UPDATE search_replicas SET url = $1 WHERE id = (SELECT min(id) FROM search_replicas WHERE url IS NULL) RETURNING id`,
      [url],
    );
    if (named[0]) {
      rows.push({ id: named[0].id, url, added: false });
      continue;
    }
    const [added] = await manager.query<{ id: number }[]>(`INSERT INTO search_replicas (url) VALUES ($1) RETURNING id`, [url]);
    rows.push({ id: added.id, url, added: true });
  }
  return rows;
}

/**
 * MEILI_URL lists a replica that was retired (`npm run index:retire`): a process started with an old
 * configuration. It must not register it again (every supplier would be queued for a server nobody
 * drains, and its searches would read a stale copy), so it does not start.
 */
export class RetiredReplicaError extends Error {
  constructor(readonly replicas: readonly { url: string; retiredAt: Date }[]) {
    super(
      replicas
        .map(
          (r) =>
            `MEILI_URL lists the search replica ${r.url}, retired on ${r.retiredAt.toISOString()} (npm run index:retire): ` +
            `take it out of MEILI_URL, or run \`npm run index:retire -- --replica ${r.url} --restore\` to use it again (it is then filled from scratch)`,
        )
        .join('; '),
    );
    this.name = 'RetiredReplicaError';
  }
}

/**
 * Registered replicas whose URL is not among `urls` (MEILI_URL changed since they were registered:
 * a replica moved or removed). Every change is still queued for them, and nothing drains it.
 */
export async function unconfiguredSearchReplicas(db: Queryable, urls: readonly string[]): Promise<{ url: string; pending: number }[]> {
  return db.query(
    `SELECT r.url, count(o.id) FILTER (WHERE o.processed_at IS NULL)::int AS pending
       FROM search_replicas r LEFT JOIN search_outbox o ON o.replica_id = r.id
      WHERE r.url IS NOT NULL AND r.retired_at IS NULL AND NOT (r.url = ANY($1::text[]))
      GROUP BY r.id, r.url ORDER BY r.id`,
    [urls],
  );
}

/**
 * Retires a replica, in a transaction of the caller's: drops its outbox entries (pending and
 * processed) and marks its row retired, so no change is queued for it any more and no process may
 * register it again (see RetiredReplicaError). The same lock as registration, so a change committed
 * meanwhile is either queued before (and dropped here) or after (and not for it). Returns the
 * pending entries dropped, or undefined when no replica has that URL or it is retired already.
 */
export async function retireSearchReplica(manager: EntityManager, url: string): Promise<number | undefined> {
  await manager.query(`LOCK TABLE search_replicas IN EXCLUSIVE MODE`);
  const [replica] = await manager.query<{ id: number }[]>(`SELECT id FROM search_replicas WHERE url = $1 AND retired_at IS NULL`, [url]);
  if (!replica) return undefined;
  const [{ pending }] = await manager.query<{ pending: number }[]>(
    `WITH gone AS (DELETE FROM search_outbox WHERE replica_id = $1 RETURNING processed_at)
     SELECT count(*) FILTER (WHERE processed_at IS NULL)::int AS pending FROM gone`,
    [replica.id],
  );
  await manager.query(`UPDATE search_replicas SET retired_at = now() WHERE id = $1`, [replica.id]);
  return pending;
}

/**
 * Lifts a retirement (`index:retire --restore`): the row goes, so the next process that lists the URL
 * registers it as a new replica and queues every supplier for it (its old copy is stale). Returns
 * false when that URL is not retired.
 */
export async function restoreSearchReplica(manager: EntityManager, url: string): Promise<boolean> {
  await manager.query(`LOCK TABLE search_replicas IN EXCLUSIVE MODE`);
  const [, deleted] = await manager.query<[unknown[], number]>(`DELETE FROM search_replicas WHERE url = $1 AND retired_at IS NOT NULL`, [
    url,
  ]);
  return deleted > 0;
}

/** A replica's ready entries, locked for this transaction (`SKIP LOCKED`: several workers share the work). */
export function claimReadyEntries(manager: EntityManager, replicaId: number, limit: number): Promise<OutboxEntry[]> {
  return manager.query(
    `SELECT id, aggregate_id, attempts FROM search_outbox
      WHERE replica_id = $1 AND processed_at IS NULL AND available_at <= now()
      ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED`,
    [replicaId, limit],
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

/**
 * A replica's re-index entries due at a given time (a certificate starts or stops counting), unless
 * one is already queued for it (each replica schedules its own when it indexes the supplier).
 */
export async function scheduleSupplierReindexes(
  manager: EntityManager,
  replicaId: number,
  schedule: readonly { id: string; at: string }[],
): Promise<void> {
  if (!schedule.length) return;
  await manager.query(
    `INSERT INTO search_outbox (aggregate, aggregate_id, reason, available_at, replica_id)
     SELECT 'supplier', s.id, 'certificate-validity', s.at, $3::smallint
       FROM unnest($1::uuid[], $2::timestamptz[]) AS s(id, at)
      WHERE NOT EXISTS (SELECT 1 FROM search_outbox o
                         WHERE o.aggregate_id = s.id AND o.replica_id = $3 AND o.processed_at IS NULL AND o.available_at = s.at)`,
    [schedule.map((s) => s.id), schedule.map((s) => s.at), replicaId],
  );
}

/** Deletes completed entries older than `days`; answers how many. */
export async function purgeProcessedEntries(db: Queryable, days: number): Promise<number> {
  const result = await db.query<[unknown[], number]>(`DELETE FROM search_outbox WHERE processed_at < now() - make_interval(days => $1)`, [
    days,
  ]);
  return result[1] ?? 0;
}

/** Replays a replica's entries completed since `since` (its index was rebuilt from a snapshot taken then). */
export async function requeueProcessedSince(db: Queryable, replicaId: number, since: string): Promise<void> {
  await db.query(
    `UPDATE search_outbox SET processed_at = NULL, available_at = now(), attempts = 0
      WHERE replica_id = $2 AND created_at >= $1::timestamptz AND processed_at IS NOT NULL`,
    [since, replicaId],
  );
}

/**
 * The backlog the index check counts as pending (due within a minute): its oldest entry, and how many
 * failed before; of one replica, or of all when `replicaId` is left out.
 */
export async function pendingBacklog(db: Queryable, replicaId?: number): Promise<{ oldestPendingAt: Date | null; retrying: number }> {
  const [row] = await db.query<{ oldest: string | Date | null; retrying: number }[]>(
    `SELECT min(created_at) AS oldest, count(*) FILTER (WHERE attempts > 0)::int AS retrying FROM search_outbox
      WHERE processed_at IS NULL AND available_at <= now() + interval '1 minute' AND ($1::smallint IS NULL OR replica_id = $1::smallint)`,
    [replicaId ?? null],
  );
  return { oldestPendingAt: row?.oldest ? new Date(row.oldest) : null, retrying: row?.retrying ?? 0 };
}

/**
 * Suppliers with an entry due within a minute (their document may lag behind on purpose), on one
 * replica, or on any when `replicaId` is left out.
 */
export async function pendingSupplierIds(db: Queryable, replicaId?: number): Promise<Set<string>> {
  const rows = await db.query<{ aggregate_id: string }[]>(
    `SELECT DISTINCT aggregate_id FROM search_outbox
      WHERE ($1::smallint IS NULL OR replica_id = $1::smallint) AND processed_at IS NULL AND available_at <= now() + interval '1 minute'`,
    [replicaId ?? null],
  );
  return new Set(rows.map((r) => r.aggregate_id));
}
