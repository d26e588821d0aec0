import ExcelJS from 'exceljs';
import { type ColumnKey, mapHeaders } from './columns.js';
import { parseCsv } from './csv.js';
import type { Cell, SourceRow } from './row-parser.js';
import { XLSX_MAX_UNPACKED_BYTES, zipOverLimit } from './zip-guard.js';

export type RegistryFormat = 'csv' | 'xlsx' | 'jsonl';

/** The file cannot be imported at all (unknown format, unreadable, header problems). */
export class UnusableFile extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnusableFile';
  }
}

/** A registry file read into rows, with the columns its header carries. */
export interface RegistrySource {
  format: RegistryFormat;
  carried: ReadonlySet<ColumnKey>;
  /** Headers that name no column; their cells are ignored. */
  unknownHeaders: string[];
  rows: SourceRow[];
}

/** The format of a file by its extension: .csv (or .txt), .xlsx, .jsonl (or .ndjson). */
export function formatOf(fileName: string): RegistryFormat | undefined {
  const extension = fileName.toLowerCase().split('.').pop();
  if (extension === 'csv' || extension === 'txt') return 'csv';
  if (extension === 'xlsx') return 'xlsx';
  if (extension === 'jsonl' || extension === 'ndjson') return 'jsonl';
  return undefined;
}

const BROKEN_ENCODING =
  'contains bytes that are not valid UTF-8 (the file was probably saved in a legacy encoding such as Windows-1258 or TCVN3): save it as "CSV UTF-8" and import it again';

/**
 * Reads a registry file of any supported format. Throws UnusableFile when no row can be imported,
 * and before reading a workbook that would unpack past `maxUnpackedBytes`.
 */
export async function readRegistryFile(
  content: Buffer,
  fileName: string,
  { maxUnpackedBytes = XLSX_MAX_UNPACKED_BYTES } = {},
): Promise<RegistrySource> {
  const format = formatOf(fileName);
  if (!format) throw new UnusableFile(`${fileName}: unknown file type; use .csv, .xlsx or .jsonl`);
  if (format === 'xlsx') {
    const refused = zipOverLimit(content, maxUnpackedBytes);
    if (refused) throw new UnusableFile(`the workbook is refused: ${refused}`);
    return readXlsx(content);
  }
  const { text, broken } = decodeUtf8(content);
  return format === 'csv' ? readCsv(text, broken) : readJsonLines(text, broken);
}

/** UTF-8 with or without a BOM. Invalid bytes become U+FFFD and `broken` is set, so the rows holding them are rejected. */
export function decodeUtf8(content: Buffer): { text: string; broken: boolean } {
  if ((content[0] === 0xff && content[1] === 0xfe) || (content[0] === 0xfe && content[1] === 0xff)) {
    throw new UnusableFile('the file is UTF-16 ("Unicode text"); save it as "CSV UTF-8" (or XLSX) and import it again');
  }
  const body = content[0] === 0xef && content[1] === 0xbb && content[2] === 0xbf ? content.subarray(3) : content;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), broken: false };
  } catch {
    return { text: new TextDecoder('utf-8').decode(body), broken: true };
  }
}

function header(headers: string[], brokenHeader: boolean) {
  if (brokenHeader) throw new UnusableFile(`the header row ${BROKEN_ENCODING}`);
  const mapped = mapHeaders(headers);
  if (mapped.problems.length) throw new UnusableFile(mapped.problems.join('; '));
  return mapped;
}

