import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { type CandidateSpec, type NeedSpec, type TaxonomyView, unmetHardRequirements } from '#libs/matching';
import { oneChangeAway } from '#libs/upgrades';
import { computeNeedSupply } from './supply-qualification.js';

const PARENT: Record<string, string | null> = {
  MACHINING: null,
  CNC: 'MACHINING',
  MILLING: 'CNC',
  TURNING: 'CNC',
  FORMING: null,
  STAMPING: 'FORMING',
};
const taxonomy: TaxonomyView = { parentOf: (_kind, code) => PARENT[code] ?? null, label: (_kind, code) => code };
const TODAY = '2026-11-26';

const need = (id: string, fields: Partial<NeedSpec>): NeedSpec => ({
  id,
  processes: [],
  materials: [],
  certifications: [],
  productGroup: null,
  quantityPerMonth: null,
  maxLeadTimeDays: null,
  toleranceMm: null,
  delivery: null,
  maxDistanceKm: null,
  languages: [],
  ...fields,
});
const supplier = (id: string, fields: Partial<CandidateSpec>): CandidateSpec => ({
  id,
  name: id,
  processes: [],
  materials: [],
  productGroups: [],
  certifications: [],
  monthlyCapacity: null,
  leadTimeDays: null,
  bestToleranceMm: null,
  location: null,
  verificationStatus: 'VERIFIED',
  languages: [],
  updatedAt: '2026-01-01T00:00:00Z',
  textScore: null,
  ...fields,
});

/** Random cities small enough to check pair by pair with the engine. */
const codes = Object.keys(PARENT);
const days = [null, '2026-01-01', TODAY, '2027-01-01'];
const maybe = <V>(arb: fc.Arbitrary<V>) => fc.option(arb, { nil: null });
const quantity = fc.record({ value: fc.constantFrom(0, 100, 500, 1000), unit: fc.constantFrom('PCS', 'pcs', 'KG') });
// points around Hải Phòng, from next door to ~150 km away, so distance limits cut both ways
const point = fc.record({
  lat: fc.double({ min: 19.9, max: 21.9, noNaN: true }),
  lng: fc.double({ min: 105.9, max: 107.4, noNaN: true }),
});
const supplierArb = fc.record({
  processes: fc.uniqueArray(fc.constantFrom(...codes), { maxLength: 3 }),
  certifications: fc.array(
    fc.record({ code: fc.constantFrom('IATF', 'ISO'), validFrom: fc.constantFrom(...days), validUntil: fc.constantFrom(...days) }),
    { maxLength: 2 },
  ),
  leadTimeDays: maybe(fc.integer({ min: 1, max: 30 })),
  monthlyCapacity: maybe(quantity),
  bestToleranceMm: maybe(fc.constantFrom(0.005, 0.02, 0.1)),
  location: maybe(point),
});
const needArb = fc.record({
  processes: fc.uniqueArray(fc.constantFrom(...codes), { maxLength: 2 }),
  certifications: fc.uniqueArray(fc.constantFrom('IATF', 'ISO'), { maxLength: 2 }),
  maxLeadTimeDays: maybe(fc.integer({ min: 1, max: 30 })),
  quantityPerMonth: maybe(quantity),
  toleranceMm: maybe(fc.constantFrom(0.005, 0.02, 0.1)),
  delivery: maybe(point),
  maxDistanceKm: maybe(fc.integer({ min: 1, max: 150 })),
});
const cityArb = fc.tuple(fc.array(supplierArb, { maxLength: 12 }), fc.array(needArb, { minLength: 1, maxLength: 6 }));

