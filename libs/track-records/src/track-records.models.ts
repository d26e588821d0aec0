import { ArgsType, Field, Float, ID, InputType, Int, ObjectType, OmitType, PartialType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsInt, IsNumber, IsOptional, IsPositive, IsUUID, Max, Min } from 'class-validator';
import { LocalDate } from '#libs/core';
import { QuantityUnit } from '#libs/companies';

const finite = { allowNaN: false, allowInfinity: false };
const uuid = { message: 'must be a UUID' };

@ObjectType('DeliveryRecord', {
  description: 'One delivery a buyer recorded against an awarded need: when promised and delivered, how much, how many defective.',
})
export class DeliveryModel {
  @Field(() => ID, { description: 'Stable id: pass it to updateDelivery or removeDelivery.' }) id: string;
  @Field(() => ID, { description: 'The awarded need it was delivered against.' }) needId: string;
  @Field(() => ID, { description: 'The supplier the need was awarded to.' }) supplierId: string;
  @Field({ description: "The supplier's name." }) supplierName: string;
  @Field(() => LocalDate, { description: 'The day the supplier promised it.' }) promisedOn: string;
  @Field(() => LocalDate, { description: 'The day it arrived.' }) deliveredOn: string;
  @Field({ description: 'Delivered on or before the promised day.' }) onTime: boolean;
  @Field(() => Float, { description: 'Quantity delivered, in `unit`.' }) quantity: number;
  @Field(() => QuantityUnit, { description: "The need's unit." }) unit: QuantityUnit;
  @Field(() => Float, { description: 'Defective quantity found, in `unit` (a ppm given on recording is kept as this count).' })
  defectiveQuantity: number;
  @Field(() => Float, { description: 'Defective parts per million of this delivery.' }) defectsPpm: number;
  @Field(() => Int, { description: 'Version: pass it to updateDelivery or removeDelivery; a stale one fails with CONFLICT.' })
  version: number;
  @Field(() => ID, { nullable: true, description: 'Who recorded it.' }) recordedBy: string | null;
  @Field(() => ID, { nullable: true, description: 'Who last corrected it (null when never corrected).' }) updatedBy: string | null;
  @Field({ description: 'When it was recorded.' }) recordedAt: Date;
  @Field({ description: 'When it last changed.' }) updatedAt: Date;
}

@InputType({
  description: 'A delivery against one of your awarded needs. Give the defects as a count or as ppm (not both; neither = none).',
})
export class RecordDeliveryInput {
  @Field(() => ID, { description: 'The AWARDED need (of a buyer you are a member of).' }) @IsUUID('all', uuid) needId: string;
  @Field(() => LocalDate, { description: 'The day the supplier promised it.' }) promisedOn: string;
  @Field(() => LocalDate, { description: 'The day it arrived (not in the future).' }) deliveredOn: string;
  @Field(() => Float, { description: "Quantity delivered, greater than 0, in the need's unit." })
  @IsNumber(finite)
  @IsPositive({ message: 'must be greater than 0' })
  @Max(1e12)
  quantity: number;
  @Field(() => QuantityUnit, { nullable: true, description: "Only when the need states no unit; otherwise it must be the need's." })
  @IsOptional()
  @IsEnum(QuantityUnit)
  unit?: QuantityUnit;
  @Field(() => Float, { nullable: true, description: 'Defective quantity found (0 to the quantity delivered).' })
  @IsOptional()
  @IsNumber(finite)
  @Min(0)
  @Max(1e12)
  defectiveQuantity?: number;
  @Field(() => Float, { nullable: true, description: 'Defects found, in parts per million of the quantity (0–1 000 000).' })
  @IsOptional()
  @IsNumber(finite)
  @Min(0)
  @Max(1_000_000)
  defectsPpm?: number;
}

@InputType({ description: 'A correction of a delivery; fields left out keep their value.' })
export class UpdateDeliveryInput extends PartialType(OmitType(RecordDeliveryInput, ['needId', 'unit'] as const), InputType) {
  @Field(() => ID, { description: 'The delivery.' }) @IsUUID('all', uuid) id: string;
  @Field(() => Int, { description: 'The version you saw; a stale one fails with CONFLICT.' }) @IsInt() @Min(1) version: number;
}

@ArgsType()
export class DeliveryVersionArgs {
  @Field(() => ID, { description: 'The delivery.' }) @IsUUID('all', uuid) id: string;
  @Field(() => Int, { description: 'The version you saw; a stale one fails with CONFLICT.' }) @IsInt() @Min(1) version: number;
}

