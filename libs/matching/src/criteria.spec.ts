import { describe, expect, it } from '@jest/globals';
import { haversineKm } from './geo.js';
import {
  CONDITIONAL_CRITERIA,
  DEFAULT_WEIGHTS,
  localeFormat,
  scoreCandidate,
  validateWeights,
  type CandidateSpec,
  type CriterionKey,
  type ExplanationLang,
  type NeedSpec,
  type Weights,
} from './index.js';
import {
  bracketNeed,
  capableSupplier,
  kmNorthOfPlant,
  matchContext,
  needWith,
  openNeed,
  supplierWith,
  TODAY,
} from './scenarios/fixtures.js';

/** Score and explanation of one criterion. */
function criterion(key: CriterionKey, need: NeedSpec, candidate: CandidateSpec, lang: ExplanationLang = 'en') {
  const { score, explanation } = scoreCandidate(need, candidate, matchContext({ lang })).criteria.find((c) => c.key === key)!;
  return { score, explanation };
}

describe('criteria', () => {
  it('lists every criterion in a fixed order with its weight', () => {
    const match = scoreCandidate(bracketNeed, capableSupplier, matchContext());
    expect(match.criteria.map((c) => [c.key, c.weight])).toEqual([
      ['processes', 0.25],
      ['materials', 0.08],
      ['certifications', 0.15],
      ['capacity', 0.12],
      ['leadTime', 0.07],
      ['tolerance', 0.07],
      ['distance', 0.08],
      ['text', 0.08],
      ['verification', 0.05],
      ['languages', 0.03],
      ['freshness', 0.02],
    ]);
  });

  it('computes the score as the weighted mean of the listed criterion scores, rounded to 4 decimals', () => {
    const candidate = supplierWith({ textScore: 0.33333, leadTimeDays: 28, verificationStatus: 'UNVERIFIED' });
    const match = scoreCandidate(bracketNeed, candidate, matchContext());
    const expected = match.criteria.reduce((sum, c) => sum + c.weight * c.score, 0) / match.criteria.reduce((sum, c) => sum + c.weight, 0);
    expect(match.score).toBe(Math.round(expected * 10_000) / 10_000);
    expect(match.score).toBe(0.8992); // 1 − 0.08 × (1 − 0.3333) − 0.07 × (1 − 0.75) − 0.05 × 0.6
  });

  it('falls back to the neutral answer for every criterion the need does not set', () => {
    const match = scoreCandidate(openNeed, supplierWith({ textScore: null, verificationStatus: 'VERIFIED' }), matchContext());
    expect(match.criteria.map((c) => [c.key, c.score, c.explanation])).toEqual([
      ['processes', 1, 'no process required'],
      ['materials', 1, 'no material specified'],
      ['certifications', 1, 'no certification required'],
      ['capacity', 1, 'no monthly quantity stated'],
      ['leadTime', 1, 'no lead-time limit'],
      ['tolerance', 1, 'no tolerance required'],
      ['distance', 1, 'no delivery point given'],
      ['text', 0.5, 'search relevance unknown'],
      ['verification', 1, 'verified by the support centre'],
      ['languages', 1, 'no language preference'],
      ['freshness', 1, 'profile updated 01/10/2026, 56 days ago'],
    ]);
    expect(match.missing).toEqual([]);
  });

  it('materials: any wanted one offered 1, a related one 0.7, none 0', () => {
    const wantsAl6061 = needWith({ materials: ['AL6061', 'SUS304'] }, openNeed);
    expect(criterion('materials', wantsAl6061, supplierWith({ materials: ['SUS304'] }))).toEqual({
      score: 1,
      explanation: 'works with SUS304 stainless steel',
    });
    expect(criterion('materials', wantsAl6061, supplierWith({ materials: ['ADC12'] }))).toEqual({
      score: 0.7,
      explanation: 'works with ADC12 die-cast aluminium, related to AL6061 aluminium',
    });
    expect(criterion('materials', wantsAl6061, supplierWith({ materials: ['STAINLESS_STEEL'] })).score).toBe(0.7);
    expect(criterion('materials', needWith({ materials: ['ALUMINIUM'] }, openNeed), supplierWith({ materials: ['AL6061'] })).score).toBe(
      0.7,
    );
    expect(criterion('materials', needWith({ materials: ['AL6061'] }, openNeed), supplierWith({ materials: ['SUS304'] }))).toEqual({
      score: 0,
      explanation: 'does not work with AL6061 aluminium',
    });
    expect(
      criterion('materials', needWith({ materials: ['AL6061'] }, openNeed), supplierWith({ materials: ['SUS304'] }), 'vi').explanation,
    ).toBe('không gia công nhôm AL6061');
  });

  it('materials: a grade not listed by a shop whose process buys it per order is unknown (0.5), only for that process', () => {
    // a machining need for aluminium, a CNC shop listing stainless only: machining shops buy bar and plate per order
    const millingAl = needWith({ processes: ['CNC_MILLING'], materials: ['AL6061'] }, openNeed);
    const cncShop = supplierWith({ processes: ['CNC_TURNING', 'CNC_MILLING'], materials: ['SUS304'] });
    expect(criterion('materials', millingAl, cncShop)).toEqual({
      score: 0.5,
      explanation: 'does not list AL6061 aluminium; machining shops usually buy the material per order',
    });
    expect(criterion('materials', millingAl, cncShop, 'vi').explanation).toBe(
      'không liệt kê nhôm AL6061; xưởng gia công cắt gọt thường mua vật liệu theo từng đơn hàng',
    );
    // read from the text only (weak or part processes) counts the same
    expect(
      criterion('materials', needWith({ preferredProcesses: ['CNC_MACHINING'], materials: ['AL6061'] }, openNeed), cncShop).score,
    ).toBe(0.5);
    // the need asks stamping: the same shop's machining says nothing about the sheet it would stamp
    const stampingAl = needWith({ processes: ['STAMPING'], materials: ['AL6061'] }, openNeed);
    expect(criterion('materials', stampingAl, cncShop).score).toBe(0);
    // a stamper asked for machining does not machine: its materials are its own
    expect(criterion('materials', millingAl, supplierWith({ processes: ['STAMPING'], materials: ['SUS304'] })).score).toBe(0);
    // a material outside the families machining shops buy (none listed for it in the taxonomy) stays a gap
    expect(criterion('materials', needWith({ processes: ['CNC_MILLING'], materials: ['PA66'] }, openNeed), cncShop).score).toBe(0);
    // listed or related grades score as before
    expect(criterion('materials', millingAl, supplierWith({ processes: ['CNC_MILLING'], materials: ['ADC12'] })).score).toBe(0.7);
  });

  it('lead time: within the limit 1, over it max/lead, unknown 0.5', () => {
    const need = needWith({ maxLeadTimeDays: 21 }, openNeed);
    expect(criterion('leadTime', need, supplierWith({ leadTimeDays: 21 }))).toEqual({
      score: 1,
      explanation: 'lead time 21 days within the 21 days allowed',
    });
    expect(criterion('leadTime', need, supplierWith({ leadTimeDays: 42 }))).toEqual({
      score: 0.5,
      explanation: 'lead time 42 days exceeds the 21 days allowed',
    });
    expect(criterion('leadTime', need, supplierWith({ leadTimeDays: null })).score).toBe(0.5);
  });

  it('tolerance: holds it 1, looser falling to 0 at twice the tolerance needed, unknown 0.5', () => {
    const need = needWith({ toleranceMm: 0.01 }, openNeed);
    expect(criterion('tolerance', need, supplierWith({ bestToleranceMm: 0.01 })).score).toBe(1);
    expect(criterion('tolerance', need, supplierWith({ bestToleranceMm: 0.012 })).score).toBe(0.8);
    expect(criterion('tolerance', need, supplierWith({ bestToleranceMm: 0.015 })).score).toBe(0.5);
    expect(criterion('tolerance', need, supplierWith({ bestToleranceMm: 0.05 }))).toEqual({
      score: 0,
      explanation: 'best tolerance ±0.05 mm is looser than the ±0.01 mm needed',
    });
    expect(criterion('tolerance', need, supplierWith({ bestToleranceMm: null })).score).toBe(0.5);
  });

  it('lists a lead time over the limit and a looser tolerance among the requirements not met', () => {
    const need = needWith({ maxLeadTimeDays: 21, toleranceMm: 0.01 }, openNeed);
    const ctx = matchContext();
    expect(scoreCandidate(need, supplierWith({ leadTimeDays: 42, bestToleranceMm: 0.05 }), ctx).missing).toEqual(
      expect.arrayContaining([
        'lead time 42 days exceeds the 21 days allowed',
        'best tolerance ±0.05 mm is looser than the ±0.01 mm needed',
      ]),
    );
    expect(scoreCandidate(need, supplierWith({ leadTimeDays: 21, bestToleranceMm: 0.01 }), ctx).missing).toEqual([]);
    expect(scoreCandidate(need, supplierWith({ leadTimeDays: null, bestToleranceMm: null }), ctx).missing).toEqual([]);
  });

  it('distance: 1 within 10 km, linear to 0 at 100 km; within a hard limit down to 0.5 at it, 0 beyond; unknown location 0.3', () => {
    const noLimit = needWith({ delivery: bracketNeed.delivery, maxDistanceKm: null }, openNeed);
    expect(criterion('distance', noLimit, supplierWith({ location: kmNorthOfPlant(10) })).score).toBe(1);
    expect(criterion('distance', noLimit, supplierWith({ location: kmNorthOfPlant(12.3) }))).toEqual({
      score: 0.9744,
      explanation: '12.3 km from the delivery plant',
    });
    expect(criterion('distance', noLimit, supplierWith({ location: kmNorthOfPlant(55) })).score).toBe(0.5);
    expect(criterion('distance', noLimit, supplierWith({ location: kmNorthOfPlant(120) })).score).toBe(0);
    expect(criterion('distance', noLimit, supplierWith({ location: null }))).toEqual({ score: 0.3, explanation: 'location unknown' });
    expect(criterion('distance', noLimit, supplierWith({ location: kmNorthOfPlant(12.3) }), 'vi').explanation).toBe(
      'cách nhà máy nhận hàng 12,3 km',
    );

    const limit40 = needWith({ maxDistanceKm: 40 }, noLimit);
    // within the buyer's limit the requirement is met: nearer is better, never below 0.5
    expect(criterion('distance', limit40, supplierWith({ location: kmNorthOfPlant(25) })).score).toBe(0.75);
    const atLimit = scoreCandidate(limit40, supplierWith({ location: kmNorthOfPlant(39.999) }), matchContext());
    expect(atLimit.missing).toEqual([]);
    expect(atLimit.criteria.find((c) => c.key === 'distance')?.score).toBe(0.5);
    // beyond it the requirement is unmet: 0, as any failed hard criterion
    expect(criterion('distance', limit40, supplierWith({ location: kmNorthOfPlant(44) })).score).toBe(0);
    // a limit beyond 100 km changes nothing before it
    expect(criterion('distance', needWith({ maxDistanceKm: 150 }, noLimit), supplierWith({ location: kmNorthOfPlant(55) })).score).toBe(
      0.5,
    );
    expect(scoreCandidate(limit40, supplierWith({ location: kmNorthOfPlant(40.5) }), matchContext()).missing).toEqual([
      '40.5 km from the delivery plant, beyond the 40 km limit',
    ]);
    // an unknown location is penalised but is not "beyond the limit"
    expect(scoreCandidate(limit40, supplierWith({ location: null }), matchContext()).missing).toEqual([]);
  });

  it('text: the retrieval relevance, 0.5 when unknown', () => {
    expect(criterion('text', openNeed, supplierWith({ textScore: 0.82 }))).toEqual({ score: 0.82, explanation: 'search relevance 0.82' });
    expect(criterion('text', openNeed, supplierWith({ textScore: null })).score).toBe(0.5);
    // a supplier retrieved as nearby or certified, outside the best text matches: said in words, not "0.00"
    expect(criterion('text', openNeed, supplierWith({ textScore: 0 }))).toEqual({
      score: 0,
      explanation: "not among the best text matches for the need's words",
    });
  });

  it('verification: verified 1, unverified 0.4, suspended 0', () => {
    expect(criterion('verification', openNeed, supplierWith({ verificationStatus: 'VERIFIED' })).score).toBe(1);
    expect(criterion('verification', openNeed, supplierWith({ verificationStatus: 'UNVERIFIED' }))).toEqual({
      score: 0.4,
      explanation: 'not yet verified',
    });
    expect(criterion('verification', openNeed, supplierWith({ verificationStatus: 'SUSPENDED' })).score).toBe(0);
  });

  it('languages: a shared one 1, none 0.3; Vietnamese counts only when the buyer lists it', () => {
    const japaneseBuyer = needWith({ languages: ['ja', 'en'] }, openNeed);
    expect(criterion('languages', japaneseBuyer, supplierWith({ languages: ['vi', 'EN'] }))).toEqual({
      score: 1,
      explanation: 'shared working language: English',
    });
    expect(criterion('languages', japaneseBuyer, supplierWith({ languages: ['vi'] }))).toEqual({
      score: 0.3,
      explanation: 'no shared working language (buyer: Japanese, English; supplier: Vietnamese)',
    });
    expect(criterion('languages', needWith({ languages: ['ko', 'vi'] }, openNeed), supplierWith({ languages: ['vi'] })).score).toBe(1);
    expect(criterion('languages', japaneseBuyer, supplierWith({ languages: ['vi'] }), 'vi').explanation).toBe(
      'không có ngôn ngữ làm việc chung (bên mua: tiếng Nhật, tiếng Anh; nhà cung cấp: tiếng Việt)',
    );
  });

  it("languages: a language beyond the usual five is named in the reader's language, never as its code", () => {
    const germanBuyer = needWith({ languages: ['de', 'th'] }, openNeed);
    const vietnameseOnly = supplierWith({ languages: ['vi'] });
    expect(criterion('languages', germanBuyer, vietnameseOnly).explanation).toBe(
      'no shared working language (buyer: German, Thai; supplier: Vietnamese)',
    );
    expect(criterion('languages', germanBuyer, vietnameseOnly, 'vi').explanation).toBe(
      'không có ngôn ngữ làm việc chung (bên mua: tiếng Đức, tiếng Thái; nhà cung cấp: tiếng Việt)',
    );
    expect(criterion('languages', germanBuyer, vietnameseOnly, 'ja').explanation).toContain('ドイツ語');
    expect(criterion('languages', germanBuyer, vietnameseOnly, 'ko').explanation).toContain('독일어');
    // a code no language has stays as it is written, upper-case
    expect(criterion('languages', needWith({ languages: ['zz'] }, openNeed), vietnameseOnly).explanation).toContain('ZZ');
  });

  it('freshness: 1 within 180 days, linear to 0.3 at three years, on the Vietnamese calendar', () => {
    const updated = (updatedAt: string) => criterion('freshness', openNeed, supplierWith({ updatedAt })).score;
    expect(updated('2026-05-30T05:00:00Z')).toBe(1); // 180 days
    expect(updated('2026-05-29T05:00:00Z')).toBe(0.9992); // 181 days
    expect(updated('2025-02-27T05:00:00Z')).toBe(0.6504); // 637 days
    expect(updated('2023-11-27T05:00:00Z')).toBe(0.3); // 3 years
    expect(updated('2019-01-01T00:00:00Z')).toBe(0.3);
    // 17:30 UTC on 29 May is already 30 May in Hải Phòng
    expect(updated('2026-05-29T17:30:00Z')).toBe(1);
    expect(criterion('freshness', openNeed, supplierWith({ updatedAt: `${TODAY}T01:00:00+07:00` })).explanation).toBe(
      'profile updated 26/11/2026, today',
    );
  });
});

