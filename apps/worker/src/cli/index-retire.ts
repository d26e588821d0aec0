import { ConfigError } from '#libs/config';
import { createWorkerContext, replicaArgument, runCommand } from '../context.js';

/**
 * `npm run index:retire -- --replica <url>`: retires a search replica that MEILI_URL no longer lists
 * (moved to another address, or removed): drops the entries queued for it and marks it retired, so
 * changes stop being queued for a server nobody drains, and a process still started with the old
 * MEILI_URL refuses to start instead of registering it again. `index:check` lists such replicas. A
 * replica still in MEILI_URL is refused: take it out of every process's MEILI_URL first.
 * `--restore` lifts a retirement: add the URL to MEILI_URL afterwards, and the first process to start
 * fills that replica from scratch.
 */
runCommand(async () => {
  const url = replicaArgument();
  const restore = process.argv.includes('--restore');
  if (url === undefined) throw new ConfigError([`--replica: needs the URL of the replica to ${restore ? 'restore' : 'retire'}`]);
  const context = await createWorkerContext('hp-index-retire');
  try {
    if (restore) {
      const restored = await context.maintenance.replicas.restore(url);
      process.stdout.write(
        `Restored the search replica ${restored.url}: add it to MEILI_URL, and the first process to start fills it from scratch.\n`,
      );
      return 0;
    }
    const retired = await context.maintenance.replicas.retire(url);
    process.stdout.write(`Retired the search replica ${retired.url}: ${retired.dropped} queued outbox entries dropped.\n`);
    return 0;
  } finally {
    await context.close();
  }
});
