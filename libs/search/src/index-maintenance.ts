import type { DataSource } from 'typeorm';
import { SupplierRepository } from '#libs/companies';
import { todayInVietnam } from '#libs/core';
import { enqueueSupplierChanges, pendingSupplierIds, requeueProcessedSince } from '#libs/search-outbox';
import type { Taxonomy } from '#libs/taxonomy';
import { supplierIndexSettings } from './index-settings.js';
import { buildSupplierDocument } from './supplier-document.js';
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

const PAGE = 2000;

/** Reindexing, drift checks and repair (the `reindex`, `index:check` and `index:repair` commands). */
export class IndexMaintenance {
  private readonly suppliers: SupplierRepository;

  constructor(
    private readonly dataSource: DataSource,
    private readonly taxonomy: Taxonomy,
    private readonly index: SupplierIndex,
  ) {
    this.suppliers = new SupplierRepository(dataSource);
  }

  /**
   * Builds a fresh index beside the live one and swaps them atomically: searches keep answering
   * from the old index until the swap. Outbox entries written since the rebuild began are replayed
   * onto the new index, so no concurrent write is lost.
   */
  async reindex(progress: Progress = () => undefined): Promise<{ documents: number; ms: number }> {
    const started = Date.now();
    const [{ now: snapshotStart }] = await this.dataSource.query<[{ now: string }]>(`SELECT now()::text AS now`);
    const client = this.index.client;
    const rebuild = new SupplierIndex(client, `${this.index.uid}_rebuild`);
    await client.deleteIndexIfExists(rebuild.uid);
    const settings = supplierIndexSettings(this.taxonomy);
    await Promise.all([rebuild.ensure(settings), this.index.ensure(settings)]);
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
    const swap = await client.swapIndexes([{ indexes: [this.index.uid, rebuild.uid], rename: false }]).waitTask({ timeout: 60000 });
    if (swap.status !== 'succeeded') throw new SearchTaskFailed(swap);
    await client.deleteIndex(rebuild.uid).waitTask({ timeout: 60000 });
    await requeueProcessedSince(this.dataSource, snapshotStart);
    return { documents: done, ms: Date.now() - started };
  }

  /** Compares every supplier in PostgreSQL with its document in Meilisearch (count and checksum). */
  async check(progress: Progress = () => undefined): Promise<DriftReport> {
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
    const indexed = new Map<string, string>();
    const documents = this.index.client.index<{ id: string; checksum: string }>(this.index.uid);
    for (let offset = 0; ; offset += 10000) {
      const page = await documents.getDocuments({ fields: ['id', 'checksum'], limit: 10000, offset });
      for (const doc of page.results) indexed.set(String(doc.id), String(doc.checksum));
      if (page.results.length < 10000) break;
    }
    const pending = await pendingSupplierIds(this.dataSource);
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

  /** Queues every drifted supplier for the worker (which re-reads, re-indexes or deletes it). */
  async repair(report: DriftReport): Promise<number> {
    const ids = [...report.missing, ...report.extra, ...report.stale];
    if (!ids.length) return 0;
    await enqueueSupplierChanges(this.dataSource, ids, 'repair');
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
