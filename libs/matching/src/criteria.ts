import { daysBetween, isValidOn, vietnamDate } from './calendar.js';
import type { Phrases } from './explain.js';
import { bandDistance, coarsePoint, type DistanceBand, distanceBand, haversineKm } from './geo.js';
import type {
  CandidateCertification,
  CandidateSpec,
  CriterionKey,
  DeclineReason,
  GeoPoint,
  MatchContext,
  NeedSpec,
  TaxonomyView,
} from './types.js';

/** What one criterion says about one candidate: a 0..1 score, why, and the hard requirements it found unmet. */
export interface CriterionOutcome {
  score: number;
  explanation: string;
  missing: string[];
}

/** The context a rule runs in: the match context and the phrasebook its explanations are written with. */
export interface RuleContext extends MatchContext {
  say: Phrases;
}

export type CriterionRule = (need: NeedSpec, candidate: CandidateSpec, ctx: RuleContext) => CriterionOutcome;

const scored = (score: number, explanation: string, missing: string[] = []): CriterionOutcome => ({ score, explanation, missing });

function unique(codes: string[]): string[] {
  return [...new Set(codes)];
}

/** Parent, grandparent, … of a code. The visited set guards against a cycle in bad taxonomy data. */
export function ancestorsOf(taxonomy: TaxonomyView, kind: 'PROCESS' | 'MATERIAL', code: string): string[] {
  const ancestors: string[] = [];
  const seen = new Set([code]);
  for (let parent = taxonomy.parentOf(kind, code); parent !== null && !seen.has(parent); parent = taxonomy.parentOf(kind, parent)) {
    ancestors.push(parent);
    seen.add(parent);
  }
  return ancestors;
}

// ── processes ────────────────────────────────────────────────────────────────────────────────────

export type ProcessCoverage = 'exact' | 'descendant' | 'ancestor' | 'sibling' | 'none';

/**
 * A more specific process (CNC milling for a CNC machining need) nearly always does the job; a generic
 * one (machining for a CNC milling need) may; a sibling (sinker EDM for wire EDM) shares equipment and
 * skills but is not the same capability.
 */
export const PROCESS_CREDIT: Record<ProcessCoverage, number> = { exact: 1, descendant: 0.9, ancestor: 0.6, sibling: 0.4, none: 0 };

/** Below this credit a required process counts as a hard requirement not met. */
export const PROCESS_HARD_CREDIT = 0.6;

function processRelation(taxonomy: TaxonomyView, required: string, offered: string): ProcessCoverage {
  if (offered === required) return 'exact';
  if (ancestorsOf(taxonomy, 'PROCESS', offered).includes(required)) return 'descendant';
  if (ancestorsOf(taxonomy, 'PROCESS', required).includes(offered)) return 'ancestor';
  const parent = taxonomy.parentOf('PROCESS', required);
  if (parent !== null && taxonomy.parentOf('PROCESS', offered) === parent) return 'sibling';
  return 'none';
}

type Coverage = Readonly<{ coverage: ProcessCoverage; via: string | null }>;

/**
 * Coverages already found, per taxonomy view and offered list (by identity): matchNeeds scores one
 * supplier's processes against thousands of needs asking for a few dozen codes, so each is worked out
 * once per call. Weak keys: gone with the request's view and candidates.
 */
const coverages = new WeakMap<TaxonomyView, WeakMap<readonly string[], Map<string, Coverage>>>();

/** The best coverage of one required process by the offered ones; `via` is the offered code that gives it. */
export function processCoverage(taxonomy: TaxonomyView, required: string, offered: readonly string[]): Coverage {
  let byOffered = coverages.get(taxonomy);
  if (!byOffered) coverages.set(taxonomy, (byOffered = new WeakMap<readonly string[], Map<string, Coverage>>()));
  let known = byOffered.get(offered);
  if (!known) byOffered.set(offered, (known = new Map<string, Coverage>()));
  const found = known.get(required);
  if (found) return found;
  let best: Coverage = { coverage: 'none', via: null };
  // sorted so that, among equally good offered codes, the one named is always the same
  for (const code of unique([...offered]).sort()) {
    const coverage = processRelation(taxonomy, required, code);
    if (PROCESS_CREDIT[coverage] > PROCESS_CREDIT[best.coverage]) best = { coverage, via: code };
  }
  known.set(required, best);
  return best;
}

