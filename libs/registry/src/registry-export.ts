import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import type { DataSource } from 'typeorm';
import { type ColumnKey, REGISTRY_COLUMNS } from './columns.js';
import { csvLine } from './csv.js';
import { formatOf, UnusableFile } from './read-file.js';
import type { StoredSupplier } from './record.js';
import { loadPage } from './registry-store.js';

type ExportValue = string | number | boolean | null | string[];

/** The certificate cell item: `CODE`, `CODE:UNTIL`, `CODE:FROM/UNTIL` or `CODE:FROM/`. */
export function certificateCell(c: { code: string; valid_from: string | null; valid_until: string | null }): string {
  if (c.valid_from) return `${c.code}:${c.valid_from}/${c.valid_until ?? ''}`;
  return c.valid_until ? `${c.code}:${c.valid_until}` : c.code;
}

/** A stored supplier as a registry row, keyed by column: codes (not labels), so that importing it changes nothing. */
export function registryRowOf(s: StoredSupplier): Record<ColumnKey, ExportValue> {
  return {
    tax_code: s.tax_code,
    name_vi: s.name_vi,
    trade_name_en: s.trade_name_en,
    description_vi: s.description_vi,
    description_en: s.description_en,
    street: s.street,
    ward: s.ward,
    province: s.province,
    old_district: s.old_district,
    zone: s.zone_code,
    latitude: s.latitude,
    longitude: s.longitude,
    website: s.website,
    contact_name: s.contact_name,
    contact_phone: s.contact_phone,
    contact_email: s.contact_email,
    employees: s.employees,
    founded_year: s.founded_year,
    ownership: s.ownership_type,
    ownership_country: s.ownership_country,
    sectors: s.sectors,
    processes: s.processes,
    materials: s.materials,
    product_groups: s.product_groups,
    certifications: s.certifications.map(certificateCell),
    monthly_capacity: s.monthly_capacity_value,
    capacity_unit: s.monthly_capacity_unit,
    minimum_order_quantity: s.minimum_order_quantity,
    lead_time_days: s.lead_time_days,
    best_tolerance_mm: s.best_tolerance_mm,
    export_experience: s.export_experience,
    export_markets: s.export_markets,
    languages: s.languages,
    verification: s.verification_status,
  };
}

export type HeaderStyle = 'key' | 'vi' | 'en';

function headerOf(style: HeaderStyle): string[] {
  return REGISTRY_COLUMNS.map((c) => (style === 'key' ? c.key : c[style]));
}

function textOf(value: ExportValue): string {
  if (value === null) return '';
  if (Array.isArray(value)) return value.join('; ');
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

/**
 * Writes the whole supplier registry to `path` (CSV, XLSX or JSON Lines by extension) in the import
 * format, contacts included (an administrators' tool). Returns the number of suppliers written.
 */
export async function exportRegistry(
  dataSource: DataSource,
  path: string,
  options: { headers?: HeaderStyle; onProgress?: (done: number, total: number) => void } = {},
): Promise<number> {
  const format = formatOf(path);
  if (!format) throw new UnusableFile(`${path}: unknown file type; use .csv, .xlsx or .jsonl`);
  const [{ count }] = await dataSource.query<[{ count: number }]>('SELECT count(*)::int AS count FROM suppliers');
  const headers = headerOf(options.headers ?? 'key');
  const keys = REGISTRY_COLUMNS.map((c) => c.key);
  let written = 0;
  const pages = async function* () {
    let after: string | null = null;
    for (;;) {
      const page = await loadPage(dataSource.manager, after, 2000);
      if (!page.length) return;
      yield page;
      after = page.at(-1)!.tax_code;
    }
  };

  if (format === 'xlsx') {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: false, useSharedStrings: false });
    const sheet = workbook.addWorksheet('suppliers');
    sheet.addRow(headers).commit();
    for await (const page of pages()) {
      for (const supplier of page) {
        const row = registryRowOf(supplier);
        sheet.addRow(keys.map((k) => (typeof row[k] === 'number' ? row[k] : textOf(row[k]) || null))).commit();
      }
      written += page.length;
      options.onProgress?.(written, count);
    }
    await workbook.commit();
    return written;
  }

  const out = createWriteStream(path);
  const write = async (chunk: string) => {
    if (!out.write(chunk)) await once(out, 'drain');
  };
  try {
    // A BOM so that Excel reads the CSV as UTF-8 (the importer accepts it either way).
    if (format === 'csv') await write('\uFEFF' + csvLine(headers));
    for await (const page of pages()) {
      const chunk = page
        .map((supplier) => {
          const row = registryRowOf(supplier);
          return format === 'csv'
            ? csvLine(keys.map((k) => textOf(row[k])))
            : JSON.stringify(Object.fromEntries(keys.map((k, i) => [headers[i], row[k]]))) + '\n';
        })
        .join('');
      await write(chunk);
      written += page.length;
      options.onProgress?.(written, count);
    }
  } finally {
    await close(out);
  }
  return written;
}

function close(out: WriteStream): Promise<void> {
  return new Promise((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}
