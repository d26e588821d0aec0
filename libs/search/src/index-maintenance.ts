import type { DataSource } from 'typeorm';
import { SupplierRepository } from '#libs/companies';
import { todayInVietnam } from '#libs/core';
import { enqueueSupplierChanges, pendingSupplierIds, requeueProcessedSince } from '#libs/search-outbox';
import type { Taxonomy } from '#libs/taxonomy';
import { supplierIndexSettings } from './index-settings.js';
import { buildSupplierDocument } from './supplier-document.js';
import type { SearchReplica, SearchReplicas } from './search-replicas.js';
import { SearchTaskFailed, SupplierIndex } from './supplier-index.js';

export type Progress = (done: number, total: number) => void;

export interface DriftReport {
  postgresCount: number;
  indexCount: number;
  /** In PostgreSQL, not in the index. */
  missing: string[];
  /** In the index, not in PostgreSQL. */
  extra: string[];
  /** In both, but the indexed document is not what PostgreSQL gives today. */
  stale: string[];
  /** Suppliers with outbox entries still pending: not counted as drift (the worker is on them). */
  pending: number;
  ok: boolean;
}

/** One replica's drift report, or why it could not be checked (its Meilisearch failed). */
export interface ReplicaCheck {
  id: number;
  url: string;
  report?: DriftReport;
  error?: unknown;
}

const PAGE = 2000;

/**
 * Reindexing, drift checks and repair (the `reindex`, `index:check` and `index:repair` commands), each
 * on one search replica: the first one unless told (`replicas.select(url)` gives the others).
 */
export class IndexMaintenance {
  private readonly suppliers: SupplierRepository;

  constructor(
    private readonly dataSource: DataSource,
    private readonly taxonomy: Taxonomy,
    readonly replicas: SearchReplicas,
  ) {
    this.suppliers = new SupplierRepository(dataSource);
  }

  private async replicaOrFirst(replica?: SearchReplica): Promise<SearchReplica> {
    return replica ?? (await this.replicas.registered())[0];
  }

  /**
   * Builds a fresh index beside the live one and swaps them atomically: searches keep answering
   * from the old index until the swap. Outbox entries written since the rebuild began are replayed
   * onto the new index, so no concurrent write is lost.
   */
  async reindex(progress: Progress = () => undefined, replica?: SearchReplica): Promise<{ documents: number; ms: number }> {
    const started = Date.now();
    const { id: replicaId, index } = await this.replicaOrFirst(replica);
    const [{ now: snapshotStart }] = await this.dataSource.query<[{ now: string }]>(`SELECT now()::text AS now`);
    const client = index.client;
    const rebuild = new SupplierIndex(client, `${index.uid}_rebuild`);
    await client.deleteIndexIfExists(rebuild.uid);
    const settings = supplierIndexSettings(this.taxonomy);
    await Promise.all([rebuild.ensure(settings), index.ensure(settings)]);
    const total = await this.supplierCount();
    const today = todayInVietnam();
    const tasks: Promise<unknown>[] = [];
    let done = 0;
    for await (const ids of this.supplierIdPages()) {
      const aggregates = (await this.suppliers.loadAggregates(ids)).filter((a) => a.supplier.published);
      const documents = aggregates.map((a) => buildSupplierDocument(a, this.taxonomy, today));
      // Enqueued without waiting: Meilisearch merges queued batches (much faster than one by one).
      const enqueued = client.index(rebuild.uid).addDocuments(documents, { primaryKey: 'id' });
      tasks.push(
        enqueued.waitTask({ timeout: 600000, interval: 200 }).then((task) => {
          if (task.status !== 'succeeded') throw new SearchTaskFailed(task);
        }),
      );
      await enqueued;
      done += ids.length;
      progress(done, total);
    }
    await Promise.all(tasks);
    const swap = await client.swapIndexes([{ indexes: [index.uid, rebuild.uid], rename: false }]).waitTask({ timeout: 60000 });
    if (swap.status !== 'succeeded') throw new SearchTaskFailed(swap);
    await client.deleteIndex(rebuild.uid).waitTask({ timeout: 60000 });
    await requeueProcessedSince(this.dataSource, replicaId, snapshotStart);
    return { documents: done, ms: Date.now() - started };
  }

