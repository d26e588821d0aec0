import type { DataSource } from 'typeorm';
import { ConfigError, meiliReplicaUrls } from '#libs/config';
import { logger } from '#libs/core';
import {
  enqueueSupplierChanges,
  registerSearchReplicas,
  restoreSearchReplica,
  retireSearchReplica,
  unconfiguredSearchReplicas,
} from '#libs/search-outbox';
import { createMeiliClient, type Meilisearch, type MeiliSettings } from './meili-client.js';
import { SupplierIndex } from './supplier-index.js';

/** One Meilisearch server the worker keeps in step: its id in the outbox, its URL and its suppliers index. */
export interface SearchReplica {
  id: number;
  url: string;
  index: SupplierIndex;
}

export interface SearchReplicaSettings extends Omit<MeiliSettings, 'url'> {
  /** Normalised URLs (`meiliReplicaUrls`), the first one first. */
  urls: readonly string[];
}

/**
 * The configured search replicas (MEILI_URL, one URL each, same master key). Each process that loads
 * the search module registers them in `search_replicas` at start (before it can write), so every
 * supplier change is queued once per replica. A replica new to the database starts with an empty
 * index: every supplier is queued for it, and the worker fills it like any other change.
 */
export class SearchReplicas {
  /** Admin clients (master key), in MEILI_URL's order. */
  readonly admins: readonly { url: string; client: Meilisearch }[];
  private registration: Promise<SearchReplica[]> | undefined;

  constructor(
    private readonly dataSource: DataSource,
    settings: SearchReplicaSettings,
    readonly indexUid: string,
  ) {
    this.admins = settings.urls.map((url) => ({ url, client: createMeiliClient({ ...settings, url }) }));
  }

  /** The first replica's index (what K = 1 always had). */
  get first(): SupplierIndex {
    return new SupplierIndex(this.admins[0].client, this.indexUid);
  }

  /** The replicas with their ids, registering them on the first call. */
  registered(): Promise<SearchReplica[]> {
    this.registration ??= this.register().catch((error: unknown) => {
      this.registration = undefined;
      throw error;
    });
    return this.registration;
  }

  /** All replicas, or the one `url` names (`--replica`); an unknown URL is a clear error. */
  async select(url?: string): Promise<SearchReplica[]> {
    const replicas = await this.registered();
    if (url === undefined) return replicas;
    const wanted = normalisedReplicaUrl(url);
    const found = replicas.filter((r) => r.url === wanted);
    if (!found.length)
      throw new ConfigError([`--replica: ${url} is not one of MEILI_URL's replicas (${replicas.map((r) => r.url).join(', ')})`]);
    return found;
  }

  /** Replicas the database still knows that MEILI_URL no longer lists, with the entries queued for them. */
  unconfigured(): Promise<{ url: string; pending: number }[]> {
    return unconfiguredSearchReplicas(
      this.dataSource,
      this.admins.map((a) => a.url),
    );
  }

  /**
   * Retires a replica MEILI_URL no longer lists (`npm run index:retire`): drops its queued entries and
   * marks it retired, so no process registers it again from an old MEILI_URL. A configured one is
   * refused (take it out of MEILI_URL first). Returns its URL as registered and the pending entries dropped.
   */
  async retire(url: string): Promise<{ url: string; dropped: number }> {
    const wanted = normalisedReplicaUrl(url);
    if (this.admins.some((a) => a.url === wanted))
      throw new ConfigError([`--replica: ${wanted} is in MEILI_URL; take it out of MEILI_URL on every API and worker first`]);
    const dropped = await this.dataSource.transaction((manager) => retireSearchReplica(manager, wanted));
    if (dropped === undefined) throw new ConfigError([`--replica: no replica ${wanted} is registered (or it is retired already)`]);
    logger.emit('info', 'search replica retired', { url: wanted, pendingDropped: dropped }, 'Search');
    return { url: wanted, dropped };
  }

  /**
   * Lifts a retirement (`npm run index:retire -- --replica URL --restore`): the next process whose
   * MEILI_URL lists it registers it as new and queues every supplier for it.
   */
  async restore(url: string): Promise<{ url: string }> {
    const wanted = normalisedReplicaUrl(url);
    if (!(await this.dataSource.transaction((manager) => restoreSearchReplica(manager, wanted))))
      throw new ConfigError([`--replica: ${wanted} is not a retired replica`]);
    logger.emit('info', 'search replica restored: the next process listing it fills it from scratch', { url: wanted }, 'Search');
    return { url: wanted };
  }

  /** Resolves when at least one replica answers its health check (searches can be served). */
  async health(): Promise<void> {
    await Promise.any(this.admins.map((admin) => admin.client.health())).catch((error: AggregateError) => {
      throw error.errors[0];
    });
  }

  private register(): Promise<SearchReplica[]> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await registerSearchReplicas(
        manager,
        this.admins.map((a) => a.url),
      );
      for (const row of rows.filter((r) => r.added)) {
        // search reads the suppliers table (TABLE_OWNERSHIP); the worker re-reads each one when it indexes it
        const ids = (await manager.query<{ id: string }[]>(`SELECT id FROM suppliers`)).map((s) => s.id);
        await enqueueSupplierChanges(manager, ids, 'replica-added', row.id);
        logger.emit('info', 'search replica added: every supplier is queued for it', { url: row.url, suppliers: ids.length }, 'Search');
      }
      return rows.map((row, i) => ({ id: row.id, url: row.url, index: new SupplierIndex(this.admins[i].client, this.indexUid) }));
    });
  }
}

/** A `--replica` value in MEILI_URL's normal form, or a clear error when it is not a URL. */
function normalisedReplicaUrl(url: string): string {
  try {
    return meiliReplicaUrls(url)[0];
  } catch (error) {
    throw new ConfigError([`--replica: ${(error as Error).message}`]);
  }
}
