import { type ExplanationLang, phrasesFor } from '#libs/matching';
import type {
  AnalyticsTerm,
  CapacityTotal,
  CertificationExpiry,
  CoachingTargets,
  Localisation,
  MatchingFunnel,
  SupplierGrowth,
  SupplyCoverage,
  SupplyGaps,
} from './analytics.models.js';
import { joined, toCsv } from './csv.js';

const labels = (terms: AnalyticsTerm[]) => joined(terms.map((t) => t.label));
const codes = (terms: AnalyticsTerm[]) => joined(terms.map((t) => t.code));
/**
 * Monthly totals in one cell ("2500 chiếc; 200 kg"): each number as it is (no thousands separator a
 * spreadsheet of another locale would read as a decimal point), its unit named in the file's language
 * as the web app names it (the matching engine's unit names), not by its code.
 */
const totals = (list: CapacityTotal[], lang: ExplanationLang) => {
  const say = phrasesFor(lang);
  return joined(list.map((c) => `${c.total} ${say.unit(c.unit)}`));
};

/** Each analytics report as a CSV table: the same figures as the GraphQL answer, one row per row. */
export const ANALYTICS_CSV = {
  /** One row per capability and supplier to coach toward it; `lang`: the report's (its labels' and units'). */
  coachingTargets: (report: CoachingTargets, lang: ExplanationLang) =>
    toCsv(
      [
        { header: 'kind', value: (r) => r.gap.kind },
        { header: 'code', value: (r) => r.gap.term.code },
        { header: 'label', value: (r) => r.gap.term.label },
        { header: 'gap_needs', value: (r) => r.gap.openNeeds },
        { header: 'suppliers_with_it', value: (r) => r.gap.suppliers },
        { header: 'supplier_id', value: (r) => r.target.supplierId },
        { header: 'supplier_name', value: (r) => r.target.supplierName },
        { header: 'zone', value: (r) => r.target.zone?.label ?? null },
        { header: 'needs_unlocked', value: (r) => r.target.needs },
        { header: 'monthly_volume', value: (r) => totals(r.target.monthlyVolume, lang) },
      ],
      report.gaps.flatMap((gap) => gap.targets.map((target) => ({ gap, target }))),
    ),

  supplyCoverage: (report: SupplyCoverage, lang: ExplanationLang) =>
    toCsv(
      [
        { header: 'code', value: (r) => r.term.code },
        { header: 'label', value: (r) => r.term.label },
        { header: 'parent', value: (r) => r.parent },
        { header: 'depth', value: (r) => r.depth },
        { header: 'verified_suppliers', value: (r) => r.verifiedSuppliers },
        { header: 'with_valid_certification', value: (r) => r.withValidCertification },
        { header: 'monthly_capacity', value: (r) => totals(r.monthlyCapacity, lang) },
      ],
      report.rows,
    ),

  supplyGaps: (report: SupplyGaps, part: 'needs' | 'capabilities' | 'bottlenecks') => {
    if (part === 'capabilities') {
      return toCsv(
        [
          { header: 'capability', value: (r) => r.label },
          { header: 'processes', value: (r) => codes(r.processes) },
          { header: 'certifications', value: (r) => codes(r.certifications) },
          { header: 'open_needs', value: (r) => r.openNeeds },
          { header: 'suppliers', value: (r) => r.suppliers },
        ],
        report.capabilities,
      );
    }
    if (part === 'bottlenecks') {
      return toCsv(
        [
          { header: 'kind', value: (r) => r.kind },
          { header: 'code', value: (r) => r.term.code },
          { header: 'label', value: (r) => r.term.label },
          { header: 'open_needs', value: (r) => r.openNeeds },
          { header: 'suppliers', value: (r) => r.suppliers },
        ],
        report.bottlenecks,
      );
    }
    return toCsv(
      [
        { header: 'need_id', value: (r) => r.needId },
        { header: 'title', value: (r) => r.title },
        { header: 'visibility', value: (r) => r.visibility },
        { header: 'product_group', value: (r) => r.productGroup?.label },
        { header: 'buyer_sectors', value: (r) => labels(r.buyerSectors) },
        { header: 'processes', value: (r) => labels(r.processes) },
        { header: 'certifications', value: (r) => labels(r.certifications) },
        { header: 'qualified_suppliers', value: (r) => r.qualifiedSuppliers },
        { header: 'capable_suppliers', value: (r) => r.capableSuppliers },
        { header: 'bottleneck', value: (r) => r.bottleneck?.term.label },
        { header: 'bottleneck_suppliers', value: (r) => r.bottleneck?.suppliers },
      ],
      report.needs,
    );
  },

  certificationExpiry: (report: CertificationExpiry) =>
    toCsv(
      [
        { header: 'supplier_id', value: (r) => r.supplierId },
        { header: 'supplier_name', value: (r) => r.supplierName },
        { header: 'zone', value: (r) => r.zone?.label },
        { header: 'verification_status', value: (r) => r.verificationStatus },
        { header: 'certification', value: (r) => r.certification.label },
        { header: 'valid_until', value: (r) => r.validUntil },
        { header: 'days_left', value: (r) => r.daysLeft },
      ],
      report.certificates,
    ),

  matchingFunnel: (report: MatchingFunnel) =>
    toCsv(
      [
        { header: 'period', value: (r) => r.period },
        { header: 'sector', value: (r) => r.sector?.label },
        { header: 'needs', value: (r) => r.needs },
        { header: 'matched', value: (r) => r.matched },
        { header: 'invited', value: (r) => r.invited },
        { header: 'accepted', value: (r) => r.accepted },
        { header: 'awarded', value: (r) => r.awarded },
        { header: 'decline_reasons', value: (r) => joined(r.declineReasons.map((d) => `${d.reason}: ${d.count}`)) },
      ],
      report.rows,
    ),

  localisation: (report: Localisation) =>
    toCsv(
      [
        { header: 'month', value: (r) => r.month },
        { header: 'sector', value: (r) => r.sector.label },
        { header: 'open_needs', value: (r) => r.openNeeds },
        { header: 'well_supplied_needs', value: (r) => r.wellSuppliedNeeds },
        { header: 'well_supplied_share', value: (r) => r.wellSuppliedShare },
        { header: 'ended_needs', value: (r) => r.endedNeeds },
        { header: 'awarded_local', value: (r) => r.awardedLocal },
        { header: 'awarded_local_share', value: (r) => r.awardedLocalShare },
        { header: 'awarded_domestic', value: (r) => r.awardedDomestic },
      ],
      report.rows,
    ),

  supplierGrowth: (report: SupplierGrowth) =>
    toCsv(
      [
        { header: 'month', value: (r) => r.month },
        { header: 'zone', value: (r) => r.zone.label },
        { header: 'registered', value: (r) => r.registered },
        { header: 'verified', value: (r) => r.verified },
        { header: 'registered_total', value: (r) => r.registeredTotal },
        { header: 'verified_total', value: (r) => r.verifiedTotal },
      ],
      report.rows,
    ),
};
