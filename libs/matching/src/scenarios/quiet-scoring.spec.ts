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
import { bracketNeed, capableSupplier, kmNorthOfPlant, matchContext, TODAY } from './fixtures.js';

/** A small deterministic generator (mulberry32), so a failure names a seed that reproduces it. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const some = <T>(items: readonly T[]): T[] => items.filter(() => next() < 0.35);
  const maybe = <T>(value: T): T | null => (next() < 0.5 ? value : null);
  return { next, pick, some, maybe };
}

const PROCESSES = ['MACHINING', 'CNC_MACHINING', 'CNC_MILLING', 'CNC_TURNING', 'EDM', 'WIRE_EDM', 'SINKER_EDM', 'STAMPING'];
const MATERIALS = ['ALUMINIUM', 'AL6061', 'ADC12', 'SUS304'];
const CERTIFICATIONS = ['IATF_16949', 'ISO_9001', 'ISO_14001'];
const DAYS = ['2024-01-01', '2026-11-25', TODAY, '2026-11-27', '2028-06-30'];

function randomNeed(r: ReturnType<typeof generator>, i: number): NeedSpec {
  return {
    ...bracketNeed,
    id: `need-${i}`,
    processes: r.some(PROCESSES),
    preferredProcesses: r.some(PROCESSES),
    preferredProcessGroups: r.next() < 0.3 ? [r.some(PROCESSES)] : [],
    materials: r.some(MATERIALS),
    certifications: r.some(CERTIFICATIONS),
    quantityPerMonth: r.maybe({ value: r.pick([500, 20_000, 90_000]), unit: r.pick(['PCS', 'KG']) }),
    maxLeadTimeDays: r.maybe(r.pick([7, 21, 45])),
    toleranceMm: r.maybe(r.pick([0.005, 0.02, 0.1])),
    delivery: r.maybe(kmNorthOfPlant(0)),
    maxDistanceKm: r.maybe(r.pick([10, 30, 80])),
    languages: r.some(['vi', 'en', 'ja', 'ko']),
    buyerHidden: r.next() < 0.2,
  };
}

function randomCandidate(r: ReturnType<typeof generator>, i: number): CandidateSpec {
  return {
    ...capableSupplier,
    id: `sup-${String(i).padStart(3, '0')}`,
    processes: r.some(PROCESSES),
    materials: r.some(MATERIALS),
    certifications: r.some(CERTIFICATIONS).map((code) => ({ code, validFrom: r.maybe(r.pick(DAYS)), validUntil: r.maybe(r.pick(DAYS)) })),
    monthlyCapacity: r.maybe({ value: r.pick([1_000, 50_000, 100_000]), unit: r.pick(['PCS', 'KG']) }),
    leadTimeDays: r.maybe(r.pick([5, 20, 60])),
    bestToleranceMm: r.maybe(r.pick([0.002, 0.01, 0.05])),
    location: r.maybe(kmNorthOfPlant(r.pick([2, 15, 40, 120]))),
    verificationStatus: r.pick(['VERIFIED', 'UNVERIFIED', 'SUSPENDED'] as const),
    languages: r.some(['vi', 'en', 'ja', 'ko']),
    updatedAt: r.pick(['2026-11-01T03:00:00Z', '2024-02-01T03:00:00Z', 'not a date']),
    textScore: r.maybe(Math.round(r.next() * 100) / 100),
    decisions: r.maybe({ awarded: r.pick([0, 2]), accepted: r.pick([0, 1]), declined: { CAPACITY: r.pick([0, 1]) } }),
    trackRecord: r.maybe({ deliveries: r.pick([2, 12]), onTimeRate: r.next(), defectsPpm: r.pick([30, 800, 20_000]) }),
  };
}

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
