import { isIsoDate } from './calendar.js';
import { CRITERIA, type RuleContext } from './criteria.js';
import { phrasesFor, QUIET_PHRASES } from './explain.js';
import {
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

function score(need: NeedSpec, candidate: CandidateSpec, ctx: RuleContext): ScoredMatch {
  const criteria: CriterionResult[] = [];
  const missing: string[] = [];
  let weighted = 0;
  let totalWeight = 0;
  for (const key of CRITERION_KEYS) {
    if (ctx.weights[key] === 0 && OPT_IN_CRITERIA.includes(key)) continue;
    if (CONDITIONAL_CRITERIA.includes(key) && !states(need, key)) continue;
    const outcome = CRITERIA[key](need, candidate, ctx);
    const weight = ctx.weights[key];
    const criterionScore = round4(Math.min(1, Math.max(0, outcome.score)));
    criteria.push({ key, weight, score: criterionScore, explanation: outcome.explanation });
    // hard requirements are reported whatever their criterion's weight: a weight changes the order, not the facts
    missing.push(...outcome.missing);
    if (weight > 0) {
      // from the rounded criterion scores, so a reader can recompute the total from what is shown
      weighted += weight * criterionScore;
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
