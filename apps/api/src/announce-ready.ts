import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from '#libs/config';
import { logger } from '#libs/core';
import { pendingBacklog } from '#libs/search-outbox';

const INDEXING_WAIT_MS = 60_000;

/**
 * Tells the person who typed `npm start` where the web app is, once it is worth opening: with demo
 * data and the in-process worker, after the demo suppliers are searchable (the outbox drained), so
 * the first page they open is not an empty directory. Never holds up serving: the API already listens.
 */
export async function announceWebApp(app: INestApplication, config: AppConfig, stopped: () => boolean): Promise<void> {
  const url = `http://localhost:${config.PORT}/`;
  if (!config.SEED_DEMO_DATA || !config.SEARCH_WORKER_IN_PROCESS) {
    logger.emit('info', `web app at ${url}`, { url }, 'Main');
    return;
  }
  const dataSource = app.get(DataSource);
  const deadline = Date.now() + INDEXING_WAIT_MS;
  for (;;) {
    if (stopped()) return;
    const { oldestPendingAt } = await pendingBacklog(dataSource);
    if (!oldestPendingAt) {
      logger.emit('info', `web app ready at ${url} (demo data searchable)`, { url }, 'Main');
      return;
    }
    if (Date.now() > deadline) {
      logger.emit('warn', `web app at ${url}; search is still indexing the demo data`, { url, oldestPendingAt }, 'Main');
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
