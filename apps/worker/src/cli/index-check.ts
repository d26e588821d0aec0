import { asSearchFailure, type DriftReport, SearchUnavailable } from '#libs/search';
import { createWorkerContext, progressPrinter, replicaArgument, runCommand } from '../context.js';

const list = (ids: string[]) => (ids.length ? `${ids.length} (${ids.slice(0, 20).join(', ')}${ids.length > 20 ? ', …' : ''})` : '0');

function describe(report: DriftReport): string[] {
  return [
    `  indexed documents: ${report.indexCount}; pending outbox: ${report.pending}`,
    `  missing from the index: ${list(report.missing)}`,
    `  in the index but not in PostgreSQL: ${list(report.extra)}`,
    `  stale documents (checksum differs): ${list(report.stale)}`,
    report.ok ? '  No drift.' : '  Drift found.',
  ];
}

/**
 * `npm run index:check`: compares PostgreSQL with each search replica's index (counts and
 * per-document checksums) and lists drifted ids, replica by replica; `--replica <url>` checks one.
 * With `--repair` (or `npm run index:repair`) queues each replica's drifted ids for that replica
 * and applies the queue. Exits 1 when drift remains, a replica could not be checked, or a registered replica is
 * no longer in MEILI_URL (changes pile up for it: `npm run index:retire` forgets it).
 */
runCommand(async () => {
  const repair = process.argv.includes('--repair');
  const context = await createWorkerContext('hp-index-check');
  try {
    const replicas = await context.maintenance.replicas.select(replicaArgument());
    const checks = await context.maintenance.checkReplicas(progressPrinter('checking suppliers'), replicas);
    const lines = [`PostgreSQL suppliers: ${checks.find((c) => c.report)?.report?.postgresCount ?? '?'}`];
    for (const check of checks) {
      lines.push(`replica ${check.url}:`);
      if (check.report) lines.push(...describe(check.report));
      else {
        const failure = asSearchFailure(check.error);
        lines.push(
          `  could not be checked: ${failure instanceof SearchUnavailable ? 'Meilisearch did not answer' : (failure as Error).message}`,
        );
      }
    }
    const strays = await context.maintenance.replicas.unconfigured();
    for (const stray of strays)
      lines.push(
        `registered replica ${stray.url} is not in MEILI_URL: ${stray.pending} changes queued for it and nothing drains them (retire it with npm run index:retire -- --replica ${stray.url})`,
      );
    process.stdout.write(lines.join('\n') + '\n');
    const ok = checks.every((c) => c.report?.ok) && strays.length === 0;
    if (ok || !repair) return ok ? 0 : 1;
    let healed = true;
    for (const replica of replicas) {
      const report = checks.find((c) => c.url === replica.url)?.report;
      if (!report) {
        healed = false;
        continue;
      }
      if (report.ok) continue;
      const queued = await context.maintenance.repair(report, replica);
      const applied = await context.worker.drainAll([replica]);
      const after = await context.maintenance.check(undefined, replica);
      healed &&= after.ok;
      process.stdout.write(
        `Repaired ${replica.url}: queued ${queued}, applied ${applied.applied} outbox entries; ${after.ok ? 'no drift left.' : 'drift remains (see above).'}\n`,
      );
    }
    return healed && strays.length === 0 ? 0 : 1;
  } finally {
    await context.close();
  }
});
