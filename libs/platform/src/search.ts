import type { DynamicModule } from '@nestjs/common';
import { meiliReplicaUrls } from '#libs/config';
import { SearchModule } from '#libs/search';
import type { Runtime } from './runtime.js';

/** Meilisearch and the search outbox as configured; `runWorker` drains the outbox in this process. */
export function searchModule(runtime: Runtime, use: { runWorker: boolean; timeoutMs?: number }): DynamicModule {
  const { config } = runtime;
  return SearchModule.forRoot({
    urls: meiliReplicaUrls(runtime.meiliUrl),
    apiKey: runtime.meiliKey,
    timeoutMs: use.timeoutMs,
    indexPrefix: config.MEILI_INDEX_PREFIX,
    runWorker: use.runWorker,
    listenUrl: runtime.databaseUrl,
    batchSize: config.OUTBOX_BATCH_SIZE,
    pollIntervalMs: config.OUTBOX_POLL_MS,
    maxBackoffMs: config.OUTBOX_MAX_BACKOFF_MS,
    concurrency: config.OUTBOX_CONCURRENCY,
    rateLimit: {
      perUser: config.SEARCH_MAX_PER_USER,
      perAddress: config.SEARCH_MAX_PER_ADDRESS,
      windowSeconds: config.SEARCH_WINDOW_SECONDS,
    },
    admission: {
      maxConcurrent: config.SEARCH_MAX_CONCURRENT,
      maxQueue: config.SEARCH_MAX_QUEUE,
      queueTimeoutMs: config.SEARCH_QUEUE_TIMEOUT_MS,
    },
  });
}
