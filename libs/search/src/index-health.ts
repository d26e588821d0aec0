import { Injectable } from '@nestjs/common';
import { Field, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { CurrentActor, type MaybeActor, requireAdmin } from '#libs/accounts';
import { pendingBacklog, pendingSupplierIds } from '#libs/search-outbox';
import { asSearchFailure, SearchUnavailable } from './search-unavailable.js';
import { type DriftReport, IndexMaintenance, type ReplicaCheck } from './index-maintenance.js';

/** Drift ids listed per kind: a broken index can drift by the whole registry; the counts say how much. */
const DRIFT_IDS_MAX = 100;

@ObjectType('SearchReplicaHealth', {
  description: 'One search replica (a Meilisearch server of MEILI_URL): its index against PostgreSQL, and its outbox backlog.',
})
export class SearchReplicaHealthModel {
  @Field({ description: 'The replica as configured in MEILI_URL (normalised).' }) url: string;
  @Field({ description: 'True when it answered and agrees with PostgreSQL: nothing missing, extra or stale.' }) ok: boolean;
  @Field(() => String, { nullable: true, description: 'Why it could not be checked (its Meilisearch failed); null when it answered.' })
  error: string | null;
  @Field(() => Int, { nullable: true, description: 'Documents in its index; null when it did not answer.' }) indexCount: number | null;
  @Field(() => Int, { nullable: true, description: 'Suppliers in PostgreSQL, not in its index; null when it did not answer.' })
  missingCount: number | null;
  @Field(() => Int, { nullable: true, description: 'Documents in its index with no supplier in PostgreSQL; null when it did not answer.' })
  extraCount: number | null;
  @Field(() => Int, { nullable: true, description: 'Documents in its index that differ from PostgreSQL; null when it did not answer.' })
  staleCount: number | null;
  @Field(() => Int, { description: 'Suppliers with outbox entries still pending for this replica.' }) pending: number;
  @Field(() => Date, {
    nullable: true,
    description: "When this replica's oldest unprocessed outbox entry was written; null when none is waiting.",
  })
  oldestPendingAt: Date | null;
  @Field(() => Int, { description: "This replica's outbox entries that failed at least once and are still unprocessed." }) retrying: number;
}

@ObjectType('SearchIndexHealth', {
  description:
    "What `npm run index:check` reports, and the search outbox's backlog: the top-level fields cover every replica, `replicas` each one.",
})
export class SearchIndexHealthModel {
  @Field(() => Int, { description: 'Suppliers in PostgreSQL.' }) postgresCount: number;
  @Field(() => Int, { description: 'Documents in the search index (the fewest among the replicas that answered).' }) indexCount: number;
  @Field(() => Int, { description: 'Suppliers with outbox entries still pending on any replica (not drift: the worker is on them).' })
  pending: number;
  @Field(() => Date, { nullable: true, description: 'When the oldest unprocessed outbox entry was written; null when none is waiting.' })
  oldestPendingAt: Date | null;
  @Field(() => Int, { description: 'Outbox entries that failed at least once and are still unprocessed.' }) retrying: number;
  @Field(() => Int, { description: 'Suppliers in PostgreSQL, not in the index (of any replica).' }) missingCount: number;
  @Field(() => [String], { description: `Ids of missing suppliers, in id order: the first ${DRIFT_IDS_MAX} of missingCount.` })
  missing: string[];
  @Field(() => Int, { description: 'Documents in the index (of any replica) with no supplier in PostgreSQL.' }) extraCount: number;
  @Field(() => [String], { description: `Ids of extra documents, in id order: the first ${DRIFT_IDS_MAX} of extraCount.` }) extra: string[];
  @Field(() => Int, { description: 'Indexed documents (of any replica) that differ from their supplier in PostgreSQL.' })
  staleCount: number;
  @Field(() => [String], { description: `Ids of stale documents, in id order: the first ${DRIFT_IDS_MAX} of staleCount.` }) stale: string[];
  @Field({ description: 'True when every replica answered and agrees with PostgreSQL: nothing missing, extra or stale.' }) ok: boolean;
  @Field(() => [SearchReplicaHealthModel], { description: 'Each search replica, in MEILI_URL order.' })
  replicas: SearchReplicaHealthModel[];
  @Field(() => Date, { description: 'When this check ran.' }) checkedAt: Date;
}

const union = (reports: DriftReport[], kind: 'missing' | 'extra' | 'stale') => [...new Set(reports.flatMap((r) => r[kind]))].sort();

/** The console's index health: the `index:check` comparison (the same code) on every replica, and the outbox backlog. */
@Injectable()
export class IndexHealthService {
  constructor(
    private readonly maintenance: IndexMaintenance,
    private readonly dataSource: DataSource,
  ) {}

  async health(actor: MaybeActor): Promise<SearchIndexHealthModel> {
    requireAdmin(actor);
    const checks = await this.maintenance.checkReplicas();
    const reports = checks.flatMap((c) => (c.report ? [c.report] : []));
    // no replica answered: SEARCH_UNAVAILABLE (503), as for searches, not an internal error
    if (!reports.length) throw asSearchFailure(checks[0].error);
    const [missing, extra, stale] = (['missing', 'extra', 'stale'] as const).map((kind) => union(reports, kind));
    return {
      postgresCount: reports[0].postgresCount,
      indexCount: Math.min(...reports.map((r) => r.indexCount)),
      pending: (await pendingSupplierIds(this.dataSource)).size,
      ok: reports.length === checks.length && reports.every((r) => r.ok),
      missingCount: missing.length,
      missing: missing.slice(0, DRIFT_IDS_MAX),
      extraCount: extra.length,
      extra: extra.slice(0, DRIFT_IDS_MAX),
      staleCount: stale.length,
      stale: stale.slice(0, DRIFT_IDS_MAX),
      ...(await pendingBacklog(this.dataSource)),
      replicas: await Promise.all(checks.map((check) => this.replica(check))),
      checkedAt: new Date(),
    };
  }

  private async replica({ id, url, report, error }: ReplicaCheck): Promise<SearchReplicaHealthModel> {
    const failure = error === undefined ? undefined : asSearchFailure(error);
    return {
      url,
      ok: report?.ok ?? false,
      error:
        failure === undefined
          ? null
          : failure instanceof SearchUnavailable
            ? 'Meilisearch did not answer'
            : String((failure as Error).message),
      indexCount: report?.indexCount ?? null,
      missingCount: report?.missing.length ?? null,
      extraCount: report?.extra.length ?? null,
      staleCount: report?.stale.length ?? null,
      pending: report?.pending ?? (await pendingSupplierIds(this.dataSource, id)).size,
      ...(await pendingBacklog(this.dataSource, id)),
    };
  }
}

@Resolver()
export class IndexHealthResolver {
  constructor(private readonly service: IndexHealthService) {}

  @Query(() => SearchIndexHealthModel, {
    description:
      'ADMIN only: PostgreSQL against the search index of every replica (as `npm run index:check`) and the outbox backlog. Reads every supplier: seconds on a large registry.',
  })
  searchIndexHealth(@CurrentActor() actor: MaybeActor): Promise<SearchIndexHealthModel> {
    return this.service.health(actor);
  }
}
