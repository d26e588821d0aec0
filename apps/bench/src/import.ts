import 'reflect-metadata';
import { mkdtempSync, rmSync, chmodSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { SupplierRepository, SuppliersService } from '#libs/companies';
import { logger } from '#libs/core';
import { buildDataSourceOptions } from '#libs/database';
import { findFreePort, startInfrastructure } from '#libs/local-infra';
import { exportRegistry, readRegistryFile, RegistryImporter } from '#libs/registry';
import { Taxonomy } from '#libs/taxonomy';
import { ENTITIES } from '#libs/platform';
import { progressPrinter } from '#libs/platform';
import { generateInto } from '#libs/demo-data';
import { argNumber, saveResults } from './support.js';

const SUPPLIER_COLUMNS = `name_vi, trade_name_en, description_vi, description_en, street, ward, province, old_district, zone_code, latitude, longitude,
  website, contact_name, contact_phone, contact_email, employees, founded_year, ownership_type, ownership_country, sectors, processes, materials,
  product_groups, monthly_capacity_value, monthly_capacity_unit, minimum_order_quantity, lead_time_days, best_tolerance_mm, export_experience,
  export_markets, languages, verification_status`;

/**
 * `npm run bench:import [-- --rows 100000 --file PATH]`: writes a registry CSV of synthetic
 * suppliers (the demo generator at scale; --file keeps it, so it doubles as the big-file
 * generator), then measures on an empty throw-away database, in one run:
 *   - the raw-SQL baseline: the same rows, certificates and outbox entries as multi-row INSERTs
 *     in 1 000-row transactions, nothing parsed or validated;
 *   - `RegistryImporter` end to end: read the file, parse, validate, compare, write (all created);
 *   - the same file again (all unchanged, nothing written).
 */
async function main(): Promise<void> {
  const rows = argNumber('rows', 100000);
  const fileIndex = process.argv.indexOf('--file');
  const dataDir = mkdtempSync(join(tmpdir(), 'hp-bench-import-'));
  chmodSync(dataDir, 0o755);
  const file = fileIndex >= 0 ? process.argv[fileIndex + 1] : join(dataDir, `suppliers-${rows}.csv`);
  logger.setLevel('warn');
  const infra = await startInfrastructure({ dataDir, pgPort: await findFreePort(), meiliPort: await findFreePort(), database: 'bench' });
  const dataSource = new DataSource(
    buildDataSourceOptions(
      { url: infra.databaseUrl, poolSize: 4, connectTimeoutMs: 5000, statementTimeoutMs: 600000, applicationName: 'hp-bench-import' },
      ENTITIES,
    ),
  );
  const out: Record<string, unknown> = {
    rows,
    date: new Date().toISOString(),
    machine: `${(await import('node:os')).cpus().length} cores`,
  };
  try {
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    const taxonomy = Taxonomy.load();
    await generateInto(dataSource, taxonomy, rows, 11, 2000, progressPrinter('generating suppliers', process.stderr));
    await exportRegistry(dataSource, file, { onProgress: progressPrinter(`writing ${file}`, process.stderr) });
    out.fileMegabytes = Number((statSync(file).size / 1e6).toFixed(1));

    // The baseline writes exactly what the import will write, already in database form.
    const suppliers = await dataSource.query<{ tax_code: string }[]>(
      `SELECT tax_code, ${SUPPLIER_COLUMNS} FROM suppliers ORDER BY tax_code`,
    );
    const certificates = await dataSource.query<{ tax_code: string }[]>(
      `SELECT s.tax_code, c.position, c.code, c.valid_from, c.valid_until FROM supplier_certifications c JOIN suppliers s ON s.id = c.supplier_id`,
    );
    const empty = () => dataSource.query('TRUNCATE suppliers, search_outbox CASCADE');
    await empty();
    const certificatesByTaxCode = new Map<string, unknown[]>();
    for (const c of certificates) certificatesByTaxCode.set(c.tax_code, [...(certificatesByTaxCode.get(c.tax_code) ?? []), c]);
    const t0 = process.hrtime.bigint();
    for (let start = 0; start < suppliers.length; start += 1000) {
      const chunk = suppliers.slice(start, start + 1000);
      await dataSource.transaction(async (manager) => {
        const ids = await manager.query<{ id: string; tax_code: string }[]>(
          `INSERT INTO suppliers (tax_code, ${SUPPLIER_COLUMNS}) SELECT tax_code, ${SUPPLIER_COLUMNS} FROM json_populate_recordset(NULL::suppliers, $1::json) RETURNING id, tax_code`,
          [JSON.stringify(chunk)],
        );
        const certs = ids.flatMap((r) =>
          (certificatesByTaxCode.get(r.tax_code) ?? []).map((c) => ({ ...(c as object), supplier_id: r.id })),
        );
        await manager.query(
          `INSERT INTO supplier_certifications (supplier_id, position, code, valid_from, valid_until)
           SELECT supplier_id, position, code, valid_from, valid_until FROM json_populate_recordset(NULL::supplier_certifications, $1::json)`,
          [JSON.stringify(certs)],
        );
        await manager.query(
          `INSERT INTO search_outbox (aggregate, aggregate_id, reason, replica_id) SELECT 'supplier', s.id, 'imported', r.id FROM unnest($1::uuid[]) AS s(id) CROSS JOIN search_replicas r WHERE r.retired_at IS NULL`,
          [ids.map((r) => r.id)],
        );
      });
    }
    const baselineSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
    await empty();

    const service = new SuppliersService(dataSource, new SupplierRepository(dataSource), taxonomy);
    const importer = new RegistryImporter(dataSource, taxonomy, (input) => service.problemsOf(input));
    const importOnce = async (label: string) => {
      const started = process.hrtime.bigint();
      const source = await readRegistryFile(await readFile(file), file);
      const result = await importer.run(source, { onProgress: progressPrinter(label, process.stderr) });
      return { seconds: Number(process.hrtime.bigint() - started) / 1e9, result };
    };
    const first = await importOnce('importing (all new)');
    const second = await importOnce('importing again (all unchanged)');
    const [{ outbox }] = await dataSource.query<[{ outbox: number }]>('SELECT count(*)::int AS outbox FROM search_outbox');

    const rate = (seconds: number) => Math.round(rows / seconds);
    out.baseline = { seconds: baselineSeconds, rowsPerSecond: rate(baselineSeconds) };
    out.importNew = {
      seconds: first.seconds,
      rowsPerSecond: rate(first.seconds),
      created: first.result.created,
      rejected: first.result.rejected,
    };
    out.importAgain = { seconds: second.seconds, rowsPerSecond: rate(second.seconds), unchanged: second.result.unchanged };
    out.outboxEntries = outbox;
    process.stdout.write(
      [
        `Import of ${rows} suppliers (${out.fileMegabytes} MB CSV), ${out.machine}:`,
        `  raw SQL baseline (multi-row INSERT, same rows + certificates + outbox): ${baselineSeconds.toFixed(2)} s, ${rate(baselineSeconds)} rows/s`,
        `  npm run import, all new:       ${first.seconds.toFixed(2)} s, ${rate(first.seconds)} rows/s (${first.result.created} created, ${first.result.rejected} rejected; ×${(baselineSeconds / first.seconds).toFixed(2)} of the baseline's rate)`,
        `  npm run import, all unchanged: ${second.seconds.toFixed(2)} s, ${rate(second.seconds)} rows/s (${second.result.unchanged} unchanged)`,
        `  outbox entries after both: ${outbox} (one per created supplier)`,
        `Results: ${saveResults('import', out)}`,
      ].join('\n') + '\n',
    );
  } finally {
    await dataSource.destroy().catch(() => undefined);
    await infra.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
