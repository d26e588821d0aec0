import { Injectable } from '@nestjs/common';
import { Field, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { CurrentActor, type MaybeActor, requireAdmin } from '#libs/accounts';
import { pendingBacklog } from '#libs/search-outbox';
import { IndexMaintenance } from './index-maintenance.js';

@ObjectType('SearchIndexHealth', { description: "What `npm run index:check` reports, and the search outbox's backlog." })
export class SearchIndexHealthModel {
  @Field(() => Int, { description: 'Suppliers in PostgreSQL.' }) postgresCount: number;
  @Field(() => Int, { description: 'Documents in the search index.' }) indexCount: number;
  @Field(() => Int, { description: 'Suppliers with outbox entries still pending (not drift: the worker is on them).' }) pending: number;
  @Field(() => Date, { nullable: true, description: 'When the oldest unprocessed outbox entry was written; null when none is waiting.' })
  oldestPendingAt: Date | null;
  @Field(() => Int, { description: 'Outbox entries that failed at least once and are still unprocessed.' }) retrying: number;
  @Field(() => [String], { description: 'In PostgreSQL, not in the index (ids).' }) missing: string[];
  @Field(() => [String], { description: 'In the index but not in PostgreSQL (ids).' }) extra: string[];
  @Field(() => [String], { description: 'Indexed documents that differ from PostgreSQL (ids).' }) stale: string[];
  @Field({ description: 'No drift.' }) ok: boolean;
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
    return { ...report, ...(await pendingBacklog(this.dataSource)), checkedAt: new Date() };
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