describe('validateWeights', () => {
  const weights = (overrides: Record<string, unknown>) => ({ ...DEFAULT_WEIGHTS, ...overrides });

  it('accepts the defaults; those listed for every need sum to 1', () => {
    expect(validateWeights(DEFAULT_WEIGHTS)).toEqual([]);
    const always = Object.entries(DEFAULT_WEIGHTS).filter(([key]) => !CONDITIONAL_CRITERIA.includes(key as CriterionKey));
    expect(always.reduce((sum, [, w]) => sum + w, 0)).toBeCloseTo(1, 10);
    expect(DEFAULT_WEIGHTS.processes).toBe(Math.max(...Object.values(DEFAULT_WEIGHTS)));
  });

  it('names every problem', () => {
    expect(validateWeights(weights({ distance: -0.1, text: Number.NaN, languages: Number.POSITIVE_INFINITY }))).toEqual([
      'weight "distance" must not be negative',
      'weight "text" must be a finite number',
      'weight "languages" must be a finite number',
    ]);
    const { freshness: _dropped, ...withoutFreshness } = DEFAULT_WEIGHTS;
    expect(validateWeights(withoutFreshness as Weights)).toEqual(['weight "freshness" must be a finite number']);
    expect(validateWeights(weights({ price: 0.1 }))).toEqual(['unknown criterion "price"']);
    const allZero = Object.fromEntries(Object.keys(DEFAULT_WEIGHTS).map((key) => [key, 0])) as Weights;
    expect(validateWeights(allZero)).toEqual(['at least one weight must be greater than 0']);
  });

  it('makes scoring throw a clear error', () => {
    const ctx = { ...matchContext(), weights: weights({ distance: -1 }) };
    expect(() => scoreCandidate(bracketNeed, capableSupplier, ctx)).toThrow(
      'Invalid matching weights: weight "distance" must not be negative',
    );
    expect(() => scoreCandidate(bracketNeed, capableSupplier, matchContext({ today: '26/11/2026' }))).toThrow(
      'today must be a YYYY-MM-DD date',
    );
  });
});

