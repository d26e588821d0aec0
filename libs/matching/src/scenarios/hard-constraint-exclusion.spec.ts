import { describe, expect, it } from '@jest/globals';
import { rankCandidates } from '../index.js';
import { bracketNeed, capableSupplier, distantSupplier, matchContext, needWith, uncertifiedNeighbour } from './fixtures.js';

/**
 * Scenario: a buyer needs IATF 16949 and delivery within 30 km. One supplier meets everything; a closer,
 * more relevant neighbour lacks IATF 16949; a third is 50 km away. The two that miss a hard requirement
 * are still scored, say what they miss, and rank below the one that meets everything.
 */
describe('hard-constraint exclusion: missing IATF 16949, beyond the distance limit', () => {
  const candidates = [uncertifiedNeighbour, distantSupplier, capableSupplier];

  it('ranks the supplier that meets every hard requirement first', () => {
    const ranking = rankCandidates(bracketNeed, candidates, matchContext());
    expect(ranking.map((match) => match.candidateId)).toEqual(['sup-capable', 'sup-distant', 'sup-uncertified-neighbour']);
    expect(ranking.map((match) => match.rank)).toEqual([1, 2, 3]);
    expect(ranking[0].missing).toEqual([]);
    expect(ranking[0].score).toBe(0.984);
  });

  it('lists what each of the others misses, in English and in Vietnamese', () => {
    const missingOf = (lang: 'en' | 'vi') =>
      Object.fromEntries(
        rankCandidates(bracketNeed, candidates, matchContext({ lang })).map((match) => [match.candidateId, match.missing]),
      );
    expect(missingOf('en')).toEqual({
      'sup-capable': [],
      'sup-uncertified-neighbour': ['IATF 16949 not held'],
      'sup-distant': ['50 km from the delivery plant, beyond the 30 km limit'],
    });
    expect(missingOf('vi')).toEqual({
      'sup-capable': [],
      'sup-uncertified-neighbour': ['chưa có IATF 16949'],
      'sup-distant': ['cách nhà máy nhận hàng 50 km, vượt giới hạn 30 km'],
    });
  });

  it('still scores them, with the failed criterion at 0', () => {
    const [, distant, neighbour] = rankCandidates(bracketNeed, candidates, matchContext());
    expect(neighbour.criteria.find((c) => c.key === 'certifications')).toMatchObject({ score: 0, explanation: 'IATF 16949 not held' });
    expect(distant.criteria.find((c) => c.key === 'distance')).toMatchObject({ score: 0 });
    expect(distant.score).toBe(0.904); // 1 − 0.08 (distance) − 0.08 × 0.2 (text relevance 0.8)
    expect(neighbour.score).toBe(0.846); // 1 − 0.15 (certifications) − 0.08 × 0.05 (text relevance 0.95)
  });

  it('holds the neighbour back only because of the requirement: without it, the neighbour ranks first', () => {
    const ranking = rankCandidates(needWith({ certifications: [], maxDistanceKm: null }), candidates, matchContext());
    expect(ranking.map((match) => match.candidateId)).toEqual(['sup-uncertified-neighbour', 'sup-capable', 'sup-distant']);
    expect(ranking.every((match) => match.missing.length === 0)).toBe(true);
  });
});
