import { Injectable } from '@nestjs/common';
import { type MaybeActor, requireAnalyst } from '#libs/accounts';
import { addDays, isIsoDate, type Language, todayInVietnam, ValidationFailed } from '#libs/core';
import { Taxonomy, TaxonomyKind } from '#libs/taxonomy';
import type {
  CertificationExpiryArgs,
  CoachingTargetsArgs,
  CoverageArgs,
  LocalisationArgs,
  MatchingFunnelArgs,
  PeriodArgs,
  SupplyGapsArgs,
} from './analytics.inputs.js';
import {
  type AnalyticsTerm,
  type CapacityTotal,
  type CertificationExpiry,
  type CoachingGap,
  type CoachingTargets,
  type CoverageRow,
  type FunnelRow,
  FunnelDimension,
  type Localisation,
  type MatchingFunnel,
  type SupplierGrowth,
  type SupplyCoverage,
  type SupplyGaps,
} from './analytics.models.js';
import { AnalyticsRepository } from './analytics.repository.js';
import { OUTSIDE_ZONES, type SnapshotReport, SupplySnapshotService } from './supply-snapshot.service.js';

export const UNSPECIFIED = 'UNSPECIFIED';
const MAX_PERIOD_DAYS = 3660;
const DAY_MS = 86_400_000;

const ZONE_OUTSIDE_LABEL: Record<string, string> = {
  vi: 'Ngoài khu công nghiệp',
  en: 'Outside industrial zones',
  ja: '工業団地外',
  ko: '산업단지 외',
};
const UNSPECIFIED_LABEL: Record<string, string> = { vi: 'Chưa xác định', en: 'Unspecified', ja: '未指定', ko: '미지정' };

function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const last = to.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    if (key > last) return months;
    months.push(key);
    month += 1;
    if (month === 13) [year, month] = [year + 1, 1];
  }
}

const share = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null);

/**
 * The support centre's analytics: aggregate figures only, for ADMIN and ANALYST. Every method checks
 * the caller first; the SQL lives in libs/analytics/sql and returns no confidential column (no
 * contact, price, private customer or buyer name).
 */
@Injectable()
export class AnalyticsService {
  constructor(
    private readonly repository: AnalyticsRepository,
    private readonly snapshots: SupplySnapshotService,
    private readonly taxonomy: Taxonomy,
  ) {}

  async supplyCoverage(actor: MaybeActor, { by, lang }: CoverageArgs): Promise<SupplyCoverage> {
    requireAnalyst(actor);
    const kind = TaxonomyKind[by];
    const stored = await this.repository.coverage(by);
    const found = new Map<string, { suppliers: number; certified: number; capacity: CapacityTotal[] }>();
    for (const row of stored.rows) {
      const entry = found.get(row.code) ?? { suppliers: 0, certified: 0, capacity: [] };
      entry.suppliers += row.suppliers;
      entry.certified += row.certified;
      if (row.capacity !== null && row.unit !== '') entry.capacity.push({ unit: row.unit, total: row.capacity });
      found.set(row.code, entry);
    }
    const rows: CoverageRow[] = this.taxonomy
      .list(kind)
      .map(
        (term) =>
          ({ term: this.term(kind, term.code, lang), parent: term.parent, depth: this.taxonomy.depth(kind, term.code) }) as CoverageRow,
      );
    if (kind === TaxonomyKind.ZONE) rows.push({ term: this.term(kind, OUTSIDE_ZONES, lang), parent: null, depth: 0 } as CoverageRow);
    for (const row of rows) {
      const entry = found.get(row.term.code);
      row.verifiedSuppliers = entry?.suppliers ?? 0;
      row.withValidCertification = entry?.certified ?? 0;
      row.monthlyCapacity = (entry?.capacity ?? []).sort((a, b) => a.unit.localeCompare(b.unit));
    }
    return { dimension: by, asOf: stored.computedOn, rows };
  }

