import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentActor, type MaybeActor } from '#libs/accounts';
import { BuyerModel, BuyersService } from '#libs/companies';
import { requestLoader } from '#libs/core';
import { CreateSourcingNeedInput, NeedIdArgs, NeedVersionArgs, SourcingNeedListArgs, UpdateSourcingNeedInput } from './need.inputs.js';
import { SourcingNeedConnection, SourcingNeedModel } from './need.models.js';
import { SourcingNeedsService } from './sourcing-needs.service.js';

@Resolver(() => SourcingNeedModel)
export class SourcingNeedsResolver {
  constructor(
    private readonly needs: SourcingNeedsService,
    private readonly buyers: BuyersService,
  ) {}

  @Query(() => SourcingNeedModel, { description: 'One need, if the caller may see it (NOT_FOUND otherwise).' })
  sourcingNeed(@Args() { id }: NeedIdArgs, @CurrentActor() actor: MaybeActor): Promise<SourcingNeedModel> {
    return this.needs.get(actor, id);
  }

  @Query(() => SourcingNeedConnection, { description: 'Needs the caller may see, newest first.' })
  sourcingNeeds(@Args() args: SourcingNeedListArgs, @CurrentActor() actor: MaybeActor): Promise<SourcingNeedConnection> {
    return this.needs.list(actor, args.filter, args.first, args.after);
  }

  @Mutation(() => SourcingNeedModel, { description: 'Creates a DRAFT need for a buyer you are a member of.' })
  createSourcingNeed(
    @Args('input', { description: 'The new need, for a buyer you are a member of.' }) input: CreateSourcingNeedInput,
    @CurrentActor() actor: MaybeActor,
  ): Promise<SourcingNeedModel> {
    return this.needs.create(actor, input);
  }

  @Mutation(() => SourcingNeedModel, { description: 'Changes a DRAFT or OPEN need, at the version edited.' })
  updateSourcingNeed(
    @Args('input', { description: 'The need, the version you edited and the fields to change.' }) input: UpdateSourcingNeedInput,
    @CurrentActor() actor: MaybeActor,
  ): Promise<SourcingNeedModel> {
    return this.needs.update(actor, input);
  }

  @Mutation(() => SourcingNeedModel, { description: 'Publishes a DRAFT need (→ OPEN).' })
  publishSourcingNeed(@Args() { id, version }: NeedVersionArgs, @CurrentActor() actor: MaybeActor): Promise<SourcingNeedModel> {
    return this.needs.publish(actor, id, version);
  }

  @Mutation(() => SourcingNeedModel, { description: 'Closes a need without an award (→ CLOSED).' })
  closeSourcingNeed(@Args() { id, version }: NeedVersionArgs, @CurrentActor() actor: MaybeActor): Promise<SourcingNeedModel> {
    return this.needs.close(actor, id, version);
  }

  @ResolveField(() => BuyerModel, {
    nullable: true,
    description: 'The buyer; null for an ANONYMOUS need until the buyer reveals itself to your invited supplier.',
  })
  buyer(@Parent() need: SourcingNeedModel, @CurrentActor() actor: MaybeActor, @Context('req') request: object): Promise<BuyerModel> | null {
    if (!need.buyerVisible) return null;
    // One batched load for the whole page (the loader lives as long as the request).
    return requestLoader<string, BuyerModel>(request, 'buyer', (ids) => this.buyers.getMany(actor, ids)).load(need.buyerId);
  }
}
