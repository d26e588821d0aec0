import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { LocalDate, PageInfo } from '#libs/core';
import { BuyerModel, GeoPointModel, QuantityModel, TaxonomyRefModel } from '#libs/companies';
import { Currency, NeedStatusEnum, NeedVisibilityEnum } from './need.enums.js';

@ObjectType('PriceRange', { description: 'Target unit price range (confidential).' })
export class PriceRangeModel {
  @Field(() => Float, { nullable: true, description: 'Lowest acceptable unit price; null when open.' }) min: number | null;
  @Field(() => Float, { nullable: true, description: 'Highest acceptable unit price; null when open.' }) max: number | null;
  @Field(() => Currency, { description: 'Currency of min and max.' }) currency: Currency;
}

@ObjectType('Delivery', { description: 'Where the parts go.' })
export class DeliveryModel {
  @Field(() => String, { nullable: true, description: 'Plant name; null while the buyer of an ANONYMOUS need is hidden from you.' }) plant:
    string | null;
  @Field(() => GeoPointModel, {
    nullable: true,
    description: "Location; null while the buyer of an ANONYMOUS need is hidden from you (a plant's position would name it).",
  })
  location: GeoPointModel | null;
}

@ObjectType('SourcingNeed', { description: 'What a buyer wants made, and by when.' })
export class SourcingNeedModel {
  @Field(() => ID, { description: 'Stable id.' }) id: string;
  /** Kept for resolving `buyer`; not a GraphQL field (an anonymous need must not leak it). */
  buyerId: string;
  buyerVisible: boolean;
  @Field({ description: 'Short title, e.g. "Stamped SPCC brackets for printer frames".' }) title: string;
  @Field(() => String, {
    nullable: true,
    description: 'What is needed, in the words of the buyer (Vietnamese, English, Japanese or Korean).',
  })
  description: string | null;
  @Field(() => TaxonomyRefModel, { nullable: true, description: 'Product group the part belongs to; null when not given.' })
  productGroup: TaxonomyRefModel | null;
  @Field(() => [TaxonomyRefModel], { description: 'Required processes.' }) processes: TaxonomyRefModel[];
  @Field(() => [TaxonomyRefModel], { description: 'Materials (any of them).' }) materials: TaxonomyRefModel[];
  @Field(() => [TaxonomyRefModel], { description: 'Required certifications.' }) certifications: TaxonomyRefModel[];
  @Field(() => QuantityModel, { nullable: true, description: 'How much is needed per month; null when not given.' })
  quantityPerMonth: QuantityModel | null;
  @Field(() => PriceRangeModel, {
    nullable: true,
    description: "Target unit price: only for the buyer's members and ADMIN, null for everyone else.",
  })
  targetPrice: PriceRangeModel | null;
  @Field(() => Float, { nullable: true, description: 'Tolerance needed, mm.' }) toleranceMm: number | null;
  @Field(() => Int, { nullable: true, description: 'Longest acceptable lead time, days.' }) maxLeadTimeDays: number | null;
  @Field(() => DeliveryModel, { description: 'Delivery plant.' }) delivery: DeliveryModel;
  @Field(() => Float, { nullable: true, description: 'Distance limit from the delivery plant, km.' }) maxDistanceKm: number | null;
  @Field(() => LocalDate, { nullable: true, description: 'Day the parts are first needed at the plant; null when the buyer gave none.' })
  neededBy: string | null;
  @Field(() => NeedStatusEnum, { description: 'Where it is in DRAFT → OPEN → CLOSED or AWARDED.' }) status: NeedStatusEnum;
  @Field(() => NeedVisibilityEnum, { description: 'Who may see it and whether the buyer is named.' }) visibility: NeedVisibilityEnum;
  @Field(() => Int, { description: 'Version; pass it to updates.' }) version: number;
  @Field(() => Date, { nullable: true, description: 'When it was published.' }) publishedAt: Date | null;
  @Field({ description: 'When the buyer created it (as a DRAFT).' }) createdAt: Date;
  @Field({ description: 'When it last changed (any field).' }) updatedAt: Date;
}

@ObjectType('SourcingNeedEdge', { description: 'A need in a page.' })
export class SourcingNeedEdge {
  @Field(() => SourcingNeedModel, { description: 'The need.' }) node: SourcingNeedModel;
  @Field({ description: 'Opaque cursor of this need: pass it as `after` to read the needs after it.' }) cursor: string;
}

@ObjectType('SourcingNeedConnection', { description: 'A page of needs the caller may see.' })
export class SourcingNeedConnection {
  @Field(() => Int, { description: 'Needs matching the filter that the caller may see.' }) totalCount: number;
  @Field(() => [SourcingNeedEdge], { description: 'The items of this page, in list order.' }) edges: SourcingNeedEdge[];
  @Field(() => PageInfo, { description: 'Where this page sits in the list, and the cursors to read on.' }) pageInfo: PageInfo;
}

export { BuyerModel };
