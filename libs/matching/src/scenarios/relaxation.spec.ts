import { describe, expect, it } from '@jest/globals';
import {
  explainRelaxation,
  rankCandidates,
  RELAXATION_ORDER,
  relaxationsShown,
  retrievalPlan,
  type CandidateSpec,
  type RetrievalConstraints,
} from '../index.js';
import { ancestorsOf } from '../criteria.js';
import { haversineKm } from '../geo.js';
import {
  deliveryPlant,
  farWireEdmShop,
  fakeTaxonomy,
  generator,
  matchContext,
  mouldInsertNeed,
  mouldShopPool,
  nearbySinkerEdmShop,
  needWith,
  openNeed,
  randomCandidate,
  randomNeed,
  slowWireEdmShop,
  supplierWith,
  TODAY,
} from './fixtures.js';

/** Stands in for the Meilisearch retrieval the service runs with each step's constraints. */
function retrieve(pool: CandidateSpec[], constraints: RetrievalConstraints): CandidateSpec[] {
  const offers = (candidate: CandidateSpec, code: string) =>
    candidate.processes.some((offered) => offered === code || ancestorsOf(fakeTaxonomy, 'PROCESS', offered).includes(code));
  return pool.filter(
    (candidate) =>
      (constraints.processes.length === 0 || constraints.processes.some((code) => offers(candidate, code))) &&
      constraints.certifications.every((code) =>
        candidate.certifications.some((c) => c.code === code && (c.validUntil === null || TODAY < c.validUntil)),
      ) &&
      (constraints.maxDistanceKm === null ||
        (candidate.location !== null && haversineKm(deliveryPlant, candidate.location) <= constraints.maxDistanceKm)) &&
      (constraints.maxLeadTimeDays === null ||
        (candidate.leadTimeDays !== null && candidate.leadTimeDays <= constraints.maxLeadTimeDays)) &&
      (constraints.toleranceMm === null || (candidate.bestToleranceMm !== null && candidate.bestToleranceMm <= constraints.toleranceMm)),
  );
}

/**
 * Scenario: a wire-EDM mould insert within 20 km, IATF 16949, 14 days, ±0.005 mm. No supplier fits
 * everything, so the service walks the plan until retrieval finds someone, and tells the buyer what it relaxed.
 */
describe('relaxation when nothing fits fully', () => {
  it('relaxes distance, then tolerance, lead time, certifications, and finally widens processes', () => {
    expect(RELAXATION_ORDER).toEqual(['maxDistance', 'tolerance', 'leadTime', 'certifications', 'processes']);
    const hard = { processes: ['WIRE_EDM'], certifications: ['IATF_16949'], maxDistanceKm: 20, maxLeadTimeDays: 14, toleranceMm: 0.005 };
    expect(retrievalPlan(mouldInsertNeed, fakeTaxonomy)).toEqual([
      { relaxed: [], constraints: hard },
      { relaxed: ['maxDistance'], constraints: { ...hard, maxDistanceKm: null } },
      { relaxed: ['maxDistance', 'tolerance'], constraints: { ...hard, maxDistanceKm: null, toleranceMm: null } },
      {
        relaxed: ['maxDistance', 'tolerance', 'leadTime'],
        constraints: { ...hard, maxDistanceKm: null, toleranceMm: null, maxLeadTimeDays: null },
      },
      {
        relaxed: ['maxDistance', 'tolerance', 'leadTime', 'certifications'],
        constraints: { processes: ['WIRE_EDM'], certifications: [], maxDistanceKm: null, maxLeadTimeDays: null, toleranceMm: null },
      },
      {
        relaxed: ['maxDistance', 'tolerance', 'leadTime', 'certifications', 'processes'],
        constraints: { processes: ['EDM'], certifications: [], maxDistanceKm: null, maxLeadTimeDays: null, toleranceMm: null },
      },
    ]);
  });

  it('finds the far wire-EDM shop once the distance limit is dropped, and says so', () => {
    const plan = retrievalPlan(mouldInsertNeed, fakeTaxonomy);
    const found = plan.map((step) => retrieve(mouldShopPool, step.constraints).map((candidate) => candidate.id));
    expect(found).toEqual([
      [],
      ['sup-far-wire-edm'],
      ['sup-far-wire-edm'],
      ['sup-far-wire-edm', 'sup-slow-wire-edm'],
      ['sup-far-wire-edm', 'sup-slow-wire-edm'],
      ['sup-nearby-sinker-edm', 'sup-far-wire-edm', 'sup-slow-wire-edm'],
    ]);
    const step = plan.find((s) => retrieve(mouldShopPool, s.constraints).length > 0)!;
    expect(explainRelaxation(step.relaxed, 'en')).toEqual(['the distance limit was dropped']);
    expect(explainRelaxation(step.relaxed, 'vi')).toEqual(['đã bỏ giới hạn khoảng cách']);
    // the relaxed constraint still shows in the ranking as a missing requirement
    expect(rankCandidates(mouldInsertNeed, retrieve(mouldShopPool, step.constraints), matchContext())[0].missing).toEqual([
      '35 km from the delivery plant, beyond the 20 km limit',
    ]);
  });

  it('skips steps that change nothing and never drops processes', () => {
    const rootProcessNeed = needWith({ processes: ['MACHINING'], certifications: ['ISO_9001'] }, openNeed);
    expect(retrievalPlan(rootProcessNeed, fakeTaxonomy)).toEqual([
      {
        relaxed: [],
        constraints: {
          processes: ['MACHINING'],
          certifications: ['ISO_9001'],
          maxDistanceKm: null,
          maxLeadTimeDays: null,
          toleranceMm: null,
        },
      },
      {
        relaxed: ['certifications'],
        constraints: { processes: ['MACHINING'], certifications: [], maxDistanceKm: null, maxLeadTimeDays: null, toleranceMm: null },
      },
    ]);
    // a distance limit without a delivery point cannot be applied, so there is nothing to relax
    expect(retrievalPlan(needWith({ maxDistanceKm: 20, delivery: null }, openNeed), fakeTaxonomy)).toHaveLength(1);
  });

  it('widens each process to its parent once, merging shared parents', () => {
    const plan = retrievalPlan(needWith({ processes: ['WIRE_EDM', 'SINKER_EDM', 'CNC_MILLING', 'MACHINING'] }, openNeed), fakeTaxonomy);
    expect(plan.at(-1)).toEqual({
      relaxed: ['processes'],
      constraints: expect.objectContaining({ processes: ['EDM', 'CNC_MACHINING', 'MACHINING'] }),
    });
  });

  it('explains every relaxation in both languages', () => {
    expect(explainRelaxation(RELAXATION_ORDER, 'en')).toEqual([
      'the distance limit was dropped',
      'the tolerance requirement was dropped',
      'the lead-time limit was dropped',
      'the required certifications were dropped',
      'the required processes were widened to their parent process',
    ]);
    expect(explainRelaxation(RELAXATION_ORDER, 'vi')).toEqual([
      'đã bỏ giới hạn khoảng cách',
      'đã bỏ yêu cầu dung sai',
      'đã bỏ giới hạn thời gian giao hàng',
      'đã bỏ yêu cầu chứng nhận',
      'đã mở rộng quy trình yêu cầu lên quy trình cha',
    ]);
  });
});

