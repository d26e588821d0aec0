import { describe, expect, it } from '@jest/globals';
import { scoreCandidate, type CandidateSpec, type ExplanationLang } from '../index.js';
import {
  iatfExpiredYesterday,
  iatfExpiringToday,
  iatfOnlyNeed,
  iatfRenewed,
  iatfValidFromToday,
  iatfValidFromTomorrow,
  iatfValidUntilTomorrow,
  matchContext,
  TOMORROW,
} from './fixtures.js';

/**
 * Scenario: on 2026-11-26 a buyer requires IATF 16949. A certificate counts from its validFrom day
 * (inclusive) until the day before its validUntil: on the expiry day itself it no longer counts.
 */
describe('expired certificate: expiry day boundaries', () => {
  const certifications = (candidate: CandidateSpec, options: { lang?: ExplanationLang; today?: string } = {}) => {
    const match = scoreCandidate(iatfOnlyNeed, candidate, matchContext(options));
    const { score, explanation } = match.criteria.find((c) => c.key === 'certifications')!;
    return { score, explanation, missing: match.missing };
  };

  it('does not count a certificate that expired yesterday', () => {
    expect(certifications(iatfExpiredYesterday)).toEqual({
      score: 0,
      explanation: 'IATF 16949 expired on 25/11/2026',
      missing: ['IATF 16949 expired on 25/11/2026'],
    });
  });

  it('does not count a certificate on its expiry day', () => {
    expect(certifications(iatfExpiringToday)).toEqual({
      score: 0,
      explanation: 'IATF 16949 expired on 26/11/2026',
      missing: ['IATF 16949 expired on 26/11/2026'],
    });
  });

  it('counts a certificate valid until tomorrow, and stops counting it tomorrow', () => {
    expect(certifications(iatfValidUntilTomorrow)).toEqual({ score: 1, explanation: 'IATF 16949 valid until 27/11/2026', missing: [] });
    expect(certifications(iatfValidUntilTomorrow, { today: TOMORROW })).toEqual({
      score: 0,
      explanation: 'IATF 16949 expired on 27/11/2026',
      missing: ['IATF 16949 expired on 27/11/2026'],
    });
  });

  it('counts a certificate from its first valid day, not before', () => {
    expect(certifications(iatfValidFromToday)).toEqual({ score: 1, explanation: 'IATF 16949 valid, no expiry date', missing: [] });
    expect(certifications(iatfValidFromTomorrow)).toEqual({
      score: 0,
      explanation: 'IATF 16949 valid only from 27/11/2026',
      missing: ['IATF 16949 valid only from 27/11/2026'],
    });
    expect(certifications(iatfValidFromTomorrow, { today: TOMORROW }).score).toBe(1);
  });

  it('uses the renewal when the expired certificate is still on file', () => {
    expect(certifications(iatfRenewed)).toEqual({ score: 1, explanation: 'IATF 16949 valid until 25/11/2029', missing: [] });
  });

  it('says the same in Vietnamese', () => {
    expect(certifications(iatfExpiredYesterday, { lang: 'vi' }).explanation).toBe('IATF 16949 đã hết hạn ngày 25/11/2026');
    expect(certifications(iatfValidUntilTomorrow, { lang: 'vi' }).explanation).toBe('IATF 16949 còn hiệu lực đến 27/11/2026');
  });
});