  /** Compares every supplier in PostgreSQL with its document in one replica (count and checksum). */
  async check(progress: Progress = () => undefined, replica?: SearchReplica): Promise<DriftReport> {
    return this.compare(await this.replicaOrFirst(replica), await this.expectedChecksums(progress));
  }

  /**
   * The same check on several replicas (all unless told), reading PostgreSQL once; a replica whose
   * Meilisearch fails is reported with its error, the others are still checked.
   */
  async checkReplicas(progress: Progress = () => undefined, replicas?: readonly SearchReplica[]): Promise<ReplicaCheck[]> {
    const expected = await this.expectedChecksums(progress);
    return Promise.all(
      (replicas ?? (await this.replicas.registered())).map((replica) =>
        this.compare(replica, expected).then(
          (report) => ({ id: replica.id, url: replica.url, report }),
          (error: unknown) => ({ id: replica.id, url: replica.url, error }),
        ),
      ),
    );
  }

  private async expectedChecksums(progress: Progress): Promise<Map<string, string>> {
    const today = todayInVietnam();
    const expected = new Map<string, string>();
    const total = await this.supplierCount();
    for await (const ids of this.supplierIdPages()) {
      for (const aggregate of await this.suppliers.loadAggregates(ids)) {
        if (!aggregate.supplier.published) continue; // not indexed until the SME consents
        expected.set(aggregate.supplier.id, buildSupplierDocument(aggregate, this.taxonomy, today).checksum);
      }
      progress(expected.size, total);
    }
    return expected;
  }

  private async compare({ id: replicaId, index }: SearchReplica, expected: Map<string, string>): Promise<DriftReport> {
    const indexed = new Map<string, string>();
    const documents = index.client.index<{ id: string; checksum: string }>(index.uid);
    for (let offset = 0; ; offset += 10000) {
      const page = await documents.getDocuments({ fields: ['id', 'checksum'], limit: 10000, offset });
      for (const doc of page.results) indexed.set(String(doc.id), String(doc.checksum));
      if (page.results.length < 10000) break;
    }
    const pending = await pendingSupplierIds(this.dataSource, replicaId);
    const missing = [...expected.keys()].filter((id) => !indexed.has(id) && !pending.has(id)).sort();
    const extra = [...indexed.keys()].filter((id) => !expected.has(id) && !pending.has(id)).sort();
    const stale = [...expected]
      .filter(([id, sum]) => indexed.has(id) && indexed.get(id) !== sum && !pending.has(id))
      .map(([id]) => id)
      .sort();
    return {
      postgresCount: expected.size,
      indexCount: indexed.size,
      missing,
      extra,
      stale,
      pending: pending.size,
      ok: !missing.length && !extra.length && !stale.length,
    };
  }

  /** Queues every drifted supplier of one replica for the worker (which re-reads, re-indexes or deletes it there). */
  async repair(report: DriftReport, replica?: SearchReplica): Promise<number> {
    const ids = [...report.missing, ...report.extra, ...report.stale];
    if (!ids.length) return 0;
    await enqueueSupplierChanges(this.dataSource, ids, 'repair', (await this.replicaOrFirst(replica)).id);
    return ids.length;
  }

  private async supplierCount(): Promise<number> {
    const [{ n }] = await this.dataSource.query<[{ n: number }]>(`SELECT count(*)::int AS n FROM suppliers`);
    return n;
  }

  private async *supplierIdPages(): AsyncGenerator<string[]> {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows: { id: string }[] = await this.dataSource.query(`SELECT id FROM suppliers WHERE id > $1 ORDER BY id LIMIT $2`, [
        after,
        PAGE,
      ]);
      if (!rows.length) return;
      yield rows.map((r) => r.id);
      after = rows[rows.length - 1].id;
    }
  }
}
