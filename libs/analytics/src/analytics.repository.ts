import { readFileSync } from 'node:fs';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { SourcingNeedEntity } from '#libs/sourcing';
import type { RankedTarget } from './coaching-targets.js';
import type { NeedSupply } from './supply-qualification.js';

const SQL_FILES = [
  'coverage-compute',
  'supply-gaps-summary',
  'supply-gaps-needs',
  'supply-gaps-capabilities',
  'supply-gaps-bottlenecks',
  'certification-expiry',
  'matching-funnel',
  'localisation',
  'supplier-growth',
  'snapshot-suppliers',
  'snapshot-write',
  'snapshot-history',
  'coaching-targets',
  'coaching-targets-write',
] as const;
type SqlName = (typeof SQL_FILES)[number];

/** The analytics SQL, one commented file per query under libs/analytics/sql, read once. */
const SQL = Object.fromEntries(
  SQL_FILES.map((name) => [name, readFileSync(new URL(`../sql/${name}.sql`, import.meta.url), 'utf8')]),
) as Record<SqlName, string>;

export type CoverageDimension = 'PROCESS' | 'PRODUCT_GROUP' | 'SECTOR' | 'ZONE' | 'CERTIFICATION';

/** `unit` '' = capacity not stated. */
export interface CoverageRow {
  code: string;
  unit: string;
  suppliers: number;
  certified: number;
  capacity: number | null;
}
export interface CoverageSnapshot {
  dimension: CoverageDimension;
  rows: CoverageRow[];
}
export interface GapSummaryRow {
  open_needs: number;
  gaps: number;
  computed_at: Date | null;
}
export interface GapNeedRow {
  id: string;
  visibility: string;
  title: string | null;
  product_group: string | null;
  sectors: string[];
  requirement_processes: string[];
  requirement_certifications: string[];
  qualified_suppliers: number;
  requirement_suppliers: number;
  bottleneck_kind: string | null;
  bottleneck_code: string | null;
  bottleneck_suppliers: number | null;
  published_at: Date | null;
}
export interface GapCapabilityRow {
  requirement_processes: string[];
  requirement_certifications: string[];
  open_needs: number;
  suppliers: number;
}
export interface GapBottleneckRow {
  bottleneck_kind: string;
  bottleneck_code: string;
  open_needs: number;
  suppliers: number;
}
export interface ExpiringCertificateRow {
  supplier_id: string;
  name_vi: string;
  zone_code: string | null;
  verification_status: string;
  code: string;
  valid_until: string;
  days_left: number;
}
export interface FunnelRow {
  period: string | null;
  sector: string | null;
  needs: number;
  matched: number;
  invited: number;
  accepted: number;
  awarded: number;
  decline_reasons: Record<string, number>;
}
export interface LocalisationRow {
  month: string;
  sector: string;
  open_needs: number;
  well_supplied: number;
  has_snapshot: boolean;
  ended: number;
  awarded: number;
  awarded_domestic: number;
}
export interface GrowthRow {
  zone: string;
  month: string;
  registered: number;
  verified: number;
}
/** One capability and one of its targets (supplier_id null: a capability without targets). */
export interface CoachingTargetRow {
  code: string;
  open_needs: number;
  suppliers: number;
  supplier_id: string | null;
  needs: number | null;
  volume: { unit: string; total: number }[] | null;
  name_vi: string | null;
  zone_code: string | null;
}
export interface SnapshotSupplierRow {
  id: string;
  processes: string[];
  capacity: number | null;
  unit: string | null;
  lead_time_days: number | null;
  tolerance: number | null;
  latitude: number | null;
  longitude: number | null;
  certificates: [string, string | null, string | null][];
}
/** Named analytics queries; each method runs one file of libs/analytics/sql. Read-only except the snapshot writes. */
@Injectable()
export class AnalyticsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The coverage stored with the latest snapshot, and the day it was computed for (null before the first). */
  async coverage(dimension: CoverageDimension): Promise<{ rows: CoverageRow[]; computedOn: string | null }> {
    const rows: CoverageRow[] = await this.dataSource.query(
      `SELECT code, unit, suppliers, certified, capacity FROM supply_coverage WHERE dimension = $1`,
      [dimension],
    );
    const [meta] = await this.dataSource.query<{ day: string | null }[]>(
      `SELECT to_char(max(computed_on), 'YYYY-MM-DD') AS day FROM supply_coverage`,
    );
    return { rows, computedOn: meta?.day ?? null };
  }

  /** Runs coverage-compute.sql. `rollUp`: [value, code] pairs, every taxonomy value with itself and each of its ancestors. */
  computeCoverage(manager: EntityManager, dimension: CoverageDimension, today: string, rollUp: [string, string][]): Promise<CoverageRow[]> {
    return manager.query(SQL['coverage-compute'], [dimension, today, rollUp.map(([value]) => value), rollUp.map(([, code]) => code)]);
  }

  async gapSummary(threshold: number): Promise<GapSummaryRow> {
    const [row] = await this.dataSource.query<GapSummaryRow[]>(SQL['supply-gaps-summary'], [threshold]);
    return row;
  }

  gapNeeds(limit: number): Promise<GapNeedRow[]> {
    return this.dataSource.query(SQL['supply-gaps-needs'], [limit]);
  }

  gapCapabilities(threshold: number, limit: number): Promise<GapCapabilityRow[]> {
    return this.dataSource.query(SQL['supply-gaps-capabilities'], [threshold, limit]);
  }

  gapBottlenecks(threshold: number, limit: number): Promise<GapBottleneckRow[]> {
    return this.dataSource.query(SQL['supply-gaps-bottlenecks'], [threshold, limit]);
  }

  async expiringCertificates(
    today: string,
    withinDays: number,
    limit: number,
  ): Promise<{ certificates: ExpiringCertificateRow[]; totals: { code: string; expiring: number }[] }> {
    const [row] = await this.dataSource.query<{ certificates: ExpiringCertificateRow[]; totals: { code: string; expiring: number }[] }[]>(
      SQL['certification-expiry'],
      [today, withinDays, limit],
    );
    return row;
  }

  funnel(from: string, toExclusive: string, period: 'MONTH' | 'QUARTER' | 'ALL', bySector: boolean): Promise<FunnelRow[]> {
    return this.dataSource.query(SQL['matching-funnel'], [from, toExclusive, period, bySector]);
  }

  localisation(from: string, toExclusive: string, enough: number): Promise<LocalisationRow[]> {
    return this.dataSource.query(SQL['localisation'], [from, toExclusive, enough]);
  }

  growth(toExclusive: string): Promise<GrowthRow[]> {
    return this.dataSource.query(SQL['supplier-growth'], [toExclusive]);
  }

  snapshotSuppliers(manager: EntityManager = this.dataSource.manager): Promise<SnapshotSupplierRow[]> {
    return manager.query(SQL['snapshot-suppliers']);
  }

  coachingTargets(threshold: number, kind: 'PROCESS' | 'CERTIFICATION', first: number, perGap: number): Promise<CoachingTargetRow[]> {
    return this.dataSource.query(SQL['coaching-targets'], [threshold, kind, first, perGap]);
  }

  /** The open needs, as entities (the snapshot reads them as matching does). */
  openNeeds(manager: EntityManager): Promise<SourcingNeedEntity[]> {
    return manager.find(SourcingNeedEntity, { where: { status: 'OPEN' }, order: { id: 'ASC' } });
  }

  /** Replaces the snapshot, the day's history and the coverage; the caller holds the transaction. */
  async writeSnapshot(
    manager: EntityManager,
    rows: NeedSupply[],
    coverage: CoverageSnapshot[],
    targets: RankedTarget[],
    day: string,
  ): Promise<void> {
    const json = JSON.stringify(
      rows.map((r) => ({
        need_id: r.needId,
        qualified_suppliers: r.qualifiedSuppliers,
        requirement_processes: r.requirementProcesses,
        requirement_certifications: r.requirementCertifications,
        requirement_suppliers: r.requirementSuppliers,
        bottleneck_kind: r.bottleneck?.kind ?? null,
        bottleneck_code: r.bottleneck?.code ?? null,
        bottleneck_suppliers: r.bottleneck?.suppliers ?? null,
      })),
    );
    await manager.query(`DELETE FROM need_supply`);
    await manager.query(SQL['snapshot-write'], [json, day]);
    await manager.query(`DELETE FROM need_supply_history WHERE day = $1`, [day]);
    await manager.query(SQL['snapshot-history'], [day]);
    await manager.query(`DELETE FROM coaching_targets`);
    await manager.query(SQL['coaching-targets-write'], [
      JSON.stringify(
        targets.map((t) => ({
          kind: t.kind,
          code: t.code,
          from_threshold: t.fromThreshold,
          rank: t.rank,
          supplier_id: t.supplierId,
          needs: t.needs,
          volume: t.volume,
        })),
      ),
      day,
    ]);
    await manager.query(`DELETE FROM supply_coverage`);
    await manager.query(
      `INSERT INTO supply_coverage (dimension, code, unit, suppliers, certified, capacity, computed_on, computed_at)
       SELECT r.dimension, r.code, r.unit, r.suppliers, r.certified, r.capacity, $2::date, now()
       FROM json_to_recordset($1::json) AS r(dimension text, code text, unit text, suppliers int, certified int, capacity float8)`,
      [JSON.stringify(coverage.flatMap(({ dimension, rows: found }) => found.map((row) => ({ dimension, ...row })))), day],
    );
  }

  /** Serialises snapshot refreshes across processes (a session lock on the caller's own connection); false when another holds it. */
  async tryLockSnapshot(connection: EntityManager): Promise<boolean> {
    const [row] = await connection.query<{ locked: boolean }[]>(`SELECT pg_try_advisory_lock(hashtext('analytics:need_supply')) AS locked`);
    return row?.locked === true;
  }

  async unlockSnapshot(connection: EntityManager): Promise<void> {
    await connection.query(`SELECT pg_advisory_unlock(hashtext('analytics:need_supply'))`);
  }
}
