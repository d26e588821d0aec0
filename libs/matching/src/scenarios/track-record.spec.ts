import { describe, expect, it } from '@jest/globals';
import { DEFAULT_WEIGHTS, qualityCredit, rankCandidates, TRACK_RECORD_MIN_DELIVERIES } from '../index.js';
import type { ExplanationLang } from '../types.js';
import { bracketNeed, matchContext, supplierWith } from './fixtures.js';

/**
 * Scenario: four stamping shops equal on paper. One published 10 deliveries, 9 on time, 50 defective
 * ppm; one published 8, half late, 1 000 ppm; one published only 3; one published nothing (or did not
 * opt in: the data layer passes both as null). The track-record criterion is opt-in: by default it is
 * neither scored nor listed; with a weight, worked by hand:
 *   reliable  0.5 × 0.9 + 0.5 × quality(50 ppm) = 0.45 + 0.5 × 1                          = 0.95
 *   poor      0.5 × 0.5 + 0.5 × (1 − log10(1000/50) / log10(10000/50)) = 0.25 + 0.5 × 0.43459 = 0.4673
 *   three, none: neutral 0.5, each saying why.
 */
describe('track record (the opt-in delivery criterion)', () => {
  const reliable = supplierWith({ id: 'sup-a-reliable', trackRecord: { deliveries: 10, onTimeRate: 0.9, defectsPpm: 50 } });
  const poor = supplierWith({ id: 'sup-b-poor', trackRecord: { deliveries: 8, onTimeRate: 0.5, defectsPpm: 1000 } });
  // the data layer nulls the rates under five deliveries; the engine checks the count itself too
  const three = supplierWith({ id: 'sup-c-three', trackRecord: { deliveries: 3, onTimeRate: 1, defectsPpm: 0 } });
  const none = supplierWith({ id: 'sup-d-none', trackRecord: null });
  const pool = [poor, none, three, reliable];
  const criterion = (id: string, lang: ExplanationLang = 'en') =>
    rankCandidates(bracketNeed, pool, matchContext({ weights: { trackRecord: 1 }, lang }))
      .find((m) => m.candidateId === id)!
      .criteria.find((c) => c.key === 'trackRecord');

  it('is weight 0 by default: not listed, and the order is unchanged', () => {
    expect(DEFAULT_WEIGHTS.trackRecord).toBe(0);
    const ranked = rankCandidates(bracketNeed, pool, matchContext());
    expect(ranked.every((m) => m.criteria.every((c) => c.key !== 'trackRecord'))).toBe(true);
    expect(new Set(ranked.map((m) => m.score)).size).toBe(1);
    expect(ranked.map((m) => m.candidateId)).toEqual(['sup-a-reliable', 'sup-b-poor', 'sup-c-three', 'sup-d-none']);
  });

  it('with a weight, scores on-time rate and defects as worked by hand, and ranks by them', () => {
    expect(qualityCredit(50)).toBe(1);
    expect(qualityCredit(10_000)).toBe(0);
    expect(qualityCredit(1000)).toBeCloseTo(0.43459, 5);
    expect(criterion('sup-a-reliable')).toEqual({
      key: 'trackRecord',
      weight: 1,
      score: 0.95,
      explanation: 'on time in 90% of 10 deliveries, 50 defective ppm',
      unmet: false,
    });
    expect(criterion('sup-b-poor')).toEqual({
      key: 'trackRecord',
      weight: 1,
      score: 0.4673,
      explanation: 'on time in 50% of 8 deliveries, 1,000 defective ppm',
      unmet: false,
    });
    const order = rankCandidates(bracketNeed, pool, matchContext({ weights: { trackRecord: 1 } })).map((m) => m.candidateId);
    expect(order).toEqual(['sup-a-reliable', 'sup-c-three', 'sup-d-none', 'sup-b-poor']);
  });

  it(`under ${TRACK_RECORD_MIN_DELIVERIES} deliveries, or without a published record, is neutral and says why`, () => {
    expect(criterion('sup-c-three')).toEqual({
      key: 'trackRecord',
      weight: 1,
      score: 0.5,
      explanation: '3 published deliveries, fewer than 5: not enough deliveries to score',
      unmet: false,
    });
    expect(criterion('sup-d-none')).toMatchObject({ score: 0.5, explanation: 'no published delivery record' });
    // a record with no delivery reads as no record at all
    const empty = supplierWith({ id: 'sup-e-empty', trackRecord: { deliveries: 0, onTimeRate: null, defectsPpm: null } });
    const [match] = rankCandidates(bracketNeed, [empty], matchContext({ weights: { trackRecord: 1 } }));
    expect(match.criteria.find((c) => c.key === 'trackRecord')!.explanation).toBe('no published delivery record');
    // never a hard requirement
    expect(match.missing).toEqual([]);
  });

  it('explains itself in Vietnamese, Japanese and Korean, numbers as each locale writes them', () => {
    expect(criterion('sup-b-poor', 'vi')!.explanation).toBe('đúng hạn 50% trong 8 lần giao, 1.000 ppm lỗi');
    expect(criterion('sup-c-three', 'vi')!.explanation).toBe('3 lần giao đã công bố, ít hơn 5: chưa đủ lần giao để chấm điểm');
    expect(criterion('sup-d-none', 'vi')!.explanation).toBe('chưa công bố hồ sơ giao hàng');
    expect(criterion('sup-b-poor', 'ja')!.explanation).toBe('納入8件のうち納期遵守50%、不良1,000 ppm');
    expect(criterion('sup-c-three', 'ja')!.explanation).toBe('公開された納入3件（5件未満）：評価に足る納入実績がありません');
    expect(criterion('sup-d-none', 'ja')!.explanation).toBe('公開された納入実績はありません');
    expect(criterion('sup-b-poor', 'ko')!.explanation).toBe('납품 8건 중 납기 준수 50%, 불량 1,000 ppm');
    expect(criterion('sup-c-three', 'ko')!.explanation).toBe('공개된 납품 3건, 5건 미만: 평가하기에 납품 실적이 부족함');
    expect(criterion('sup-d-none', 'ko')!.explanation).toBe('공개된 납품 실적 없음');
  });
});
