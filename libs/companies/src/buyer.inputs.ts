import { Field, ID, InputType, Int, OmitType, PartialType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEnum,
  IsInt,
  IsISO31661Alpha2,
  IsOptional,
  IsUrl,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Text } from '#libs/core';
import { VerificationStatusEnum } from './company.enums.js';
import { ContactInput, GeoPointInput } from './supplier.inputs.js';

const CODE = /^[A-Z0-9_]{1,64}$/;
const CODE_MESSAGE = 'each must be a taxonomy code (A-Z, 0-9, _)';

@InputType({ description: 'A plant of a buyer.' })
export class PlantInput {
  @Field({ description: 'Plant name.' }) @Text(200, { min: 1 }) name: string;
  @Field({ nullable: true, description: 'Industrial zone code.' })
  @IsOptional()
  @Matches(CODE, { message: 'must be a taxonomy code (A-Z, 0-9, _)' })
  zoneCode?: string;
  @Field(() => GeoPointInput, { nullable: true, description: 'Location; taken from the zone when not given (one of the two is required).' })
  @IsOptional()
  @ValidateNested()
  @Type(() => GeoPointInput)
  location?: GeoPointInput;
}

@InputType({ description: "A buyer's profile." })
export class CreateBuyerInput {
  @Field({ description: 'Tax code of the Vietnamese entity.' }) @Text(14, { min: 1 }) taxCode: string;
  @Field({ description: 'Trading name, e.g. Canon Vietnam (1–200 characters).' }) @Text(200, { min: 1 }) name: string;
  @Field({ nullable: true, description: 'Vietnamese name.' }) @IsOptional() @Text(200) nameVi?: string;
  @Field({ description: 'Country of origin (ISO 3166 alpha-2, e.g. KR, JP, TW).' })
  @IsISO31661Alpha2({ message: 'must be an ISO 3166-1 alpha-2 country code' })
  countryOfOrigin: string;
  @Field({ nullable: true, description: 'What the buyer makes and looks for (at most 5000 characters, line breaks allowed).' })
  @IsOptional()
  @Text(5000, { multiline: true })
  description?: string;
  @Field({ nullable: true, description: 'Web address (http or https).' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'must be an http(s) URL' })
  @MaxLength(300)
  website?: string;
  @Field(() => ContactInput, { nullable: true, description: 'Purchasing contact (confidential until an introduction).' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ContactInput)
  contact?: ContactInput;
  @Field(() => [String], { nullable: true, description: 'Sector codes.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @Matches(CODE, { each: true, message: CODE_MESSAGE })
  sectors?: string[];
  @Field(() => [PlantInput], { nullable: true, description: 'Its plants in the region, where parts are delivered.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PlantInput)
  plants?: PlantInput[];
  @Field(() => [String], { nullable: true, description: 'Working languages (ISO 639-1).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(/^[a-z]{2}$/, { each: true, message: 'each must be an ISO 639-1 code such as vi or ja' })
  languages?: string[];
}

@InputType({ description: 'Changes to a buyer: fields left out stay as they are; `version` is the version you edited.' })
export class UpdateBuyerInput extends PartialType(OmitType(CreateBuyerInput, ['taxCode'] as const), InputType) {
  @Field(() => ID, { description: 'The buyer to change.' }) @IsUUID('all', { message: 'must be a UUID' }) id: string;
  @Field(() => Int, { description: 'The version you edited; a stale one fails with CONFLICT.' }) @IsInt() @Min(1) version: number;
}

@InputType({ description: 'Filters of the buyers list.' })
export class BuyerFilterInput {
  @Field({ nullable: true, description: 'In this sector or one beneath it.' })
  @IsOptional()
  @Matches(CODE, { message: 'must be a taxonomy code (A-Z, 0-9, _)' })
  sector?: string;
  @Field({ nullable: true, description: 'Has a plant in this industrial zone.' })
  @IsOptional()
  @Matches(CODE, { message: 'must be a taxonomy code (A-Z, 0-9, _)' })
  zone?: string;
  @Field({ nullable: true, description: 'Buyers from this country (ISO 3166 alpha-2, e.g. JP).' })
  @IsOptional()
  @IsISO31661Alpha2({ message: 'must be an ISO 3166-1 alpha-2 country code' })
  countryOfOrigin?: string;
}

@InputType({ description: "ADMIN only: set a buyer's verification status (suppliers see the needs of VERIFIED buyers only)." })
export class SetBuyerVerificationStatusInput {
  @Field(() => ID, { description: 'Id of the buyer to set the status of.' }) @IsUUID('all', { message: 'must be a UUID' }) buyerId: string;
  @Field(() => VerificationStatusEnum, { description: 'New status.' }) @IsEnum(VerificationStatusEnum) status: VerificationStatusEnum;
  @Field(() => Int, { nullable: true, description: 'The version you looked at; when given, a stale one fails with CONFLICT.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}