function readCsv(text: string, broken: boolean): RegistrySource {
  const records = parseCsv(text);
  const first = records.next();
  if (first.done) throw new UnusableFile('the file is empty: the first line must name the columns');
  const { columns, unknown } = header(first.value.cells, broken && first.value.cells.some((c) => c.includes('\uFFFD')));
  const rows: SourceRow[] = [];
  for (const record of records) {
    const cells = new Map<ColumnKey, Cell>();
    columns.forEach((key, i) => key && cells.set(key, record.cells[i] ?? ''));
    const unreadable = broken && record.cells.some((c) => c.includes('\uFFFD')) ? { field: 'row', reason: BROKEN_ENCODING } : undefined;
    rows.push({ line: record.line, cells, ...(unreadable ? { unreadable } : {}) });
  }
  return { format: 'csv', carried: new Set(columns.filter((c): c is ColumnKey => !!c)), unknownHeaders: unknown, rows };
}

/** One JSON object per line; its keys are headers. A key missing from a line reads as an empty cell. */
function readJsonLines(text: string, broken: boolean): RegistrySource {
  const parsed: { line: number; value?: Record<string, unknown>; error?: string; broken: boolean }[] = [];
  const keys: string[] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((raw, index) => {
    if (!raw.trim()) return;
    const line = index + 1;
    const isBroken = broken && raw.includes('\uFFFD');
    try {
      const value = JSON.parse(raw) as unknown;
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not a JSON object');
      for (const key of Object.keys(value)) {
        if (seen.has(key)) continue;
        seen.add(key);
        keys.push(key);
      }
      parsed.push({ line, value: value as Record<string, unknown>, broken: isBroken });
    } catch (error) {
      parsed.push({ line, error: (error as Error).message, broken: isBroken });
    }
  });
  if (!parsed.length) throw new UnusableFile('the file is empty: write one JSON object per line');
  if (!parsed.some((p) => p.value)) throw new UnusableFile(`no line is a JSON object (line ${parsed[0].line}: ${parsed[0].error})`);
  const { columns, unknown } = header(keys, false);
  const rows = parsed.map((p): SourceRow => {
    const cells = new Map<ColumnKey, Cell>();
    columns.forEach((key, i) => key && p.value && cells.set(key, toCell(p.value[keys[i]])));
    if (p.broken) return { line: p.line, cells, unreadable: { field: 'row', reason: BROKEN_ENCODING } };
    if (p.error) return { line: p.line, cells, unreadable: { field: 'row', reason: `is not a JSON object (${p.error})` } };
    return { line: p.line, cells };
  });
  return { format: 'jsonl', carried: new Set(columns.filter((c): c is ColumnKey => !!c)), unknownHeaders: unknown, rows };
}

function toCell(value: unknown): Cell {
  if (value === null || value === undefined || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value;
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v ?? '')));
  return JSON.stringify(value);
}

async function readXlsx(content: Buffer): Promise<RegistrySource> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch (error) {
    throw new UnusableFile(`not a readable XLSX workbook (${(error as Error).message})`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.actualRowCount === 0)
    throw new UnusableFile("the workbook's first sheet is empty: its first row must name the columns");
  let columns: (ColumnKey | undefined)[] | undefined;
  let unknownHeaders: string[] = [];
  const rows: SourceRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = (row.values as unknown[]).slice(1).map(xlsxCell);
    if (!columns) {
      const mapped = header(
        values.map((v) => (v === null || v === undefined ? '' : String(v))),
        false,
      );
      columns = mapped.columns;
      unknownHeaders = mapped.unknown;
      return;
    }
    if (values.every((v) => v === null || v === undefined || String(v).trim() === '')) return;
    const cells = new Map<ColumnKey, Cell>();
    columns.forEach((key, i) => key && cells.set(key, values[i] ?? null));
    rows.push({ line: rowNumber, cells });
  });
  return { format: 'xlsx', carried: new Set((columns ?? []).filter((c): c is ColumnKey => !!c)), unknownHeaders, rows };
}

/** Text of rich text, the result of a formula, the text of a hyperlink, an ISO date for a date cell. */
function xlsxCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string };
    if (v.richText) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return xlsxCell(v.result);
    if (v.text !== undefined) return xlsxCell(v.text);
    if (v.error) return null;
    return JSON.stringify(value);
  }
  return value as Cell;
}
