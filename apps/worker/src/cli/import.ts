import { readFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { SuppliersService } from '#libs/companies';
import { logger } from '#libs/core';
import { type ImportResult, readRegistryFile, RegistryImporter, UnusableFile, writeImportReport } from '#libs/registry';
import { createWorkerContext, progressPrinter, runCommand } from '../context.js';

const USAGE = 'usage: npm run import -- FILE.(csv|xlsx|jsonl) [--dry-run] [--report PATH] [--batch ROWS]';

/** Exit codes: 0 every row imported, 1 some rows rejected, 2 unusable file or arguments, 3 the import could not finish. */
const EXIT = { ok: 0, rejected: 1, unusable: 2, failed: 3 } as const;

/**
 * `npm run import -- suppliers.csv [--dry-run] [--report PATH]`: imports the supplier registry (see
 * README "Importing the supplier registry") as ADMIN, upserting by tax code. Progress on stderr,
 * the summary on stdout, a per-row report (CSV) next to the file unless --report says where.
 */
runCommand(async () => {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { 'dry-run': { type: 'boolean', default: false }, report: { type: 'string' }, batch: { type: 'string', default: '1000' } },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return EXIT.unusable;
  }
  const { values, positionals } = parsed;
  const file = positionals[0];
  const batchSize = Number(values.batch);
  if (!file || positionals.length > 1 || !Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10000) {
    process.stderr.write(`${USAGE}\n`);
    return EXIT.unusable;
  }
  const reportPath = values.report ?? join(dirname(file), `${basename(file, extname(file))}.report.csv`);
  let source;
  try {
    source = await readRegistryFile(await readFile(file), file);
  } catch (error) {
    if (!(error instanceof UnusableFile) && (error as NodeJS.ErrnoException).code === undefined) throw error;
    process.stderr.write(`Cannot import ${file}: ${(error as Error).message}\n`);
    return EXIT.unusable;
  }
  if (source.unknownHeaders.length)
    process.stderr.write(`Ignoring columns the registry does not know: ${source.unknownHeaders.join(', ')}\n`);

  const context = await createWorkerContext('hp-import');
  let result: ImportResult;
  try {
    const suppliers = context.app.get(SuppliersService);
    const importer = new RegistryImporter(context.dataSource, context.taxonomy, (input) => suppliers.problemsOf(input));
    result = await importer.run(source, {
      dryRun: values['dry-run'],
      batchSize,
      onProgress: progressPrinter(values['dry-run'] ? 'checking rows' : 'importing rows', process.stderr),
    });
  } catch (error) {
    logger.emit('error', 'import failed', { error }, 'Import');
    process.stderr.write(
      `The import stopped: ${(error as Error).message}. Rows of completed batches are imported; run the same command again to finish (imported rows come out unchanged).\n`,
    );
    return EXIT.failed;
  } finally {
    await context.close();
  }
  await writeImportReport(reportPath, result);
  const verb = result.dryRun ? 'Dry run (nothing written): would create' : 'Created';
  process.stdout.write(
    `${verb} ${result.created}, ${result.dryRun ? 'update' : 'updated'} ${result.updated}, unchanged ${result.unchanged}, rejected ${result.rejected} of ${result.total} rows (${source.format}).\nReport: ${reportPath}\n`,
  );
  return result.rejected ? EXIT.rejected : EXIT.ok;
});
