import { Field, Float, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsInt, IsNumber, IsOptional, Matches, Max, Min, ValidateNested } from 'class-validator';
import { Language, Text } from '#libs/core';
import { QuantityUnit } from '#libs/companies';

const CODE = /^[A-Z0-9_]{1,64}$/;
const CODES = { each: true, message: 'each must be a taxonomy code (A-Z, 0-9, _)' };
const finite = { allowNaN: false, allowInfinity: false };

export enum SupplierFacet {
  processes = 'processes',
  materials = 'materials',
  productGroups = 'productGroups',
  certifications = 'certifications',
  zone = 'zone',
  sectors = 'sectors',
  verificationStatus = 'verificationStatus',
}
registerEnumType(SupplierFacet, {
  name: 'SupplierFacet',
  description: 'A field whose values can be counted over all hits.',
  valuesMap: {
    processes: { description: 'Process codes the suppliers offer.' },
    materials: { description: 'Material codes the suppliers work.' },
    productGroups: { description: 'Product group codes the suppliers make.' },
    certifications: { description: 'Certification codes the suppliers hold valid today.' },
    zone: { description: "The suppliers' industrial zone codes." },
    sectors: { description: 'Sector codes the suppliers serve.' },
    verificationStatus: { description: 'VERIFIED or UNVERIFIED (suspended suppliers are never hits).' },
  },
});

export enum SupplierSort {
  RELEVANCE = 'RELEVANCE',
  DISTANCE = 'DISTANCE',
  CAPACITY = 'CAPACITY',
  NEWEST = 'NEWEST',
}
registerEnumType(SupplierSort, {
  name: 'SupplierSort',
  description: 'RELEVANCE (default), DISTANCE (needs `near` or `nearZone`), CAPACITY (largest first), NEWEST.',
  valuesMap: {
    RELEVANCE: { description: "Best match of the query first (the default), by Meilisearch's ranking rules." },
    DISTANCE: { description: 'Nearest to `near` or `nearZone` first; refused without one of them.' },
    CAPACITY: {
      description: 'Largest stated monthly capacity first, as a number whatever its unit: add `minMonthlyCapacity` to keep one unit.',
    },
    NEWEST: { description: 'Most recently registered first.' },
  },
});

@InputType({ description: 'A centre point and a radius.' })
export class NearInput {
  @Field(() => Float, { description: 'Latitude.' }) @IsNumber(finite) @Min(-90) @Max(90) lat: number;
  @Field(() => Float, { description: 'Longitude.' }) @IsNumber(finite) @Min(-180) @Max(180) lng: number;
  @Field(() => Float, { description: 'Radius in km (0.1–500).' }) @IsNumber(finite) @Min(0.1) @Max(500) radiusKm: number;
}

@InputType({ description: 'An industrial zone as the centre, and a radius.' })
export class NearZoneInput {
  @Field({ description: 'Zone code.' }) @Matches(CODE, { message: 'must be a taxonomy code (A-Z, 0-9, _)' }) zone: string;
  @Field(() => Float, { description: 'Radius in km (0.1–500).' }) @IsNumber(finite) @Min(0.1) @Max(500) radiusKm: number;
}

@InputType({ description: 'A minimum monthly capacity in a unit.' })
export class MinCapacityInput {
  @Field(() => Float, { description: 'At least this much per month.' }) @IsNumber(finite) @Min(0) @Max(1e12) value: number;
  @Field(() => QuantityUnit, { description: 'Unit the capacity must be stated in (capacities in other units do not count).' })
  @IsEnum(QuantityUnit)
  unit: QuantityUnit;
}

@InputType({ description: 'A supplier search: free text plus filters; every filter given must hold.' })
export class SearchSuppliersInput {
  @Field({
    nullable: true,
    description:
      'What you need, in Vietnamese (with or without diacritics), English, Japanese or Korean. Certifications and industrial zones named in it are understood (see `understood` in the result); of a long query, the words naming a capability count first (Meilisearch reads 10 words).',
  })
  @IsOptional()
  @Text(200)
  query?: string;

