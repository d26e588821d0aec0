import { isIsoDate } from './calendar.js';
import { CRITERIA, type CriterionOutcome, type RuleContext } from './criteria.js';
import { phrasesFor, QUIET_PHRASES } from './explain.js';
import {
  CANDIDATE_ONLY_CRITERIA,
  CRITERION_KEYS,
  type CriterionKey,
  OPT_IN_CRITERIA,
  CONDITIONAL_CRITERIA,
  type CandidateSpec,
  type CriterionResult,
  type MatchContext,
  type NeedSpec,
  type RankedMatch,
  type ScoredMatch,
  type Weights,
} from './types.js';
import { assertValidWeights } from './weights.js';

/** Scores are rounded so that equal-looking scores are equal, which keeps ties (and their order) stable. */
function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

function assertValidContext(ctx: MatchContext): void {
  assertValidWeights(ctx.weights);
  if (!isIsoDate(ctx.today)) throw new Error(`Invalid matching context: today must be a YYYY-MM-DD date, got "${ctx.today}"`);
}

/** A criterion's score as a match lists it: clamped to 0..1 and rounded. */
function criterionScore(outcome: CriterionOutcome): number {
  return round4(Math.min(1, Math.max(0, outcome.score)));
}

/** Whether a match of this need lists the criterion (it counts when its weight is above 0). */
function listed(need: NeedSpec, key: CriterionKey, weights: Weights): boolean {
  if (weights[key] === 0 && OPT_IN_CRITERIA.includes(key)) return false;
  return !CONDITIONAL_CRITERIA.includes(key) || states(need, key);
}

/** `known`: outcomes already worked out for this candidate (CANDIDATE_ONLY_CRITERIA), used as they are. */
function score(
  need: NeedSpec,
  candidate: CandidateSpec,
  ctx: RuleContext,
  known?: ReadonlyMap<CriterionKey, CriterionOutcome>,
): ScoredMatch {
  const criteria: CriterionResult[] = [];
  const missing: string[] = [];
  let weighted = 0;
  let totalWeight = 0;
  for (const key of CRITERION_KEYS) {
    if (!listed(need, key, ctx.weights)) continue;
    const outcome = known?.get(key) ?? CRITERIA[key](need, candidate, ctx);
    const weight = ctx.weights[key];
    const rounded = criterionScore(outcome);
    criteria.push({ key, weight, score: rounded, explanation: outcome.explanation, unmet: outcome.missing.length > 0 });
    // hard requirements are reported whatever their criterion's weight: a weight changes the order, not the facts
    missing.push(...outcome.missing);
    if (weight > 0) {
      // from the rounded criterion scores, so a reader can recompute the total from what is shown
      weighted += weight * rounded;
      totalWeight += weight;
    }
  }
  return { candidateId: candidate.id, score: round4(weighted / totalWeight), criteria, missing };
}

/** Whether the need states what a conditional criterion compares. */
function states(need: NeedSpec, key: CriterionKey): boolean {
  return key === 'machineSize' ? !!need.machineSize : true;
}

const explained = (ctx: MatchContext): RuleContext => ({ ...ctx, say: phrasesFor(ctx.lang) });
const quiet = (ctx: MatchContext): RuleContext => ({ ...ctx, say: QUIET_PHRASES });

/** Scores one candidate against a need. Throws on invalid weights or date. */
export function scoreCandidate(need: NeedSpec, candidate: CandidateSpec, ctx: MatchContext): ScoredMatch {
  assertValidContext(ctx);
  return score(need, candidate, explained(ctx));
}

/**
 * scoreCandidate without explanations: the same score and as many unmet requirements, but every
 * explanation and each `missing` entry is the empty string. For ordering many pairs of which only a few
 * are shown: score those again with scoreCandidate. Building the sentences (numbers, dates and labels
 * in the reader's language) is most of the cost of a score.
 */
export function scoreQuietly(need: NeedSpec, candidate: CandidateSpec, ctx: MatchContext): ScoredMatch {
  assertValidContext(ctx);
  return score(need, candidate, quiet(ctx));
}

/** scoreQuietly for many pairs in one context: the context is checked once, not per pair. */
export function quietScorer(ctx: MatchContext): (need: NeedSpec, candidate: CandidateSpec) => ScoredMatch {
  assertValidContext(ctx);
  const rules = quiet(ctx);
  return (need, candidate) => score(need, candidate, rules);
}

/** A need ranked for one candidate: the caller's need and its quiet match. */
export interface RankedNeed<T> {
  need: T;
  match: ScoredMatch;
}

/**
 * The order bestNeedsFor works out a need's criteria in to drop it: the cheapest first (plain
 * comparisons of numbers), the lists and the taxonomy last. Any other criterion comes after these.
 */
const PROBE_ORDER: readonly CriterionKey[] = [
  'distance',
  'capacity',
  'leadTime',
  'tolerance',
  'machineSize',
  'languages',
  'certifications',
  'materials',
  'processes',
];

/**
 * Added to a need's best reachable score before rounding: summing the same weighted scores in another
 * order may differ in the last bits (~1e-16), which must never put the bound under the score.
 */
const BOUND_SLACK = 1e-9;

