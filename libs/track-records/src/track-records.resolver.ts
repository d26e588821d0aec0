import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, type MaybeActor } from '#libs/accounts';
import { Public } from '#libs/core';
import {
  BuyerArgs,
  BuyerConsentArgs,
  BuyerTrackRecordConsentModel,
  DeliveryModel,
  DeliveryVersionArgs,
  NeedDeliveriesArgs,
  PublishTrackRecordArgs,
  RecordDeliveryInput,
  ScorecardArgs,
  SupplierScorecardModel,
  UpdateDeliveryInput,
} from './track-records.models.js';
import { TrackRecordsService } from './track-records.service.js';

@Resolver()
export class TrackRecordsResolver {
  constructor(private readonly trackRecords: TrackRecordsService) {}

  @Mutation(() => DeliveryModel, { description: 'Buyer: records a delivery against one of its AWARDED needs.' })
  recordDelivery(
    @Args('input', { description: 'The need, the days promised and delivered, the quantity and the defects.' }) input: RecordDeliveryInput,
    @CurrentActor() actor: MaybeActor,
  ): Promise<DeliveryModel> {
    return this.trackRecords.record(actor, input);
  }

  @Mutation(() => DeliveryModel, { description: 'Buyer: corrects a delivery it recorded (its version goes up; who corrected it is kept).' })
  updateDelivery(
    @Args('input', { description: 'The delivery, the version you saw, and the fields to change.' }) input: UpdateDeliveryInput,
    @CurrentActor() actor: MaybeActor,
  ): Promise<DeliveryModel> {
    return this.trackRecords.update(actor, input);
  }

  @Mutation(() => Boolean, {
    description: 'Buyer: removes a delivery recorded by mistake (it stops counting; the record of who removed it stays). Answers true.',
  })
  removeDelivery(@Args() { id, version }: DeliveryVersionArgs, @CurrentActor() actor: MaybeActor): Promise<boolean> {
    return this.trackRecords.remove(actor, id, version);
  }

  @Query(() => [DeliveryModel], {
    description: "An awarded need's deliveries, latest delivered first: for its buyer's members, the awarded supplier's members and ADMIN.",
  })
  needDeliveries(@Args() { needId }: NeedDeliveriesArgs, @CurrentActor() actor: MaybeActor): Promise<DeliveryModel[]> {
    return this.trackRecords.forNeed(actor, needId);
  }

  @Public()
  @Query(() => SupplierScorecardModel, {
    nullable: true,
    description:
      "A supplier's track record (on-time rate, defects, volume). Its members and ADMIN always see it, per buyer; anyone else gets null until the supplier publishes it, then the aggregate and only the buyers that agreed to be named.",
  })
  supplierScorecard(@Args() { supplierId }: ScorecardArgs, @CurrentActor() actor: MaybeActor): Promise<SupplierScorecardModel | null> {
    return this.trackRecords.scorecard(actor, supplierId);
  }

  @Mutation(() => SupplierScorecardModel, {
    description: "Supplier (its members only: the supplier's consent): publishes its scorecard to everyone, in aggregate, or withdraws it.",
  })
  publishTrackRecord(
    @Args() { supplierId, published }: PublishTrackRecordArgs,
    @CurrentActor() actor: MaybeActor,
  ): Promise<SupplierScorecardModel> {
    return this.trackRecords.publish(actor, supplierId, published);
  }

  @Query(() => BuyerTrackRecordConsentModel, {
    description: "Buyer (its members, or ADMIN): whether it agreed to be named in its suppliers' published scorecards.",
  })
  buyerTrackRecordConsent(@Args() { buyerId }: BuyerArgs, @CurrentActor() actor: MaybeActor): Promise<BuyerTrackRecordConsentModel> {
    return this.trackRecords.buyerConsent(actor, buyerId);
  }

  @Mutation(() => BuyerTrackRecordConsentModel, {
    description:
      "Buyer (its members only: the buyer's consent): agrees, or no longer agrees, to be named with its own figures in its suppliers' published scorecards.",
  })
  setBuyerTrackRecordConsent(
    @Args() { buyerId, named }: BuyerConsentArgs,
    @CurrentActor() actor: MaybeActor,
  ): Promise<BuyerTrackRecordConsentModel> {
    return this.trackRecords.setBuyerConsent(actor, buyerId, named);
  }
}
