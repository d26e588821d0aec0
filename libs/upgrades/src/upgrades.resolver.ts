import { Args, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, type MaybeActor } from '#libs/accounts';
import { UpgradePathsArgs, UpgradePathsModel } from './upgrades.models.js';
import { UpgradesService } from './upgrades.service.js';

@Resolver()
export class UpgradesResolver {
  constructor(private readonly upgrades: UpgradesService) {}

  @Query(() => UpgradePathsModel, {
    description:
      "Supplier (its members, or the centre’s STAFF and ADMIN): the smallest changes (a certification, a process, capacity, tolerance, lead time; or two together) that would make it qualify for the most open needs it may see, by the matching engine's hard requirements.",
  })
  upgradePaths(@Args() args: UpgradePathsArgs, @CurrentActor() actor: MaybeActor): Promise<UpgradePathsModel> {
    return this.upgrades.upgradePaths(actor, args);
  }
}
