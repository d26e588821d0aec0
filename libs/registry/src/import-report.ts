import { writeFile } from 'node:fs/promises';
import { csvLine } from './csv.js';
import type { ImportResult } from './registry-importer.js';

/**
 * The per-row report as CSV (with a BOM, for Excel): `line,tax_code,outcome,field,reason`, one line
 * per problem of a rejected row and one line per created, updated or unchanged row.
 */
export function importReportCsv(result: ImportResult): string {
  const lines = [csvLine(['line', 'tax_code', 'outcome', 'field', 'reason'])];
  for (const row of result.rows) {
    if (row.problems.length)
      for (const p of row.problems) lines.push(csvLine([String(row.line), row.taxCode ?? '', row.outcome, p.field, p.reason]));
    else lines.push(csvLine([String(row.line), row.taxCode ?? '', result.dryRun ? `would be ${row.outcome}` : row.outcome, '', '']));
  }
  return '\uFEFF' + lines.join('');
}

export function writeImportReport(path: string, result: ImportResult): Promise<void> {
  return writeFile(path, importReportCsv(result));
}
