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

/**
 * A need's visibility, a supplier's verification status and a decline reason named in the file's
 * language as the web app names them (the buyer's visibility choice, the directory's verification
 * badge, the supplier's decline reasons), never by their codes.
 */
type Names = Record<string, Record<ExplanationLang, string>>;
const VISIBILITY: Names = {
  PUBLIC: { vi: 'Công khai', en: 'Public', ja: '公開', ko: '공개' },
  ANONYMOUS: { vi: 'Ẩn danh', en: 'Anonymous', ja: '匿名', ko: '익명' },
  PRIVATE: { vi: 'Riêng tư', en: 'Private', ja: '非公開', ko: '비공개' },
};
const VERIFICATION: Names = {
  VERIFIED: {
    vi: 'Đã được trung tâm hỗ trợ xác minh',
    en: 'Verified by the support centre',
    ja: '支援センターによる確認済み',
    ko: '지원센터 확인 완료',
  },
  UNVERIFIED: { vi: 'Chưa xác minh', en: 'Not verified yet', ja: '未確認', ko: '미확인' },
  SUSPENDED: { vi: 'Tạm ngừng', en: 'Suspended', ja: '停止中', ko: '정지됨' },
};
const DECLINE_REASON: Names = {
  CAPACITY: { vi: 'Không đủ công suất', en: 'Not enough capacity', ja: '生産能力が足りない', ko: '생산능력 부족' },
  CERTIFICATION: { vi: 'Thiếu chứng chỉ yêu cầu', en: 'Missing a required certificate', ja: '必要な認証がない', ko: '필요한 인증 없음' },
  NOT_OUR_PROCESS: { vi: 'Không phải quy trình của chúng tôi', en: 'Not our process', ja: '当社の工程ではない', ko: '당사 공정 아님' },
  PRICE: { vi: 'Giá không phù hợp', en: 'The price does not work', ja: '価格が合わない', ko: '가격이 맞지 않음' },
  TIMING: { vi: 'Thời gian không phù hợp', en: 'The timing does not work', ja: '納期が合わない', ko: '일정이 맞지 않음' },
  OTHER: { vi: 'Lý do khác', en: 'Other', ja: 'その他', ko: '기타' },
};
/** The tables above, for the spec that holds them equal to the web app's names (test/csv-names.spec.ts). */
export const CSV_NAMES = { visibility: VISIBILITY, verification: VERIFICATION, declineReason: DECLINE_REASON };
/** The name of `code` in one of the tables above; a code the table does not know yet stays as it is. */
const named = (names: Names, code: string, lang: ExplanationLang) => names[code]?.[lang] ?? code;

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

  supplyGaps: (report: SupplyGaps, part: 'needs' | 'capabilities' | 'bottlenecks', lang: ExplanationLang) => {
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
        { header: 'visibility', value: (r) => named(VISIBILITY, r.visibility, lang) },
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

  certificationExpiry: (report: CertificationExpiry, lang: ExplanationLang) =>
    toCsv(
      [
        { header: 'supplier_id', value: (r) => r.supplierId },
        { header: 'supplier_name', value: (r) => r.supplierName },
        { header: 'zone', value: (r) => r.zone?.label },
        { header: 'verification_status', value: (r) => named(VERIFICATION, r.verificationStatus, lang) },
        { header: 'certification', value: (r) => r.certification.label },
        { header: 'valid_until', value: (r) => r.validUntil },
        { header: 'days_left', value: (r) => r.daysLeft },
      ],
      report.certificates,
    ),

  /** Decline reasons as "Giá không phù hợp: 1; Thời gian không phù hợp: 1", each count as it is. */
  matchingFunnel: (report: MatchingFunnel, lang: ExplanationLang) =>
    toCsv(
      [
        { header: 'period', value: (r) => r.period },
        { header: 'sector', value: (r) => r.sector?.label },
        { header: 'needs', value: (r) => r.needs },
        { header: 'matched', value: (r) => r.matched },
        { header: 'invited', value: (r) => r.invited },
        { header: 'accepted', value: (r) => r.accepted },
        { header: 'awarded', value: (r) => r.awarded },
        {
          header: 'decline_reasons',
          value: (r) => joined(r.declineReasons.map((d) => `${named(DECLINE_REASON, d.reason, lang)}: ${d.count}`)),
        },
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
