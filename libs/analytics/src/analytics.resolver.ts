import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, type MaybeActor } from '#libs/accounts';
import {
  CertificationExpiryArgs,
  CoachingTargetsArgs,
  CoverageArgs,
  LocalisationArgs,
  MatchingFunnelArgs,
  PeriodArgs,
  SupplyGapsArgs,
} from './analytics.inputs.js';
import {
  CertificationExpiry,
  CoachingTargets,
  Localisation,
  MatchingFunnel,
  SupplierGrowth,
  SupplyCoverage,
  SupplyGaps,
  SupplySnapshotReport,
} from './analytics.models.js';
import { AnalyticsService } from './analytics.service.js';

const STAFF = 'ADMIN and ANALYST only; also as CSV at GET /analytics/';

@Resolver()
export class AnalyticsResolver {
  constructor(private readonly analytics: AnalyticsService) {}

  @Query(() => SupplyCoverage, {
    description: `Verified suppliers, valid certifications and monthly capacity per process, product group, certification, zone or sector. ${STAFF}supply-coverage.csv`,
  })
  supplyCoverage(@Args() args: CoverageArgs, @CurrentActor() actor: MaybeActor): Promise<SupplyCoverage> {
    return this.analytics.supplyCoverage(actor, args);
  }

  @Query(() => SupplyGaps, {
    description: `Open needs ranked by how few qualified local suppliers they have, and the capabilities that block the most needs. ${STAFF}supply-gaps.csv?part=needs|capabilities|bottlenecks`,
  })
  supplyGaps(@Args() args: SupplyGapsArgs, @CurrentActor() actor: MaybeActor): Promise<SupplyGaps> {
    return this.analytics.supplyGaps(actor, args);
  }

  @Query(() => CoachingTargets, {
    description: `For the processes or certifications blocking the most gap needs (as in supplyGaps), the verified suppliers whose only missing hard requirement for those needs is that capability, ranked by the needs and volume they would unlock. ${STAFF}coaching-targets.csv`,
  })
  coachingTargets(@Args() args: CoachingTargetsArgs, @CurrentActor() actor: MaybeActor): Promise<CoachingTargets> {
    return this.analytics.coachingTargets(actor, args);
  }

  @Query(() => CertificationExpiry, {
    description: `Certificates lapsing within the window without a renewal on record, for outreach. ${STAFF}certification-expiry.csv`,
  })
  certificationExpiry(@Args() args: CertificationExpiryArgs, @CurrentActor() actor: MaybeActor): Promise<CertificationExpiry> {
    return this.analytics.certificationExpiry(actor, args);
  }

  @Query(() => MatchingFunnel, {
    description: `Needs published in the period → matched → invited → accepted → awarded, with decline reasons. ${STAFF}matching-funnel.csv`,
  })
  matchingFunnel(@Args() args: MatchingFunnelArgs, @CurrentActor() actor: MaybeActor): Promise<MatchingFunnel> {
    return this.analytics.matchingFunnel(actor, args);
  }

  @Query(() => Localisation, {
    description: `Per month and buyer sector: share of open needs with enough qualified local suppliers, share awarded locally. ${STAFF}localisation.csv`,
  })
  localisation(@Args() args: LocalisationArgs, @CurrentActor() actor: MaybeActor): Promise<Localisation> {
    return this.analytics.localisation(actor, args);
  }

  @Query(() => SupplierGrowth, { description: `Suppliers registered and verified per month and zone. ${STAFF}supplier-growth.csv` })
  supplierGrowth(@Args() args: PeriodArgs, @CurrentActor() actor: MaybeActor): Promise<SupplierGrowth> {
    return this.analytics.supplierGrowth(actor, args);
  }

  @Mutation(() => SupplySnapshotReport, {
    nullable: true,
    description:
      'Recomputes the supply snapshot behind supplyGaps and localisation now (the worker does it every ANALYTICS_REFRESH_MINUTES); null when a refresh is already running. ADMIN and ANALYST only.',
  })
  refreshSupplySnapshot(@CurrentActor() actor: MaybeActor): Promise<SupplySnapshotReport | null> {
    return this.analytics.refreshSupplySnapshot(actor);
  }
}
