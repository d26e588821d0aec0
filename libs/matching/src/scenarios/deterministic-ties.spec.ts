import { describe, expect, it } from '@jest/globals';
import { rankCandidates, scoreCandidate, type CandidateSpec } from '../index.js';
import {
  certifiedTwinB,
  certifiedTwinD,
  iso9001Need,
  matchContext,
  tiedPool,
  tieWeights,
  uncertifiedRelevantA,
  unverifiedTwinC,
} from './fixtures.js';

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

/**
 * Scenario: four suppliers all score exactly 0.5 (only certifications and search relevance weigh).
 * Ties break by fewer missing requirements, then verified first, then candidate id, whatever the input order.
 */
describe('deterministic ties', () => {
  const ctx = matchContext({ weights: tieWeights });

  it('scores all four the same', () => {
    expect(tiedPool.map((candidate) => scoreCandidate(iso9001Need, candidate, ctx).score)).toEqual([0.5, 0.5, 0.5, 0.5]);
  });

  it('breaks the tie by missing requirements, then verification, then id', () => {
    const ranking = rankCandidates(iso9001Need, tiedPool, ctx);
    expect(ranking.map((match) => [match.rank, match.candidateId, match.missing.length])).toEqual([
      [1, certifiedTwinB.id, 0],
      [2, certifiedTwinD.id, 0],
      [3, unverifiedTwinC.id, 0], // ahead of D by id, behind it because unverified
      [4, uncertifiedRelevantA.id, 1], // first by id, last because ISO 9001 is missing
    ]);
  });

  it('gives identical output for every order of the input', () => {
    const reference = rankCandidates(iso9001Need, tiedPool, ctx);
    const orders: CandidateSpec[][] = permutations(tiedPool);
    expect(orders).toHaveLength(24);
    for (const order of orders) expect(rankCandidates(iso9001Need, order, ctx)).toEqual(reference);
  });

  it('cuts the ranking after the first n without changing it', () => {
    const top = rankCandidates(iso9001Need, [...tiedPool].reverse(), ctx, 2);
    expect(top.map((match) => [match.rank, match.candidateId])).toEqual([
      [1, 'sup-b'],
      [2, 'sup-d'],
    ]);
    expect(rankCandidates(iso9001Need, tiedPool, ctx, 0)).toEqual([]);
  });

  it('refuses duplicate candidate ids, which would make the order depend on the input', () => {
    expect(() => rankCandidates(iso9001Need, [certifiedTwinB, certifiedTwinB], ctx)).toThrow('Duplicate candidate id "sup-b"');
  });
});
