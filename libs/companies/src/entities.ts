import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** numeric columns come back from node-postgres as strings; map them to numbers. */
const numeric = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

export type VerificationStatus = 'UNVERIFIED' | 'VERIFIED' | 'SUSPENDED';
export type OwnershipType = 'DOMESTIC' | 'FDI' | 'JOINT_VENTURE';
/** How the centre's staff obtained a profile's data (null: the SME entered it itself). */
export type SupplierDataSource = 'VISIT' | 'PHONE' | 'REGISTRY_FILE' | 'SME_SUBMISSION';
/** Who keeps the profile: the SME's own members, or the centre on its behalf (until claimed). */
export type SupplierMaintainer = 'SELF' | 'CENTRE';

@Entity({ name: 'suppliers' })
export class SupplierEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text', name: 'tax_code' }) taxCode: string;
  @Column({ type: 'text', name: 'name_vi' }) nameVi: string;
  @Column({ type: 'text', name: 'trade_name_en', nullable: true }) tradeNameEn: string | null;
  @Column({ type: 'text', name: 'description_vi', nullable: true }) descriptionVi: string | null;
  @Column({ type: 'text', name: 'description_en', nullable: true }) descriptionEn: string | null;
  @Column({ type: 'text', nullable: true }) street: string | null;
  @Column({ type: 'text', nullable: true }) ward: string | null;
  @Column({ type: 'text' }) province: string;
  @Column({ type: 'text', name: 'old_district', nullable: true }) oldDistrict: string | null;
  @Column({ type: 'text', name: 'zone_code', nullable: true }) zoneCode: string | null;
  @Column({ type: 'double precision', nullable: true }) latitude: number | null;
  @Column({ type: 'double precision', nullable: true }) longitude: number | null;
  @Column({ type: 'text', nullable: true }) website: string | null;
  @Column({ type: 'text', name: 'contact_name', nullable: true }) contactName: string | null;
  @Column({ type: 'text', name: 'contact_phone', nullable: true }) contactPhone: string | null;
  @Column({ type: 'text', name: 'contact_email', nullable: true }) contactEmail: string | null;
  @Column({ type: 'integer', nullable: true }) employees: number | null;
  @Column({ type: 'integer', name: 'founded_year', nullable: true }) foundedYear: number | null;
  @Column({ type: 'text', name: 'ownership_type' }) ownershipType: OwnershipType;
  @Column({ type: 'text', name: 'ownership_country', nullable: true }) ownershipCountry: string | null;
  @Column({ type: 'text', array: true }) sectors: string[];
  @Column({ type: 'text', array: true }) processes: string[];
  @Column({ type: 'text', array: true }) materials: string[];
  @Column({ type: 'text', array: true, name: 'product_groups' }) productGroups: string[];
  @Column({ type: 'numeric', name: 'monthly_capacity_value', nullable: true, transformer: numeric }) monthlyCapacityValue: number | null;
  @Column({ type: 'text', name: 'monthly_capacity_unit', nullable: true }) monthlyCapacityUnit: string | null;
  @Column({ type: 'integer', name: 'minimum_order_quantity', nullable: true }) minimumOrderQuantity: number | null;
  @Column({ type: 'integer', name: 'lead_time_days', nullable: true }) leadTimeDays: number | null;
  @Column({ type: 'numeric', name: 'best_tolerance_mm', nullable: true, transformer: numeric }) bestToleranceMm: number | null;
  @Column({ type: 'boolean', name: 'export_experience' }) exportExperience: boolean;
  @Column({ type: 'text', array: true, name: 'export_markets' }) exportMarkets: string[];
  @Column({ type: 'text', array: true }) languages: string[];
  @Column({ type: 'text', name: 'verification_status' }) verificationStatus: VerificationStatus;
  /** Set by a trigger the first time the supplier becomes VERIFIED (growth analytics); never written by the app. */
  @Column({ type: 'timestamptz', name: 'verified_at', nullable: true, insert: false, update: false }) verifiedAt: Date | null;
  @Column({ type: 'uuid', name: 'created_by', nullable: true }) createdBy: string | null;
  @Column({ type: 'text', name: 'data_source', nullable: true }) dataSource: SupplierDataSource | null;
  @Column({ type: 'text', name: 'maintained_by' }) maintainedBy: SupplierMaintainer;
  /** False for a staff-entered profile until the SME's consent is recorded: then only its members and the centre see it. */
  @Column({ type: 'boolean' }) published: boolean;
  @Column({ type: 'uuid', name: 'consent_recorded_by', nullable: true }) consentRecordedBy: string | null;
  @Column({ type: 'timestamptz', name: 'consent_recorded_at', nullable: true }) consentRecordedAt: Date | null;
  @Column({ type: 'uuid', name: 'claimed_by', nullable: true }) claimedBy: string | null;
  @Column({ type: 'timestamptz', name: 'claimed_at', nullable: true }) claimedAt: Date | null;
  @Column({ type: 'integer' }) version: number;
  @Column({ type: 'timestamptz', name: 'created_at' }) createdAt: Date;
  @Column({ type: 'timestamptz', name: 'updated_at' }) updatedAt: Date;
}

/** Who made an audited change: a member, the centre's STAFF or ADMIN, or the platform itself (demo, synthetic data). */
export type AuditActorRole = 'MEMBER' | 'STAFF' | 'ADMIN' | 'PLATFORM';

