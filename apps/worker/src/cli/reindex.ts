import { createWorkerContext, progressPrinter, runCommand } from '../context.js';

/** `npm run reindex`: rebuilds the suppliers index beside the live one and swaps it in atomically. */
runCommand(async () => {
  const context = await createWorkerContext('hp-reindex');
  try {
    const result = await context.maintenance.reindex(progressPrinter('indexing suppliers'));
    process.stdout.write(
      `Reindexed ${result.documents} suppliers into ${context.index.uid} in ${(result.ms / 1000).toFixed(1)} s; swapped in atomically.\n`,
    );
    const replay = await context.worker.drainAll();
    if (replay.applied) process.stdout.write(`Re-applied ${replay.applied} writes made during the rebuild.\n`);
  } finally {
    await context.close();
  }
});