describe('computeNeedSupply', () => {
  const iatf = { code: 'IATF', validFrom: null, validUntil: '2027-01-01' };
  const suppliers = [
    supplier('milling-iatf', { processes: ['MILLING'], certifications: [iatf], leadTimeDays: 10 }),
    supplier('cnc-iatf-slow', { processes: ['CNC'], certifications: [iatf], leadTimeDays: 40 }),
    supplier('machining-expired', { processes: ['MACHINING'], certifications: [{ code: 'IATF', validFrom: null, validUntil: TODAY }] }),
    supplier('turning', { processes: ['TURNING'], certifications: [iatf] }),
    supplier('stamping', { processes: ['STAMPING'] }),
  ];

  it('counts qualified suppliers, the suppliers with the capability, and the scarcest requirement', () => {
    const [milling, stamping, nothing] = computeNeedSupply(
      [
        need('n1', { processes: ['MILLING'], certifications: ['IATF'], maxLeadTimeDays: 20 }),
        need('n2', { processes: ['STAMPING', 'STAMPING'] }),
        need('n3', {}),
      ],
      suppliers,
      taxonomy,
      TODAY,
    );
    // milling is met by MILLING (exact), CNC and MACHINING (more generic, still enough); TURNING is only a sibling
    expect(milling).toEqual({
      needId: 'n1',
      qualifiedSuppliers: 1, // cnc-iatf-slow misses the lead time, machining-expired the certificate
      requirementProcesses: ['MILLING'],
      requirementCertifications: ['IATF'],
      requirementSuppliers: 2,
      // three suppliers cover milling and three hold a valid IATF: a tie goes to the certification (kind order)
      bottleneck: { kind: 'CERTIFICATION', code: 'IATF', suppliers: 3 },
    });
    expect(stamping).toMatchObject({
      qualifiedSuppliers: 1,
      requirementProcesses: ['STAMPING'],
      requirementSuppliers: 1,
      bottleneck: { kind: 'PROCESS', code: 'STAMPING', suppliers: 1 },
    });
    expect(nothing).toMatchObject({ qualifiedSuppliers: 5, requirementSuppliers: 5, bottleneck: null });
  });

  it('agrees with checking every pair with the engine', () => {
    fc.assert(
      fc.property(cityArb, ([supplierFields, needFields]) => {
        const all = supplierFields.map((fields, i) => supplier(`s${i}`, fields));
        const needs = needFields.map((fields, i) => need(`n${i}`, fields));
        const result = computeNeedSupply(needs, all, taxonomy, TODAY);
        needs.forEach((n, i) => {
          const qualified = all.filter((s) => unmetHardRequirements(n, s, taxonomy, TODAY).length === 0).length;
          const capable = all.filter(
            (s) =>
              unmetHardRequirements(
                { ...n, maxLeadTimeDays: null, quantityPerMonth: null, toleranceMm: null, maxDistanceKm: null },
                s,
                taxonomy,
                TODAY,
              ).length === 0,
          ).length;
          expect(result[i]).toMatchObject({ needId: n.id, qualifiedSuppliers: qualified, requirementSuppliers: capable });
        });
      }),
      { numRuns: 1000, seed: 5 },
    );
  });

  it('lists as one change away exactly the suppliers whose only unmet requirement (the engine says) is the bottleneck', () => {
    fc.assert(
      fc.property(cityArb, fc.integer({ min: 0, max: 13 }), ([supplierFields, needFields], below) => {
        const all = supplierFields.map((fields, i) => supplier(`s${i}`, fields));
        const needs = needFields.map((fields, i) => need(`n${i}`, fields));
        const result = computeNeedSupply(needs, all, taxonomy, TODAY, { coachingBelow: below });
        needs.forEach((n, i) => {
          const { bottleneck, qualifiedSuppliers } = result[i];
          const expected =
            bottleneck && qualifiedSuppliers < below
              ? oneChangeAway(n, all, taxonomy, TODAY)
                  .filter(({ change }) => change.kind === bottleneck.kind && change.code === bottleneck.code)
                  .map(({ supplier: s }) => s.id)
              : [];
          expect(result[i].coaching?.oneChangeAway).toEqual(expected);
        });
      }),
      { numRuns: 1000, seed: 7 },
    );
  });
});
