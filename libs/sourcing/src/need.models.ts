import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { PageInfo } from '#libs/core';
import { BuyerModel, GeoPointModel, QuantityModel, TaxonomyRefModel } from '#libs/companies';
import { Currency, NeedStatusEnum, NeedVisibilityEnum } from './need.enums.js';

@ObjectType('PriceRange', { description: 'Target unit price range (confidential).' })
export class PriceRangeModel {
  @Field(() => Float, { nullable: true, description: 'Lowest.' }) min: number | null;
  @Field(() => Float, { nullable: true, description: 'Highest.' }) max: number | null;
  @Field(() => Currency, { description: 'Currency.' }) currency: Currency;
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
  @Field({ description: 'Title.' }) title: string;
  @Field(() => String, { nullable: true, description: 'Description.' }) description: string | null;
  @Field(() => TaxonomyRefModel, { nullable: true, description: 'Product group.' }) productGroup: TaxonomyRefModel | null;
  @Field(() => [TaxonomyRefModel], { description: 'Required processes.' }) processes: TaxonomyRefModel[];
  @Field(() => [TaxonomyRefModel], { description: 'Materials (any of them).' }) materials: TaxonomyRefModel[];
  @Field(() => [TaxonomyRefModel], { description: 'Required certifications.' }) certifications: TaxonomyRefModel[];
  @Field(() => QuantityModel, { nullable: true, description: 'Quantity per month.' }) quantityPerMonth: QuantityModel | null;
  @Field(() => PriceRangeModel, {
    nullable: true,
    description: "Target unit price: only for the buyer's members and ADMIN, null for everyone else.",
  })
  targetPrice: PriceRangeModel | null;
  @Field(() => Float, { nullable: true, description: 'Tolerance needed, mm.' }) toleranceMm: number | null;
  @Field(() => Int, { nullable: true, description: 'Longest acceptable lead time, days.' }) maxLeadTimeDays: number | null;
  @Field(() => DeliveryModel, { description: 'Delivery plant.' }) delivery: DeliveryModel;
  @Field(() => Float, { nullable: true, description: 'Distance limit from the delivery plant, km.' }) maxDistanceKm: number | null;
  @Field(() => String, { nullable: true, description: 'Needed by.' }) neededBy: string | null;
  @Field(() => NeedStatusEnum, { description: 'Status.' }) status: NeedStatusEnum;
  @Field(() => NeedVisibilityEnum, { description: 'Visibility.' }) visibility: NeedVisibilityEnum;
  @Field(() => Int, { description: 'Version; pass it to updates.' }) version: number;
  @Field(() => Date, { nullable: true, description: 'When it was published.' }) publishedAt: Date | null;
  @Field({ description: 'Created at.' }) createdAt: Date;
  @Field({ description: 'Last changed at.' }) updatedAt: Date;
}

@ObjectType('SourcingNeedEdge', { description: 'A need in a page.' })
export class SourcingNeedEdge {
  @Field(() => SourcingNeedModel, { description: 'The need.' }) node: SourcingNeedModel;
  @Field({ description: 'Cursor.' }) cursor: string;
}

@ObjectType('SourcingNeedConnection', { description: 'A page of needs the caller may see.' })
export class SourcingNeedConnection {
  @Field(() => Int, { description: 'Needs matching the filter that the caller may see.' }) totalCount: number;
  @Field(() => [SourcingNeedEdge], { description: 'This page.' }) edges: SourcingNeedEdge[];
  @Field(() => PageInfo, { description: 'Paging.' }) pageInfo: PageInfo;
}

export { BuyerModel };
