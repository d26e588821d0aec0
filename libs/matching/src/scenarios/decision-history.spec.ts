import { describe, expect, it } from '@jest/globals';
import { DEFAULT_WEIGHTS, rankCandidates, scoreCandidate } from '../index.js';
import { bracketNeed, matchContext, supplierWith } from './fixtures.js';

/**
 * Scenario: two stamping shops are equal on paper. One was awarded two similar needs; the other declined
 * two, for capacity and as not its process. The history criterion is opt-in: by default it is neither
 * scored nor listed; with a weight it is both, explained in counts only.
 */
describe('learning from decisions (the opt-in history criterion)', () => {
  const winner = supplierWith({ id: 'sup-a-winner', decisions: { awarded: 2, accepted: 0, declined: {} } });
  const decliner = supplierWith({
    id: 'sup-b-decliner',
    decisions: { awarded: 0, accepted: 0, declined: { CAPACITY: 1, NOT_OUR_PROCESS: 1 } },
  });
  const newcomer = supplierWith({ id: 'sup-c-newcomer', decisions: null });
  const history =
    (lang: 'en' | 'vi' = 'en') =>
    (id: string) =>
      rankCandidates(bracketNeed, [winner, decliner, newcomer], matchContext({ weights: { history: 1 }, lang }))
        .find((m) => m.candidateId === id)!
        .criteria.find((c) => c.key === 'history');

  it('is weight 0 by default: not listed, and the order is unchanged', () => {
    expect(DEFAULT_WEIGHTS.history).toBe(0);
    const ranked = rankCandidates(bracketNeed, [decliner, winner, newcomer], matchContext());
    expect(ranked.every((m) => m.criteria.every((c) => c.key !== 'history'))).toBe(true);
    expect(new Set(ranked.map((m) => m.score)).size).toBe(1);
  });

  it('with a weight, scores awards up and declines (capacity, not its process) down, and says so in counts, in English and Vietnamese', () => {
    expect(history()('sup-a-winner')).toEqual({
      key: 'history',
      weight: 1,
      score: 0.8333,
      explanation: 'on 2 similar needs: awarded 2',
      unmet: false,
    });
    expect(history()('sup-b-decliner')).toEqual({
      key: 'history',
      weight: 1,
      score: 0.25,
      explanation: 'on 2 similar needs: declined 1 (not its process), declined 1 (no capacity)',
      unmet: false,
    });
    expect(history()('sup-c-newcomer')).toEqual({
      key: 'history',
      weight: 1,
      score: 0.5,
      explanation: 'no decisions on similar needs yet',
      unmet: false,
    });
    expect(history('vi')('sup-b-decliner')!.explanation).toBe(
      'với 2 nhu cầu tương tự: từ chối 1 (không phải quy trình của mình), từ chối 1 (không đủ năng lực)',
    );
    expect(history('vi')('sup-c-newcomer')!.explanation).toBe('chưa có quyết định nào với nhu cầu tương tự');
    const order = rankCandidates(bracketNeed, [decliner, newcomer, winner], matchContext({ weights: { history: 1 } })).map(
      (m) => m.candidateId,
    );
    expect(order).toEqual(['sup-a-winner', 'sup-c-newcomer', 'sup-b-decliner']);
  });

  it('one decision does not decide alone, and accepted-but-not-awarded counts less than an award', () => {
    const once = scoreCandidate(
      bracketNeed,
      supplierWith({ decisions: { awarded: 0, accepted: 0, declined: { NOT_OUR_PROCESS: 1 } } }),
      matchContext({ weights: { history: 1 } }),
    );
    expect(once.criteria.find((c) => c.key === 'history')!.score).toBe(0.25);
    const accepted = scoreCandidate(
      bracketNeed,
      supplierWith({ decisions: { awarded: 0, accepted: 1, declined: { PRICE: 1 } } }),
      matchContext({ weights: { history: 1 } }),
    );
    expect(accepted.criteria.find((c) => c.key === 'history')).toMatchObject({
      score: 0.5833,
      explanation: 'on 2 similar needs: accepted 1, declined 1 (price)',
    });
    // history never makes a hard requirement
    expect(once.missing).toEqual([]);
  });
});
