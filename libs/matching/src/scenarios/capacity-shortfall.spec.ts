import { describe, expect, it } from '@jest/globals';
import { scoreCandidate, type CandidateSpec, type ExplanationLang } from '../index.js';
import { capacityInKilograms, capacityUnknown, fiftyThousandPiecesNeed, largePlant, matchContext, smallWorkshop } from './fixtures.js';

/**
 * Scenario: a buyer needs 50 000 pcs a month. A workshop making 20 000 scores 0.4 and the shortfall is a
 * missing requirement; capacity in another unit, or unknown, cannot be compared and scores 0.5.
 */
describe('capacity shortfall: 20 000 pcs/month against 50 000 needed', () => {
  const capacity = (candidate: CandidateSpec, lang: ExplanationLang = 'en') => {
    const match = scoreCandidate(fiftyThousandPiecesNeed, candidate, matchContext({ lang }));
    const { score, explanation } = match.criteria.find((c) => c.key === 'capacity')!;
    return { score, explanation, missing: match.missing };
  };

  it('scores the shortfall linearly and reports it as missing', () => {
    expect(capacity(smallWorkshop)).toEqual({
      score: 0.4,
      explanation: 'capacity 20,000 pcs/month is below the 50,000 needed',
      missing: ['capacity 20,000 pcs/month is below the 50,000 needed'],
    });
  });

  it('says it in Vietnamese', () => {
    expect(capacity(smallWorkshop, 'vi')).toEqual({
      score: 0.4,
      explanation: 'năng lực 20.000 chiếc/tháng thấp hơn 50.000 cần',
      missing: ['năng lực 20.000 chiếc/tháng thấp hơn 50.000 cần'],
    });
  });

  it('gives full credit when capacity covers the need', () => {
    expect(capacity(largePlant)).toEqual({ score: 1, explanation: 'capacity 80,000 pcs/month covers the 50,000 needed', missing: [] });
    expect(capacity(largePlant, 'vi').explanation).toBe('năng lực 80.000 chiếc/tháng đáp ứng 50.000 cần');
  });

  it('does not compare across units, nor with an unknown capacity', () => {
    expect(capacity(capacityInKilograms)).toEqual({
      score: 0.5,
      explanation: 'cannot compare: capacity is stated in kg, the need in pcs',
      missing: [],
    });
    expect(capacity(capacityUnknown)).toEqual({ score: 0.5, explanation: 'cannot compare: capacity unknown', missing: [] });
  });
});
