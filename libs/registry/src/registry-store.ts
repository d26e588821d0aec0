import type { EntityManager } from 'typeorm';
import type { RowPlan } from './plan.js';
import { REGISTRY_COLUMN_NAMES, type StoredCertificate, type StoredSupplier } from './record.js';

const SELECT_COLUMNS = REGISTRY_COLUMN_NAMES.map((name) =>
  name === 'monthly_capacity_value' || name === 'best_tolerance_mm' ? `s.${name}::float8 AS ${name}` : `s.${name}`,
).join(', ');
const WRITE_COLUMNS = REGISTRY_COLUMN_NAMES.join(', ');

/** Suppliers with these tax codes, as the registry sees them; `lock` takes row locks until the transaction ends. */
export async function loadStored(manager: EntityManager, taxCodes: string[], lock: boolean): Promise<Map<string, StoredSupplier>> {
  if (!taxCodes.length) return new Map();
  const suppliers = (await manager.query(
    `SELECT s.id, s.tax_code, s.version, ${SELECT_COLUMNS} FROM suppliers s WHERE s.tax_code = ANY($1::text[]) ORDER BY s.id${lock ? ' FOR UPDATE' : ''}`,
    [taxCodes],
  )) as StoredSupplier[];
  return withCertificates(manager, suppliers);
}

/** A page of the whole registry ordered by tax code (keyset after `afterTaxCode`), for export. */
export async function loadPage(manager: EntityManager, afterTaxCode: string | null, limit: number): Promise<StoredSupplier[]> {
  const suppliers = (await manager.query(
    `SELECT s.id, s.tax_code, s.version, ${SELECT_COLUMNS} FROM suppliers s WHERE ($1::text IS NULL OR s.tax_code > $1) ORDER BY s.tax_code LIMIT $2`,
    [afterTaxCode, limit],
  )) as StoredSupplier[];
  return [...(await withCertificates(manager, suppliers)).values()];
}

async function withCertificates(manager: EntityManager, suppliers: StoredSupplier[]): Promise<Map<string, StoredSupplier>> {
  const byId = new Map<string, StoredSupplier>();
  for (const s of suppliers) byId.set(s.id, { ...s, certifications: [] });
  if (suppliers.length) {
    const certificates = (await manager.query(
      `SELECT supplier_id, code, certificate_number, issuing_body, scope, valid_from::text AS valid_from, valid_until::text AS valid_until
         FROM supplier_certifications WHERE supplier_id = ANY($1::uuid[]) ORDER BY supplier_id, position`,
      [suppliers.map((s) => s.id)],
    )) as (StoredCertificate & { supplier_id: string })[];
    for (const { supplier_id, ...certificate } of certificates) byId.get(supplier_id)!.certifications.push(certificate);
  }
  return new Map([...byId.values()].map((s) => [s.tax_code, s]));
}

/** A plan for one tax code, as the writer takes it. */
export interface PlannedRow {
  taxCode: string;
  plan: RowPlan;
}

/**
 * Applies create and update plans in the caller's transaction with a few set-based statements:
 * one INSERT and one UPDATE for all rows, certificates replaced for the rows whose certificates
 * changed, one search outbox entry per written supplier. Throws when a row was created or changed
 * meanwhile, so that the caller retries row by row.
 */
export async function applyPlans(manager: EntityManager, rows: PlannedRow[], importedBy: string | null): Promise<void> {
  const creates = rows.filter((r) => r.plan.kind === 'create');
  const updates = rows.filter((r) => r.plan.kind === 'update');
  const ids = new Map<string, string>();
  const outbox: { id: string; reason: string }[] = [];
  const certificates: (StoredCertificate & { supplier_id: string; position: number })[] = [];
  const replaced: string[] = [];

  if (creates.length) {
    const inserted = (await manager.query(
      `INSERT INTO suppliers (tax_code, created_by, ${WRITE_COLUMNS})
       SELECT tax_code, created_by, ${WRITE_COLUMNS} FROM json_populate_recordset(NULL::suppliers, $1::json)
       ON CONFLICT (tax_code) DO NOTHING RETURNING id, tax_code`,
      [JSON.stringify(creates.map((r) => ({ ...(r.plan.kind === 'create' ? r.plan.columns : {}), tax_code: r.taxCode, created_by: importedBy })))],
    )) as { id: string; tax_code: string }[];
    if (inserted.length !== creates.length) throw new ConcurrentChange('a supplier of this batch was created meanwhile');
    for (const row of inserted) ids.set(row.tax_code, row.id);
    for (const r of creates) {
      const id = ids.get(r.taxCode)!;
      outbox.push({ id, reason: 'imported' });
      if (r.plan.kind === 'create' && r.plan.certifications.length) {
        r.plan.certifications.forEach((c, position) => certificates.push({ ...c, supplier_id: id, position }));
      }
    }
  }

  if (updates.length) {
    const values = updates.map((r) => (r.plan.kind === 'update' ? { ...r.plan.columns, id: r.plan.id, version: r.plan.version } : {}));
    // TypeORM answers an UPDATE with [rows, affected count] rather than the rows.
    const [, updated] = (await manager.query(
      `UPDATE suppliers s SET ${REGISTRY_COLUMN_NAMES.map((name) => `${name} = v.${name}`).join(', ')}, version = s.version + 1, updated_at = now()
         FROM json_populate_recordset(NULL::suppliers, $1::json) v WHERE s.id = v.id AND s.version = v.version RETURNING s.id`,
      [JSON.stringify(values)],
    )) as [unknown[], number];
    if (updated !== updates.length) throw new ConcurrentChange('a supplier of this batch was changed meanwhile');
    for (const r of updates) {
      if (r.plan.kind !== 'update') continue;
      outbox.push({ id: r.plan.id, reason: 'import-updated' });
      if (r.plan.certifications) {
        replaced.push(r.plan.id);
        const id = r.plan.id;
        r.plan.certifications.forEach((c, position) => certificates.push({ ...c, supplier_id: id, position }));
      }
    }
  }

  if (replaced.length) await manager.query('DELETE FROM supplier_certifications WHERE supplier_id = ANY($1::uuid[])', [replaced]);
  if (certificates.length) {
    await manager.query(
      `INSERT INTO supplier_certifications (supplier_id, position, code, certificate_number, issuing_body, scope, valid_from, valid_until)
       SELECT supplier_id, position, code, certificate_number, issuing_body, scope, valid_from, valid_until
         FROM json_populate_recordset(NULL::supplier_certifications, $1::json)`,
      [JSON.stringify(certificates)],
    );
  }
  if (outbox.length) {
    await manager.query(`INSERT INTO search_outbox (aggregate, aggregate_id, reason) SELECT 'supplier', id, reason FROM unnest($1::uuid[], $2::text[]) AS t(id, reason)`, [
      outbox.map((o) => o.id),
      outbox.map((o) => o.reason),
    ]);
  }
}

/** Another writer created or changed a supplier of the batch between our read and our write. */
export class ConcurrentChange extends Error {}
