import { createWorkerContext, progressPrinter, replicaArgument, runCommand } from '../context.js';

/**
 * `npm run reindex`: on each search replica (or the one `--replica <url>` names) rebuilds the
 * suppliers index beside the live one and swaps it in atomically. A replica that fails does not stop
 * the others; the command then exits 1.
 */
runCommand(async () => {
  const context = await createWorkerContext('hp-reindex');
  try {
    let failed = 0;
    for (const replica of await context.maintenance.replicas.select(replicaArgument())) {
      try {
        const result = await context.maintenance.reindex(progressPrinter(`indexing suppliers into ${replica.url}`), replica);
        process.stdout.write(
          `Reindexed ${result.documents} suppliers into ${context.index.uid} on ${replica.url} in ${(result.ms / 1000).toFixed(1)} s; swapped in atomically.\n`,
        );
        const replay = await context.worker.drainAll([replica]);
        if (replay.applied) process.stdout.write(`Re-applied ${replay.applied} writes made during the rebuild.\n`);
      } catch (error) {
        failed += 1;
        process.stderr.write(`Reindexing ${replica.url} failed: ${(error as Error).message}\n`);
      }
    }
    return failed ? 1 : 0;
  } finally {
    await context.close();
  }
});