/**
 * The `first` best of many needs for one candidate, each with its quiet match (as quietScorer scores
 * it), ordered by score descending, then `tieBreak`: exactly the first `first` of scoring every need
 * and sorting them, without scoring every need in full.
 *
 * Needs are taken in the order given; once `first` are kept, a need is dropped as soon as the best
 * score it could still reach is below the last kept one's: its need-dependent criteria are worked out
 * one by one (PROBE_ORDER), each one not yet worked out counted as a full 1, the candidate-only ones
 * (CANDIDATE_ONLY_CRITERIA) as they are, worked out once. That bound is never below the need's score,
 * and only a need scoring strictly less than the last kept one is dropped, so none that ties with it
 * (and could come first on `tieBreak`: fewer unmet requirements, newer, …) is lost. Every need kept is
 * scored in full, as quietScorer does.
 */
export function bestNeedsFor<T>(
  needs: readonly T[],
  specOf: (need: T) => NeedSpec,
  candidate: CandidateSpec,
  ctx: MatchContext,
  first: number,
  tieBreak: (a: RankedNeed<T>, b: RankedNeed<T>) => number,
): RankedNeed<T>[] {
  assertValidContext(ctx);
  if (!Number.isInteger(first) || first < 0) throw new Error(`first must be a non-negative integer, got ${first}`);
  if (first === 0 || needs.length === 0) return [];
  const rules = quiet(ctx);
  const { weights } = ctx;
  const order = (a: RankedNeed<T>, b: RankedNeed<T>) => b.match.score - a.match.score || tieBreak(a, b);
  // the candidate-only criteria read no need: worked out once, against any of them
  const anyNeed = specOf(needs[0]);
  const known = new Map(CANDIDATE_ONLY_CRITERIA.map((key) => [key, CRITERIA[key](anyNeed, candidate, rules)] as const));
  // What every need lists and counts (weight above 0), as the best it could score: the candidate-only
  // criteria as they are, the others at 1; a conditional criterion is added for the needs that state it.
  let everyTotal = 0;
  let everyReachable = 0;
  for (const key of CRITERION_KEYS) {
    const weight = weights[key];
    if (weight === 0 || CONDITIONAL_CRITERIA.includes(key)) continue;
    everyTotal += weight;
    const outcome = known.get(key);
    everyReachable += outcome ? weight * criterionScore(outcome) : weight;
  }
  const conditional = CONDITIONAL_CRITERIA.filter((key) => weights[key] > 0);
  // the need-dependent criteria worked out one by one until the need falls below the last kept one
  const probes = [...PROBE_ORDER, ...CRITERION_KEYS.filter((key) => !PROBE_ORDER.includes(key))].filter(
    (key) => !known.has(key) && weights[key] > 0,
  );
  const kept: RankedNeed<T>[] = [];
  for (const need of needs) {
    const spec = specOf(need);
    if (kept.length === first) {
      const last = kept[first - 1].match.score;
      let total = everyTotal;
      let reachable = everyReachable;
      for (const key of conditional)
        if (states(spec, key)) {
          total += weights[key];
          reachable += weights[key];
        }
      let out = round4(reachable / total + BOUND_SLACK) < last;
      for (let i = 0; i < probes.length && !out; i += 1) {
        const key = probes[i];
        if (!listed(spec, key, weights)) continue;
        reachable -= weights[key] * (1 - criterionScore(CRITERIA[key](spec, candidate, rules)));
        out = round4(reachable / total + BOUND_SLACK) < last;
      }
      if (out) continue;
    }
    const entry = { need, match: score(spec, candidate, rules, known) };
    // where it goes among those kept (binary search on the total order), if among the first
    let low = 0;
    let high = kept.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (order(entry, kept[mid]) < 0) high = mid;
      else low = mid + 1;
    }
    if (low >= first) continue;
    kept.splice(low, 0, entry);
    if (kept.length > first) kept.pop();
  }
  return kept;
}

const VERIFIED_FIRST = (candidate: CandidateSpec) => (candidate.verificationStatus === 'VERIFIED' ? 0 : 1);

/**
 * Ranks candidates: score descending, then fewer missing requirements, then verified suppliers, then
 * candidate id ascending (plain code-unit order, not locale order, so every machine agrees). The order
 * is total for distinct ids, so the output does not depend on the input order.
 */
export function rankCandidates(need: NeedSpec, candidates: CandidateSpec[], ctx: MatchContext, first?: number): RankedMatch[] {
  assertValidContext(ctx);
  if (first !== undefined && (!Number.isInteger(first) || first < 0)) throw new Error(`first must be a non-negative integer, got ${first}`);
  const ids = new Set<string>();
  for (const candidate of candidates) {
    if (ids.has(candidate.id)) throw new Error(`Duplicate candidate id "${candidate.id}": each supplier must be ranked once`);
    ids.add(candidate.id);
  }
  // Every candidate is ordered on its score; only those returned are explained (scored again, the same way).
  const shown = first ?? candidates.length;
  const told = explained(ctx);
  const quietly = shown < candidates.length;
  const rules = quietly ? quiet(ctx) : told;
  const scored = candidates.map((candidate) => ({ candidate, match: score(need, candidate, rules) }));
  scored.sort(
    (a, b) =>
      b.match.score - a.match.score ||
      a.match.missing.length - b.match.missing.length ||
      VERIFIED_FIRST(a.candidate) - VERIFIED_FIRST(b.candidate) ||
      (a.candidate.id < b.candidate.id ? -1 : a.candidate.id > b.candidate.id ? 1 : 0),
  );
  return scored
    .slice(0, shown)
    .map(({ candidate, match }, index) => ({ rank: index + 1, ...(quietly ? score(need, candidate, told) : match) }));
}