/** One entry of the processes criterion: any one of `codes` will do; `hard` ones are required. */
export interface ProcessChoice {
  codes: string[];
  hard: boolean;
}

/**
 * What the processes criterion compares. Required processes are hard single choices. The processes
 * that make a part the text names are soft choices (any one of their processes), scored beside the
 * required ones unless one of their processes is required already. Processes read only weakly from the
 * text are soft single choices when nothing is required.
 */
export function processChoices(need: NeedSpec): ProcessChoice[] {
  const required = unique(need.processes);
  const soft = [...(required.length ? [] : (need.preferredProcesses ?? []).map((c) => [c])), ...(need.preferredProcessGroups ?? [])];
  const choices = new Map<string, ProcessChoice>(required.map((c) => [c, { codes: [c], hard: true }]));
  for (const choice of soft) {
    const codes = unique(choice);
    if (!codes.length || choices.has(codes.join()) || codes.some((c) => required.includes(c))) continue;
    choices.set(codes.join(), { codes, hard: false });
  }
  return [...choices.values()];
}

const processes: CriterionRule = (need, candidate, { taxonomy, lang, say }) => {
  const choices = processChoices(need);
  if (choices.length === 0) return scored(1, say.noProcessRequired);
  const softOnly = choices.every((c) => !c.hard);
  const label = (code: string) => taxonomy.label('PROCESS', code, lang);
  const parts: string[] = [];
  const missing: string[] = [];
  let credit = 0;
  for (const choice of choices) {
    // the alternative covered best; among equals the first listed (the most typical way to make the part)
    let best = { code: choice.codes[0], ...processCoverage(taxonomy, choice.codes[0], candidate.processes) };
    for (const code of choice.codes.slice(1)) {
      const cover = processCoverage(taxonomy, code, candidate.processes);
      if (PROCESS_CREDIT[cover.coverage] > PROCESS_CREDIT[best.coverage]) best = { code, ...cover };
    }
    const { code, coverage, via } = best;
    credit += PROCESS_CREDIT[coverage];
    if (choice.hard && PROCESS_CREDIT[coverage] < PROCESS_HARD_CREDIT) missing.push(say.missingProcess(label(code)));
    const prefix = !choice.hard && !softOnly ? say.preferredOnly : '';
    if (coverage === 'exact') parts.push(prefix + say.processOffered(label(code)));
    else if (coverage === 'descendant') parts.push(prefix + say.processDescendant(label(code), label(via!)));
    else if (coverage === 'ancestor') parts.push(prefix + say.processAncestor(label(code), label(via!)));
    else if (coverage === 'sibling') parts.push(prefix + say.processSibling(label(code), label(via!)));
    else parts.push(prefix + say.processNotOffered(choice.codes.map(label).join(say.or)));
  }
  return scored(credit / choices.length, (softOnly ? say.preferredOnly : '') + parts.join('; '), missing);
};

// ── materials ────────────────────────────────────────────────────────────────────────────────────

/** Same parent (AL6061 for ADC12) or direct parent/child (aluminium for AL6061): usually workable. */
export const RELATED_MATERIAL_CREDIT = 0.7;

function materialsRelated(taxonomy: TaxonomyView, a: string, b: string): boolean {
  const parentA = taxonomy.parentOf('MATERIAL', a);
  const parentB = taxonomy.parentOf('MATERIAL', b);
  return parentA === b || parentB === a || (parentA !== null && parentA === parentB);
}

const materials: CriterionRule = (need, candidate, { taxonomy, lang, say }) => {
  const wanted = unique(need.materials);
  if (wanted.length === 0) return scored(1, say.noMaterialWanted);
  const label = (code: string) => taxonomy.label('MATERIAL', code, lang);
  const offered = unique(candidate.materials).sort();
  const exact = wanted.filter((code) => offered.includes(code));
  if (exact.length > 0) return scored(1, say.materialsOffered(exact.map(label)));
  for (const want of wanted) {
    const related = offered.find((code) => materialsRelated(taxonomy, code, want));
    if (related !== undefined) return scored(RELATED_MATERIAL_CREDIT, say.materialRelated(label(related), label(want)));
  }
  const family = familyBuyingPerOrder(taxonomy, need, candidate, wanted);
  if (family !== null) return scored(UNKNOWN_SCORE, say.materialBoughtPerOrder(wanted.map(label), taxonomy.label('PROCESS', family, lang)));
  return scored(0, say.materialsNotOffered(wanted.map(label)));
};

