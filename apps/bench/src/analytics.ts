import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { cpus } from 'node:os';
import { DataSource } from 'typeorm';
import { AnalyticsRepository, SupplySnapshotService } from '#libs/analytics';
import { BuyersService } from '#libs/companies';
import { addDays, todayInVietnam } from '#libs/core';
import { Taxonomy } from '#libs/taxonomy';
import { progressPrinter } from '#libs/platform';
import { generateInto } from '#libs/demo-data';
import { applyVerificationMix, ensureDemoBuyers, generateNeeds, insertNeeds } from './match-needs.js';
import { argNumber, loginAdmin, ms, runLoad, saveResults, startBenchStack } from './support.js';

/**
 * `npm run bench:analytics [-- --suppliers 100000 --needs 20000 --runs 40 --import-rows 100000]`: loads synthetic
 * suppliers and needs with a history (registrations over three years, needs closed, awarded,
 * introductions accepted and declined, a year of monthly supply snapshots), then measures each
 * analytics query over GraphQL against the API process at concurrency 1, next to the same SQL sent
 * straight to PostgreSQL in the same run, and the supply snapshot's refresh time; then runs the
 * import benchmark (bench:import) on a file of --import-rows suppliers (0 skips it).
 * BENCH_DATA_DIR reuses a data folder.
 */

const SUPPLIER_SEED = 42;
const NEED_SEED = 20261127;

/** Spreads registrations over three years, verifications over the weeks after, needs over the last year. */
async function addHistory(dataSource: DataSource, today: string): Promise<void> {
  await dataSource.query(`
    UPDATE suppliers SET created_at = now() - make_interval(days => (abs(hashtext(id::text)) % 1095)),
                         updated_at = now() - make_interval(days => (abs(hashtext(id::text)) % 1095))
     WHERE tax_code LIKE '04%'`);
  await dataSource.query(
    `UPDATE suppliers SET verified_at = least(now(), created_at + make_interval(days => 3 + abs(hashtext(tax_code)) % 60)) WHERE verification_status <> 'UNVERIFIED' AND tax_code LIKE '04%'`,
  );
  // needs: published over the last year; a quarter closed (two thirds of them awarded), the rest open
  await dataSource.query(`
    UPDATE sourcing_needs SET published_at = now() - make_interval(days => abs(hashtext(id::text)) % 365),
                              created_at = now() - make_interval(days => abs(hashtext(id::text)) % 365)`);
  await dataSource.query(`
    WITH pick AS (SELECT id, row_number() OVER (ORDER BY id) AS rn FROM sourcing_needs)
    UPDATE sourcing_needs n SET status = CASE WHEN p.rn % 12 < 2 THEN 'AWARDED' ELSE 'CLOSED' END,
                                closed_at = least(now(), n.published_at + interval '30 days')
      FROM pick p WHERE p.id = n.id AND p.rn % 4 = 0`);
  // introductions: up to four suppliers per need for half of the needs, with every status and decline reason
  await dataSource.query(`
    WITH verified AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS rn FROM suppliers WHERE verification_status = 'VERIFIED'),
         total AS (SELECT count(*) AS n FROM verified),
         targets AS (
           SELECT n.id AS need_id, k, (abs(hashtext(n.id::text || k)) % (SELECT n FROM total)) AS rn
             FROM sourcing_needs n, generate_series(1, 4) AS k
            WHERE abs(hashtext(n.id::text)) % 2 = 0 AND k <= 1 + abs(hashtext(n.id::text)) % 4)
    INSERT INTO introductions (need_id, supplier_id, status, invited_at, responded_at, decline_reason)
    SELECT t.need_id, v.id,
           (ARRAY['SHORTLISTED', 'INVITED', 'ACCEPTED', 'DECLINED'])[1 + abs(hashtext(t.need_id::text || t.k || 's')) % 4],
           now() - interval '10 days', now() - interval '5 days',
           (ARRAY['CAPACITY', 'CERTIFICATION', 'PRICE', 'TIMING', 'NOT_OUR_PROCESS', 'OTHER'])[1 + abs(hashtext(t.need_id::text || t.k)) % 6]
      FROM targets t JOIN verified v ON v.rn = t.rn
    ON CONFLICT DO NOTHING`);
  await dataSource.query(`UPDATE introductions SET decline_reason = NULL WHERE status <> 'DECLINED'`);
  await dataSource.query(`UPDATE introductions SET invited_at = NULL WHERE status = 'SHORTLISTED'`);
  await dataSource.query(`
    UPDATE sourcing_needs n SET awarded_supplier_id = i.supplier_id
      FROM (SELECT DISTINCT ON (need_id) need_id, supplier_id FROM introductions ORDER BY need_id, supplier_id) i
     WHERE n.id = i.need_id AND n.status = 'AWARDED'`);
  void today;
}

