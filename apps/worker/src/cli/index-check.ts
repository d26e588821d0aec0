import { createWorkerContext, progressPrinter, runCommand } from '../context.js';

/**
 * `npm run index:check`: compares PostgreSQL with Meilisearch (counts and per-document checksums)
 * and lists drifted ids. With `--repair` (or `npm run index:repair`) queues them for the worker
 * and applies the queue. Exits 1 when drift remains.
 */
runCommand(async () => {
  const repair = process.argv.includes('--repair');
  const context = await createWorkerContext('hp-index-check');
  try {
    const report = await context.maintenance.check(progressPrinter('checking suppliers'));
    const list = (ids: string[]) => (ids.length ? `${ids.length} (${ids.slice(0, 20).join(', ')}${ids.length > 20 ? ', …' : ''})` : '0');
    process.stdout.write(
      [
        `PostgreSQL suppliers: ${report.postgresCount}; indexed documents: ${report.indexCount}; pending outbox: ${report.pending}`,
        `missing from the index: ${list(report.missing)}`,
        `in the index but not in PostgreSQL: ${list(report.extra)}`,
        `stale documents (checksum differs): ${list(report.stale)}`,
        report.ok ? 'No drift.' : 'Drift found.',
      ].join('\n') + '\n',
    );
    if (report.ok || !repair) return report.ok ? 0 : 1;
    const queued = await context.maintenance.repair(report);
    const applied = await context.worker.drainAll();
    const after = await context.maintenance.check();
    process.stdout.write(
      `Repaired: queued ${queued}, applied ${applied.applied} outbox entries; ${after.ok ? 'no drift left.' : 'drift remains (see above).'}\n`,
    );
    return after.ok ? 0 : 1;
  } finally {
    await context.close();
  }
});
