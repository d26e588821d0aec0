import { ArgsType, Field, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsEnum, IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsLocalDate, Language, LocalDate } from '#libs/core';
import { CoachingGapKind, CoverageDimensionEnum, FunnelDimension } from './analytics.models.js';

/** The largest gap threshold a report takes (the snapshot lists suppliers one change away for needs below it). */
export const MAX_GAP_THRESHOLD = 100;

@ArgsType()
export class LanguageArgs {
  @Field(() => Language, { defaultValue: Language.vi, description: 'Language of the labels.' })
  @IsOptional()
  @IsEnum(Language)
  lang: Language = Language.vi;
}

@ArgsType()
export class CoverageArgs extends LanguageArgs {
  @Field(() => CoverageDimensionEnum, { description: 'Dimension to count by.' }) @IsEnum(CoverageDimensionEnum) by: CoverageDimensionEnum;
}

@ArgsType()
export class SupplyGapsArgs extends LanguageArgs {
  @Field(() => Int, { defaultValue: 3, description: 'A need with fewer qualified suppliers than this is a gap (1–100).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_GAP_THRESHOLD)
  threshold = 3;
  @Field(() => Int, { defaultValue: 50, description: 'How many needs, capabilities and bottlenecks to list (1–500).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(500)
  first = 50;
}

@ArgsType()
export class CertificationExpiryArgs extends LanguageArgs {
  @Field(() => Int, { description: 'Window in days after today (1–730).' }) @IsInt() @Min(1) @Max(730) withinDays: number;
  @Field(() => Int, { defaultValue: 200, description: 'How many certificates to list, soonest first (1–1000).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  first = 200;
}

@ArgsType()
export class PeriodArgs extends LanguageArgs {
  @Field(() => LocalDate, { description: 'First day of the period (Vietnam calendar).' }) @IsLocalDate() from: string;
  @Field(() => LocalDate, { description: 'Last day of the period, inclusive; at most ten years after `from`.' }) @IsLocalDate() to: string;
}

@ArgsType()
export class MatchingFunnelArgs extends PeriodArgs {
  @Field(() => [FunnelDimension], {
    defaultValue: [FunnelDimension.MONTH],
    description: 'Group by MONTH or QUARTER and/or SECTOR; [] = one row.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(3)
  @IsEnum(FunnelDimension, { each: true })
  groupBy: FunnelDimension[] = [FunnelDimension.MONTH];
}

@ArgsType()
export class LocalisationArgs extends PeriodArgs {
  @Field(() => Int, { defaultValue: 3, description: 'Qualified local suppliers a need must have to count as well supplied (1–100).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  enough = 3;
}

@ArgsType()
export class CoachingTargetsArgs extends LanguageArgs {
  @Field(() => CoachingGapKind, { defaultValue: CoachingGapKind.CERTIFICATION, description: 'Kind of blocking capability.' })
  @IsOptional()
  @IsEnum(CoachingGapKind)
  by: CoachingGapKind = CoachingGapKind.CERTIFICATION;
  @Field(() => Int, { defaultValue: 3, description: 'A need with fewer qualified suppliers than this is a gap (1–100).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_GAP_THRESHOLD)
  threshold = 3;
  @Field(() => Int, { defaultValue: 10, description: 'How many capabilities to list (1–50).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(50)
  first = 10;
  @Field(() => Int, { defaultValue: 10, description: 'How many suppliers to list per capability (1–50).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(50)
  perGap = 10;
}
