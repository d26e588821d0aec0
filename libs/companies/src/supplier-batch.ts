import type { EntityManager } from 'typeorm';
import { enqueueSupplierChanges } from '#libs/search-outbox';
import { type AuditActor, auditRecords, PLATFORM_ACTOR, writeAuditEntries } from './supplier-audit.js';
import { SupplierRepository } from './supplier.repository.js';

/** A certificate row as a batch writes it (snake_case, as stored). */
export interface BatchCertificate {
  code: string;
  certificate_number: string | null;
  issuing_body: string | null;
  scope: string | null;
  valid_from: string | null;
  valid_until: string | null;
}

/** Suppliers to create and update in one set-based write (the registry import). */
export interface SupplierBatch {
  /** The `suppliers` columns the rows carry (snake_case); the same for every row. */
  columns: readonly string[];
  creates: { taxCode: string; values: Record<string, unknown>; certifications: BatchCertificate[] }[];
  /** `certifications: null` keeps the stored ones; an array replaces them. */
  updates: { id: string; version: number; values: Record<string, unknown>; certifications: BatchCertificate[] | null }[];
  /** The ADMIN who imports (named in the audit log); null: the platform itself. */
  createdBy: string | null;
}

/** Another writer created or changed a supplier of the batch between the caller's read and this write. */
export class ConcurrentChange extends Error {}

/**
 * Applies a batch in the caller's transaction with a few statements: one INSERT and one UPDATE for
 * all rows, certificates replaced where given, one search outbox entry per written supplier, and one
 * audit entry per supplier created or actually changed (the caller holds the updated rows' locks).
 * Throws `ConcurrentChange` when a row was created or changed meanwhile (the caller retries row by row).
 */
export async function writeSupplierBatch(manager: EntityManager, batch: SupplierBatch): Promise<void> {
  const bad = batch.columns.find((name) => !/^[a-z_]+$/.test(name));
  if (bad) throw new Error(`not a supplier column: ${bad}`);
  const columns = batch.columns.join(', ');
  const outbox: { id: string; reason: string }[] = [];
  const certificates: (BatchCertificate & { supplier_id: string; position: number })[] = [];
  const replaced: string[] = [];
  const profiles = new SupplierRepository(manager.connection);
  const before = await profiles.loadAggregates(
    batch.updates.map((r) => r.id),
    manager,
  );

  if (batch.creates.length) {
    const inserted = await manager.query<{ id: string; tax_code: string }[]>(
      `INSERT INTO suppliers (tax_code, created_by, ${columns})
       SELECT tax_code, created_by, ${columns} FROM json_populate_recordset(NULL::suppliers, $1::json)
       ON CONFLICT (tax_code) DO NOTHING RETURNING id, tax_code`,
      [JSON.stringify(batch.creates.map((r) => ({ ...r.values, tax_code: r.taxCode, created_by: batch.createdBy })))],
    );
    if (inserted.length !== batch.creates.length) throw new ConcurrentChange('a supplier of this batch was created meanwhile');
    const ids = new Map(inserted.map((row) => [row.tax_code, row.id]));
    for (const r of batch.creates) {
      const id = ids.get(r.taxCode)!;
      outbox.push({ id, reason: 'imported' });
      r.certifications.forEach((c, position) => certificates.push({ ...c, supplier_id: id, position }));
    }
  }

  if (batch.updates.length) {
    const values = batch.updates.map((r) => ({ ...r.values, id: r.id, version: r.version }));
    // TypeORM answers an UPDATE with [rows, affected count] rather than the rows.
    const [, updated] = await manager.query<[unknown[], number]>(
      `UPDATE suppliers s SET ${batch.columns.map((name) => `${name} = v.${name}`).join(', ')}, version = s.version + 1, updated_at = now()
         FROM json_populate_recordset(NULL::suppliers, $1::json) v WHERE s.id = v.id AND s.version = v.version RETURNING s.id`,
      [JSON.stringify(values)],
    );
    if (updated !== batch.updates.length) throw new ConcurrentChange('a supplier of this batch was changed meanwhile');
    for (const r of batch.updates) {
      outbox.push({ id: r.id, reason: 'import-updated' });
      if (r.certifications) {
        replaced.push(r.id);
        r.certifications.forEach((c, position) => certificates.push({ ...c, supplier_id: r.id, position }));
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
  await enqueueSupplierChanges(
    manager,
    outbox.map((o) => o.id),
    outbox.map((o) => o.reason),
  );
  const written = outbox.map((o) => o.id);
  const actor: AuditActor = batch.createdBy ? { userId: batch.createdBy, role: 'ADMIN' } : PLATFORM_ACTOR;
  await writeAuditEntries(manager, actor, auditRecords(written, before, await profiles.loadAggregates(written, manager), 'IMPORTED'));
}