  async supplyGaps(actor: MaybeActor, { threshold, first, lang }: SupplyGapsArgs): Promise<SupplyGaps> {
    requireAnalyst(actor);
    const [summary, needs, capabilities, bottlenecks] = await Promise.all([
      this.repository.gapSummary(threshold),
      this.repository.gapNeeds(first),
      this.repository.gapCapabilities(threshold, first),
      this.repository.gapBottlenecks(threshold, first),
    ]);
    const processes = (codes: string[]) => codes.map((code) => this.term(TaxonomyKind.PROCESS, code, lang));
    const certifications = (codes: string[]) => codes.map((code) => this.term(TaxonomyKind.CERTIFICATION, code, lang));
    const requirementKind = (kind: string) => (kind === 'PROCESS' ? TaxonomyKind.PROCESS : TaxonomyKind.CERTIFICATION);
    return {
      computedAt: summary.computed_at,
      threshold,
      openNeeds: summary.open_needs,
      gapNeeds: summary.gaps,
      needs: needs.map((n) => ({
        needId: n.id,
        title: n.title,
        visibility: n.visibility,
        productGroup: n.product_group ? this.term(TaxonomyKind.PRODUCT_GROUP, n.product_group, lang) : null,
        buyerSectors: n.sectors.map((code) => this.term(TaxonomyKind.SECTOR, code, lang)),
        processes: processes(n.requirement_processes),
        certifications: certifications(n.requirement_certifications),
        qualifiedSuppliers: n.qualified_suppliers,
        capableSuppliers: n.requirement_suppliers,
        bottleneck:
          n.bottleneck_kind && n.bottleneck_code
            ? {
                kind: n.bottleneck_kind,
                term: this.term(requirementKind(n.bottleneck_kind), n.bottleneck_code, lang),
                suppliers: n.bottleneck_suppliers ?? 0,
              }
            : null,
      })),
      capabilities: capabilities.map((c) => {
        const terms = { processes: processes(c.requirement_processes), certifications: certifications(c.requirement_certifications) };
        const label = [...terms.certifications, ...terms.processes].map((t) => t.label).join(' + ') || UNSPECIFIED_LABEL[lang];
        return { label, ...terms, openNeeds: c.open_needs, suppliers: c.suppliers };
      }),
      bottlenecks: bottlenecks.map((b) => ({
        kind: b.bottleneck_kind,
        term: this.term(requirementKind(b.bottleneck_kind), b.bottleneck_code, lang),
        openNeeds: b.open_needs,
        suppliers: b.suppliers,
      })),
    };
  }

  /**
   * For the capabilities of one kind blocking the most gap needs (the snapshot's bottlenecks, as in
   * supplyGaps), the verified suppliers for which that capability is the only unmet hard requirement
   * of gap needs (`unmetHardRequirements`'s rule: computeNeedSupply), the most needs first, then the
   * most volume, ranked with the snapshot (rankCoachingTargets) for every threshold: the query reads
   * them. The capabilities count the needs still open, as supplyGaps does; the targets are as of the
   * snapshot (a need closed since still counts for them until the next refresh).
   */
  async coachingTargets(actor: MaybeActor, { by, threshold, first, perGap, lang }: CoachingTargetsArgs): Promise<CoachingTargets> {
    requireAnalyst(actor);
    const [summary, rows] = await Promise.all([
      this.repository.gapSummary(threshold),
      this.repository.coachingTargets(threshold, by, first, perGap),
    ]);
    const kind = by === 'PROCESS' ? TaxonomyKind.PROCESS : TaxonomyKind.CERTIFICATION;
    const gaps = new Map<string, CoachingGap>();
    for (const row of rows) {
      let gap = gaps.get(row.code);
      if (!gap) {
        gap = { kind: by, term: this.term(kind, row.code, lang), openNeeds: row.open_needs, suppliers: row.suppliers, targets: [] };
        gaps.set(row.code, gap);
      }
      if (row.supplier_id)
        gap.targets.push({
          supplierId: row.supplier_id,
          supplierName: row.name_vi ?? '',
          zone: row.zone_code ? this.term(TaxonomyKind.ZONE, row.zone_code, lang) : null,
          needs: row.needs ?? 0,
          monthlyVolume: row.volume ?? [],
        });
    }
    return { computedAt: summary.computed_at, threshold, by, gaps: [...gaps.values()] };
  }

  async certificationExpiry(
    actor: MaybeActor,
    { withinDays, first, lang }: CertificationExpiryArgs,
    today = todayInVietnam(),
  ): Promise<CertificationExpiry> {
    requireAnalyst(actor);
    const { certificates, totals } = await this.repository.expiringCertificates(today, withinDays, first);
    return {
      today,
      withinDays,
      total: totals.reduce((sum, t) => sum + t.expiring, 0),
      byCertification: totals.map((t) => ({ certification: this.term(TaxonomyKind.CERTIFICATION, t.code, lang), expiring: t.expiring })),
      certificates: certificates.map((c) => ({
        supplierId: c.supplier_id,
        supplierName: c.name_vi,
        zone: c.zone_code ? this.term(TaxonomyKind.ZONE, c.zone_code, lang) : null,
        verificationStatus: c.verification_status,
        certification: this.term(TaxonomyKind.CERTIFICATION, c.code, lang),
        validUntil: c.valid_until,
        daysLeft: c.days_left,
      })),
    };
  }

