import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { LocalDate, PageInfo } from '#libs/core';
import { TaxonomyKind } from '#libs/taxonomy';
import {
  AuditActorRoleEnum,
  EquipmentKind,
  OwnershipTypeEnum,
  QuantityUnit,
  SupplierAuditActionEnum,
  SupplierDataSourceEnum,
  SupplierMaintainerEnum,
  VerificationStatusEnum,
} from './company.enums.js';

@ObjectType('TaxonomyRef', { description: 'A taxonomy code used by a profile; `label` is in the requested language.' })
export class TaxonomyRefModel {
  @Field(() => TaxonomyKind, { description: 'Kind of term.' }) kind: TaxonomyKind;
  @Field({ description: 'Stable code.' }) code: string;
}

@ObjectType('Address', { description: 'Postal address (street, ward/commune, province; old district informational).' })
export class AddressModel {
  @Field(() => String, { nullable: true, description: 'House number and street.' }) street: string | null;
  @Field(() => String, { nullable: true, description: 'Ward, commune or special zone.' }) ward: string | null;
  @Field({ description: 'Province or city.' }) province: string;
  @Field(() => String, { nullable: true, description: 'District before July 2025.' }) oldDistrict: string | null;
}

@ObjectType('GeoPoint', { description: 'A point in WGS 84.' })
export class GeoPointModel {
  @Field(() => Float, { description: 'Latitude in degrees (WGS 84), −90 to 90.' }) latitude: number;
  @Field(() => Float, { description: 'Longitude in degrees (WGS 84), −180 to 180.' }) longitude: number;
}

@ObjectType('Contact', {
  description: "Contact details: shown only to the company's members, ADMIN, and partners of an accepted introduction.",
})
export class ContactModel {
  @Field(() => String, { nullable: true, description: 'Contact person.' }) name: string | null;
  @Field(() => String, { nullable: true, description: 'Phone number as the company gave it.' }) phone: string | null;
  @Field(() => String, { nullable: true, description: 'Email address for enquiries.' }) email: string | null;
}

@ObjectType('Ownership', { description: 'Legal ownership.' })
export class OwnershipModel {
  @Field(() => OwnershipTypeEnum, { description: 'Domestic, FDI or joint venture.' }) type: OwnershipTypeEnum;
  @Field(() => String, { nullable: true, description: 'Country of the foreign owner (ISO alpha-2).' }) country: string | null;
}

@ObjectType('Certification', { description: 'A certificate held by a supplier.' })
export class CertificationModel {
  @Field({ description: 'Certification code.' }) code: string;
  @Field(() => String, { nullable: true, description: 'Number printed on the certificate, to check with its issuer.' }) certificateNumber:
    string | null;
  @Field(() => String, { nullable: true, description: 'Certification body that issued it (e.g. QUACERT, Bureau Veritas).' }) issuingBody:
    string | null;
  @Field(() => String, { nullable: true, description: 'What the certificate covers, as written on it.' }) scope: string | null;
  @Field(() => LocalDate, { nullable: true, description: 'First day the certificate counts; null when not stated.' }) validFrom:
    string | null;
  @Field(() => LocalDate, { nullable: true, description: 'Expiry date: it stops counting on this day; null when open-ended.' })
  validUntil: string | null;
  @Field({ description: 'Whether the certificate counts today (Vietnam time).' }) isValid: boolean;
}

@ObjectType('Equipment', { description: 'Equipment and its key specifications.' })
export class EquipmentModel {
  @Field(() => EquipmentKind, { description: 'What sort of machine it is.' }) kind: EquipmentKind;
  @Field(() => String, { nullable: true, description: 'Manufacturer of the machine, e.g. Mazak, Amada.' }) maker: string | null;
  @Field(() => String, { nullable: true, description: "The maker's model designation." }) model: string | null;
  @Field(() => Int, { description: 'How many of these machines.' }) count: number;
  @Field(() => Float, { nullable: true, description: 'Press force in tonnes.' }) pressTonnage: number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'Clamping force in tonnes (moulding and die casting machines): bounds the part size.',
  })
  clampForceTonnes: number | null;
  @Field(() => Int, { nullable: true, description: 'Number of controlled axes (CNC machines).' }) axes: number | null;
  @Field(() => String, { nullable: true, description: 'Bed or work envelope.' }) bedSize: string | null;
  @Field(() => String, { nullable: true, description: 'Other specifications.' }) notes: string | null;
}

@ObjectType('Quantity', { description: 'An amount with its unit.' })
export class QuantityModel {
  @Field(() => Float, { description: 'Amount.' }) value: number;
  @Field(() => QuantityUnit, { description: 'What the value counts.' }) unit: QuantityUnit;
}

