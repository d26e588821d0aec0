import { describe, expect, it } from '@jest/globals';
import { CONDITIONAL_CRITERIA, type CriterionKey, DEFAULT_WEIGHTS, OPT_IN_CRITERIA, rankCandidates, type Weights } from '../index.js';
import {
  certificationsHeavyWeights,
  distanceHeavyWeights,
  farWithIso14001,
  iso14001Need,
  matchContext,
  nearbyWithoutIso14001,
} from './fixtures.js';

/**
 * Scenario: a buyer wants ISO 14001. One supplier is 5 km away without it; the other holds it but is
 * 80 km away. The caller's weights decide which comes first.
 */
describe('weight overrides change the order', () => {
  const candidates = [nearbyWithoutIso14001, farWithIso14001];
  const rank = (weights: Partial<Weights> = {}) => rankCandidates(iso14001Need, candidates, matchContext({ weights }));
  const order = (weights: Partial<Weights> = {}) => rank(weights).map((match) => `${match.candidateId} ${match.score}`);

  it('puts the certified supplier first with the default weights', () => {
    expect(order()).toEqual(['sup-far-iso14001 0.9218', 'sup-nearby-no-iso14001 0.834']);
  });

  it('puts the nearby supplier first when distance weighs heavily', () => {
    expect(order(distanceHeavyWeights)).toEqual(['sup-nearby-no-iso14001 0.9459', 'sup-far-iso14001 0.7319']);
  });

  it('puts the certified supplier further ahead when certifications weigh heavily', () => {
    expect(order(certificationsHeavyWeights)).toEqual(['sup-far-iso14001 0.9755', 'sup-nearby-no-iso14001 0.6']);
  });

  it('reports the weight each criterion was scored with', () => {
    const [first] = rank(distanceHeavyWeights);
    // opt-in criteria (history) with weight 0 are not listed, nor a conditional one the need does not state (machine size)
    const listed = Object.entries({ ...DEFAULT_WEIGHTS, ...distanceHeavyWeights }).filter(
      ([key, w]) => (w > 0 || !OPT_IN_CRITERIA.includes(key as CriterionKey)) && !CONDITIONAL_CRITERIA.includes(key as CriterionKey),
    );
    expect(Object.fromEntries(first.criteria.map((c) => [c.key, c.weight]))).toEqual(Object.fromEntries(listed));
  });

  it('leaves a zero-weight criterion listed but out of the score, and keeps its missing requirement', () => {
    const onlyDistance = Object.fromEntries(Object.keys(DEFAULT_WEIGHTS).map((key) => [key, key === 'distance' ? 1 : 0])) as Weights;
    const ranking = rankCandidates(iso14001Need, candidates, matchContext({ weights: onlyDistance }));
    expect(ranking.map((match) => [match.candidateId, match.score])).toEqual([
      ['sup-nearby-no-iso14001', 1],
      ['sup-far-iso14001', 0.2222], // (100 − 80) / (100 − 10)
    ]);
    expect(ranking[0].criteria).toHaveLength(11);
    expect(ranking[0].missing).toEqual(['ISO 14001 not held']);
  });
});
