import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { logger, todayInVietnam } from '#libs/core';
import { inTransaction } from '#libs/database';
import type { CandidateSpec, NeedSpec } from '#libs/matching';
import { capabilitiesInText, needSpecOf, taxonomyView } from '#libs/matchmaking';
import type { SourcingNeedEntity } from '#libs/sourcing';
import { Taxonomy, TaxonomyKind } from '#libs/taxonomy';
import { AnalyticsRepository, type CoverageDimension, type CoverageSnapshot, type SnapshotSupplierRow } from './analytics.repository.js';
import { MAX_GAP_THRESHOLD } from './analytics.inputs.js';
import { rankCoachingTargets } from './coaching-targets.js';
import { computeNeedSupply } from './supply-qualification.js';

/** Coverage code of suppliers outside every industrial zone. */
export const OUTSIDE_ZONES = 'OUTSIDE_ZONES';

export interface SnapshotReport {
  day: string;
  openNeeds: number;
  verifiedSuppliers: number;
  /** (need, supplier one change away) pairs stored for coaching targets. */
  coachingPairs: number;
  /** Ranked coaching targets stored (per capability and threshold step). */
  coachingTargets: number;
  durationMs: number;
}

/**
 * Computes, for every open need, how many verified local suppliers qualify (the matching engine's
 * hard requirements), and the verified supply per taxonomy value, and stores them as the supply
 * snapshot plus the day's history per sector. Coverage, supply gaps and localisation read the stored
 * snapshot, so they answer in milliseconds at city scale; the worker refreshes it every
 * ANALYTICS_REFRESH_MINUTES, and analysts can ask for a refresh.
 */
@Injectable()
export class SupplySnapshotService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: AnalyticsRepository,
    private readonly taxonomy: Taxonomy,
  ) {}

  /**
   * Null when another process is refreshing right now (its result will be there shortly). Reads
   * in one REPEATABLE READ transaction, computes with no transaction open (that takes seconds at city
   * scale), then replaces the snapshot in one short transaction. A session advisory lock, held on
   * its own connection, keeps two refreshes from computing at once; it dies with a crashed process.
   */
  async refresh(day: string = todayInVietnam()): Promise<SnapshotReport | null> {
    const started = Date.now();
    const lock = this.dataSource.createQueryRunner();
    await lock.connect();
    try {
      if (!(await this.repository.tryLockSnapshot(lock.manager))) return null;
      try {
        const reader = this.dataSource.createQueryRunner();
        let suppliers: CandidateSpec[];
        let needs: NeedSpec[];
        const coverage: CoverageSnapshot[] = [];
        try {
          await reader.startTransaction('REPEATABLE READ');
          suppliers = (await this.repository.snapshotSuppliers(reader.manager)).map(candidateOf);
          // read as matching reads a need; the text fills empty process or certification fields (materials are no hard requirement)
          needs = (await this.repository.openNeeds(reader.manager)).map((need) => analysedNeed(this.taxonomy, need));
          for (const dimension of COVERAGE_DIMENSIONS) {
            coverage.push({
              dimension,
              rows: await this.repository.computeCoverage(reader.manager, dimension, day, coverageRollUp(this.taxonomy, dimension)),
            });
          }
          await reader.commitTransaction();
        } finally {
          if (reader.isTransactionActive) await reader.rollbackTransaction();
          await reader.release();
        }
        // one change away: for needs under the largest gap threshold coachingTargets may be asked for
        const rows = computeNeedSupply(needs, suppliers, taxonomyView(this.taxonomy), day, { coachingBelow: MAX_GAP_THRESHOLD });
        const targets = rankCoachingTargets(rows);
        await inTransaction(this.dataSource, (manager) => this.repository.writeSnapshot(manager, rows, coverage, targets, day));
        const report = {
          day,
          openNeeds: rows.length,
          verifiedSuppliers: suppliers.length,
          coachingPairs: rows.reduce((sum, r) => sum + (r.coaching?.oneChangeAway.length ?? 0), 0),
          coachingTargets: targets.length,
          durationMs: Date.now() - started,
        };
        logger.emit('info', 'supply snapshot refreshed', { ...report }, 'Analytics');
        return report;
      } finally {
        // if this fails the connection is gone, and the lock with it
        await this.repository.unlockSnapshot(lock.manager).catch(() => undefined);
      }
    } finally {
      await lock.release();
    }
  }
}

const COVERAGE_DIMENSIONS: CoverageDimension[] = ['PROCESS', 'PRODUCT_GROUP', 'CERTIFICATION', 'ZONE', 'SECTOR'];

/** [value, code] pairs: every value of the dimension with itself and each of its ancestors ('' = outside industrial zones). */
export function coverageRollUp(taxonomy: Taxonomy, dimension: CoverageDimension): [string, string][] {
  const kind = TaxonomyKind[dimension];
  const pairs = taxonomy
    .list(kind)
    .flatMap((term) => [
      [term.code, term.code] as [string, string],
      ...taxonomy.ancestors(kind, term.code).map((a) => [term.code, a.code] as [string, string]),
    ]);
  if (kind === TaxonomyKind.ZONE) pairs.push(['', OUTSIDE_ZONES]);
  return pairs;
}

/** A need as supply analytics reads it (as matching does): the text fills empty process or certification fields. */
export function analysedNeed(taxonomy: Taxonomy, need: SourcingNeedEntity): NeedSpec {
  // materials are no hard requirement
  return needSpecOf(need, [], need.processes.length && need.certifications.length ? undefined : capabilitiesInText(taxonomy, need));
}

/** A verified supplier of the snapshot query as the engine compares it. */
export function candidateOf(row: SnapshotSupplierRow): CandidateSpec {
  return {
    id: row.id,
    name: '',
    processes: row.processes,
    materials: [],
    productGroups: [],
    certifications: row.certificates.map(([code, validFrom, validUntil]) => ({ code, validFrom, validUntil })),
    monthlyCapacity: row.capacity !== null && row.unit ? { value: row.capacity, unit: row.unit } : null,
    leadTimeDays: row.lead_time_days,
    bestToleranceMm: row.tolerance,
    location: row.latitude !== null && row.longitude !== null ? { lat: row.latitude, lng: row.longitude } : null,
    verificationStatus: 'VERIFIED',
    languages: [],
    updatedAt: '',
    textScore: null,
  };
}
