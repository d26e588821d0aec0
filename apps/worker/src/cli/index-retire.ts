import { ConfigError } from '#libs/config';
import { createWorkerContext, replicaArgument, runCommand } from '../context.js';

/**
 * `npm run index:retire -- --replica <url>`: forgets a search replica that MEILI_URL no longer lists
 * (moved to another address, or removed): drops the entries queued for it and its registration, so
 * changes stop being queued for a server nobody drains. `index:check` lists such replicas. A replica
 * still in MEILI_URL is refused: take it out of every process's MEILI_URL first.
 */
runCommand(async () => {
  const url = replicaArgument();
  if (url === undefined) throw new ConfigError(['--replica: needs the URL of the replica to retire']);
  const context = await createWorkerContext('hp-index-retire');
  try {
    const retired = await context.maintenance.replicas.retire(url);
    process.stdout.write(`Retired the search replica ${retired.url}: ${retired.dropped} queued outbox entries dropped.\n`);
    return 0;
  } finally {
    await context.close();
  }
});