/** A year of month-end supply snapshots, derived from today's with some drift, for localisation over time. */
async function addSnapshotHistory(dataSource: DataSource): Promise<void> {
  await dataSource.query(`
    INSERT INTO need_supply_history (day, sector, qualified_suppliers, needs)
    SELECT (date_trunc('month', now()) - make_interval(months => m) - interval '1 day')::date, h.sector,
           least(100, greatest(0, h.qualified_suppliers - m + (h.qualified_suppliers + m) % 3)), sum(h.needs)::int
      FROM need_supply_history h, generate_series(1, 12) AS m
     WHERE h.day = (SELECT max(day) FROM need_supply_history)
     GROUP BY 1, 2, 3
    ON CONFLICT DO NOTHING`);
}

interface Case {
  name: string;
  query: string;
  variables: Record<string, unknown>;
  raw: (repository: AnalyticsRepository) => Promise<unknown>;
}

function cases(today: string): Case[] {
  const yearAgo = addDays(today, -365);
  const twoYearsAgo = `${Number(today.slice(0, 4)) - 2}${today.slice(4, 7)}-01`;
  const tomorrow = addDays(today, 1);
  const coverage = (by: 'PROCESS' | 'PRODUCT_GROUP' | 'CERTIFICATION' | 'ZONE' | 'SECTOR'): Case => ({
    name: `supplyCoverage(${by})`,
    query: `query($by: CoverageDimension!) { supplyCoverage(by: $by) { rows { term { code label } verifiedSuppliers withValidCertification monthlyCapacity { unit total } } } }`,
    variables: { by },
    raw: (r) => r.coverage(by),
  });
  // today's defaults (threshold 3, 10 gaps, 10 suppliers each); the raw column is the SQL it reads
  const coaching = (by: 'CERTIFICATION' | 'PROCESS'): Case => ({
    name: `coachingTargets(${by})`,
    query: `query($by: CoachingGapKind) { coachingTargets(by: $by) { computedAt gaps { term { code label } openNeeds suppliers targets { supplierId supplierName zone { code } needs monthlyVolume { unit total } } } } }`,
    variables: { by },
    raw: (r) => Promise.all([r.gapSummary(3), r.coachingTargets(3, by, 10, 10)]),
  });
  return [
    coverage('PROCESS'),
    coverage('PRODUCT_GROUP'),
    coverage('CERTIFICATION'),
    coverage('ZONE'),
    coverage('SECTOR'),
    {
      name: 'supplyGaps',
      query: `{ supplyGaps { openNeeds gapNeeds needs { needId title qualifiedSuppliers bottleneck { term { label } } } capabilities { label openNeeds suppliers } bottlenecks { term { label } openNeeds } } }`,
      variables: {},
      raw: (r) => Promise.all([r.gapSummary(3), r.gapNeeds(50), r.gapCapabilities(3, 50), r.gapBottlenecks(3, 50)]),
    },
    coaching('CERTIFICATION'),
    coaching('PROCESS'),
    {
      name: 'certificationExpiry(90)',
      query: `{ certificationExpiry(withinDays: 90) { total byCertification { expiring } certificates { supplierName validUntil } } }`,
      variables: {},
      raw: (r) => r.expiringCertificates(today, 90, 200),
    },
    {
      name: 'matchingFunnel(year, MONTH+SECTOR)',
      query: `query($from: LocalDate!, $to: LocalDate!) { matchingFunnel(from: $from, to: $to, groupBy: [MONTH, SECTOR]) { rows { period sector { code } needs matched invited accepted awarded declineReasons { reason count } } } }`,
      variables: { from: yearAgo, to: today },
      raw: (r) => r.funnel(yearAgo, tomorrow, 'MONTH', true),
    },
    {
      name: 'localisation(year)',
      query: `query($from: LocalDate!, $to: LocalDate!) { localisation(from: $from, to: $to) { rows { month sector { code } wellSuppliedShare awardedLocalShare } } }`,
      variables: { from: yearAgo, to: today },
      raw: (r) => r.localisation(yearAgo, tomorrow, 3),
    },
    {
      name: 'supplierGrowth(2 years)',
      query: `query($from: LocalDate!, $to: LocalDate!) { supplierGrowth(from: $from, to: $to) { rows { month zone { code } registered verified registeredTotal verifiedTotal } } }`,
      variables: { from: twoYearsAgo, to: today },
      raw: (r) => r.growth(tomorrow),
    },
  ];
}

