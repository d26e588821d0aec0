import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { scoreCandidate, unmetHardRequirements, type CandidateSpec, type NeedSpec } from './index.js';
import { bracketNeed, capableSupplier, kmNorthOfPlant, matchContext, TODAY, YESTERDAY } from './scenarios/fixtures.js';

const ctx = matchContext();
const unmet = (need: NeedSpec, candidate: CandidateSpec) => unmetHardRequirements(need, candidate, ctx.taxonomy, TODAY);

const PROCESS_CODES = [
  'MACHINING',
  'CNC_MACHINING',
  'CNC_MILLING',
  'CNC_TURNING',
  'EDM',
  'WIRE_EDM',
  'SINKER_EDM',
  'STAMPING',
  'PROGRESSIVE_DIE_STAMPING',
];
const CERT_CODES = ['IATF_16949', 'ISO_9001', 'ISO_14001'];
const DAYS = ['2025-01-01', YESTERDAY, TODAY, '2026-11-27', '2028-01-01'];
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const quantity = fc.record({ value: fc.integer({ min: 0, max: 100_000 }), unit: fc.constantFrom('PCS', 'KG', 'pcs') });

const needArb: fc.Arbitrary<NeedSpec> = fc.record({
  id: fc.constant('need'),
  processes: fc.uniqueArray(fc.constantFrom(...PROCESS_CODES), { maxLength: 3 }),
  materials: fc.constant([]),
  certifications: fc.uniqueArray(fc.constantFrom(...CERT_CODES), { maxLength: 2 }),
  productGroup: fc.constant(null),
  quantityPerMonth: maybe(quantity),
  maxLeadTimeDays: maybe(fc.integer({ min: 0, max: 60 })),
  toleranceMm: maybe(fc.constantFrom(0.005, 0.02, 0.1)),
  delivery: maybe(fc.constant(kmNorthOfPlant(0))),
  maxDistanceKm: maybe(fc.constantFrom(5, 30, 200)),
  languages: fc.constant([]),
});

const candidateArb: fc.Arbitrary<CandidateSpec> = fc.record({
  id: fc.constant('supplier'),
  name: fc.constant('Supplier'),
  processes: fc.uniqueArray(fc.constantFrom(...PROCESS_CODES), { maxLength: 4 }),
  materials: fc.constant([]),
  productGroups: fc.constant([]),
  certifications: fc.array(
    fc.record({
      code: fc.constantFrom(...CERT_CODES),
      validFrom: maybe(fc.constantFrom(...DAYS)),
      validUntil: maybe(fc.constantFrom(...DAYS)),
    }),
    { maxLength: 3 },
  ),
  monthlyCapacity: maybe(quantity),
  leadTimeDays: maybe(fc.integer({ min: 0, max: 60 })),
  bestToleranceMm: maybe(fc.constantFrom(0.005, 0.02, 0.1)),
  location: maybe(fc.constantFrom(kmNorthOfPlant(1), kmNorthOfPlant(20), kmNorthOfPlant(150))),
  verificationStatus: fc.constant('VERIFIED' as const),
  languages: fc.constant([]),
  updatedAt: fc.constant('2026-11-01T00:00:00Z'),
  textScore: fc.constant(null),
});

/** The hard requirement each criterion checks (the other criteria check none). */
const REQUIREMENT_OF: Partial<Record<string, string>> = {
  processes: 'PROCESS',
  certifications: 'CERTIFICATION',
  capacity: 'CAPACITY',
  leadTime: 'LEAD_TIME',
  tolerance: 'TOLERANCE',
  distance: 'DISTANCE',
};

describe('unmetHardRequirements', () => {
  it('finds nothing unmet for the capable supplier', () => {
    expect(unmet(bracketNeed, capableSupplier)).toEqual([]);
  });

  it('names each unmet requirement', () => {
    const weak: CandidateSpec = {
      ...capableSupplier,
      processes: ['STAMPING'],
      certifications: [{ code: 'IATF_16949', validFrom: null, validUntil: YESTERDAY }],
      monthlyCapacity: { value: 10, unit: 'PCS' },
      leadTimeDays: 90,
      bestToleranceMm: 1,
      location: kmNorthOfPlant(50),
    };
    expect(unmet(bracketNeed, weak)).toEqual([
      { kind: 'PROCESS', code: 'CNC_MILLING' },
      { kind: 'CERTIFICATION', code: 'IATF_16949' },
      { kind: 'CAPACITY', code: null },
      { kind: 'LEAD_TIME', code: null },
      { kind: 'TOLERANCE', code: null },
      { kind: 'DISTANCE', code: null },
    ]);
  });

  it('agrees with the ranking engine on every generated pair: qualified exactly when nothing is missing', () => {
    fc.assert(
      fc.property(needArb, candidateArb, (need, candidate) => {
        expect(unmet(need, candidate)).toHaveLength(scoreCandidate(need, candidate, ctx).missing.length);
      }),
      { numRuns: 3000, seed: 20261126 },
    );
  });

  it('flags as unmet exactly the criteria of the requirements missed: a low score alone, or a soft criterion, is not unmet', () => {
    const textless: CandidateSpec = { ...capableSupplier, textScore: 0 };
    const fits = scoreCandidate(bracketNeed, textless, ctx);
    expect(fits.criteria.find((c) => c.key === 'text')).toMatchObject({ score: 0, unmet: false });
    expect(fits.criteria.filter((c) => c.unmet)).toEqual([]);
    fc.assert(
      fc.property(needArb, candidateArb, (need, candidate) => {
        const flagged = scoreCandidate(need, candidate, ctx)
          .criteria.filter((c) => c.unmet)
          .map((c) => REQUIREMENT_OF[c.key] ?? c.key);
        expect(new Set(flagged)).toEqual(new Set(unmet(need, candidate).map((r) => r.kind)));
      }),
      { numRuns: 3000, seed: 20261205 },
    );
  });
});