  @Field({
    nullable: true,
    defaultValue: false,
    description:
      'Take the query word for word: no certification filter, place preference or word selection read from it (see `understood` in the result).',
  })
  @IsOptional()
  @IsBoolean()
  literal?: boolean = false;

  @Field(() => [String], { nullable: true, description: 'Offers at least one of these processes (or one beneath it in the taxonomy).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @Matches(CODE, CODES)
  processesAnyOf?: string[];
  @Field(() => [String], { nullable: true, description: 'Offers every one of these processes (or one beneath each).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @Matches(CODE, CODES)
  processesAllOf?: string[];
  @Field(() => [String], { nullable: true, description: 'Works at least one of these materials.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @Matches(CODE, CODES)
  materials?: string[];
  @Field(() => [String], { nullable: true, description: 'Makes at least one of these product groups.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @Matches(CODE, CODES)
  productGroups?: string[];
  @Field(() => [String], { nullable: true, description: 'Holds every one of these certifications, valid today.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @Matches(CODE, CODES)
  certifications?: string[];
  @Field(() => [String], { nullable: true, description: 'In one of these industrial zones.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(CODE, CODES)
  zones?: string[];
  @Field(() => [String], { nullable: true, description: 'In one of these wards/communes (matched without diacritics or case).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Text(100, { min: 1, each: true })
  wards?: string[];
  @Field(() => [String], { nullable: true, description: 'In one of these provinces.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @Text(100, { min: 1, each: true })
  provinces?: string[];
  @Field(() => [String], { nullable: true, description: 'Serves at least one of these sectors.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @Matches(CODE, CODES)
  sectors?: string[];
  @Field({ nullable: true, description: 'Only suppliers verified by the support centre.' })
  @IsOptional()
  @IsBoolean()
  verifiedOnly?: boolean;
  @Field(() => Int, { nullable: true, description: 'At least this many employees.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000000)
  minEmployees?: number;
  @Field(() => MinCapacityInput, { nullable: true, description: 'At least this monthly capacity (same unit).' })
  @IsOptional()
  @ValidateNested()
  @Type(() => MinCapacityInput)
  minMonthlyCapacity?: MinCapacityInput;
  @Field(() => Int, { nullable: true, description: 'Typical lead time at most this many days.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(730)
  maxLeadTimeDays?: number;
  @Field(() => Float, { nullable: true, description: 'Holds a tolerance at least this fine, in mm (their best ≤ this).' })
  @IsOptional()
  @IsNumber(finite)
  @Min(0.0001)
  @Max(100)
  toleranceMm?: number;
  @Field(() => NearInput, { nullable: true, description: 'Within a radius of a point.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => NearInput)
  near?: NearInput;
  @Field(() => NearZoneInput, { nullable: true, description: 'Within a radius of an industrial zone.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => NearZoneInput)
  nearZone?: NearZoneInput;
  @Field(() => SupplierSort, { defaultValue: SupplierSort.RELEVANCE, description: 'Order of the hits.' })
  @IsEnum(SupplierSort)
  sort: SupplierSort = SupplierSort.RELEVANCE;
  @Field(() => Int, { defaultValue: 1, description: 'Page number, from 1.' }) @IsInt() @Min(1) @Max(10000) page: number = 1;
  @Field(() => Int, { defaultValue: 20, description: 'Hits per page (1–100).' }) @IsInt() @Min(1) @Max(100) hitsPerPage: number = 20;
  @Field(() => [SupplierFacet], {
    nullable: true,
    description: 'Facets to count over all hits (each costs time: ask on the first page, not on every page).',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(7)
  @IsEnum(SupplierFacet, { each: true })
  facets?: SupplierFacet[];
  @Field(() => Language, { defaultValue: Language.vi, description: 'Language of facet labels.' }) @IsEnum(Language) lang: Language =
    Language.vi;
}
