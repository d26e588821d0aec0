import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { rankCoachingTargets, type RankedTarget } from './coaching-targets.js';
import type { NeedSupply } from './supply-qualification.js';

const gapNeed = (id: string, qualified: number, code: string, away: string[], quantity: number | null): NeedSupply => ({
  needId: id,
  qualifiedSuppliers: qualified,
  requirementProcesses: [],
  requirementCertifications: [code],
  requirementSuppliers: 0,
  bottleneck: { kind: 'CERTIFICATION', code, suppliers: 1 },
  coaching: { oneChangeAway: away, quantityPerMonth: quantity === null ? null : { value: quantity, unit: 'PCS' } },
});

/** The ranking a query at `threshold` reads: the stored step with the largest fromThreshold not above it. */
function at(ranked: RankedTarget[], code: string, threshold: number): [string, number][] {
  const steps = ranked.filter((t) => t.code === code && t.fromThreshold <= threshold).map((t) => t.fromThreshold);
  if (steps.length === 0) return [];
  const step = Math.max(...steps);
  return ranked.filter((t) => t.code === code && t.fromThreshold === step).map((t) => [t.supplierId, t.needs]);
}

describe('rankCoachingTargets', () => {
  it('ranks per threshold: most needs, then most volume, then id', () => {
    const ranked = rankCoachingTargets([
      gapNeed('n1', 0, 'IATF', ['sme', 'miller'], 500),
      gapNeed('n2', 0, 'IATF', ['sme'], 800),
      gapNeed('n3', 2, 'IATF', ['miller', 'other'], 300),
      gapNeed('n4', 2, 'IATF', ['miller'], null),
      gapNeed('n5', 0, 'ISO', [], 100),
    ]);
    // threshold 1 or 2: n1, n2 (no qualified supplier); from 3 on n3 and n4 too
    expect(at(ranked, 'IATF', 1)).toEqual([
      ['sme', 2],
      ['miller', 1],
    ]);
    expect(at(ranked, 'IATF', 2)).toEqual(at(ranked, 'IATF', 1));
    expect(at(ranked, 'IATF', 3)).toEqual([
      ['miller', 3],
      ['sme', 2],
      ['other', 1],
    ]);
    expect(ranked.find((t) => t.code === 'IATF' && t.fromThreshold === 3 && t.supplierId === 'miller')!.volume).toEqual([
      { unit: 'PCS', total: 800 },
    ]);
    expect(ranked.some((t) => t.code === 'ISO')).toBe(false);
  });

  it('agrees with ranking every threshold from scratch', () => {
    const suppliers = ['a', 'b', 'c', 'd', 'e', 'f'];
    const needArb = fc.record({
      qualified: fc.integer({ min: 0, max: 6 }),
      code: fc.constantFrom('X', 'Y'),
      away: fc.uniqueArray(fc.constantFrom(...suppliers), { maxLength: 6 }),
      quantity: fc.option(fc.constantFrom(100, 250, 1000), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(needArb, { maxLength: 12 }), fc.integer({ min: 1, max: 4 }), (fields, perGap) => {
        const needs = fields.map((f, i) => gapNeed(`n${i}`, f.qualified, f.code, f.away, f.quantity));
        const ranked = rankCoachingTargets(needs, perGap);
        for (const code of ['X', 'Y'])
          for (let threshold = 1; threshold <= 8; threshold += 1) {
            const tally = new Map<string, { needs: number; total: number }>();
            for (const n of needs.filter((x) => x.bottleneck!.code === code && x.qualifiedSuppliers < threshold))
              for (const id of n.coaching!.oneChangeAway) {
                const t = tally.get(id) ?? { needs: 0, total: 0 };
                t.needs += 1;
                t.total += n.coaching!.quantityPerMonth?.value ?? 0;
                tally.set(id, t);
              }
            const expected = [...tally]
              .sort(([a, x], [b, y]) => y.needs - x.needs || y.total - x.total || a.localeCompare(b))
              .slice(0, perGap)
              .map(([id, t]) => [id, t.needs]);
            expect({ code, threshold, ranking: at(ranked, code, threshold) }).toEqual({ code, threshold, ranking: expected });
          }
      }),
      { numRuns: 500, seed: 11 },
    );
  });
});
