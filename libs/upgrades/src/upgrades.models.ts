import { ArgsType, Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { Language } from '#libs/core';

export enum UpgradeChangeKind {
  CERTIFICATION = 'CERTIFICATION',
  PROCESS = 'PROCESS',
  CAPACITY = 'CAPACITY',
  TOLERANCE = 'TOLERANCE',
  LEAD_TIME = 'LEAD_TIME',
}
registerEnumType(UpgradeChangeKind, {
  name: 'UpgradeChangeKind',
  description: 'What a supplier changes about itself.',
  valuesMap: {
    CERTIFICATION: { description: 'Gain a certification (`code`).' },
    PROCESS: { description: 'Add a process (`code`); a more specific or more generic process counts as the matching engine counts it.' },
    CAPACITY: { description: 'Raise monthly capacity to `value` `unit`.' },
    TOLERANCE: { description: 'Tighten the best tolerance held to `value` mm.' },
    LEAD_TIME: { description: 'Shorten the lead time to `value` days.' },
  },
});

export enum UnmetRequirementKind {
  PROCESS = 'PROCESS',
  CERTIFICATION = 'CERTIFICATION',
  CAPACITY = 'CAPACITY',
  LEAD_TIME = 'LEAD_TIME',
  TOLERANCE = 'TOLERANCE',
  DISTANCE = 'DISTANCE',
}
registerEnumType(UnmetRequirementKind, {
  name: 'UnmetRequirementKind',
  description: "A need's hard requirement the supplier does not meet (the matching engine's rules).",
  valuesMap: {
    PROCESS: { description: 'A required process.' },
    CERTIFICATION: { description: 'A required certification, valid today.' },
    CAPACITY: { description: 'The monthly quantity, in the same unit.' },
    LEAD_TIME: { description: 'The longest lead time accepted.' },
    TOLERANCE: { description: 'The tolerance needed.' },
    DISTANCE: { description: 'The farthest distance from the delivery point accepted.' },
  },
});

@ObjectType('UpgradeTerm', { description: 'A code with its label in the requested language.' })
export class UpgradeTermModel {
  @Field({ description: 'Stable code.' }) code: string;
  @Field({ description: 'Label in the requested language.' }) label: string;
}

@ObjectType('UpgradeChange', { description: 'One change to the supplier profile.' })
export class UpgradeChangeModel {
  @Field(() => UpgradeChangeKind, { description: 'Kind of change.' }) kind: UpgradeChangeKind;
  @Field(() => UpgradeTermModel, { nullable: true, description: 'The certification or process gained; null for numbers.' })
  term: UpgradeTermModel | null;
  @Field(() => Float, {
    nullable: true,
    description: 'Capacity to reach, tolerance (mm) to hold or lead time (days) to offer; null for codes.',
  })
  value: number | null;
  @Field(() => String, { nullable: true, description: 'Unit of a capacity (PCS, KG, …); null otherwise.' }) unit: string | null;
  @Field({ description: 'The change in words.' }) description: string;
}

@ObjectType('UpgradeVolume', { description: 'Total monthly quantity of needs in one unit.' })
export class UpgradeVolumeModel {
  @Field({ description: 'Unit (PCS, KG, …).' }) unit: string;
  @Field(() => Float, { description: 'Sum of the needs’ monthly quantities in this unit.' }) total: number;
}

@ObjectType('UpgradeSectorCount', { description: 'Needs of buyers in one sector.' })
export class UpgradeSectorCountModel {
  @Field(() => UpgradeTermModel, {
    description: 'The sector; UNDISCLOSED for needs whose buyer is hidden from the supplier, UNSPECIFIED for buyers without a sector.',
  })
  sector: UpgradeTermModel;
  @Field(() => Int, { description: 'Needs (a need counts under each sector of its buyer).' }) needs: number;
}

@ObjectType('StillMissing', { description: 'A hard requirement that needs helped by a path would still miss.' })
export class StillMissingModel {
  @Field(() => UnmetRequirementKind, { description: 'Kind of requirement.' }) kind: UnmetRequirementKind;
  @Field(() => UpgradeTermModel, { nullable: true, description: 'The process or certification; null for numbers.' })
  term: UpgradeTermModel | null;
  @Field(() => Int, { description: 'How many of the near-miss needs still miss it.' }) needs: number;
  @Field({ description: 'The requirement in words.' }) description: string;
}

@ObjectType('UpgradePath', { description: 'One change (or two together) and the open needs it would make the supplier qualify for.' })
export class UpgradePathModel {
  @Field(() => [UpgradeChangeModel], { description: 'The change, or the two changes of a combination.' }) changes: UpgradeChangeModel[];
  @Field(() => Int, { description: 'Open needs the supplier may see that it would newly qualify for.' }) additionalNeeds: number;
  @Field(() => [ID], { description: 'Those needs (all visible to the supplier).' }) needIds: string[];
  @Field(() => Int, {
    description: 'For a combination: of those, the needs neither change unlocks alone (equals additionalNeeds for one change).',
  })
  onlyTogether: number;
  @Field(() => [UpgradeVolumeModel], { description: 'Their total monthly quantity per unit.' }) monthlyVolume: UpgradeVolumeModel[];
  @Field(() => [UpgradeSectorCountModel], { description: "Their buyers' sectors, most needs first." })
  buyerSectors: UpgradeSectorCountModel[];
  @Field(() => Int, { description: 'Needs the change helps that would still miss something (near misses).' }) nearMisses: number;
  @Field(() => [StillMissingModel], { description: 'What the near misses would still miss, most frequent first.' })
  stillMissing: StillMissingModel[];
  @Field({ description: 'The path in words.' }) explanation: string;
}

@ObjectType('UpgradePaths', { description: 'How a supplier could qualify for more of the open needs it may see.' })
export class UpgradePathsModel {
  @Field(() => ID, { description: 'Id of the supplier whose upgrade paths these are.' }) supplierId: string;
  @Field(() => Int, { description: 'Open needs the supplier may see.' }) openNeedsSeen: number;
  @Field(() => Int, { description: 'Of those, the needs it qualifies for today.' }) qualifiedNow: number;
  @Field(() => [UpgradePathModel], { description: 'Single changes, the most needs unlocked first (then the smaller change).' })
  paths: UpgradePathModel[];
  @Field(() => [UpgradePathModel], { description: 'Two changes that together unlock needs neither unlocks alone, most such needs first.' })
  combinations: UpgradePathModel[];
}

@ArgsType()
export class UpgradePathsArgs {
  @Field(() => ID, { description: 'The supplier (you must be its member, or ADMIN).' })
  @IsUUID('all', { message: 'must be a UUID' })
  supplierId: string;
  @Field(() => Language, { defaultValue: Language.vi, description: 'Language of labels and explanations.' })
  @IsOptional()
  @IsEnum(Language)
  lang: Language = Language.vi;
  @Field(() => Int, { defaultValue: 10, description: 'How many paths and how many combinations (1–50).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(50)
  first = 10;
}
