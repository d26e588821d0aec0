import { type Meilisearch, type Settings, type Task } from 'meilisearch';
import { meiliApiError } from './meili-client.js';
import type { SupplierDocument } from './supplier-document.js';

/** How long a write waits for Meilisearch to apply it before it counts as failed. */
const TASK_TIMEOUT_MS = 20000;

export class SearchTaskFailed extends Error {
  constructor(task: Task) {
    super(`Meilisearch task ${task.uid} (${task.type}) ${task.status}: ${task.error?.message ?? 'no reason given'}`);
    this.name = 'SearchTaskFailed';
  }
}

export function supplierIndexUid(prefix: string): string {
  return `${prefix}_suppliers`;
}

async function succeeded(task: Promise<Task>): Promise<Task> {
  const done = await task;
  if (done.status !== 'succeeded') throw new SearchTaskFailed(done);
  return done;
}

/** The suppliers index: creation, settings and writes that wait until Meilisearch applied them. */
export class SupplierIndex {
  constructor(
    readonly client: Meilisearch,
    readonly uid: string,
  ) {}

  /** Creates the index when missing and applies the settings; safe to call on every start. */
  async ensure(settings: Settings): Promise<void> {
    try {
      await this.client.getRawIndex(this.uid);
    } catch (error) {
      if (meiliApiError(error)?.cause?.code !== 'index_not_found') throw error;
      await succeeded(this.client.createIndex(this.uid, { primaryKey: 'id' }).waitTask({ timeout: TASK_TIMEOUT_MS }));
    }
    await succeeded(this.client.index(this.uid).updateSettings(settings).waitTask({ timeout: 120000 }));
  }

  /** Upserts and deletes in one go; resolves once both are applied, throws if either failed. */
  async apply(documents: SupplierDocument[], deletedIds: string[]): Promise<void> {
    const index = this.client.index<SupplierDocument>(this.uid);
    const pending: Promise<Task>[] = [];
    if (documents.length)
      pending.push(index.addDocuments(documents, { primaryKey: 'id' }).waitTask({ timeout: TASK_TIMEOUT_MS, interval: 20 }));
    if (deletedIds.length) pending.push(index.deleteDocuments(deletedIds).waitTask({ timeout: TASK_TIMEOUT_MS, interval: 20 }));
    await Promise.all(pending.map(succeeded));
  }
}
