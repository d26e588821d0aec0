import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { logger } from '#libs/core';
import type { Taxonomy } from '#libs/taxonomy';
import { supplierIndexSettings } from './index-settings.js';
import type { SearchOutboxWorker } from './outbox-worker.js';
import type { SearchReplicas } from './search-replicas.js';
import type { SupplierIndex } from './supplier-index.js';

/**
 * At start: registers the search replicas (before this process can queue a change), creates the
 * index on each replica and applies its settings (each retrying in the background while its
 * Meilisearch is unreachable, so the API still starts) and, when configured, runs the outbox worker
 * in this process. At shutdown: lets the worker finish its batch.
 */
export class SearchLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private stopped = false;
  private ready: Promise<void> | undefined;

  constructor(
    private readonly replicas: SearchReplicas,
    private readonly taxonomy: Taxonomy,
    private readonly worker: SearchOutboxWorker,
    private readonly runWorker: boolean,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const replicas = await this.replicas.registered();
    this.ready = Promise.all(replicas.map((replica) => this.ensureIndex(replica.index))).then(() => undefined);
    // Wait briefly so a healthy start has its settings before serving; never block on an outage.
    await Promise.race([this.ready, new Promise((resolve) => setTimeout(resolve, 30000).unref())]);
    if (this.runWorker) this.worker.start();
  }

  /** Before any module closes (TypeORM's pool among them), so the batch in flight can commit. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.worker.stop();
  }

  private async ensureIndex(index: SupplierIndex): Promise<void> {
    const settings = supplierIndexSettings(this.taxonomy);
    const where = { index: index.uid, replica: index.client.config.host };
    for (let attempt = 1; !this.stopped; attempt += 1) {
      try {
        await index.ensure(settings);
        logger.emit('info', 'search index ready', where, 'Search');
        return;
      } catch (error) {
        if (attempt === 1 || attempt % 12 === 0)
          logger.emit('warn', 'search index not ready; retrying', { ...where, error: (error as Error).message }, 'Search');
        await new Promise((resolve) => setTimeout(resolve, 5000).unref());
      }
    }
  }
}
