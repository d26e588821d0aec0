import { Injectable } from '@nestjs/common';
import { Field, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { CurrentActor, type MaybeActor, requireAdmin } from '#libs/accounts';
import { pendingBacklog } from '#libs/search-outbox';
import { IndexMaintenance } from './index-maintenance.js';

/** Drift ids listed per kind: a broken index can drift by the whole registry; the counts say how much. */
const DRIFT_IDS_MAX = 100;

@ObjectType('SearchIndexHealth', { description: "What `npm run index:check` reports, and the search outbox's backlog." })
export class SearchIndexHealthModel {
  @Field(() => Int, { description: 'Suppliers in PostgreSQL.' }) postgresCount: number;
  @Field(() => Int, { description: 'Documents in the search index.' }) indexCount: number;
  @Field(() => Int, { description: 'Suppliers with outbox entries still pending (not drift: the worker is on them).' }) pending: number;
  @Field(() => Date, { nullable: true, description: 'When the oldest unprocessed outbox entry was written; null when none is waiting.' })
  oldestPendingAt: Date | null;
  @Field(() => Int, { description: 'Outbox entries that failed at least once and are still unprocessed.' }) retrying: number;
  @Field(() => Int, { description: 'Suppliers in PostgreSQL, not in the index.' }) missingCount: number;
  @Field(() => [String], { description: `Ids of missing suppliers, in id order: the first ${DRIFT_IDS_MAX} of missingCount.` })
  missing: string[];
  @Field(() => Int, { description: 'Documents in the index with no supplier in PostgreSQL.' }) extraCount: number;
  @Field(() => [String], { description: `Ids of extra documents, in id order: the first ${DRIFT_IDS_MAX} of extraCount.` }) extra: string[];
  @Field(() => Int, { description: 'Indexed documents that differ from their supplier in PostgreSQL.' }) staleCount: number;
  @Field(() => [String], { description: `Ids of stale documents, in id order: the first ${DRIFT_IDS_MAX} of staleCount.` }) stale: string[];
  @Field({ description: 'True when PostgreSQL and the index agree: nothing missing, extra or stale.' }) ok: boolean;
  @Field(() => Date, { description: 'When this check ran.' }) checkedAt: Date;
}

/** The console's index health: the `index:check` comparison (the same code) and the outbox backlog. */
@Injectable()
export class IndexHealthService {
  constructor(
    private readonly maintenance: IndexMaintenance,
    private readonly dataSource: DataSource,
  ) {}

  async health(actor: MaybeActor): Promise<SearchIndexHealthModel> {
    requireAdmin(actor);
    const report = await this.maintenance.check();
    return {
      ...report,
      missingCount: report.missing.length,
      missing: report.missing.slice(0, DRIFT_IDS_MAX),
      extraCount: report.extra.length,
      extra: report.extra.slice(0, DRIFT_IDS_MAX),
      staleCount: report.stale.length,
      stale: report.stale.slice(0, DRIFT_IDS_MAX),
      ...(await pendingBacklog(this.dataSource)),
      checkedAt: new Date(),
    };
  }
}

@Resolver()
export class IndexHealthResolver {
  constructor(private readonly service: IndexHealthService) {}

  @Query(() => SearchIndexHealthModel, {
    description:
      'ADMIN only: PostgreSQL against the search index (as `npm run index:check`) and the outbox backlog. Reads every supplier: seconds on a large registry.',
  })
  searchIndexHealth(@CurrentActor() actor: MaybeActor): Promise<SearchIndexHealthModel> {
    return this.service.health(actor);
  }
}