describe('numbers in explanations, and distance', () => {
  it("writes numbers, distances and dates in the reader's conventions, without meaningless decimals", () => {
    const values = [0, 999, 1000, 50_000, 1_234_567, 2.5, 12_345.678, -20_000];
    expect(values.map((v) => localeFormat('en').number(v))).toEqual([
      '0',
      '999',
      '1,000',
      '50,000',
      '1,234,567',
      '2.5',
      '12,345.678',
      '-20,000',
    ]);
    expect(values.map((v) => localeFormat('vi').number(v))).toEqual([
      '0',
      '999',
      '1.000',
      '50.000',
      '1.234.567',
      '2,5',
      '12.345,678',
      '-20.000',
    ]);
    expect(values.map((v) => localeFormat('ja').number(v))).toEqual([
      '0',
      '999',
      '1,000',
      '50,000',
      '1,234,567',
      '2.5',
      '12,345.678',
      '-20,000',
    ]);
    expect([0, 0.04, 12.34, 50].map((v) => localeFormat('vi').km(v))).toEqual(['0 km', '0 km', '12,3 km', '50 km']);
    expect([0, 12.34, 50].map((v) => localeFormat('ko').km(v))).toEqual(['0 km', '12.3 km', '50 km']);
    expect(localeFormat('vi').fixed(0.8, 2)).toBe('0,80');
    expect(['vi', 'en', 'ja', 'ko'].map((lang) => localeFormat(lang as ExplanationLang).date('2027-12-31'))).toEqual([
      '31/12/2027',
      '31/12/2027',
      '2027/12/31',
      '2027. 12. 31.',
    ]);
  });

  it('measures great-circle distance with the mean earth radius', () => {
    expect(haversineKm({ lat: 20, lng: 106 }, { lat: 21, lng: 106 })).toBeCloseTo(111.195, 3);
    expect(haversineKm({ lat: 20.8449, lng: 106.6881 }, { lat: 21.0285, lng: 105.8542 })).toBeCloseTo(88.6, 0); // Hải Phòng – Hà Nội
  });

  it('ranks on processes read only weakly from the text, never lists them as missing, and ignores them when processes are required', () => {
    const weakNeed = needWith({ id: 'need-weak', processes: [], preferredProcesses: ['CNC_TURNING'] }, openNeed);
    const turner = scoreCandidate(weakNeed, supplierWith({ processes: ['CNC_TURNING'] }), matchContext());
    const moulder = scoreCandidate(weakNeed, supplierWith({ processes: ['INJECTION_MOULDING'] }), matchContext());
    expect(turner.criteria.find((c) => c.key === 'processes')!.score).toBe(1);
    expect(moulder.criteria.find((c) => c.key === 'processes')!.score).toBe(0);
    expect(moulder.missing).toEqual([]);
    expect(turner.criteria.find((c) => c.key === 'processes')!.explanation).toMatch(/^read from the need's text, not required: /);
    const required = scoreCandidate(
      needWith({ processes: ['INJECTION_MOULDING'], preferredProcesses: ['CNC_TURNING'] }, openNeed),
      supplierWith({ processes: ['INJECTION_MOULDING'] }),
      matchContext(),
    );
    expect(required.criteria.find((c) => c.key === 'processes')!.score).toBe(1);
  });

  it('scores a part named in the text as a choice: any one of the processes that make it will do, never missing', () => {
    // heat sinks: die casting or extrusion (unknown to the fake taxonomy: labelled by their codes)
    const partNeed = needWith(
      { id: 'need-part', processes: [], preferredProcessGroups: [['DIE_CASTING', 'ALUMINIUM_EXTRUSION'], ['CNC_TURNING']] },
      openNeed,
    );
    const processesOf = (offered: string[], lang: 'en' | 'vi' = 'en') =>
      scoreCandidate(partNeed, supplierWith({ processes: offered }), matchContext({ lang })).criteria.find((c) => c.key === 'processes')!;
    expect(processesOf(['ALUMINIUM_EXTRUSION', 'CNC_TURNING']).score).toBe(1);
    expect(processesOf(['DIE_CASTING']).score).toBe(0.5);
    expect(processesOf(['CNC_MACHINING']).score).toBe(0.3); // the parent of turning: 0.6 of one choice out of two
    expect(processesOf(['STAMPING'])).toMatchObject({
      score: 0,
      explanation: "read from the need's text, not required: DIE_CASTING or ALUMINIUM_EXTRUSION: not offered; CNC turning: not offered",
    });
    expect(processesOf(['STAMPING'], 'vi').explanation).toMatch(/DIE_CASTING hoặc ALUMINIUM_EXTRUSION/);
    expect(scoreCandidate(partNeed, supplierWith({ processes: [] }), matchContext()).missing).toEqual([]);
    // beside a required process, a part choice counts too, softly (never missing), unless it is required already
    const withRequired = needWith({ processes: ['CNC_MILLING'], preferredProcessGroups: [['STAMPING']] }, openNeed);
    const miller = scoreCandidate(withRequired, supplierWith({ processes: ['CNC_MILLING'] }), matchContext());
    expect(miller.criteria.find((c) => c.key === 'processes')).toMatchObject({
      score: 0.5,
      explanation: "CNC milling: offered; read from the need's text, not required: stamping: not offered",
    });
    expect(miller.missing).toEqual([]);
    const partRequired = needWith({ processes: ['STAMPING'], preferredProcessGroups: [['STAMPING', 'CNC_TURNING']] }, openNeed);
    expect(
      scoreCandidate(partRequired, supplierWith({ processes: ['STAMPING'] }), matchContext()).criteria.find((c) => c.key === 'processes')!
        .score,
    ).toBe(1);
    // a weak process and the same process as a part choice count once
    const same = needWith({ processes: [], preferredProcesses: ['STAMPING'], preferredProcessGroups: [['STAMPING']] }, openNeed);
    expect(
      scoreCandidate(same, supplierWith({ processes: ['STAMPING'] }), matchContext()).criteria.find((c) => c.key === 'processes')!
        .explanation,
    ).toBe("read from the need's text, not required: stamping: offered");
  });
});

describe('machine size (read from the need text: a soft criterion)', () => {
  const moulder = (clampTonnes: number | null, pressTonnes: number | null = null) =>
    supplierWith({ machines: clampTonnes === null && pressTonnes === null ? null : { clampTonnes, pressTonnes } });
  const largeMoulding = needWith({ machineSize: { tonnes: 450, kind: 'CLAMP' } });

  it('is neither listed nor counted when the need asks for no machine size', () => {
    const match = scoreCandidate(bracketNeed, moulder(120), matchContext());
    expect(match.criteria.map((c) => c.key)).not.toContain('machineSize');
  });

  it('scores the largest machine of the kind asked against the size, soft (never missing)', () => {
    expect(criterion('machineSize', largeMoulding, moulder(850))).toEqual({
      score: 1,
      explanation: 'largest moulding or die-casting machine (clamping force) 850 t, 450 t or more asked',
    });
    // below the size asked the score falls fast: 1 at the size, 0 at half of it (a machine too small cannot make the part)
    expect(criterion('machineSize', largeMoulding, moulder(280))).toEqual({
      score: 0.2444,
      explanation: 'largest moulding or die-casting machine (clamping force) 280 t, below the 450 t asked',
    });
    expect(criterion('machineSize', largeMoulding, moulder(400)).score).toBe(0.7778);
    expect(criterion('machineSize', largeMoulding, moulder(200)).score).toBe(0);
    // a press of 600 t says nothing about a clamping force
    expect(criterion('machineSize', largeMoulding, moulder(null, 600)).score).toBe(0.5);
    expect(criterion('machineSize', largeMoulding, moulder(null)).explanation).toBe(
      'moulding or die-casting machine (clamping force) sizes not stated',
    );
    // "a machine": either kind counts
    expect(criterion('machineSize', needWith({ machineSize: { tonnes: 400, kind: null } }), moulder(120, 600)).score).toBe(1);
    expect(scoreCandidate(largeMoulding, moulder(80), matchContext()).missing).toEqual([]);
  });

  it('weighs in only for the need that states it, and orders the larger machine first', () => {
    const big = { ...moulder(850), id: 'sup-big' };
    const small = { ...moulder(160), id: 'sup-small' };
    const [a, b] = [scoreCandidate(largeMoulding, big, matchContext()), scoreCandidate(largeMoulding, small, matchContext())];
    expect(a.score).toBeGreaterThan(b.score);
    expect(a.criteria.find((c) => c.key === 'machineSize')?.weight).toBe(0.12);
    expect(scoreCandidate(bracketNeed, big, matchContext()).score).toBe(scoreCandidate(bracketNeed, small, matchContext()).score);
  });

  it("explains it in the four languages, numbers in the reader's format", () => {
    const need = needWith({ machineSize: { tonnes: 1600, kind: 'PRESS' } });
    const press = supplierWith({ machines: { pressTonnes: 1200, clampTonnes: null } });
    expect(criterion('machineSize', need, press, 'vi').explanation).toBe('máy dập lớn nhất 1.200 tấn, nhỏ hơn 1.600 tấn cần');
    expect(criterion('machineSize', need, press, 'en').explanation).toBe('largest press 1,200 t, below the 1,600 t asked');
    expect(criterion('machineSize', need, press, 'ja').explanation).toBe('最大のプレス機は1,200トンで、要求の1,600トンに届きません');
    expect(criterion('machineSize', need, press, 'ko').explanation).toBe('최대 프레스 1,200톤, 요구 1,600톤에 미달');
  });
});