/** One field of an audited change; confidential fields carry no values. */
export interface AuditFieldChange {
  field: string;
  confidential: boolean;
  old: string | null;
  new: string | null;
}

@Entity({ name: 'supplier_audit_log' })
export class SupplierAuditEntryEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'supplier_id' }) supplierId: string;
  @Column({ type: 'uuid', name: 'actor_user_id', nullable: true }) actorUserId: string | null;
  @Column({ type: 'text', name: 'actor_role' }) actorRole: AuditActorRole;
  @Column({ type: 'text' }) action: string;
  @Column({ type: 'jsonb' }) changes: AuditFieldChange[];
  @Column({ type: 'timestamptz', name: 'created_at' }) createdAt: Date;
}

@Entity({ name: 'supplier_claim_codes' })
export class SupplierClaimCodeEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'supplier_id' }) supplierId: string;
  /** SHA-256 (hex) of the normalised code: the code itself is shown once and never stored. */
  @Column({ type: 'text', name: 'code_hash' }) codeHash: string;
  @Column({ type: 'uuid', name: 'issued_by' }) issuedBy: string;
  @Column({ type: 'timestamptz', name: 'issued_at' }) issuedAt: Date;
  @Column({ type: 'timestamptz', name: 'expires_at' }) expiresAt: Date;
  @Column({ type: 'uuid', name: 'used_by', nullable: true }) usedBy: string | null;
  @Column({ type: 'timestamptz', name: 'used_at', nullable: true }) usedAt: Date | null;
  @Column({ type: 'timestamptz', name: 'revoked_at', nullable: true }) revokedAt: Date | null;
}

@Entity({ name: 'supplier_certifications' })
export class SupplierCertificationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'supplier_id' }) supplierId: string;
  @Column({ type: 'integer' }) position: number;
  @Column({ type: 'text' }) code: string;
  @Column({ type: 'text', name: 'certificate_number', nullable: true }) certificateNumber: string | null;
  @Column({ type: 'text', name: 'issuing_body', nullable: true }) issuingBody: string | null;
  @Column({ type: 'text', nullable: true }) scope: string | null;
  /** ISO dates (YYYY-MM-DD): node-postgres returns `date` columns as strings with this setting. */
  @Column({ type: 'date', name: 'valid_from', nullable: true }) validFrom: string | null;
  @Column({ type: 'date', name: 'valid_until', nullable: true }) validUntil: string | null;
}

@Entity({ name: 'supplier_equipment' })
export class SupplierEquipmentEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'supplier_id' }) supplierId: string;
  @Column({ type: 'integer' }) position: number;
  @Column({ type: 'text' }) kind: string;
  @Column({ type: 'text', nullable: true }) maker: string | null;
  @Column({ type: 'text', nullable: true }) model: string | null;
  @Column({ type: 'integer' }) count: number;
  @Column({ type: 'numeric', name: 'press_tonnage', nullable: true, transformer: numeric }) pressTonnage: number | null;
  @Column({ type: 'numeric', name: 'clamp_force_tonnes', nullable: true, transformer: numeric }) clampForceTonnes: number | null;
  @Column({ type: 'integer', nullable: true }) axes: number | null;
  @Column({ type: 'text', name: 'bed_size', nullable: true }) bedSize: string | null;
  @Column({ type: 'text', nullable: true }) notes: string | null;
}

@Entity({ name: 'supplier_customers' })
export class SupplierCustomerEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'supplier_id' }) supplierId: string;
  @Column({ type: 'integer' }) position: number;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'boolean', name: 'is_public' }) isPublic: boolean;
}

@Entity({ name: 'buyers' })
export class BuyerEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text', name: 'tax_code' }) taxCode: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text', name: 'name_vi', nullable: true }) nameVi: string | null;
  @Column({ type: 'text', name: 'country_of_origin' }) countryOfOrigin: string;
  @Column({ type: 'text', nullable: true }) description: string | null;
  @Column({ type: 'text', nullable: true }) website: string | null;
  @Column({ type: 'text', name: 'contact_name', nullable: true }) contactName: string | null;
  @Column({ type: 'text', name: 'contact_phone', nullable: true }) contactPhone: string | null;
  @Column({ type: 'text', name: 'contact_email', nullable: true }) contactEmail: string | null;
  @Column({ type: 'text', array: true }) sectors: string[];
  @Column({ type: 'text', array: true }) languages: string[];
  @Column({ type: 'uuid', name: 'created_by', nullable: true }) createdBy: string | null;
  @Column({ type: 'text', name: 'verification_status' }) verificationStatus: VerificationStatus;
  @Column({ type: 'integer' }) version: number;
  @Column({ type: 'timestamptz', name: 'created_at' }) createdAt: Date;
  @Column({ type: 'timestamptz', name: 'updated_at' }) updatedAt: Date;
}

@Entity({ name: 'buyer_plants' })
export class BuyerPlantEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'buyer_id' }) buyerId: string;
  @Column({ type: 'integer' }) position: number;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text', name: 'zone_code', nullable: true }) zoneCode: string | null;
  @Column({ type: 'double precision' }) latitude: number;
  @Column({ type: 'double precision' }) longitude: number;
}

export const COMPANY_ENTITIES = [
  SupplierEntity,
  SupplierCertificationEntity,
  SupplierEquipmentEntity,
  SupplierCustomerEntity,
  SupplierAuditEntryEntity,
  SupplierClaimCodeEntity,
  BuyerEntity,
  BuyerPlantEntity,
];