/**
 * Scenario: the same mould insert, retrieved at the most relaxed step (every constraint relaxed). The
 * buyer is told a relaxation only when a supplier in the list it sees misses what was relaxed: the
 * others let in nobody the buyer sees, and naming them would point to red marks nowhere in the list.
 */
describe('which relaxations the buyer is told', () => {
  const [last] = retrievalPlan(mouldInsertNeed, fakeTaxonomy).slice(-1);
  const told = (shown: CandidateSpec[]) => relaxationsShown(mouldInsertNeed, last.relaxed, shown, fakeTaxonomy, TODAY);

  it('names each relaxation a supplier shown misses, in the plan order, and no other', () => {
    expect(last.relaxed).toEqual(RELAXATION_ORDER);
    // the sinker-EDM shop misses the process, the far shop the distance, the slow one the lead time;
    // all three hold the tolerance and a valid IATF 16949
    expect(told(mouldShopPool)).toEqual(['maxDistance', 'leadTime', 'processes']);
    expect(told([slowWireEdmShop, farWireEdmShop])).toEqual(['maxDistance', 'leadTime']);
    expect(explainRelaxation(told([farWireEdmShop]), 'en')).toEqual(['the distance limit was dropped']);
    // what the ranking lists as missing for those shown is what is told
    expect(rankCandidates(mouldInsertNeed, [nearbySinkerEdmShop], matchContext())[0].missing).toEqual(['wire EDM is not offered']);
  });

  it('names nothing when every supplier shown meets every requirement, even after every relaxation', () => {
    const fitting = supplierWith({ id: 'sup-fits', location: deliveryPlant }, farWireEdmShop);
    expect(rankCandidates(mouldInsertNeed, [fitting], matchContext())[0].missing).toEqual([]);
    expect(told([fitting])).toEqual([]);
    expect(told([])).toEqual([]);
    expect(relaxationsShown(mouldInsertNeed, [], mouldShopPool, fakeTaxonomy, TODAY)).toEqual([]);
  });

  it('does not name a widened process for a shop offering the parent process (partly covered, not missing)', () => {
    const edmGeneralist = supplierWith({ id: 'sup-edm', processes: ['EDM'] }, slowWireEdmShop);
    expect(rankCandidates(mouldInsertNeed, [edmGeneralist], matchContext())[0].missing).toEqual([
      'lead time 30 days exceeds the 14 days allowed',
    ]);
    expect(told([edmGeneralist])).toEqual(['leadTime']);
  });

  it('does not name a dropped limit for a supplier whose value is unknown: its match says unknown, not missing', () => {
    const unknownLeadTime = supplierWith({ id: 'sup-unknown-lead-time', leadTimeDays: null, location: deliveryPlant }, farWireEdmShop);
    expect(rankCandidates(mouldInsertNeed, [unknownLeadTime], matchContext())[0].missing).toEqual([]);
    expect(told([unknownLeadTime])).toEqual([]);
  });

  it('on random needs and pools: tells only relaxations of the step, and nothing when no supplier shown misses anything', () => {
    const r = generator(20261204);
    let toldSome = 0;
    let metAll = 0;
    for (let i = 0; i < 200; i++) {
      const need = { ...randomNeed(r, i), buyerHidden: false };
      const pool = Array.from({ length: 12 }, (_, j) => randomCandidate(r, j));
      const shown = rankCandidates(need, pool, matchContext(), 5);
      const byId = new Map(pool.map((c) => [c.id, c]));
      for (const step of retrievalPlan(need, fakeTaxonomy)) {
        const named = relaxationsShown(
          need,
          step.relaxed,
          shown.map((m) => byId.get(m.candidateId)!),
          fakeTaxonomy,
          TODAY,
        );
        expect(step.relaxed.filter((c) => named.includes(c))).toEqual(named);
        if (named.length) toldSome += 1;
        if (step.relaxed.length && shown.every((m) => m.missing.length === 0)) {
          metAll += 1;
          expect(named).toEqual([]);
        }
      }
    }
    // both cases were met, often
    expect(Math.min(toldSome, metAll)).toBeGreaterThan(20);
  });
});
