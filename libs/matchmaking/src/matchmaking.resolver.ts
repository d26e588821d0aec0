import { Inject } from '@nestjs/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { type CallerRateLimit, ClientIp, CurrentActor, type MaybeActor } from '#libs/accounts';
import { SearchAdmission } from '#libs/search';
import { MatchNeedsArgs, MatchSuppliersArgs, NeedMatchModel, SupplierMatchResultModel } from './match.models.js';
import { MatchmakingService } from './matchmaking.service.js';

/** Injection token of the matching rate limit (a CallerRateLimit). */
export const MATCH_RATE_LIMIT = Symbol('MATCH_RATE_LIMIT');

@Resolver()
export class MatchmakingResolver {
  constructor(
    private readonly matchmaking: MatchmakingService,
    private readonly admission: SearchAdmission,
    @Inject(MATCH_RATE_LIMIT) private readonly rateLimit: CallerRateLimit,
  ) {}

  @Query(() => SupplierMatchResultModel, { description: 'Buyer: suppliers ranked for one of its needs, each criterion explained.' })
  async matchSuppliers(
    @Args() args: MatchSuppliersArgs,
    @CurrentActor() actor: MaybeActor,
    @ClientIp() ip: string,
  ): Promise<SupplierMatchResultModel> {
    return this.admission.run(async () => {
      await this.rateLimit.hit(actor, ip);
      return this.matchmaking.matchSuppliers(actor, args.needId, args.weights, args.first, args.lang);
    });
  }

  @Query(() => [NeedMatchModel], {
    description: 'Supplier: the open needs it could serve, among those it may see, each criterion explained.',
  })
  async matchNeeds(@Args() args: MatchNeedsArgs, @CurrentActor() actor: MaybeActor, @ClientIp() ip: string): Promise<NeedMatchModel[]> {
    return this.admission.run(async () => {
      await this.rateLimit.hit(actor, ip);
      return this.matchmaking.matchNeeds(actor, args.supplierId, args.first, args.lang);
    });
  }
}
