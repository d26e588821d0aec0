import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, type MaybeActor } from '#libs/accounts';
import {
  AwardArgs,
  InboxArgs,
  IntroductionIdArgs,
  IntroductionModel,
  InviteSuppliersInput,
  NeedHistoryArgs,
  NeedIntroductionsArgs,
  RespondToInvitationInput,
  SourcingEventModel,
} from './introduction.models.js';
import { IntroductionsService } from './introductions.service.js';

@Resolver(() => IntroductionModel)
export class IntroductionsResolver {
  constructor(private readonly introductions: IntroductionsService) {}

  @Mutation(() => [IntroductionModel], {
    description:
      "Buyer: adds suppliers to a need's private shortlist (they are not told). Answers with the need's introductions, first invited first (at most 500).",
  })
  shortlistSuppliers(
    @Args('input', { description: 'The need and the suppliers (1–50) to put to it.' }) input: InviteSuppliersInput,
    @CurrentActor() actor: MaybeActor,
  ): Promise<IntroductionModel[]> {
    return this.introductions.shortlist(actor, input.needId, input.supplierIds);
  }

  @Mutation(() => [IntroductionModel], {
    description:
      "Buyer: invites suppliers to an OPEN need, with a message. Answers with the need's introductions, first invited first (at most 500).",
  })
  inviteSuppliers(
    @Args('input', { description: 'The need and the suppliers (1–50) to put to it.' }) input: InviteSuppliersInput,
    @CurrentActor() actor: MaybeActor,
  ): Promise<IntroductionModel[]> {
    return this.introductions.invite(actor, input);
  }

  @Mutation(() => IntroductionModel, {
    description: "Supplier: accepts or declines (with a reason) an invitation. On acceptance both sides see each other's contacts.",
  })
  respondToInvitation(
    @Args('input', { description: 'The invitation and your answer.' }) input: RespondToInvitationInput,
    @CurrentActor() actor: MaybeActor,
  ): Promise<IntroductionModel> {
    return this.introductions.respond(actor, input);
  }

  @Mutation(() => IntroductionModel, { description: 'Buyer: reveals its identity to an invited supplier of an ANONYMOUS need.' })
  revealBuyer(@Args() { introductionId }: IntroductionIdArgs, @CurrentActor() actor: MaybeActor): Promise<IntroductionModel> {
    return this.introductions.revealBuyer(actor, introductionId);
  }

  @Mutation(() => IntroductionModel, { description: 'Buyer: awards an OPEN need to a supplier that accepted (→ AWARDED).' })
  awardSourcingNeed(@Args() args: AwardArgs, @CurrentActor() actor: MaybeActor): Promise<IntroductionModel> {
    return this.introductions.award(actor, args.needId, args.supplierId, args.version);
  }

  @Query(() => [IntroductionModel], { description: "Your inbox: invitations to your suppliers, and answers to your buyers' needs." })
  inbox(@Args() { first }: InboxArgs, @CurrentActor() actor: MaybeActor): Promise<IntroductionModel[]> {
    return this.introductions.inbox(actor, first);
  }

  @Query(() => [IntroductionModel], {
    description:
      'Buyer: the suppliers shortlisted or invited to one of its needs and their answers, first invited first (at most `first`).',
  })
  needIntroductions(@Args() { needId, first }: NeedIntroductionsArgs, @CurrentActor() actor: MaybeActor): Promise<IntroductionModel[]> {
    return this.introductions.forNeed(actor, needId, first);
  }

  @Query(() => [SourcingEventModel], {
    description: 'Buyer: the latest recorded changes of one of its needs (at most `last`), oldest first, for a timeline.',
  })
  needHistory(@Args() { needId, last }: NeedHistoryArgs, @CurrentActor() actor: MaybeActor): Promise<SourcingEventModel[]> {
    return this.introductions.history(actor, needId, last);
  }
}