@ArgsType()
export class NeedDeliveriesArgs {
  @Field(() => ID, { description: 'The awarded need (its buyer’s members, the awarded supplier’s members, or ADMIN).' })
  @IsUUID('all', uuid)
  needId: string;
}

@ArgsType()
export class ScorecardArgs {
  @Field(() => ID, { description: 'Id of the supplier whose track record this is.' }) @IsUUID('all', uuid) supplierId: string;
}

@ArgsType()
export class PublishTrackRecordArgs extends ScorecardArgs {
  @Field({ description: 'true: anyone may read the aggregate scorecard; false: only your members and the support centre.' })
  @IsBoolean()
  published: boolean;
}

@ArgsType()
export class BuyerArgs {
  @Field(() => ID, { description: 'The buyer (you must be its member).' }) @IsUUID('all', uuid) buyerId: string;
}

@ArgsType()
export class BuyerConsentArgs extends BuyerArgs {
  @Field({
    description:
      'true: your company may be named, with its own figures, in the published scorecards of the suppliers you recorded deliveries of (never for an ANONYMOUS need).',
  })
  @IsBoolean()
  named: boolean;
}

@ObjectType('DeliveredVolume', { description: 'Quantity delivered in one unit.' })
export class DeliveredVolumeModel {
  @Field(() => QuantityUnit, { description: 'The unit (quantities in different units are never added).' }) unit: QuantityUnit;
  @Field(() => Float, { description: 'Total delivered.' }) quantity: number;
  @Field(() => Int, { description: 'Deliveries it rests on.' }) deliveries: number;
}

@ObjectType('TrackRecordFigures', {
  description: 'Delivery figures; the rates are null ("not enough deliveries") when they would rest on fewer than `minimumDeliveries`.',
})
export class TrackRecordFiguresModel {
  @Field(() => Int, { description: 'How many deliveries every figure here rests on.' }) deliveries: number;
  @Field(() => Float, { nullable: true, description: 'Share delivered on or before the promised day (0–1); null: not enough deliveries.' })
  onTimeRate: number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'Defective parts per million delivered (per unit, weighted by deliveries across units); null: not enough deliveries.',
  })
  defectsPpm: number | null;
  @Field(() => [DeliveredVolumeModel], { description: 'Quantity delivered by unit (a sum, shown whatever the count).' })
  volume: DeliveredVolumeModel[];
}

@ObjectType('BuyerTrackRecord', { description: "A supplier's figures with one buyer." })
export class BuyerTrackRecordModel {
  @Field(() => ID, {
    nullable: true,
    description: 'The buyer; null: the buyers of anonymous needs not revealed to the supplier, together.',
  })
  buyerId: string | null;
  @Field(() => String, { nullable: true, description: "The buyer's name, under the same rule." }) buyerName: string | null;
  @Field(() => TrackRecordFiguresModel, { description: 'The figures of its deliveries.' }) figures: TrackRecordFiguresModel;
}

@ObjectType('SupplierScorecard', {
  description:
    "A supplier's track record from the deliveries its buyers recorded. Its members and ADMIN see it always, per buyer; others only once the supplier published it, in aggregate, with only the buyers that agreed to be named.",
})
export class SupplierScorecardModel {
  @Field(() => ID, { description: 'Id of the supplier whose track record this is.' }) supplierId: string;
  @Field({ description: 'Whether the supplier published its scorecard (its opt-in).' }) published: boolean;
  @Field(() => Int, { description: 'The fewest deliveries a rate is given on.' }) minimumDeliveries: number;
  @Field(() => TrackRecordFiguresModel, { description: 'Over every delivery.' }) overall: TrackRecordFiguresModel;
  @Field(() => [BuyerTrackRecordModel], {
    description:
      'Per buyer, most deliveries first: every buyer for ADMIN; for its members every buyer they know (the others together, buyerId null); for others only buyers that agreed to be named.',
  })
  byBuyer: BuyerTrackRecordModel[];
}

@ObjectType('BuyerTrackRecordConsent', { description: "A buyer's consent to be named in its suppliers' published scorecards." })
export class BuyerTrackRecordConsentModel {
  @Field(() => ID, { description: 'Id of the buyer that gave (or withheld) its consent.' }) buyerId: string;
  @Field({ description: 'Whether it agreed to be named.' }) named: boolean;
}
