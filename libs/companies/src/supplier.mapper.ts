import { isCertificateValid } from '#libs/core';
import { TaxonomyKind } from '#libs/taxonomy';
import type {
  AuditActorRoleEnum,
  EquipmentKind,
  OwnershipTypeEnum,
  QuantityUnit,
  SupplierAuditActionEnum,
  SupplierDataSourceEnum,
  SupplierMaintainerEnum,
  VerificationStatusEnum,
} from './company.enums.js';
import type { SupplierAuditEntryModel, SupplierModel, TaxonomyRefModel } from './company.models.js';
import type { AuditEntryRow, SupplierAggregate } from './supplier.repository.js';

/** What the viewer may see beyond the public profile. */
export interface SupplierVisibility {
  contact: boolean;
  privateCustomers: boolean;
  /** The onboarding record (members and the centre's staff). */
  onboarding?: boolean;
}

export const refs = (kind: TaxonomyKind, codes: readonly string[]): TaxonomyRefModel[] => codes.map((code) => ({ kind, code }));

/** An explicit whitelist from rows to the GraphQL type: a new column never leaks by accident. */
export function toSupplierModel(aggregate: SupplierAggregate, visibility: SupplierVisibility, today: string): SupplierModel {
  const s = aggregate.supplier;
  return {
    id: s.id,
    taxCode: s.taxCode,
    nameVi: s.nameVi,
    tradeNameEn: s.tradeNameEn,
    descriptionVi: s.descriptionVi,
    descriptionEn: s.descriptionEn,
    address: { street: s.street, ward: s.ward, province: s.province, oldDistrict: s.oldDistrict },
    zone: s.zoneCode ? { kind: TaxonomyKind.ZONE, code: s.zoneCode } : null,
    location: s.latitude !== null && s.longitude !== null ? { latitude: s.latitude, longitude: s.longitude } : null,
    website: s.website,
    contact: visibility.contact ? { name: s.contactName, phone: s.contactPhone, email: s.contactEmail } : null,
    employees: s.employees,
    foundedYear: s.foundedYear,
    ownership: { type: s.ownershipType as OwnershipTypeEnum, country: s.ownershipCountry },
    sectors: refs(TaxonomyKind.SECTOR, s.sectors),
    processes: refs(TaxonomyKind.PROCESS, s.processes),
    materials: refs(TaxonomyKind.MATERIAL, s.materials),
    productGroups: refs(TaxonomyKind.PRODUCT_GROUP, s.productGroups),
    certifications: aggregate.certifications.map((c) => ({
      code: c.code,
      certificateNumber: c.certificateNumber,
      issuingBody: c.issuingBody,
      scope: c.scope,
      validFrom: c.validFrom,
      validUntil: c.validUntil,
      isValid: isCertificateValid(c.validFrom, c.validUntil, today),
    })),
    equipment: aggregate.equipment.map((e) => ({
      kind: e.kind as EquipmentKind,
      maker: e.maker,
      model: e.model,
      count: e.count,
      pressTonnage: e.pressTonnage,
      clampForceTonnes: e.clampForceTonnes,
      axes: e.axes,
      bedSize: e.bedSize,
      notes: e.notes,
    })),
    monthlyCapacity:
      s.monthlyCapacityValue !== null && s.monthlyCapacityUnit
        ? { value: s.monthlyCapacityValue, unit: s.monthlyCapacityUnit as QuantityUnit }
        : null,
    minimumOrderQuantity: s.minimumOrderQuantity,
    leadTimeDays: s.leadTimeDays,
    bestToleranceMm: s.bestToleranceMm,
    exportExperience: s.exportExperience,
    exportMarkets: s.exportMarkets,
    customers: aggregate.customers
      .filter((c) => c.isPublic || visibility.privateCustomers)
      .map((c) => ({ name: c.name, isPublic: c.isPublic })),
    languages: s.languages,
    verificationStatus: s.verificationStatus as VerificationStatusEnum,
    version: s.version,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    onboarding: visibility.onboarding
      ? {
          dataSource: s.dataSource as SupplierDataSourceEnum | null,
          maintainedBy: s.maintainedBy as SupplierMaintainerEnum,
          published: s.published,
          consentRecordedAt: s.consentRecordedAt,
          consentRecordedBy: s.consentRecordedBy,
          claimedAt: s.claimedAt,
        }
      : null,
  };
}

export function toAuditEntryModel(row: AuditEntryRow): SupplierAuditEntryModel {
  return {
    id: row.id,
    supplierId: row.supplier_id,
    action: row.action as SupplierAuditActionEnum,
    actorUserId: row.actor_user_id,
    actorName: row.actor_name,
    actorRole: row.actor_role as AuditActorRoleEnum,
    at: row.created_at,
    changes: row.changes.map((c) => ({ field: c.field, confidential: c.confidential, oldValue: c.old, newValue: c.new })),
  };
}
