import { SnapshotScheduler } from '#libs/analytics';
import { logger } from '#libs/core';
import { supplierIndexSettings } from '#libs/search';
import { createWorkerContext, runCommand } from './context.js';

/**
 * The background worker: drains the search outbox into Meilisearch and refreshes the analytics
 * supply snapshot until SIGINT/SIGTERM, then finishes its batch and exits. Several can run at once.
 */
runCommand(async () => {
  const context = await createWorkerContext('hp-worker');
  await context.index.ensure(supplierIndexSettings(context.taxonomy)).catch((error: unknown) => {
    logger.emit('warn', 'search index not ready yet; the worker will retry writes', { error: (error as Error).message }, 'Worker');
  });
  context.worker.start();
  const snapshots = new SnapshotScheduler(context.snapshots, context.config.ANALYTICS_REFRESH_MINUTES);
  snapshots.start();
  logger.emit('info', 'search worker started', { index: context.index.uid, analyticsRefreshMinutes: context.config.ANALYTICS_REFRESH_MINUTES }, 'Worker');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  logger.emit('info', 'search worker stopping', {}, 'Worker');
  await snapshots.stop();
  await context.close();
});
