import { Args, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, type MaybeActor } from '#libs/accounts';
import { MatchNeedsArgs, MatchSuppliersArgs, NeedMatchModel, SupplierMatchResultModel } from './match.models.js';
import { MatchmakingService } from './matchmaking.service.js';

@Resolver()
export class MatchmakingResolver {
  constructor(private readonly matchmaking: MatchmakingService) {}

  @Query(() => SupplierMatchResultModel, { description: 'Buyer: suppliers ranked for one of its needs, each criterion explained.' })
  matchSuppliers(@Args() args: MatchSuppliersArgs, @CurrentActor() actor: MaybeActor): Promise<SupplierMatchResultModel> {
    return this.matchmaking.matchSuppliers(actor, args.needId, args.weights, args.first, args.lang);
  }

  @Query(() => [NeedMatchModel], { description: 'Supplier: the open needs it could serve, among those it may see, each criterion explained.' })
  matchNeeds(@Args() args: MatchNeedsArgs, @CurrentActor() actor: MaybeActor): Promise<NeedMatchModel[]> {
    return this.matchmaking.matchNeeds(actor, args.supplierId, args.first, args.lang);
  }
}
