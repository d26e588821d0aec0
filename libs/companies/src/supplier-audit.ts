import type { EntityManager } from 'typeorm';
import type { Actor } from '#libs/accounts';
import { type AuditActorRole, type AuditFieldChange, SupplierAuditEntryEntity } from './entities.js';
import type { SupplierAggregate } from './supplier.repository.js';

/** Who an audit entry names: the user (none for the platform itself) and the capacity they acted in. */
export interface AuditActor {
  userId: string | null;
  role: AuditActorRole;
}

/** The platform itself (demo data, synthetic suppliers): no user. */
export const PLATFORM_ACTOR: AuditActor = { userId: null, role: 'PLATFORM' };

/** The capacity a signed-in caller changes a profile in: the centre's ADMIN or STAFF, else a member. */
export function auditActorOf(actor: Actor): AuditActor {
  return { userId: actor.userId, role: actor.role === 'ADMIN' || actor.role === 'STAFF' ? actor.role : 'MEMBER' };
}

export type AuditAction =
  'CREATED' | 'UPDATED' | 'DELETED' | 'VERIFICATION_CHANGED' | 'IMPORTED' | 'CONSENT_CHANGED' | 'CLAIM_CODE_ISSUED' | 'CLAIMED';

type Field = [name: string, read: (a: SupplierAggregate) => unknown, confidential?: true];

/**
 * The audited fields of a profile, named as the GraphQL `Supplier` names them. Confidential ones —
 * the contact (shown only to members, ADMIN and accepted partners) and the customer list (which
 * holds private customers) — are logged as changed, never with their values.
 */
const FIELDS: Field[] = [
  ['taxCode', (a) => a.supplier.taxCode],
  ['nameVi', (a) => a.supplier.nameVi],
  ['tradeNameEn', (a) => a.supplier.tradeNameEn],
  ['descriptionVi', (a) => a.supplier.descriptionVi],
  ['descriptionEn', (a) => a.supplier.descriptionEn],
  ['address', ({ supplier: s }) => ({ street: s.street, ward: s.ward, province: s.province, oldDistrict: s.oldDistrict })],
  ['zone', (a) => a.supplier.zoneCode],
  [
    'location',
    ({ supplier: s }) => (s.latitude === null || s.longitude === null ? null : { latitude: s.latitude, longitude: s.longitude }),
  ],
  ['website', (a) => a.supplier.website],
  ['contact.name', (a) => a.supplier.contactName, true],
  ['contact.phone', (a) => a.supplier.contactPhone, true],
  ['contact.email', (a) => a.supplier.contactEmail, true],
  ['employees', (a) => a.supplier.employees],
  ['foundedYear', (a) => a.supplier.foundedYear],
  ['ownership', ({ supplier: s }) => ({ type: s.ownershipType, country: s.ownershipCountry })],
  ['sectors', (a) => a.supplier.sectors],
  ['processes', (a) => a.supplier.processes],
  ['materials', (a) => a.supplier.materials],
  ['productGroups', (a) => a.supplier.productGroups],
  ['certifications', (a) => a.certifications.map(({ id: _id, supplierId: _s, position: _p, ...c }) => c)],
  ['equipment', (a) => a.equipment.map(({ id: _id, supplierId: _s, position: _p, ...e }) => e)],
  [
    'monthlyCapacity',
    ({ supplier: s }) => (s.monthlyCapacityValue === null ? null : { value: s.monthlyCapacityValue, unit: s.monthlyCapacityUnit }),
  ],
  ['minimumOrderQuantity', (a) => a.supplier.minimumOrderQuantity],
  ['leadTimeDays', (a) => a.supplier.leadTimeDays],
  ['bestToleranceMm', (a) => a.supplier.bestToleranceMm],
  ['exportExperience', (a) => a.supplier.exportExperience],
  ['exportMarkets', (a) => a.supplier.exportMarkets],
  ['customers', (a) => a.customers.map((c) => ({ name: c.name, isPublic: c.isPublic })), true],
  ['languages', (a) => a.supplier.languages],
  ['verificationStatus', (a) => a.supplier.verificationStatus],
  ['onboarding.dataSource', (a) => a.supplier.dataSource],
  ['onboarding.maintainedBy', (a) => a.supplier.maintainedBy],
  ['onboarding.published', (a) => a.supplier.published],
];

/** The names of every field an audit entry can hold, in profile order (the web app labels each one). */
export const AUDITED_SUPPLIER_FIELDS: readonly string[] = FIELDS.map(([name]) => name);

/** A value as the log shows it: text as is, numbers and booleans as written, lists and records as JSON; empty as null. */
function asText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.length === 0) return null;
  return JSON.stringify(value);
}

/** The fields that differ between two states of a profile (`null`: it did not exist). */
export function fieldChanges(before: SupplierAggregate | null, after: SupplierAggregate | null): AuditFieldChange[] {
  const changes: AuditFieldChange[] = [];
  for (const [field, read, confidential] of FIELDS) {
    const old = before ? asText(read(before)) : null;
    const now = after ? asText(read(after)) : null;
    if (old === now) continue;
    changes.push(confidential ? { field, confidential: true, old: null, new: null } : { field, confidential: false, old, new: now });
  }
  return changes;
}

export interface AuditRecord {
  supplierId: string;
  action: AuditAction;
  changes: AuditFieldChange[];
}

/** Writes audit entries in the caller's transaction (the same one as the change they describe). */
export async function writeAuditEntries(manager: EntityManager, actor: AuditActor, records: AuditRecord[]): Promise<void> {
  // 6 parameters a row: 5 000 rows stay far below PostgreSQL's 65 535.
  for (let start = 0; start < records.length; start += 5000) {
    await manager
      .createQueryBuilder()
      .insert()
      .into(SupplierAuditEntryEntity)
      .values(
        records.slice(start, start + 5000).map((r) => ({
          supplierId: r.supplierId,
          actorUserId: actor.userId,
          actorRole: actor.role,
          action: r.action,
          changes: r.changes,
        })),
      )
      .execute();
  }
}

/** One entry per supplier whose profile differs between `before` and `after` (or that appeared or went). */
export function auditRecords(
  ids: readonly string[],
  before: readonly SupplierAggregate[],
  after: readonly SupplierAggregate[],
  action: AuditAction | ((id: string, existed: boolean) => AuditAction),
  always = false,
): AuditRecord[] {
  const was = new Map(before.map((a) => [a.supplier.id, a]));
  const now = new Map(after.map((a) => [a.supplier.id, a]));
  return ids.flatMap((supplierId) => {
    const changes = fieldChanges(was.get(supplierId) ?? null, now.get(supplierId) ?? null);
    if (!changes.length && !always) return [];
    return [{ supplierId, action: typeof action === 'function' ? action(supplierId, was.has(supplierId)) : action, changes }];
  });
}
