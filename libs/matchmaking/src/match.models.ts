import { ArgsType, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsInt, IsNumber, IsOptional, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { Language } from '#libs/core';
import { SupplierModel } from '#libs/companies';
import { SourcingNeedModel } from '#libs/sourcing';

export enum RelaxedConstraint {
  maxDistance = 'maxDistance',
  tolerance = 'tolerance',
  leadTime = 'leadTime',
  certifications = 'certifications',
  processes = 'processes',
}
registerEnumType(RelaxedConstraint, {
  name: 'RelaxedConstraint',
  description: 'A hard constraint loosened because too few suppliers met all of them (in this order).',
  valuesMap: {
    maxDistance: { description: "The need's distance limit from the delivery plant." },
    tolerance: { description: 'The tolerance the need asks for.' },
    leadTime: { description: "The need's longest acceptable lead time." },
    certifications: { description: 'The required certifications (all, valid).' },
    processes: { description: 'Every required process: suppliers offering some of them are ranked too.' },
  },
});

const weight = { nullable: true, description: 'Weight (0–100; relative to the others).' } as const;
const finite = { allowNaN: false, allowInfinity: false };

@InputType({ description: 'Weight overrides; criteria left out keep their default weight.' })
export class MatchWeightsInput {
  @Field(() => Float, weight) @IsOptional() @IsNumber(finite) @Min(0) @Max(100) processes?: number;
  @Field(() => Float, weight) @IsOptional() @IsNumber(finite) @Min(0) @Max(100) materials?: number;
  @Field(() => Float, weight) @IsOptional() @IsNumber(finite) @Min(0) @Max(100) certifications?: number;
  @Field(() => Float, weight) @IsOptional() @IsNumber(finite) @Min(0) @Max(100) capacity?: number;
  @Field(() => Float, weight) @IsOptional() @IsNumber(finite) @Min(0) @Max(100) leadTime?: number;
  @Field(() => Float, weight) @IsOptional() @IsNumber(finite) @Min(0) @Max(100) tolerance?: number;
  @Field(() => Float, {
    nullable: true,
    description:
      'Weight (0–100; relative to the others) of the machine-size criterion: the press or clamping force the need\'s text asks for ("450톤 이상 사출기") against the supplier\'s largest machine. Counted and listed only for a need whose text states one.',
  })
  @IsOptional()
  @IsNumber(finite)
  @Min(0)
  @Max(100)
  machineSize?: number;
  @Field(() => Float, weight) @IsOptional() @IsNumber(finite) @Min(0) @Max(100) distance?: number;
  @Field(() => Float, weight) @IsOptional() @IsNumber(finite) @Min(0) @Max(100) text?: number;
  @Field(() => Float, weight) @IsOptional() @IsNumber(finite) @Min(0) @Max(100) verification?: number;
  @Field(() => Float, weight) @IsOptional() @IsNumber(finite) @Min(0) @Max(100) languages?: number;
  @Field(() => Float, weight) @IsOptional() @IsNumber(finite) @Min(0) @Max(100) freshness?: number;
  @Field(() => Float, {
    nullable: true,
    description:
      "Weight (0–100) of the opt-in history criterion: the supplier's decisions on similar needs (awards, acceptances, declines by reason), as counts only; counted are needs sharing a process family that are PUBLIC or the same buyer's. Default 0: not used and not listed.",
  })
  @IsOptional()
  @IsNumber(finite)
  @Min(0)
  @Max(100)
  history?: number;
  @Field(() => Float, {
    nullable: true,
    description:
      'Weight (0–100) of the opt-in track-record criterion: on-time rate and defects of the deliveries a supplier published (aggregate only; fewer than 5 deliveries, or none published, is neutral). Default 0: not used and not listed.',
  })
  @IsOptional()
  @IsNumber(finite)
  @Min(0)
  @Max(100)
  trackRecord?: number;
}

@ArgsType()
export class MatchSuppliersArgs {
  @Field(() => ID, { description: "The need (you must be its buyer's member, or ADMIN)." })
  @IsUUID('all', { message: 'must be a UUID' })
  needId: string;
  @Field(() => MatchWeightsInput, { nullable: true, description: 'Weight overrides.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => MatchWeightsInput)
  weights?: MatchWeightsInput;
  @Field(() => Int, { defaultValue: 20, description: 'How many matches (1–100).' }) @IsInt() @Min(1) @Max(100) first: number = 20;
  @Field(() => Language, {
    nullable: true,
    description: 'Language of explanations, numbers and dates in them: vi, en, ja or ko (default: your preferred language).',
  })
  @IsOptional()
  @IsEnum(Language)
  lang?: Language;
}

@ArgsType()
export class MatchNeedsArgs {
  @Field(() => ID, { description: 'The supplier (you must be its member, or ADMIN).' })
  @IsUUID('all', { message: 'must be a UUID' })
  supplierId: string;
  @Field(() => Int, { defaultValue: 20, description: 'How many needs (1–100).' }) @IsInt() @Min(1) @Max(100) first: number = 20;
  @Field(() => Language, {
    nullable: true,
    description: 'Language of explanations, numbers and dates in them: vi, en, ja or ko (default: your preferred language).',
  })
  @IsOptional()
  @IsEnum(Language)
  lang?: Language;
}

@ObjectType('MatchCriterion', { description: 'One ranking criterion: its weight, how well it is met (0–1) and why.' })
export class MatchCriterionModel {
  @Field({
    description:
      'processes, materials, certifications, capacity, leadTime, tolerance, machineSize (only when the need states a machine size), distance, text, verification, languages, freshness, or history and trackRecord (only when given a weight).',
  })
  key: string;
  @Field(() => Float, { description: 'Weight used.' }) weight: number;
  @Field(() => Float, { description: 'Score, 0–1.' }) score: number;
  @Field({ description: "Why, in the caller's language." }) explanation: string;
  @Field({
    description:
      "Whether the supplier misses a hard requirement this criterion checks (each is then listed in the match's `missing`); a low score alone is not that.",
  })
  unmet: boolean;
}

@ObjectType('SupplierMatch', { description: 'A supplier ranked for a need, with every criterion explained.' })
export class SupplierMatchModel {
  @Field(() => Int, { description: 'Rank, from 1.' }) rank: number;
  @Field(() => Float, { description: 'Weighted score, 0–1.' }) score: number;
  @Field(() => SupplierModel, { description: 'The ranked supplier (public view; contacts once introduced).' }) supplier: SupplierModel;
  @Field(() => [MatchCriterionModel], { description: 'Each criterion.' }) criteria: MatchCriterionModel[];
  @Field(() => [String], { description: 'Hard requirements not met.' }) missing: string[];
}

@ObjectType('SupplierMatchResult', { description: 'Ranked suppliers for a need.' })
export class SupplierMatchResultModel {
  @Field(() => [SupplierMatchModel], { description: 'Best first.' }) matches: SupplierMatchModel[];
  @Field(() => [RelaxedConstraint], {
    description:
      'Constraints relaxed to find enough candidates that let in a supplier listed missing them (in its `missing`): empty when none was relaxed, or when every supplier listed still meets what was.',
  })
  relaxedConstraints: RelaxedConstraint[];
  @Field(() => [String], { description: 'The same, in words.' }) relaxed: string[];
  @Field(() => Int, { description: 'Candidates retrieved and scored.' }) candidates: number;
  @Field(() => String, {
    nullable: true,
    description:
      'Why the list is empty (null when it is not): no supplier offers a process of the families asked for and no profile shares a word of the need. When the hard requirements leave fewer suppliers than asked, the best text matches are scored too, with what they miss.',
  })
  emptyReason: string | null;
}

@ObjectType('NeedMatch', { description: 'An open need a supplier could serve, with every criterion explained.' })
export class NeedMatchModel {
  @Field(() => Int, { description: 'Rank, from 1.' }) rank: number;
  @Field(() => Float, { description: 'Weighted score, 0–1.' }) score: number;
  @Field(() => SourcingNeedModel, { description: 'The open need ranked for the supplier.' }) need: SourcingNeedModel;
  @Field(() => [MatchCriterionModel], { description: 'Each criterion.' }) criteria: MatchCriterionModel[];
  @Field(() => [String], { description: 'Requirements of the need the supplier does not meet.' }) missing: string[];
}