/**
 * The process family, asked by the need and offered by the candidate, whose shops buy the wanted
 * materials per order (a machining shop and aluminium 6061, a moulder and PA66): the shop not listing
 * the grade says nothing about whether it works it, so it is unknown (UNKNOWN_SCORE), not a gap. Null
 * when there is none (a stamper and SECC: sheet grades are a stamper's standing choice of coils and dies).
 */
function familyBuyingPerOrder(taxonomy: TaxonomyView, need: NeedSpec, candidate: CandidateSpec, wanted: string[]): string | null {
  if (!taxonomy.stockBoughtPerOrder) return null;
  const asked = processChoices(need).flatMap((choice) => choice.codes);
  const lineage = (code: string) => [code, ...ancestorsOf(taxonomy, 'PROCESS', code)];
  for (const offered of candidate.processes) {
    for (const family of lineage(offered)) {
      const families = taxonomy.stockBoughtPerOrder(family);
      if (!families.length || !asked.some((code) => lineage(code).includes(family))) continue;
      if (wanted.every((code) => [code, ...ancestorsOf(taxonomy, 'MATERIAL', code)].some((m) => families.includes(m)))) return family;
    }
  }
  return null;
}

// ── certifications ───────────────────────────────────────────────────────────────────────────────

/**
 * The status of one required certification among the certificates held. Several certificates of the
 * same code (a renewal next to the old one) resolve to the most favourable: valid, then not yet valid,
 * then the latest expired.
 */
export function certificationStatus(
  code: string,
  held: CandidateCertification[],
  today: string,
): { valid: true; until: string | null } | { valid: false; expiredOn: string | null; validFrom: string | null } {
  const sameCode = held.filter((certificate) => certificate.code === code);
  const valid = sameCode.filter((certificate) => isValidOn(certificate, today));
  if (valid.length > 0) {
    const openEnded = valid.some((certificate) => certificate.validUntil === null);
    return {
      valid: true,
      until: openEnded
        ? null
        : valid
            .map((certificate) => certificate.validUntil!)
            .sort()
            .at(-1)!,
    };
  }
  const future = sameCode
    .filter((certificate) => certificate.validFrom !== null && today < certificate.validFrom)
    .map((certificate) => certificate.validFrom!)
    .sort();
  if (future.length > 0) return { valid: false, expiredOn: null, validFrom: future[0] };
  const expired = sameCode
    .map((certificate) => certificate.validUntil)
    .filter((date): date is string => date !== null)
    .sort();
  return { valid: false, expiredOn: expired.at(-1) ?? null, validFrom: null };
}

const certifications: CriterionRule = (need, candidate, { taxonomy, lang, today, say }) => {
  const required = unique(need.certifications);
  if (required.length === 0) return scored(1, say.noCertificationRequired);
  const parts: string[] = [];
  const missing: string[] = [];
  let held = 0;
  for (const code of required) {
    const label = taxonomy.label('CERTIFICATION', code, lang);
    const status = certificationStatus(code, candidate.certifications, today);
    if (status.valid) {
      held += 1;
      parts.push(status.until === null ? say.certValidOpenEnded(label) : say.certValidUntil(label, status.until));
      continue;
    }
    const problem =
      status.validFrom !== null
        ? say.certNotYetValid(label, status.validFrom)
        : status.expiredOn !== null
          ? say.certExpired(label, status.expiredOn)
          : say.certNotHeld(label);
    parts.push(problem);
    missing.push(problem);
  }
  return scored(held / required.length, parts.join('; '), missing);
};

// ── capacity ─────────────────────────────────────────────────────────────────────────────────────

/** Neutral score when the two quantities cannot be compared: neither rewarded nor punished. */
export const UNKNOWN_SCORE = 0.5;

