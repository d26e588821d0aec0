import { describe, expect, it } from '@jest/globals';
import {
  bestNeedsFor,
  CANDIDATE_ONLY_CRITERIA,
  type CandidateSpec,
  EXPLANATION_LANGS,
  type MatchContext,
  type NeedSpec,
  quietScorer,
  type RankedNeed,
  scoreCandidate,
} from '../index.js';
import { generator, matchContext, randomCandidate, randomNeed } from './fixtures.js';

/** A need as the caller holds it: its spec, and what its tie-break reads (matchNeeds: newer first, then id). */
interface Held {
  id: string;
  createdAt: number;
  spec: NeedSpec;
}

const tieBreak = (a: RankedNeed<Held>, b: RankedNeed<Held>) =>
  a.match.missing.length - b.match.missing.length || b.need.createdAt - a.need.createdAt || (a.need.id < b.need.id ? -1 : 1);

/** What bestNeedsFor stands for: every need scored quietly, sorted, cut. */
function scoreEveryNeed(held: Held[], candidate: CandidateSpec, ctx: MatchContext, first: number) {
  const score = quietScorer(ctx);
  return held
    .map((need) => ({ need, match: score(need.spec, candidate) }))
    .sort((a, b) => b.match.score - a.match.score || tieBreak(a, b))
    .slice(0, first);
}

/**
 * Many needs, a few of them the same requirements posted again (ties on score, told apart by unmet
 * requirements, age and id), some with a machine size (a criterion listed only for them).
 */
function randomPool(r: ReturnType<typeof generator>, size: number): Held[] {
  const pool: Held[] = [];
  for (let i = 0; i < size; i += 1) {
    const again = pool.length > 10 && r.next() < 0.3 ? r.pick(pool).spec : null;
    const spec: NeedSpec = again
      ? { ...again, id: `need-${i}` }
      : {
          ...randomNeed(r, i),
          machineSize: r.next() < 0.2 ? { tonnes: r.pick([80, 450]), kind: r.pick(['PRESS', 'CLAMP', null] as const) } : null,
        };
    pool.push({ id: `need-${String(i).padStart(4, '0')}`, createdAt: r.pick([1, 2, 3, 4]), spec });
  }
  return pool;
}

/**
 * matchNeeds ranks thousands of open needs for one supplier and returns 20. bestNeedsFor drops a need
 * once the best it could still score is below the 20th kept; these check it returns what scoring every
 * need and sorting returns, for any needs, supplier, weighting and cut.
 */
describe('bestNeedsFor: the first needs for one supplier without scoring every need in full', () => {
  const seeds = Array.from({ length: 25 }, (_, i) => 7000 + i);

  it('returns the same needs, order and quiet matches as scoring every need and sorting', () => {
    for (const seed of seeds) {
      const r = generator(seed);
      const ctx = matchContext({
        lang: r.pick(EXPLANATION_LANGS),
        weights: {
          history: r.pick([0, 0.1]),
          trackRecord: r.pick([0, 0.1]),
          distance: r.pick([0, 0.08, 0.3]),
          machineSize: r.pick([0, 0.12]),
          text: r.pick([0, 0.08]),
        },
      });
      const candidate: CandidateSpec = {
        ...randomCandidate(r, seed),
        machines: r.maybe({ pressTonnes: r.pick([null, 100, 500]), clampTonnes: r.pick([null, 300]) }),
      };
      const pool = randomPool(r, 400);
      for (const first of [1, 3, 20, 399, 400, 450]) {
        const best = bestNeedsFor(pool, (h) => h.spec, candidate, ctx, first, tieBreak);
        expect({ seed, first, best }).toEqual({ seed, first, best: scoreEveryNeed(pool, candidate, ctx, first) });
      }
    }
  });

  it('keeps a need tying the last kept one on score that wins on its tie-break, wherever it comes', () => {
    const r = generator(1);
    const ctx = matchContext();
    const candidate = randomCandidate(r, 1);
    const spec = randomNeed(r, 1);
    // 30 needs with the same requirements: equal scores; the newest (last in the input) must come first
    const pool = Array.from({ length: 30 }, (_, i) => ({ id: `need-${String(i).padStart(2, '0')}`, createdAt: i, spec }));
    const best = bestNeedsFor(pool, (h) => h.spec, candidate, ctx, 20, tieBreak);
    expect(best.map((b) => b.need.id)).toEqual(
      pool
        .map((h) => h.id)
        .reverse()
        .slice(0, 20),
    );
  });

  it('checks its context and cut', () => {
    const held = [{ id: 'n', createdAt: 0, spec: randomNeed(generator(2), 0) }];
    const candidate = randomCandidate(generator(2), 0);
    expect(() => bestNeedsFor(held, (h) => h.spec, candidate, matchContext({ today: 'soon' }), 1, tieBreak)).toThrow(/YYYY-MM-DD/);
    expect(() => bestNeedsFor(held, (h) => h.spec, candidate, matchContext(), -1, tieBreak)).toThrow(/first/);
    expect(bestNeedsFor(held, (h) => h.spec, candidate, matchContext(), 0, tieBreak)).toEqual([]);
    expect(bestNeedsFor([], (h: Held) => h.spec, candidate, matchContext(), 5, tieBreak)).toEqual([]);
  });

  it('works out the candidate-only criteria once: they read no need, whatever the need asks', () => {
    for (const seed of seeds.slice(0, 10)) {
      const r = generator(seed);
      const ctx = matchContext({ lang: r.pick(EXPLANATION_LANGS), weights: { history: 0.1, trackRecord: 0.1 } });
      const candidate = randomCandidate(r, seed);
      const outcomes = randomPool(r, 50).map(({ spec }) =>
        scoreCandidate(spec, candidate, ctx).criteria.filter((c) => CANDIDATE_ONLY_CRITERIA.includes(c.key)),
      );
      expect(outcomes[0].map((c) => c.key)).toEqual([...CANDIDATE_ONLY_CRITERIA]);
      for (const outcome of outcomes) expect(outcome).toEqual(outcomes[0]);
    }
  });
});