@ObjectType('Customer', { description: 'A customer served (private ones are shown only to members and ADMIN).' })
export class CustomerModel {
  @Field({ description: 'Name of the customer, e.g. Canon Vietnam.' }) name: string;
  @Field({ description: 'Whether the public may see it.' }) isPublic: boolean;
}

@ObjectType('SupplierOnboarding', {
  description:
    "Who keeps the profile and whether the SME agreed to publish it: shown to the supplier's members and the centre's staff only.",
})
export class SupplierOnboardingModel {
  @Field(() => SupplierDataSourceEnum, {
    nullable: true,
    description: "How the centre's staff obtained the data; null when the SME entered the profile itself.",
  })
  dataSource: SupplierDataSourceEnum | null;
  @Field(() => SupplierMaintainerEnum, { description: "Who keeps it: the SME itself, or the centre on the SME's behalf." })
  maintainedBy: SupplierMaintainerEnum;
  @Field({
    description: 'Whether others see it (directory, search, matching): false for a profile the centre entered until the SME consents.',
  })
  published: boolean;
  @Field(() => Date, { nullable: true, description: "When the SME's consent (or its withdrawal) was last recorded." })
  consentRecordedAt: Date | null;
  @Field(() => ID, { nullable: true, description: 'The user who recorded it (a member of the SME, or the centre staff on its behalf).' })
  consentRecordedBy: string | null;
  @Field(() => Date, { nullable: true, description: 'When the SME claimed the profile with a claim code; null when never claimed.' })
  claimedAt: Date | null;
}

@ObjectType('Supplier', { description: "A local supporting-industry supplier's capability profile." })
export class SupplierModel {
  @Field(() => ID, { description: 'Stable id.' }) id: string;
  @Field({ description: 'Tax code (mã số thuế).' }) taxCode: string;
  @Field({ description: 'Registered Vietnamese name.' }) nameVi: string;
  @Field(() => String, { nullable: true, description: 'English trade name.' }) tradeNameEn: string | null;
  @Field(() => String, { nullable: true, description: 'What the supplier does, in Vietnamese.' }) descriptionVi: string | null;
  @Field(() => String, { nullable: true, description: 'What the supplier does, in English.' }) descriptionEn: string | null;
  @Field(() => AddressModel, { description: 'Postal address of the factory.' }) address: AddressModel;
  @Field(() => TaxonomyRefModel, { nullable: true, description: 'Industrial zone.' }) zone: TaxonomyRefModel | null;
  @Field(() => GeoPointModel, { nullable: true, description: 'Position of the factory, for distances; null when unknown.' })
  location: GeoPointModel | null;
  @Field(() => String, { nullable: true, description: 'Web address (http or https).' }) website: string | null;
  @Field(() => ContactModel, { nullable: true, description: 'Contact details; null for callers who may not see them.' })
  contact: ContactModel | null;
  @Field(() => Int, { nullable: true, description: 'Number of staff.' }) employees: number | null;
  @Field(() => Int, { nullable: true, description: 'Year the company was established.' }) foundedYear: number | null;
  @Field(() => OwnershipModel, { description: "Domestic, FDI or joint venture, and the foreign owner's country." })
  ownership: OwnershipModel;
  @Field(() => [TaxonomyRefModel], { description: 'Sectors served.' }) sectors: TaxonomyRefModel[];
  @Field(() => [TaxonomyRefModel], { description: 'Processes offered.' }) processes: TaxonomyRefModel[];
  @Field(() => [TaxonomyRefModel], { description: 'Materials worked.' }) materials: TaxonomyRefModel[];
  @Field(() => [TaxonomyRefModel], { description: 'Decree 111/205 product groups and categories it makes.' })
  productGroups: TaxonomyRefModel[];
  @Field(() => [CertificationModel], { description: 'Certificates, valid and expired.' }) certifications: CertificationModel[];
  @Field(() => [EquipmentModel], { description: 'Machines and lines it runs, with their specifications.' }) equipment: EquipmentModel[];
  @Field(() => QuantityModel, { nullable: true, description: 'How much it can produce per month, in one unit.' })
  monthlyCapacity: QuantityModel | null;
  @Field(() => Int, { nullable: true, description: 'Smallest order it accepts, in the unit of monthlyCapacity.' }) minimumOrderQuantity:
    number | null;
  @Field(() => Int, { nullable: true, description: 'Typical lead time in days.' }) leadTimeDays: number | null;
  @Field(() => Float, { nullable: true, description: 'Finest tolerance it holds, in mm (smaller is finer).' }) bestToleranceMm:
    number | null;
  @Field({ description: 'Has exported.' }) exportExperience: boolean;
  @Field(() => [String], { description: 'Export markets (ISO alpha-2).' }) exportMarkets: string[];
  @Field(() => [CustomerModel], { description: 'Customers served: public ones, and all of them for members and ADMIN.' })
  customers: CustomerModel[];
  @Field(() => [String], { description: 'Languages spoken (ISO 639-1).' }) languages: string[];
  @Field(() => VerificationStatusEnum, { description: 'Verification by the support centre.' }) verificationStatus: VerificationStatusEnum;
  @Field(() => Int, { description: 'Version, incremented by every change; pass it to updateSupplier.' }) version: number;
  @Field({ description: 'When the profile was registered.' }) createdAt: Date;
  @Field({ description: 'When it last changed (any field).' }) updatedAt: Date;
  @Field(() => SupplierOnboardingModel, {
    nullable: true,
    description:
      "Who keeps it, how the centre obtained its data, the SME's consent: for its members and the centre's staff; null for others.",
  })
  onboarding: SupplierOnboardingModel | null;
}