const capacity: CriterionRule = (need, candidate, { say }) => {
  const needed = need.quantityPerMonth;
  if (needed === null) return scored(1, say.noQuantityStated);
  const have = candidate.monthlyCapacity;
  if (have === null) return scored(UNKNOWN_SCORE, say.capacityUnknown);
  const unit = needed.unit.toUpperCase();
  if (have.unit.toUpperCase() !== unit)
    return scored(UNKNOWN_SCORE, say.capacityOtherUnit(say.unit(have.unit.toUpperCase()), say.unit(unit)));
  if (needed.value <= 0 || have.value >= needed.value) return scored(1, say.capacityCovers(have.value, say.unit(unit), needed.value));
  const shortfall = say.capacityBelow(have.value, say.unit(unit), needed.value);
  return scored(Math.max(0, have.value / needed.value), shortfall, [shortfall]);
};

// ── lead time, tolerance ─────────────────────────────────────────────────────────────────────────

const leadTime: CriterionRule = (need, candidate, { say }) => {
  const max = need.maxLeadTimeDays;
  if (max === null) return scored(1, say.noLeadTimeLimit);
  const days = candidate.leadTimeDays;
  if (days === null) return scored(UNKNOWN_SCORE, say.leadTimeUnknown);
  if (days <= max) return scored(1, say.leadTimeWithin(days, max));
  // The need states a limit: exceeding it is a requirement not met, not just a lower score.
  const over = say.leadTimeOver(days, max);
  return scored(max / days, over, [over]);
};

const tolerance: CriterionRule = (need, candidate, { say }) => {
  const needed = need.toleranceMm;
  if (needed === null) return scored(1, say.noToleranceRequired);
  const best = candidate.bestToleranceMm;
  if (best === null) return scored(UNKNOWN_SCORE, say.toleranceUnknown);
  if (best <= needed) return scored(1, say.toleranceHeld(best, needed));
  const looser = say.toleranceLooser(best, needed);
  // a shop that cannot hold the tolerance cannot make the part in spec: 1 at the tolerance, 0 at twice as loose
  return scored(clamp01(2 - best / needed), looser, [looser]);
};

// ── machine size ─────────────────────────────────────────────────────────────────────────────────

/**
 * The machine the need asks for against the supplier's largest of that kind (presses for a press force,
 * moulding and die-casting machines for a clamping force, either when the need names only "a machine").
 * Soft: a smaller machine is said, never listed as missing (the size was read from free text); a supplier
 * listing no machine size is neither rewarded nor punished. Unlike capacity (a shortfall can be sourced
 * twice), a machine too small cannot make the part at all, so below the size asked the score falls from 1
 * to 0 at half of it (300 t against 400 t asked: 0.5), leaving room for the round figures buyers write.
 */
const machineSize: CriterionRule = (need, candidate, { say }) => {
  const wanted = need.machineSize;
  if (!wanted) return scored(1, say.noMachineSize);
  const m = candidate.machines;
  const sizes = wanted.kind === 'PRESS' ? [m?.pressTonnes] : wanted.kind === 'CLAMP' ? [m?.clampTonnes] : [m?.pressTonnes, m?.clampTonnes];
  const known = sizes.filter((t): t is number => typeof t === 'number' && t > 0);
  if (!known.length) return scored(UNKNOWN_SCORE, say.machineSizeUnknown(wanted.kind));
  const have = Math.max(...known);
  if (have >= wanted.tonnes) return scored(1, say.machineSizeHeld(wanted.kind, have, wanted.tonnes));
  return scored(clamp01((2 * have) / wanted.tonnes - 1), say.machineSizeBelow(wanted.kind, have, wanted.tonnes));
};

// ── distance ─────────────────────────────────────────────────────────────────────────────────────

/** Within this distance a supplier counts as next door. */
export const FULL_SCORE_KM = 10;
/** Beyond this distance a supplier scores 0 on distance (when the need sets no smaller limit). */
export const ZERO_SCORE_KM = 100;
/** At the buyer's distance limit, still within it (the requirement is met); beyond it (unmet), 0. */
export const WITHIN_LIMIT_SCORE = 0.5;
/** A supplier without coordinates may be anywhere: below the middle, not zero. */
export const UNKNOWN_LOCATION_SCORE = 0.3;

/**
 * How far the candidate is from the need's delivery point, as matching may use it: exact, or, for a
 * hidden buyer, the band of the distance from its cell centre and the distance that band stands for.
 */
export function deliveryDistance(need: NeedSpec, location: GeoPoint): { km: number; band: DistanceBand | null } {
  if (!need.delivery) return { km: 0, band: null };
  if (!need.buyerHidden) return { km: haversineKm(need.delivery, location), band: null };
  const band = distanceBand(haversineKm(coarsePoint(need.delivery), location));
  return { km: bandDistance(band), band };
}

