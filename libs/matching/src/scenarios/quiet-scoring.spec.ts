import { describe, expect, it } from '@jest/globals';
import {
  type CandidateSpec,
  EXPLANATION_LANGS,
  type MatchContext,
  type NeedSpec,
  quietScorer,
  rankCandidates,
  type ScoredMatch,
  scoreCandidate,
  scoreQuietly,
} from '../index.js';
import { generator, matchContext, randomCandidate, randomNeed } from './fixtures.js';

/** What ordering reads of a match: the score, the criterion scores and weights, how many requirements are unmet. */
const orderingPart = (m: ScoredMatch) => ({
  score: m.score,
  missing: m.missing.length,
  criteria: m.criteria.map(({ key, weight, score }) => ({ key, weight, score })),
});

/** The ranking as it was before quiet scoring: every candidate explained, then sorted and cut. */
function explainEveryCandidate(need: NeedSpec, candidates: CandidateSpec[], ctx: MatchContext, first: number) {
  return candidates
    .map((candidate) => ({ candidate, match: scoreCandidate(need, candidate, ctx) }))
    .sort(
      (a, b) =>
        b.match.score - a.match.score ||
        a.match.missing.length - b.match.missing.length ||
        (a.candidate.verificationStatus === 'VERIFIED' ? 0 : 1) - (b.candidate.verificationStatus === 'VERIFIED' ? 0 : 1) ||
        (a.candidate.id < b.candidate.id ? -1 : 1),
    )
    .slice(0, first)
    .map(({ match }, index) => ({ rank: index + 1, ...match }));
}

/**
 * Ranking many (candidates for a need, needs for a supplier) scores them without explanations and
 * explains only those returned. Nothing the order depends on may change with it, in any language or
 * weighting: the same scores, criterion by criterion, and as many unmet requirements.
 */
describe('quiet scoring: ordering without explanations, explaining only what is returned', () => {
  const seeds = Array.from({ length: 25 }, (_, i) => 1000 + i);

  it('scores every pair as scoreCandidate does, with as many unmet requirements and no sentence written', () => {
    for (const seed of seeds) {
      const r = generator(seed);
      const lang = r.pick(EXPLANATION_LANGS);
      const ctx = matchContext({
        lang,
        weights: { history: r.pick([0, 0.1]), trackRecord: r.pick([0, 0.1]), distance: r.pick([0, 0.15]) },
      });
      const scorer = quietScorer(ctx);
      for (let i = 0; i < 30; i += 1) {
        const need = randomNeed(r, i);
        const candidate = randomCandidate(r, i);
        const quiet = scoreQuietly(need, candidate, ctx);
        const told = scoreCandidate(need, candidate, ctx);
        expect({ seed, i, ...orderingPart(quiet) }).toEqual({ seed, i, ...orderingPart(told) });
        // the scorer matchNeeds uses (the context checked once) gives the very same result
        expect(scorer(need, candidate)).toEqual(quiet);
        // no sentence was written (what is left is at most the separators between empty ones)
        expect([...quiet.missing, ...quiet.criteria.map((c) => c.explanation)].filter((text) => /[\p{L}\p{N}]/u.test(text))).toEqual([]);
      }
    }
  });

  it('quietScorer checks its context as scoreQuietly does, once', () => {
    expect(() => quietScorer(matchContext({ today: '3 December' }))).toThrow(/today must be a YYYY-MM-DD date/);
    expect(() => quietScorer(matchContext({ weights: { processes: -1 } }))).toThrow();
  });

  it('rankCandidates returns what explaining every candidate returned: the same order, scores and sentences', () => {
    for (const seed of seeds) {
      const r = generator(seed);
      const ctx = matchContext({ lang: r.pick(EXPLANATION_LANGS), weights: { history: r.pick([0, 0.1]) } });
      const need = randomNeed(r, 0);
      const pool = Array.from({ length: 60 }, (_, i) => randomCandidate(r, i));
      for (const first of [1, 7, 20, 59])
        expect({ seed, first, ranking: rankCandidates(need, pool, ctx, first) }).toEqual({
          seed,
          first,
          ranking: explainEveryCandidate(need, pool, ctx, first),
        });
    }
  });
});
