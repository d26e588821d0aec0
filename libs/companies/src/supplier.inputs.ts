import { Field, Float, ID, InputType, Int, OmitType, PartialType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsISO31661Alpha2,
  IsNumber,
  IsOptional,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { EmailAddress, LocalDate, Text } from '#libs/core';
import {
  EquipmentKind,
  OwnershipTypeEnum,
  QuantityUnit,
  SupplierDataSourceEnum,
  SupplierMaintainerEnum,
  VerificationStatusEnum,
} from './company.enums.js';

const CODE = /^[A-Z0-9_]{1,64}$/;
const CODE_MESSAGE = 'each must be a taxonomy code (A-Z, 0-9, _)';
const finite = { allowNaN: false, allowInfinity: false };

@InputType({ description: 'A postal address after the 2025 reform: street, ward/commune, province.' })
export class AddressInput {
  @Field({ nullable: true, description: 'House number and street.' }) @IsOptional() @Text(200) street?: string;
  @Field({ nullable: true, description: 'Ward, commune or special zone (phường/xã/đặc khu).' }) @IsOptional() @Text(100) ward?: string;
  @Field({ nullable: true, description: 'Province or city; default Hải Phòng.' }) @IsOptional() @Text(100, { min: 1 }) province?: string;
  @Field({ nullable: true, description: 'District before July 2025 (informational).' }) @IsOptional() @Text(100) oldDistrict?: string;
}

@InputType({ description: 'A point in WGS 84.' })
export class GeoPointInput {
  @Field(() => Float, { description: 'Latitude, −90 to 90.' }) @IsNumber(finite) @Min(-90) @Max(90) latitude: number;
  @Field(() => Float, { description: 'Longitude, −180 to 180.' }) @IsNumber(finite) @Min(-180) @Max(180) longitude: number;
}

@InputType({ description: "Who to contact. Visible only to the company's members and ADMIN until an introduction reveals it." })
export class ContactInput {
  @Field({ nullable: true, description: 'Contact person.' }) @IsOptional() @Text(120) name?: string;
  @Field({ nullable: true, description: 'Phone number, e.g. +84 225 3xx xxxx.' })
  @IsOptional()
  @Matches(/^\+?[0-9][0-9 ().-]{5,24}$/, { message: 'must be a phone number (digits, spaces, + ( ) . -)' })
  phone?: string;
  @Field({ nullable: true, description: 'Email address.' }) @IsOptional() @EmailAddress() email?: string;
}

@InputType({ description: 'Legal ownership of the company.' })
export class OwnershipInput {
  @Field(() => OwnershipTypeEnum, { description: 'Domestic, FDI or joint venture.' }) @IsEnum(OwnershipTypeEnum) type: OwnershipTypeEnum;
  @Field({ nullable: true, description: 'Country of the foreign owner (ISO 3166 alpha-2, e.g. JP, KR).' })
  @IsOptional()
  @IsISO31661Alpha2({ message: 'must be an ISO 3166-1 alpha-2 country code' })
  country?: string;
}

@InputType({ description: 'A certificate the supplier holds.' })
export class CertificationInput {
  @Field({ description: 'Certification code from the taxonomy, e.g. IATF_16949.' })
  @Matches(CODE, { message: 'must be a taxonomy code (A-Z, 0-9, _)' })
  code: string;
  @Field({ nullable: true, description: 'Number printed on the certificate (at most 100 characters).' })
  @IsOptional()
  @Text(100)
  certificateNumber?: string;
  @Field({ nullable: true, description: 'Issuing (certification) body.' }) @IsOptional() @Text(200) issuingBody?: string;
  @Field({ nullable: true, description: 'Scope of the certificate.' }) @IsOptional() @Text(500, { multiline: true }) scope?: string;
  @Field(() => LocalDate, { nullable: true, description: 'First day the certificate counts.' }) validFrom?: string;
  @Field(() => LocalDate, { nullable: true, description: 'Expiry date: the certificate stops counting on this day (after validFrom).' })
  validUntil?: string;
}

@InputType({ description: 'A kind of machine and its key specifications.' })
export class EquipmentInput {
  @Field(() => EquipmentKind, { description: 'Kind of equipment.' }) @IsEnum(EquipmentKind) kind: EquipmentKind;
  @Field({ nullable: true, description: 'Maker, e.g. Mazak, Amada, Fanuc.' }) @IsOptional() @Text(100) maker?: string;
  @Field({ nullable: true, description: "The maker's model designation." }) @IsOptional() @Text(100) model?: string;
  @Field(() => Int, { defaultValue: 1, description: 'How many (1–10 000).' }) @IsInt() @Min(1) @Max(10000) count: number = 1;
  @Field(() => Float, { nullable: true, description: 'Press force in tonnes (presses).' })
  @IsOptional()
  @IsNumber(finite)
  @Min(0)
  @Max(100000)
  pressTonnage?: number;
  @Field(() => Float, { nullable: true, description: 'Clamp force in tonnes (injection moulding, die casting).' })
  @IsOptional()
  @IsNumber(finite)
  @Min(0)
  @Max(100000)
  clampForceTonnes?: number;
  @Field(() => Int, { nullable: true, description: 'Number of axes (CNC).' }) @IsOptional() @IsInt() @Min(1) @Max(12) axes?: number;
  @Field({ nullable: true, description: 'Bed or work envelope, e.g. "1020 x 510 x 510 mm".' }) @IsOptional() @Text(100) bedSize?: string;
  @Field({ nullable: true, description: 'Other specifications.' }) @IsOptional() @Text(500, { multiline: true }) notes?: string;
}

@InputType({ description: 'An amount with its unit.' })
export class QuantityInput {
  @Field(() => Float, { description: 'Non-negative amount.' }) @IsNumber(finite) @Min(0) @Max(1e12) value: number;
  @Field(() => QuantityUnit, { description: 'What the value counts.' }) @IsEnum(QuantityUnit) unit: QuantityUnit;
}

@InputType({ description: 'A customer the supplier has served.' })
export class CustomerInput {
  @Field({ description: 'Customer name.' }) @Text(200, { min: 1 }) name: string;
  @Field({
    defaultValue: false,
    description: 'Whether the public may see this customer (private ones are shown only to members and ADMIN).',
  })
  @IsBoolean()
  isPublic: boolean = false;
}

@InputType({ description: "A supplier's capability profile." })
export class CreateSupplierInput {
  @Field({ description: 'Tax code (mã số thuế): 10 digits with a valid check digit, optionally -NNN for a branch.' })
  @Text(14, { min: 1 })
  taxCode: string;
  @Field({ description: 'Registered name in Vietnamese.' }) @Text(200, { min: 1 }) nameVi: string;
  @Field({ nullable: true, description: 'English trade name.' }) @IsOptional() @Text(200) tradeNameEn?: string;
  @Field({ nullable: true, description: 'Description in Vietnamese.' })
  @IsOptional()
  @Text(5000, { multiline: true })
  descriptionVi?: string;
  @Field({ nullable: true, description: 'Description in English.' }) @IsOptional() @Text(5000, { multiline: true }) descriptionEn?: string;
  @Field(() => AddressInput, { nullable: true, description: 'Postal address of the factory.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => AddressInput)
  address?: AddressInput;
  @Field({ nullable: true, description: 'Industrial zone code (taxonomy kind ZONE).' })
  @IsOptional()
  @Matches(CODE, { message: 'must be a taxonomy code (A-Z, 0-9, _)' })
  zoneCode?: string;
  @Field(() => GeoPointInput, { nullable: true, description: 'Location; taken from the industrial zone when not given.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => GeoPointInput)
  location?: GeoPointInput;
  @Field({ nullable: true, description: 'Website (http or https).' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'must be an http(s) URL' })
  @MaxLength(300)
  website?: string;
  @Field(() => ContactInput, { nullable: true, description: 'Contact details (confidential until an introduction).' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ContactInput)
  contact?: ContactInput;
  @Field(() => Int, { nullable: true, description: 'Number of employees.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000000)
  employees?: number;
  @Field(() => Int, { nullable: true, description: 'Year founded (1900 to this year).' })
  @IsOptional()
  @IsInt()
  @Min(1900)
  @Max(2100)
  foundedYear?: number;
  @Field(() => OwnershipInput, { nullable: true, description: 'Ownership; default domestic.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => OwnershipInput)
  ownership?: OwnershipInput;
  @Field(() => [String], { nullable: true, description: 'Sector codes.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @Matches(CODE, { each: true, message: CODE_MESSAGE })
  sectors?: string[];
  @Field(() => [String], { nullable: true, description: 'Process codes (what the supplier can do).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(60)
  @Matches(CODE, { each: true, message: CODE_MESSAGE })
  processes?: string[];
  @Field(() => [String], { nullable: true, description: 'Material codes.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(60)
  @Matches(CODE, { each: true, message: CODE_MESSAGE })
  materials?: string[];
  @Field(() => [String], { nullable: true, description: 'Product group codes (Decree 111/205 groups and their categories).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @Matches(CODE, { each: true, message: CODE_MESSAGE })
  productGroups?: string[];
  @Field(() => [CertificationInput], { nullable: true, description: 'Certificates held.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CertificationInput)
  certifications?: CertificationInput[];
  @Field(() => [EquipmentInput], { nullable: true, description: 'Machines and lines it runs (at most 200), with their specifications.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => EquipmentInput)
  equipment?: EquipmentInput[];
  @Field(() => QuantityInput, { nullable: true, description: 'Monthly production capacity.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => QuantityInput)
  monthlyCapacity?: QuantityInput;
  @Field(() => Int, { nullable: true, description: 'Smallest order it accepts, in the unit of monthlyCapacity.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000000000)
  minimumOrderQuantity?: number;
  @Field(() => Int, { nullable: true, description: 'Typical lead time in days (0–730).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(730)
  leadTimeDays?: number;
  @Field(() => Float, { nullable: true, description: 'Best tolerance the supplier holds, in mm (e.g. 0.01).' })
  @IsOptional()
  @IsNumber(finite)
  @Min(0.0001)
  @Max(100)
  bestToleranceMm?: number;
  @Field({ nullable: true, description: 'Whether the supplier has exported.' }) @IsOptional() @IsBoolean() exportExperience?: boolean;
  @Field(() => [String], { nullable: true, description: 'Export markets (ISO 3166 alpha-2).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsISO31661Alpha2({ each: true, message: 'each must be an ISO 3166-1 alpha-2 country code' })
  exportMarkets?: string[];
  @Field(() => [CustomerInput], { nullable: true, description: 'Customers served.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => CustomerInput)
  customers?: CustomerInput[];
  @Field(() => [String], { nullable: true, description: 'Languages spoken (ISO 639-1, e.g. vi, en, ja, ko, zh).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(/^[a-z]{2}$/, { each: true, message: 'each must be an ISO 639-1 code such as vi or ja' })
  languages?: string[];
}

@InputType({ description: 'Changes to a supplier: fields left out stay as they are; `version` is the version you edited.' })
export class UpdateSupplierInput extends PartialType(OmitType(CreateSupplierInput, ['taxCode'] as const), InputType) {
  @Field(() => ID, { description: 'The supplier to change.' }) @IsUUID('all', { message: 'must be a UUID' }) id: string;
  @Field(() => Int, { description: 'The version you edited; a stale one fails with CONFLICT.' }) @IsInt() @Min(1) version: number;
}

@InputType({ description: "ADMIN only: set a supplier's verification status." })
export class SetVerificationStatusInput {
  @Field(() => ID, { description: 'Id of the supplier to set the status of.' })
  @IsUUID('all', { message: 'must be a UUID' })
  supplierId: string;
  @Field(() => VerificationStatusEnum, { description: 'New status.' }) @IsEnum(VerificationStatusEnum) status: VerificationStatusEnum;
  @Field(() => Int, { nullable: true, description: 'The version you looked at; when given, a stale one fails with CONFLICT.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

@InputType({ description: 'Filters of the suppliers list; all given filters must hold.' })
export class SupplierFilterInput {
  @Field(() => [String], { nullable: true, description: 'In any of these industrial zones.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(CODE, { each: true, message: CODE_MESSAGE })
  zones?: string[];
  @Field({ nullable: true, description: 'Offers this process or one beneath it in the taxonomy.' })
  @IsOptional()
  @Matches(CODE, { message: 'must be a taxonomy code (A-Z, 0-9, _)' })
  process?: string;
  @Field({ nullable: true, description: 'Holds a currently valid certificate of this code.' })
  @IsOptional()
  @Matches(CODE, { message: 'must be a taxonomy code (A-Z, 0-9, _)' })
  certification?: string;
  @Field({ nullable: true, description: 'Serves this sector or one beneath it.' })
  @IsOptional()
  @Matches(CODE, { message: 'must be a taxonomy code (A-Z, 0-9, _)' })
  sector?: string;
  @Field(() => VerificationStatusEnum, {
    nullable: true,
    description: 'Verification status (SUSPENDED suppliers are listed only to ADMIN).',
  })
  @IsOptional()
  @IsEnum(VerificationStatusEnum)
  verificationStatus?: VerificationStatusEnum;
  @Field(() => SupplierMaintainerEnum, {
    nullable: true,
    description: "Who keeps it: CENTRE lists the profiles the centre's staff still keep on SMEs' behalf (unclaimed).",
  })
  @IsOptional()
  @IsEnum(SupplierMaintainerEnum)
  maintainedBy?: SupplierMaintainerEnum;
}

@InputType({
  description: "How the centre's staff came by a profile they enter on an SME's behalf, and whether the SME agreed to publish it.",
})
export class OnboardingInput {
  @Field(() => SupplierDataSourceEnum, { description: 'How the data was obtained.' })
  @IsEnum(SupplierDataSourceEnum)
  dataSource: SupplierDataSourceEnum;
  @Field({
    defaultValue: false,
    description:
      'The SME agreed to publish the profile (recorded as given by the caller, now). Without it the profile stays out of the directory, search and matching.',
  })
  @IsBoolean()
  consentToPublish: boolean = false;
}