  async matchingFunnel(actor: MaybeActor, args: MatchingFunnelArgs): Promise<MatchingFunnel> {
    requireAnalyst(actor);
    const toExclusive = this.period(args);
    const groupBy = new Set(args.groupBy);
    if (groupBy.has(FunnelDimension.MONTH) && groupBy.has(FunnelDimension.QUARTER))
      throw ValidationFailed.of('groupBy', 'group by MONTH or by QUARTER, not both');
    const period = groupBy.has(FunnelDimension.MONTH) ? 'MONTH' : groupBy.has(FunnelDimension.QUARTER) ? 'QUARTER' : 'ALL';
    const rows = await this.repository.funnel(args.from, toExclusive, period, groupBy.has(FunnelDimension.SECTOR));
    return {
      from: args.from,
      to: args.to,
      rows: rows.map((r): FunnelRow => ({
        period: r.period,
        sector: groupBy.has(FunnelDimension.SECTOR) ? this.term(TaxonomyKind.SECTOR, r.sector ?? UNSPECIFIED, args.lang) : null,
        needs: r.needs,
        matched: r.matched,
        invited: r.invited,
        accepted: r.accepted,
        awarded: r.awarded,
        declineReasons: Object.entries(r.decline_reasons)
          .map(([reason, count]) => ({ reason, count }))
          .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
      })),
    };
  }

  async localisation(actor: MaybeActor, args: LocalisationArgs): Promise<Localisation> {
    requireAnalyst(actor);
    const toExclusive = this.period(args);
    const rows = await this.repository.localisation(args.from, toExclusive, args.enough);
    return {
      from: args.from,
      to: args.to,
      enough: args.enough,
      rows: rows.map((r) => ({
        month: r.month,
        sector: this.term(TaxonomyKind.SECTOR, r.sector, args.lang),
        openNeeds: r.open_needs,
        wellSuppliedNeeds: r.well_supplied,
        wellSuppliedShare: r.has_snapshot ? share(r.well_supplied, r.open_needs) : null,
        endedNeeds: r.ended,
        awardedLocal: r.awarded,
        awardedLocalShare: share(r.awarded, r.ended),
        awardedDomestic: r.awarded_domestic,
      })),
    };
  }

  async supplierGrowth(actor: MaybeActor, args: PeriodArgs): Promise<SupplierGrowth> {
    requireAnalyst(actor);
    const toExclusive = this.period(args);
    const months = monthsBetween(args.from, args.to);
    const firstMonth = months[0];
    const byZone = new Map<string, Map<string, { registered: number; verified: number }>>();
    const before = new Map<string, { registered: number; verified: number }>();
    for (const row of await this.repository.growth(toExclusive)) {
      const zone = row.zone || OUTSIDE_ZONES;
      if (row.month < firstMonth) {
        const totals = before.get(zone) ?? { registered: 0, verified: 0 };
        totals.registered += row.registered;
        totals.verified += row.verified;
        before.set(zone, totals);
        continue;
      }
      if (!byZone.has(zone)) byZone.set(zone, new Map());
      const cell = byZone.get(zone)!.get(row.month) ?? { registered: 0, verified: 0 };
      cell.registered += row.registered;
      cell.verified += row.verified;
      byZone.get(zone)!.set(row.month, cell);
    }
    const zones = [...new Set([...byZone.keys(), ...before.keys()])].sort();
    const rows = zones.flatMap((zone) => {
      const running = { ...(before.get(zone) ?? { registered: 0, verified: 0 }) };
      return months.map((month) => {
        const cell = byZone.get(zone)?.get(month) ?? { registered: 0, verified: 0 };
        running.registered += cell.registered;
        running.verified += cell.verified;
        return {
          month,
          zone: this.term(TaxonomyKind.ZONE, zone, args.lang),
          ...cell,
          registeredTotal: running.registered,
          verifiedTotal: running.verified,
        };
      });
    });
    rows.sort((a, b) => a.month.localeCompare(b.month) || a.zone.code.localeCompare(b.zone.code));
    return { from: args.from, to: args.to, rows };
  }

  async refreshSupplySnapshot(actor: MaybeActor): Promise<SnapshotReport | null> {
    requireAnalyst(actor);
    return this.snapshots.refresh();
  }

  /** Checks a period and returns the day after its end (the SQL's exclusive bound). */
  private period({ from, to }: PeriodArgs): string {
    const problems: { field: string; reason: string }[] = [];
    for (const [field, value] of [
      ['from', from],
      ['to', to],
    ] as const)
      if (!isIsoDate(value)) problems.push({ field, reason: 'is not a real calendar date' });
    if (problems.length) throw new ValidationFailed(problems);
    const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS;
    if (days < 0) throw ValidationFailed.of('to', 'must not be before from');
    if (days > MAX_PERIOD_DAYS) throw ValidationFailed.of('to', 'must be at most ten years after from');
    return addDays(to, 1);
  }

  private term(kind: TaxonomyKind, code: string, lang: Language): AnalyticsTerm {
    if (kind === TaxonomyKind.ZONE && code === OUTSIDE_ZONES) return { code, label: ZONE_OUTSIDE_LABEL[lang] };
    if (code === UNSPECIFIED) return { code, label: UNSPECIFIED_LABEL[lang] };
    return { code, label: this.taxonomy.has(kind, code) ? this.taxonomy.label(kind, code, lang) : code };
  }
}
