import type { EntityManager } from 'typeorm';
import { type SupplierBatch, writeSupplierBatch } from '#libs/companies';
import type { RowPlan } from './plan.js';
import { REGISTRY_COLUMN_NAMES, type StoredCertificate, type StoredSupplier } from './record.js';

const SELECT_COLUMNS = REGISTRY_COLUMN_NAMES.map((name) =>
  name === 'monthly_capacity_value' || name === 'best_tolerance_mm' ? `s.${name}::float8 AS ${name}` : `s.${name}`,
).join(', ');

/**
 * Read-only SQL over `suppliers` and `supplier_certifications` (owned by companies; declared in
 * TABLE_OWNERSHIP): the registry's view of a supplier, read in the importer's transaction.
 */

/** Suppliers with these tax codes, as the registry sees them; `lock` takes row locks until the transaction ends. */
export async function loadStored(manager: EntityManager, taxCodes: string[], lock: boolean): Promise<Map<string, StoredSupplier>> {
  if (!taxCodes.length) return new Map();
  const suppliers = await manager.query<StoredSupplier[]>(
    `SELECT s.id, s.tax_code, s.version, ${SELECT_COLUMNS} FROM suppliers s WHERE s.tax_code = ANY($1::text[]) ORDER BY s.id${lock ? ' FOR UPDATE' : ''}`,
    [taxCodes],
  );
  return withCertificates(manager, suppliers);
}

/** A page of the whole registry ordered by tax code (keyset after `afterTaxCode`), for export. */
export async function loadPage(manager: EntityManager, afterTaxCode: string | null, limit: number): Promise<StoredSupplier[]> {
  const suppliers = await manager.query<StoredSupplier[]>(
    `SELECT s.id, s.tax_code, s.version, ${SELECT_COLUMNS} FROM suppliers s WHERE ($1::text IS NULL OR s.tax_code > $1) ORDER BY s.tax_code LIMIT $2`,
    [afterTaxCode, limit],
  );
  return [...(await withCertificates(manager, suppliers)).values()];
}

async function withCertificates(manager: EntityManager, suppliers: StoredSupplier[]): Promise<Map<string, StoredSupplier>> {
  const byId = new Map<string, StoredSupplier>();
  for (const s of suppliers) byId.set(s.id, { ...s, certifications: [] });
  if (suppliers.length) {
    const certificates = await manager.query<(StoredCertificate & { supplier_id: string })[]>(
      `SELECT supplier_id, code, certificate_number, issuing_body, scope, valid_from::text AS valid_from, valid_until::text AS valid_until
         FROM supplier_certifications WHERE supplier_id = ANY($1::uuid[]) ORDER BY supplier_id, position`,
      [suppliers.map((s) => s.id)],
    );
    for (const { supplier_id, ...certificate } of certificates) byId.get(supplier_id)!.certifications.push(certificate);
  }
  return new Map([...byId.values()].map((s) => [s.tax_code, s]));
}

/** A plan for one tax code, as the writer takes it. */
export interface PlannedRow {
  taxCode: string;
  plan: RowPlan;
}

/** Applies create and update plans in the caller's transaction through the suppliers' owner (one set-based batch). */
export async function applyPlans(manager: EntityManager, rows: PlannedRow[], importedBy: string | null): Promise<void> {
  const batch: SupplierBatch = { columns: REGISTRY_COLUMN_NAMES, creates: [], updates: [], createdBy: importedBy };
  for (const { taxCode, plan } of rows) {
    if (plan.kind === 'create') batch.creates.push({ taxCode, values: { ...plan.columns }, certifications: plan.certifications });
    else if (plan.kind === 'update')
      batch.updates.push({ id: plan.id, version: plan.version, values: { ...plan.columns }, certifications: plan.certifications ?? null });
  }
  await writeSupplierBatch(manager, batch);
}