const distance: CriterionRule = (need, candidate, { say }) => {
  if (need.delivery === null) return scored(1, say.noDeliveryPoint);
  if (candidate.location === null) return scored(UNKNOWN_LOCATION_SCORE, say.locationUnknown);
  const { km, band } = deliveryDistance(need, candidate.location);
  const limit = need.maxDistanceKm;
  if (limit !== null && km > limit) {
    const beyond = band ? say.distanceBandBeyond(band.from, band.to, limit) : say.distanceBeyond(km, limit);
    return scored(0, beyond, [beyond]);
  }
  const explanation = band ? say.distanceBand(band.from, band.to) : say.distance(km);
  if (km <= FULL_SCORE_KM) return scored(1, explanation);
  // within the buyer's limit the requirement is met: nearer is better, down to WITHIN_LIMIT_SCORE at the limit
  if (limit !== null && limit < ZERO_SCORE_KM)
    return scored(1 - (1 - WITHIN_LIMIT_SCORE) * clamp01((km - FULL_SCORE_KM) / (limit - FULL_SCORE_KM)), explanation);
  return scored(clamp01((ZERO_SCORE_KM - km) / (ZERO_SCORE_KM - FULL_SCORE_KM)), explanation);
};

// ── soft signals ─────────────────────────────────────────────────────────────────────────────────

const text: CriterionRule = (_need, candidate, { say }) => {
  if (candidate.textScore === null) return scored(UNKNOWN_SCORE, say.textUnknown);
  const score = clamp01(candidate.textScore);
  return scored(score, score === 0 ? say.textNoMatch : say.textRelevance(score));
};

export const VERIFICATION_SCORE: Record<CandidateSpec['verificationStatus'], number> = { VERIFIED: 1, UNVERIFIED: 0.4, SUSPENDED: 0 };

const verification: CriterionRule = (_need, candidate, { say }) =>
  scored(VERIFICATION_SCORE[candidate.verificationStatus], say.verification[candidate.verificationStatus]);

export const NO_SHARED_LANGUAGE_SCORE = 0.3;

const languages: CriterionRule = (need, candidate, { say }) => {
  const normalise = (codes: string[]) => unique(codes.map((code) => code.trim().toLowerCase()).filter((code) => code !== ''));
  // who posted a hidden buyer's need must not change its scores: its languages would tell
  if (need.buyerHidden) return scored(UNKNOWN_SCORE, say.languagesHidden);
  const buyer = normalise(need.languages);
  if (buyer.length === 0) return scored(1, say.noLanguagePreference);
  const supplier = normalise(candidate.languages);
  // only the buyer's languages count: a Vietnamese-speaking supplier shares nothing with a buyer who did not list Vietnamese
  const shared = buyer.filter((code) => supplier.includes(code));
  if (shared.length > 0) return scored(1, say.languagesShared(shared.map((code) => say.languageName(code))));
  return scored(
    NO_SHARED_LANGUAGE_SCORE,
    say.noSharedLanguage(
      buyer.map((code) => say.languageName(code)),
      supplier.map((code) => say.languageName(code)),
    ),
  );
};

/** Profiles updated within this many days are fresh. */
export const FRESH_DAYS = 180;
/** After three years a profile keeps only this floor score. */
export const STALE_DAYS = 3 * 365;
export const STALE_SCORE = 0.3;

const freshness: CriterionRule = (_need, candidate, { today, say }) => {
  const updated = vietnamDate(candidate.updatedAt);
  if (updated === null) return scored(STALE_SCORE, say.updateDateUnknown);
  const age = daysBetween(updated, today);
  const score =
    age <= FRESH_DAYS ? 1 : age >= STALE_DAYS ? STALE_SCORE : 1 - ((1 - STALE_SCORE) * (age - FRESH_DAYS)) / (STALE_DAYS - FRESH_DAYS);
  return scored(score, say.updated(updated, age));
};

// ── history (opt-in) ─────────────────────────────────────────────────────────────────────────────

/**
 * What one decision on a similar need says about this one: awarded, it did such work; accepted, it
 * wanted to; declined for capacity, it may be full again; not its process, it will not do it. Price,
 * timing, certification and other reasons say little about the supplier's fit: neutral.
 */