async function main(): Promise<void> {
  const supplierCount = argNumber('suppliers', 100000);
  const needCount = argNumber('needs', 20000);
  const runs = argNumber('runs', 40);
  const stack = await startBenchStack({ ACCESS_TOKEN_TTL_SECONDS: '86400', ANALYTICS_REFRESH_MINUTES: '0' });
  const out: Record<string, unknown> = {
    suppliers: supplierCount,
    needs: needCount,
    runs,
    date: new Date().toISOString(),
    machine: `${cpus().length} cores`,
  };
  try {
    const dataSource = stack.app.get(DataSource);
    const taxonomy = Taxonomy.load();
    const today = todayInVietnam();
    const [{ n: existing }] = await dataSource.query(`SELECT count(*)::int AS n FROM suppliers WHERE tax_code LIKE '04%'`);
    if (existing < supplierCount) {
      await generateInto(dataSource, taxonomy, supplierCount, SUPPLIER_SEED, 2000, progressPrinter('generating suppliers'));
      await applyVerificationMix(dataSource);
      // the benchmark does not search: the outbox entries of the generated suppliers are not needed
      await dataSource.query(`UPDATE search_outbox SET processed_at = now() WHERE processed_at IS NULL`);
      const buyers = await ensureDemoBuyers(dataSource, stack.app.get(BuyersService), taxonomy);
      const needs = generateNeeds({ count: needCount, seed: NEED_SEED, buyers, taxonomy, today });
      await insertNeeds(dataSource, needs, 1000, progressPrinter('inserting needs'));
      process.stdout.write('adding history (registrations, verifications, closed and awarded needs, introductions)…\n');
      await addHistory(dataSource, today);
      await dataSource.query('ANALYZE');
    }
    const counts = (
      await dataSource.query(`SELECT (SELECT count(*) FROM suppliers)::int AS suppliers, (SELECT count(*) FROM sourcing_needs)::int AS needs,
      (SELECT count(*) FROM sourcing_needs WHERE status = 'OPEN')::int AS open, (SELECT count(*) FROM introductions)::int AS introductions,
      (SELECT count(*) FROM supplier_certifications)::int AS certificates`)
    )[0];
    out.data = counts;
    process.stdout.write(`data: ${JSON.stringify(counts)}\n`);

    // The supply snapshot (what supplyGaps and localisation read), timed.
    const snapshots = stack.app.get(SupplySnapshotService);
    const refreshes: number[] = [];
    let coachingPairs = 0;
    for (let i = 0; i < 3; i += 1) {
      const report = (await snapshots.refresh())!;
      refreshes.push(report.durationMs);
      coachingPairs = report.coachingPairs;
    }
    await addSnapshotHistory(dataSource);
    out.snapshotRefreshMs = refreshes;
    out.coachingPairs = coachingPairs;
    process.stdout.write(
      `supply snapshot refresh (${counts.open} open needs × verified suppliers): ${refreshes.map((r) => `${r} ms`).join(', ')}; ` +
        `${coachingPairs} (need, supplier one change away) pairs stored for coachingTargets\n`,
    );

    const token = await loginAdmin(stack);
    const repository = stack.app.get(AnalyticsRepository);
    const results: Record<string, unknown>[] = [];
    process.stdout.write(
      `\n${'query'.padEnd(36)} ${'API p50'.padStart(9)} ${'API p95'.padStart(9)} ${'SQL p50'.padStart(9)} ${'SQL p95'.padStart(9)}  p95 ratio\n`,
    );
    for (const c of cases(today)) {
      const viaApi = async () => {
        const res = await fetch(`${stack.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: c.query, variables: c.variables }),
        });
        const body = (await res.json()) as { errors?: unknown };
        if (body.errors) throw new Error(`${c.name}: ${JSON.stringify(body.errors)}`);
        return res.ok;
      };
      for (let i = 0; i < 3; i += 1) await viaApi();
      const api = await runLoad(runs, 1, viaApi);
      const sql = await runLoad(runs, 1, async () => (await c.raw(repository), true));
      results.push({ name: c.name, api, sql, ratioP95: api.p95 / sql.p95 });
      process.stdout.write(
        `${c.name.padEnd(36)} ${ms(api.p50).padStart(9)} ${ms(api.p95).padStart(9)} ${ms(sql.p50).padStart(9)} ${ms(sql.p95).padStart(9)}  ×${(api.p95 / sql.p95).toFixed(2)}${api.errors ? `  ${api.errors} errors` : ''}${api.p95 > 200 ? '  (over 200 ms)' : ''}\n`,
      );
    }
    out.queries = results;
    process.stdout.write(`\nresults saved to ${saveResults('analytics', out)}\n`);
  } finally {
    await stack.close();
  }
  // Import throughput of the registry file format, on its own fresh database (bench:import).
  const importRows = argNumber('import-rows', 100000);
  if (importRows > 0) {
    process.stdout.write(`\nimport throughput (${importRows}-row CSV), as \`npm run bench:import\`:\n`);
    const child = spawn(process.execPath, [new URL('./import.js', import.meta.url).pathname, '--rows', String(importRows)], {
      stdio: 'inherit',
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    if (code !== 0) throw new Error(`the import benchmark failed (exit ${code})`);
  }
}

void main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
