import { describe, expect, it } from '@jest/globals';
import { scoreCandidate, type CandidateSpec, type ExplanationLang, type NeedSpec } from '../index.js';
import {
  cncMachiningNeed,
  edmGeneralist,
  matchContext,
  millingAndSinkerEdmShop,
  millingAndWireEdmNeed,
  millingShop,
  sinkerEdmShop,
  stampingShop,
  supplierWith,
  wireEdmNeed,
  wireEdmShop,
} from './fixtures.js';

/**
 * Scenario: required processes covered through the taxonomy
 * (MACHINING › CNC_MACHINING › {CNC_MILLING, CNC_TURNING}; MACHINING › EDM › {WIRE_EDM, SINKER_EDM}).
 * Exact 1, more specific 0.9, more general 0.6, sibling 0.4, unrelated 0; below 0.6 is a missing requirement.
 */
describe('partial process coverage through the taxonomy', () => {
  const processes = (need: NeedSpec, candidate: CandidateSpec, lang: ExplanationLang = 'en') => {
    const match = scoreCandidate(need, candidate, matchContext({ lang }));
    const { score, explanation } = match.criteria.find((c) => c.key === 'processes')!;
    return { score, explanation, missing: match.missing };
  };

  it('gives full credit for the exact process', () => {
    expect(processes(wireEdmNeed, wireEdmShop)).toEqual({ score: 1, explanation: 'wire EDM: offered', missing: [] });
  });

  it('gives 0.9 for a more specific process (CNC milling for a CNC machining need)', () => {
    expect(processes(cncMachiningNeed, millingShop)).toEqual({
      score: 0.9,
      explanation: 'CNC machining: offered as CNC milling, a more specific process',
      missing: [],
    });
  });

  it('gives 0.6 for a more general process (EDM or machining for a wire EDM need), still not missing', () => {
    expect(processes(wireEdmNeed, edmGeneralist)).toEqual({
      score: 0.6,
      explanation: 'wire EDM: partly covered (offers EDM, a more general process)',
      missing: [],
    });
    expect(processes(wireEdmNeed, supplierWith({ processes: ['MACHINING'] })).score).toBe(0.6);
  });

  it('gives 0.4 for a sibling process and reports the required one as missing', () => {
    expect(processes(wireEdmNeed, sinkerEdmShop)).toEqual({
      score: 0.4,
      explanation: 'wire EDM: not offered (offers sinker EDM, a related process)',
      missing: ['wire EDM is not offered'],
    });
  });

  it('gives nothing for an unrelated process', () => {
    expect(processes(wireEdmNeed, stampingShop)).toEqual({
      score: 0,
      explanation: 'wire EDM: not offered',
      missing: ['wire EDM is not offered'],
    });
  });

  it('keeps the best coverage when several offered processes relate', () => {
    expect(processes(wireEdmNeed, supplierWith({ processes: ['SINKER_EDM', 'EDM'] })).score).toBe(0.6);
    expect(processes(wireEdmNeed, supplierWith({ processes: ['EDM', 'WIRE_EDM'] })).score).toBe(1);
  });

  it('averages over the required processes and names each one', () => {
    expect(processes(millingAndWireEdmNeed, millingAndSinkerEdmShop)).toEqual({
      score: 0.7,
      explanation: 'CNC milling: offered; wire EDM: not offered (offers sinker EDM, a related process)',
      missing: ['wire EDM is not offered'],
    });
    expect(processes(millingAndWireEdmNeed, millingAndSinkerEdmShop, 'vi')).toEqual({
      score: 0.7,
      explanation: 'phay CNC: có; cắt dây EDM: không có (có xung điện EDM, quy trình liên quan)',
      missing: ['không cung cấp cắt dây EDM'],
    });
  });
});
