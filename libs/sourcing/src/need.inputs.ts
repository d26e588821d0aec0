import { ArgsType, Field, Float, ID, InputType, Int, OmitType, PartialType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEnum, IsInt, IsNumber, IsOptional, IsUUID, Matches, Max, Min, ValidateNested } from 'class-validator';
import { LocalDate, PageArgs, Text } from '#libs/core';
import { GeoPointInput, QuantityInput } from '#libs/companies';
import { Currency, NeedStatusEnum, NeedVisibilityEnum } from './need.enums.js';

const CODE = /^[A-Z0-9_]{1,64}$/;
const CODES = { each: true, message: 'each must be a taxonomy code (A-Z, 0-9, _)' };
const finite = { allowNaN: false, allowInfinity: false };

@InputType({ description: "A target unit price range: confidential, shown only to the buyer's members and ADMIN." })
export class PriceRangeInput {
  @Field(() => Float, { nullable: true, description: 'Lowest acceptable unit price.' })
  @IsOptional()
  @IsNumber(finite)
  @Min(0)
  @Max(1e12)
  min?: number;
  @Field(() => Float, { nullable: true, description: 'Highest acceptable unit price.' })
  @IsOptional()
  @IsNumber(finite)
  @Min(0)
  @Max(1e12)
  max?: number;
  @Field(() => Currency, { description: 'Currency of min and max.' }) @IsEnum(Currency) currency: Currency;
}

@InputType({ description: "Where the parts go: one of the buyer's plants (by name), a zone, or a point." })
export class DeliveryInput {
  @Field({ nullable: true, description: 'Plant name (a plant of the buyer fills in its location).' })
  @IsOptional()
  @Text(200, { min: 1 })
  plant?: string;
  @Field({ nullable: true, description: 'Industrial zone code (its coordinates are used when no location is given).' })
  @IsOptional()
  @Matches(CODE, { message: 'must be a taxonomy code (A-Z, 0-9, _)' })
  zoneCode?: string;
  @Field(() => GeoPointInput, { nullable: true, description: 'Exact location.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => GeoPointInput)
  location?: GeoPointInput;
}

@InputType({ description: "A buyer's sourcing need." })
export class CreateSourcingNeedInput {
  @Field(() => ID, { description: 'The buyer posting the need (you must be its member).' })
  @IsUUID('all', { message: 'must be a UUID' })
  buyerId: string;
  @Field({ description: 'Short title, e.g. "Stamped SPCC brackets for printer frames".' }) @Text(200, { min: 3 }) title: string;
  @Field({ nullable: true, description: 'Description in Vietnamese, English, Japanese or Korean.' })
  @IsOptional()
  @Text(5000, { multiline: true })
  description?: string;
  @Field({ nullable: true, description: 'Product group code.' })
  @IsOptional()
  @Matches(CODE, { message: 'must be a taxonomy code (A-Z, 0-9, _)' })
  productGroup?: string;
  @Field(() => [String], { nullable: true, description: 'Required process codes.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(CODE, CODES)
  processes?: string[];
  @Field(() => [String], { nullable: true, description: 'Material codes (any of them).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(CODE, CODES)
  materials?: string[];
  @Field(() => [String], { nullable: true, description: 'Required certification codes (all, valid).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @Matches(CODE, CODES)
  certifications?: string[];
  @Field(() => QuantityInput, { nullable: true, description: 'How much is needed per month.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => QuantityInput)
  quantityPerMonth?: QuantityInput;
  @Field(() => PriceRangeInput, { nullable: true, description: 'Target unit price range (confidential).' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PriceRangeInput)
  targetPrice?: PriceRangeInput;
  @Field(() => Float, { nullable: true, description: 'Tolerance needed, in mm.' })
  @IsOptional()
  @IsNumber(finite)
  @Min(0.0001)
  @Max(100)
  toleranceMm?: number;
  @Field(() => Int, { nullable: true, description: 'Longest acceptable lead time in days.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(730)
  maxLeadTimeDays?: number;
  @Field(() => DeliveryInput, { nullable: true, description: 'Delivery plant.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => DeliveryInput)
  delivery?: DeliveryInput;
  @Field(() => Float, { nullable: true, description: 'Suppliers farther than this from the delivery plant are excluded (km).' })
  @IsOptional()
  @IsNumber(finite)
  @Min(1)
  @Max(2000)
  maxDistanceKm?: number;
  @Field(() => LocalDate, {
    nullable: true,
    description: 'Day the parts are first needed at the plant (Vietnam calendar, not in the past).',
  })
  neededBy?: string;
  @Field(() => NeedVisibilityEnum, { defaultValue: NeedVisibilityEnum.PUBLIC, description: 'Who may see it.' })
  @IsEnum(NeedVisibilityEnum)
  visibility: NeedVisibilityEnum = NeedVisibilityEnum.PUBLIC;
}

@InputType({ description: 'Changes to a need (fields left out stay); `version` is the version you edited.' })
export class UpdateSourcingNeedInput extends PartialType(OmitType(CreateSourcingNeedInput, ['buyerId', 'visibility'] as const), InputType) {
  // Declared here, not inherited: PartialType keeps the create input's default (PUBLIC), so an
  // update that left visibility out turned a PRIVATE or ANONYMOUS need PUBLIC.
  @Field(() => NeedVisibilityEnum, { nullable: true, description: 'Who may see it (left out: unchanged).' })
  @IsOptional()
  @IsEnum(NeedVisibilityEnum)
  visibility?: NeedVisibilityEnum;
  @Field(() => ID, { description: 'The need.' }) @IsUUID('all', { message: 'must be a UUID' }) id: string;
  @Field(() => Int, { description: 'The version you edited.' }) @IsInt() @Min(1) version: number;
}

@ArgsType()
export class NeedVersionArgs {
  @Field(() => ID, { description: 'The need.' }) @IsUUID('all', { message: 'must be a UUID' }) id: string;
  @Field(() => Int, { description: 'The version you saw; a stale one fails with CONFLICT.' }) @IsInt() @Min(1) version: number;
}

@ArgsType()
export class NeedIdArgs {
  @Field(() => ID, { description: 'The need.' }) @IsUUID('all', { message: 'must be a UUID' }) id: string;
}

@InputType({ description: 'Filters of the needs list.' })
export class SourcingNeedFilterInput {
  @Field(() => ID, { nullable: true, description: 'Needs of this buyer.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  buyerId?: string;
  @Field(() => [NeedStatusEnum], { nullable: true, description: 'In one of these statuses.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(4)
  @IsEnum(NeedStatusEnum, { each: true })
  statuses?: NeedStatusEnum[];
  @Field({ nullable: true, description: 'Requires this process or one beneath it.' })
  @IsOptional()
  @Matches(CODE, { message: 'must be a taxonomy code (A-Z, 0-9, _)' })
  process?: string;
}

@ArgsType()
export class SourcingNeedListArgs extends PageArgs {
  @Field(() => SourcingNeedFilterInput, { nullable: true, description: 'Only needs matching all of these.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => SourcingNeedFilterInput)
  filter?: SourcingNeedFilterInput;
}