export const DECISION_CREDIT = {
  awarded: 1,
  accepted: 0.75,
  declined: { CAPACITY: 0.25, NOT_OUR_PROCESS: 0, CERTIFICATION: 0.5, PRICE: 0.5, TIMING: 0.5, OTHER: 0.5 } as Record<
    DeclineReason,
    number
  >,
};

/** The neutral score of a supplier without decisions, also one pseudo-decision so that a single one does not decide alone. */
export const HISTORY_PRIOR = 0.5;

const history: CriterionRule = (_need, candidate, { say }) => {
  const d = candidate.decisions;
  const declined = Object.entries(d?.declined ?? {}).filter(([, n]) => n > 0) as [DeclineReason, number][];
  const total = (d?.awarded ?? 0) + (d?.accepted ?? 0) + declined.reduce((sum, [, n]) => sum + n, 0);
  if (!d || total === 0) return scored(HISTORY_PRIOR, say.historyNone);
  const credit =
    d.awarded * DECISION_CREDIT.awarded +
    d.accepted * DECISION_CREDIT.accepted +
    declined.reduce((sum, [reason, n]) => sum + n * DECISION_CREDIT.declined[reason], 0);
  // a fixed order, so the same counts always read the same
  const order: DeclineReason[] = ['NOT_OUR_PROCESS', 'CAPACITY', 'CERTIFICATION', 'PRICE', 'TIMING', 'OTHER'];
  const parts = [
    ...(d.awarded ? [say.historyAwarded(d.awarded)] : []),
    ...(d.accepted ? [say.historyAccepted(d.accepted)] : []),
    ...order.filter((r) => (d.declined[r] ?? 0) > 0).map((r) => say.historyDeclined(d.declined[r]!, say.declineReason[r])),
  ];
  return scored((credit + HISTORY_PRIOR) / (total + 1), say.historyOn(total, parts));
};

// ── track record (opt-in) ────────────────────────────────────────────────────────────────────────

/** Fewer published deliveries than this: not scored (neutral), and the explanation says so. */
export const TRACK_RECORD_MIN_DELIVERIES = 5;
/** Defects at or under this many ppm earn full quality credit; at or over TRACK_RECORD_PPM_ZERO none (log scale between). */
export const TRACK_RECORD_PPM_FULL = 50;
export const TRACK_RECORD_PPM_ZERO = 10_000;
/** The neutral score: no published record, or too few deliveries to judge. */
export const TRACK_RECORD_NEUTRAL = 0.5;

/**
 * Quality credit of a defect rate: 1 at ≤ 50 ppm (automotive's "excellent"), 0 at ≥ 1 % (10 000 ppm),
 * on a log scale between, since 100 → 1 000 ppm is as real a step as 1 000 → 10 000.
 */
export function qualityCredit(ppm: number): number {
  if (ppm <= TRACK_RECORD_PPM_FULL) return 1;
  if (ppm >= TRACK_RECORD_PPM_ZERO) return 0;
  return 1 - Math.log10(ppm / TRACK_RECORD_PPM_FULL) / Math.log10(TRACK_RECORD_PPM_ZERO / TRACK_RECORD_PPM_FULL);
}

/** Half on-time rate, half quality credit; neutral without a published record of at least five deliveries. */
const trackRecord: CriterionRule = (_need, candidate, { say }) => {
  const r = candidate.trackRecord;
  if (!r || r.deliveries === 0) return scored(TRACK_RECORD_NEUTRAL, say.trackRecordNone);
  if (r.deliveries < TRACK_RECORD_MIN_DELIVERIES || r.onTimeRate === null || r.defectsPpm === null)
    return scored(TRACK_RECORD_NEUTRAL, say.trackRecordTooFew(r.deliveries, TRACK_RECORD_MIN_DELIVERIES));
  return scored(
    0.5 * r.onTimeRate + 0.5 * qualityCredit(r.defectsPpm),
    say.trackRecordScored(r.deliveries, r.onTimeRate * 100, r.defectsPpm),
  );
};

// ── table ────────────────────────────────────────────────────────────────────────────────────────

export const CRITERIA: Record<CriterionKey, CriterionRule> = {
  processes,
  materials,
  certifications,
  capacity,
  leadTime,
  tolerance,
  machineSize,
  distance,
  text,
  verification,
  languages,
  freshness,
  history,
  trackRecord,
};

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}