@ObjectType('SupplierAuditChange', { description: 'One field of an audited change.' })
export class SupplierAuditChangeModel {
  @Field({ description: 'The field, as `Supplier` names it (e.g. `nameVi`, `contact.email`, `certifications`, `onboarding.published`).' })
  field: string;
  @Field({ description: 'A confidential field (contact details, customers): its values are never recorded, only that it changed.' })
  confidential: boolean;
  @Field(() => String, {
    nullable: true,
    description: 'The value before, as text (lists and records as JSON); null when empty, new, or confidential.',
  })
  oldValue: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The value after, as text (lists and records as JSON); null when cleared, deleted, or confidential.',
  })
  newValue: string | null;
}

@ObjectType('SupplierAuditEntry', {
  description: 'One change to a supplier profile: who made it, in what capacity, when, and which fields.',
})
export class SupplierAuditEntryModel {
  @Field(() => ID, { description: 'Stable id of the entry.' }) id: string;
  @Field(() => ID, { description: 'The supplier changed (on whose behalf).' }) supplierId: string;
  @Field(() => SupplierAuditActionEnum, { description: 'What kind of change.' }) action: SupplierAuditActionEnum;
  @Field(() => ID, { nullable: true, description: 'The user who made it; null for the platform itself (demo or synthetic data).' })
  actorUserId: string | null;
  @Field(() => String, { nullable: true, description: "The user's display name; null for the platform or a deleted account." })
  actorName: string | null;
  @Field(() => AuditActorRoleEnum, {
    description: "The capacity they acted in: the SME's member, the centre's STAFF or ADMIN, the platform.",
  })
  actorRole: AuditActorRoleEnum;
  @Field({ description: 'When the change was made.' }) at: Date;
  @Field(() => [SupplierAuditChangeModel], { description: 'The fields that changed, in profile order.' })
  changes: SupplierAuditChangeModel[];
}

@ObjectType('SupplierAuditEntryEdge', { description: 'An audit entry in a page.' })
export class SupplierAuditEntryEdge {
  @Field(() => SupplierAuditEntryModel, { description: 'The entry.' }) node: SupplierAuditEntryModel;
  @Field({ description: 'Cursor of this item.' }) cursor: string;
}

@ObjectType('SupplierAuditEntryConnection', { description: "A page of a supplier's audit log, newest first." })
export class SupplierAuditEntryConnection {
  @Field(() => Int, { description: 'Entries of this supplier, over all pages.' }) totalCount: number;
  @Field(() => [SupplierAuditEntryEdge], { description: 'The entries of this page, newest first.' }) edges: SupplierAuditEntryEdge[];
  @Field(() => PageInfo, { description: 'Where this page sits in the log, and the cursors to read on.' }) pageInfo: PageInfo;
}

@ObjectType('SupplierClaimCode', {
  description: 'A one-time code the SME types to claim the profile the centre entered for it: shown once, stored only as a hash.',
})
export class SupplierClaimCodeModel {
  @Field(() => ID, { description: 'The supplier it claims.' }) supplierId: string;
  @Field({
    description: 'The code, e.g. `7KQ2-MX4P-9D3A-HT6W-C8RN` (case, spaces and dashes do not matter): hand it over; it is not shown again.',
  })
  code: string;
  @Field({ description: 'When it stops working (then the centre issues a new one).' }) expiresAt: Date;
}

@ObjectType('SupplierEdge', { description: 'A supplier in a page.' })
export class SupplierEdge {
  @Field(() => SupplierModel, { description: 'The supplier.' }) node: SupplierModel;
  @Field({ description: 'Cursor of this item.' }) cursor: string;
}

