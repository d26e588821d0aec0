import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { logger } from '#libs/core';
import type { Taxonomy } from '#libs/taxonomy';
import { supplierIndexSettings } from './index-settings.js';
import type { SearchOutboxWorker } from './outbox-worker.js';
import type { SupplierIndex } from './supplier-index.js';

/**
 * At start: creates the index and applies its settings (retrying in the background while
 * Meilisearch is unreachable, so the API still starts) and, when configured, runs the outbox worker
 * in this process. At shutdown: lets the worker finish its batch.
 */
export class SearchLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private stopped = false;
  private ready: Promise<void> | undefined;

  constructor(
    private readonly index: SupplierIndex,
    private readonly taxonomy: Taxonomy,
    private readonly worker: SearchOutboxWorker,
    private readonly runWorker: boolean,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.ready = this.ensureIndex();
    // Wait briefly so a healthy start has its settings before serving; never block on an outage.
    await Promise.race([this.ready, new Promise((resolve) => setTimeout(resolve, 30000).unref())]);
    if (this.runWorker) this.worker.start();
  }

  /** Before any module closes (TypeORM's pool among them), so the batch in flight can commit. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.worker.stop();
  }

  private async ensureIndex(): Promise<void> {
    const settings = supplierIndexSettings(this.taxonomy);
    for (let attempt = 1; !this.stopped; attempt += 1) {
      try {
        await this.index.ensure(settings);
        logger.emit('info', 'search index ready', { index: this.index.uid }, 'Search');
        return;
      } catch (error) {
        if (attempt === 1 || attempt % 12 === 0)
          logger.emit('warn', 'search index not ready; retrying', { index: this.index.uid, error: (error as Error).message }, 'Search');
        await new Promise((resolve) => setTimeout(resolve, 5000).unref());
      }
    }
  }
}
