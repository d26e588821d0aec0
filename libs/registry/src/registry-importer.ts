import type { DataSource } from 'typeorm';
import { ConcurrentChange } from '#libs/companies';
import type { FieldError } from '#libs/core';
import { logger } from '#libs/core';
import { inTransaction } from '#libs/database';
import type { Taxonomy } from '#libs/taxonomy';
import { planRow } from './plan.js';
import type { RegistryRecord } from './record.js';
import type { RegistrySource } from './read-file.js';
import { applyPlans, loadStored, type PlannedRow } from './registry-store.js';
import { RegistryRowParser, type SupplierCheck } from './row-parser.js';

export type RowOutcome = 'created' | 'updated' | 'unchanged' | 'rejected';

/** What happened to one row of the file. */
export interface RowReport {
  line: number;
  taxCode: string | null;
  outcome: RowOutcome;
  problems: FieldError[];
}

export interface ImportResult {
  dryRun: boolean;
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  unknownHeaders: string[];
  rows: RowReport[];
}

export interface ImportOptions {
  dryRun?: boolean;
  /** Recorded as `created_by` of new suppliers (the importing administrator); null from the CLI. */
  importedBy?: string | null;
  /** Rows per transaction. */
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Imports a registry file: each row is validated by the API's rules, then upserted by tax code.
 * Rows are written in batches, one transaction each (a crash leaves every row fully written or
 * absent); when a batch fails, its rows are retried one transaction each so that the good ones
 * still land and the bad one is reported. Identical rows are not written at all.
 */
export class RegistryImporter {
  constructor(
    private readonly dataSource: DataSource,
    private readonly taxonomy: Taxonomy,
    private readonly check: SupplierCheck,
  ) {}

  async run(source: RegistrySource, options: ImportOptions = {}): Promise<ImportResult> {
    const dryRun = options.dryRun ?? false;
    const batchSize = options.batchSize ?? 1000;
    const parser = new RegistryRowParser(this.taxonomy, source.carried, this.check);
    const reports = new Array<RowReport>(source.rows.length);
    const firstLine = new Map<string, number>();
    const total = source.rows.length;
    let done = 0;
    let pending: Promise<void> = Promise.resolve();

    for (let start = 0; start < total; start += batchSize) {
      const records: { index: number; record: RegistryRecord }[] = [];
      for (let index = start; index < Math.min(total, start + batchSize); index++) {
        const row = source.rows[index];
        const parsed = parser.parse(row);
        const taxCode = parsed.ok ? parsed.record.taxCode : parsed.taxCode;
        const earlier = taxCode ? firstLine.get(taxCode) : undefined;
        if (taxCode && earlier === undefined) firstLine.set(taxCode, row.line);
        if (earlier !== undefined)
          reports[index] = {
            line: row.line,
            taxCode,
            outcome: 'rejected',
            problems: [{ field: 'tax_code', reason: `appears again: line ${earlier} has the same tax code` }],
          };
        else if (!parsed.ok) reports[index] = { line: row.line, taxCode, outcome: 'rejected', problems: parsed.problems };
        else records.push({ index, record: parsed.record });
      }
      // Parse the next batch while PostgreSQL writes this one (two cores: Node and PostgreSQL).
      await pending;
      const batchEnd = Math.min(total, start + batchSize);
      pending = this.writeBatch(records, reports, dryRun, options.importedBy ?? null).then(() => {
        done = batchEnd;
        options.onProgress?.(done, total);
      });
    }
    await pending;
    if (total === 0) options.onProgress?.(0, 0);
    const count = (outcome: RowOutcome) => reports.filter((r) => r.outcome === outcome).length;
    return {
      dryRun,
      total,
      created: count('created'),
      updated: count('updated'),
      unchanged: count('unchanged'),
      rejected: count('rejected'),
      unknownHeaders: source.unknownHeaders,
      rows: reports,
    };
  }

  private async writeBatch(
    records: { index: number; record: RegistryRecord }[],
    reports: RowReport[],
    dryRun: boolean,
    importedBy: string | null,
  ): Promise<void> {
    if (!records.length) return;
    const outcome = (plans: PlannedRow[], batch: typeof records) =>
      batch.forEach(({ index, record }, i) => {
        const kind = plans[i].plan.kind;
        reports[index] = {
          line: record.line,
          taxCode: record.taxCode,
          outcome: kind === 'create' ? 'created' : kind === 'update' ? 'updated' : 'unchanged',
          problems: [],
        };
      });
    if (dryRun) {
      const stored = await loadStored(
        this.dataSource.manager,
        records.map((r) => r.record.taxCode),
        false,
      );
      outcome(
        records.map(({ record }) => ({ taxCode: record.taxCode, plan: planRow(record, stored.get(record.taxCode)) })),
        records,
      );
      return;
    }
    try {
      outcome(
        await this.write(
          records.map((r) => r.record),
          importedBy,
        ),
        records,
      );
    } catch (error) {
      if (!isRowError(error)) throw error;
      if (records.length === 1) {
        const { index, record } = records[0];
        reports[index] = {
          line: record.line,
          taxCode: record.taxCode,
          outcome: 'rejected',
          problems: [{ field: 'row', reason: databaseReason(error) }],
        };
        return;
      }
      if (!(error instanceof ConcurrentChange))
        logger.emit('warn', 'import batch failed; retrying its rows one by one', { error, rows: records.length }, 'RegistryImporter');
      for (const record of records) await this.writeBatch([record], reports, false, importedBy);
    }
  }

  /** Reads (locking) the stored suppliers, plans every record and writes the plans, in one transaction. */
  private write(records: RegistryRecord[], importedBy: string | null): Promise<PlannedRow[]> {
    return inTransaction(this.dataSource, async (manager) => {
      const stored = await loadStored(
        manager,
        records.map((r) => r.taxCode),
        true,
      );
      const plans = records.map((record) => ({ taxCode: record.taxCode, plan: planRow(record, stored.get(record.taxCode)) }));
      await applyPlans(manager, plans, importedBy);
      return plans;
    });
  }
}

function sqlState(error: unknown): string | undefined {
  return (error as { driverError?: { code?: string }; code?: string })?.driverError?.code ?? (error as { code?: string })?.code;
}

/** Errors caused by a row's data (SQLSTATE classes 22 and 23) or by a concurrent writer; anything else (a lost connection) stops the import. */
function isRowError(error: unknown): boolean {
  const code = sqlState(error);
  return error instanceof ConcurrentChange || (typeof code === 'string' && /^2[23]/.test(code));
}

/** A database refusal in words a registry keeper can act on, without database internals. */
function databaseReason(error: unknown): string {
  if (error instanceof ConcurrentChange) return `${error.message}; import the file again`;
  const code = sqlState(error);
  const constraint = (error as { driverError?: { constraint?: string } })?.driverError?.constraint;
  logger.emit('warn', 'import row refused by the database', { error }, 'RegistryImporter');
  if (code === '23514') return `the database refused the row (rule ${constraint ?? 'check'})`;
  if (code === '23505') return 'the tax code is already registered to another supplier';
  return `the row could not be written (database error ${code ?? 'unknown'})`;
}