@ObjectType('SupplierConnection', { description: 'A page of suppliers.' })
export class SupplierConnection {
  @Field(() => Int, { description: 'Suppliers matching the filter, over all pages.' }) totalCount: number;
  @Field(() => [SupplierEdge], { description: 'The items of this page, in list order.' }) edges: SupplierEdge[];
  @Field(() => PageInfo, { description: 'Where this page sits in the list, and the cursors to read on.' }) pageInfo: PageInfo;
}

@ObjectType('VerificationQueueItem', { description: "An unverified supplier waiting for the support centre's review." })
export class VerificationQueueItemModel {
  @Field(() => SupplierModel, { description: 'The supplier to review, as its members see it (contacts included).' })
  supplier: SupplierModel;
  @Field(() => Date, { description: 'Last change of the profile (the queue is oldest first).' }) waitingSince: Date;
  @Field(() => Date, {
    nullable: true,
    description:
      'When it was first verified, if ever: it changed or was un-verified since. Null: a new profile, never reviewed. Field-level history is not recorded.',
  })
  previouslyVerifiedAt: Date | null;
}

@ObjectType('VerificationQueueEdge', { description: 'A supplier in a page of the verification queue.' })
export class VerificationQueueEdge {
  @Field(() => VerificationQueueItemModel, { description: 'The waiting supplier.' }) node: VerificationQueueItemModel;
  @Field({ description: 'Cursor of this item.' }) cursor: string;
}

@ObjectType('VerificationQueueConnection', { description: 'A page of the verification queue, the longest waiting first.' })
export class VerificationQueueConnection {
  @Field(() => Int, { description: 'Suppliers waiting, over all pages.' }) totalCount: number;
  @Field(() => [VerificationQueueEdge], { description: 'This page.' }) edges: VerificationQueueEdge[];
  @Field(() => PageInfo, { description: 'Paging.' }) pageInfo: PageInfo;
}

@ObjectType('Plant', { description: "A buyer's plant, where parts are delivered." })
export class PlantModel {
  @Field({ description: 'Plant name.' }) name: string;
  @Field(() => TaxonomyRefModel, { nullable: true, description: 'Industrial zone.' }) zone: TaxonomyRefModel | null;
  @Field(() => GeoPointModel, { description: 'Position of the plant: the delivery point of its needs.' }) location: GeoPointModel;
}

@ObjectType('Buyer', { description: 'An assembler (often FDI) that sources parts locally.' })
export class BuyerModel {
  @Field(() => ID, { description: 'Stable id.' }) id: string;
  @Field({ description: 'Tax code of its Vietnamese entity.' }) taxCode: string;
  @Field({ description: 'Trading name, e.g. Canon Vietnam.' }) name: string;
  @Field(() => String, { nullable: true, description: 'Vietnamese name.' }) nameVi: string | null;
  @Field({ description: 'Country of origin (ISO alpha-2).' }) countryOfOrigin: string;
  @Field(() => String, { nullable: true, description: 'What the buyer makes and looks for.' }) description: string | null;
  @Field(() => String, { nullable: true, description: 'Web address (http or https).' }) website: string | null;
  @Field(() => ContactModel, { nullable: true, description: 'Contact details; null for callers who may not see them.' })
  contact: ContactModel | null;
  @Field(() => [TaxonomyRefModel], { description: 'Industries it belongs to.' }) sectors: TaxonomyRefModel[];
  @Field(() => [PlantModel], { description: 'Its plants in the region, where parts are delivered.' }) plants: PlantModel[];
  @Field(() => [String], { description: 'Working languages (ISO 639-1).' }) languages: string[];
  @Field(() => VerificationStatusEnum, {
    description: 'Verification by the support centre: suppliers see the needs of a VERIFIED buyer only.',
  })
  verificationStatus: VerificationStatusEnum;
  @Field(() => Int, { description: 'Version; pass it to updateBuyer.' }) version: number;
  @Field({ description: 'When the profile was created.' }) createdAt: Date;
  @Field({ description: 'When it last changed (any field).' }) updatedAt: Date;
}

@ObjectType('BuyerEdge', { description: 'A buyer in a page.' })
export class BuyerEdge {
  @Field(() => BuyerModel, { description: 'The buyer.' }) node: BuyerModel;
  @Field({ description: 'Cursor of this item.' }) cursor: string;
}

@ObjectType('BuyerConnection', { description: 'A page of buyers.' })
export class BuyerConnection {
  @Field(() => Int, { description: 'Buyers matching the filter, over all pages.' }) totalCount: number;
  @Field(() => [BuyerEdge], { description: 'The items of this page, in list order.' }) edges: BuyerEdge[];
  @Field(() => PageInfo, { description: 'Where this page sits in the list, and the cursors to read on.' }) pageInfo: PageInfo;
}
