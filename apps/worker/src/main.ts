import { logger } from '#libs/core';
import { createWorkerContext, runCommand } from './context.js';

/**
 * The background worker: drains the search outbox into Meilisearch and refreshes the analytics
 * supply snapshot until SIGINT/SIGTERM, then finishes its batch and exits. Several can run at once.
 * Both loops are started and stopped by the modules' lifecycles (WorkerModule with `background`).
 */
runCommand(async () => {
  const context = await createWorkerContext('hp-worker', true);
  logger.emit(
    'info',
    'search worker started',
    { index: context.index.uid, analyticsRefreshMinutes: context.config.ANALYTICS_REFRESH_MINUTES },
    'Worker',
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  logger.emit('info', 'search worker stopping', {}, 'Worker');
  await context.close();
});
