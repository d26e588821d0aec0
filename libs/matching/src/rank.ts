import { isIsoDate } from './calendar.js';
import { CRITERIA } from './criteria.js';
import {
  CRITERION_KEYS,
  OPT_IN_CRITERIA,
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

function score(need: NeedSpec, candidate: CandidateSpec, ctx: MatchContext): ScoredMatch {
  const criteria: CriterionResult[] = [];
  const missing: string[] = [];
  let weighted = 0;
  let totalWeight = 0;
  for (const key of CRITERION_KEYS) {
    if (ctx.weights[key] === 0 && OPT_IN_CRITERIA.includes(key)) continue;
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

/** Scores one candidate against a need. Throws on invalid weights or date. */
export function scoreCandidate(need: NeedSpec, candidate: CandidateSpec, ctx: MatchContext): ScoredMatch {
  assertValidContext(ctx);
  return score(need, candidate, ctx);
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
  const scored = candidates.map((candidate) => ({ candidate, match: score(need, candidate, ctx) }));
  scored.sort(
    (a, b) =>
      b.match.score - a.match.score ||
      a.match.missing.length - b.match.missing.length ||
      VERIFIED_FIRST(a.candidate) - VERIFIED_FIRST(b.candidate) ||
      (a.candidate.id < b.candidate.id ? -1 : a.candidate.id > b.candidate.id ? 1 : 0),
  );
  return scored.slice(0, first ?? scored.length).map(({ match }, index) => ({ rank: index + 1, ...match }));
}
