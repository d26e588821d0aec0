import { describe, expect, it } from '@jest/globals';
import { type CandidateSpec, type NeedSpec, type TaxonomyView, unmetHardRequirements } from '#libs/matching';
import { describeChange, explainPath } from './phrases.js';
import { applyChanges, oneChangeAway, upgradePaths, type VisibleNeed } from './upgrade-paths.js';

const PARENT: Record<string, string | null> = {
  MACHINING: null,
  CNC: 'MACHINING',
  MILLING: 'CNC',
  TURNING: 'CNC',
  FORMING: null,
  STAMPING: 'FORMING',
  PROGRESSIVE: 'STAMPING',
};
const taxonomy: TaxonomyView = { parentOf: (_kind, code) => PARENT[code] ?? null, label: (_kind, code) => code.replace('_', ' ') };
const TODAY = '2026-11-26';
const HAI_PHONG = { lat: 20.85, lng: 106.68 };
const HO_CHI_MINH = { lat: 10.8, lng: 106.7 };

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
const supplier = (fields: Partial<CandidateSpec>): CandidateSpec => ({
  id: 'sme',
  name: 'SME',
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
const pcs = (value: number) => ({ value, unit: 'PCS' });
const seen = (spec: NeedSpec, sectors: string[] | null = ['AUTOMOTIVE']): VisibleNeed => ({ spec, sectors });

// A CNC milling SME in Hải Phòng: ISO 9001, 1 000 pieces a month, 20 days, 0.05 mm.
const SME = supplier({
  processes: ['MILLING'],
  certifications: [{ code: 'ISO_9001', validFrom: null, validUntil: '2028-01-01' }],
  monthlyCapacity: pcs(1000),
  leadTimeDays: 20,
  bestToleranceMm: 0.05,
  location: HAI_PHONG,
});

// Worked by hand (what the SME misses today):
//   n1, n2 milling + IATF, n3 CNC (milling is a kind of CNC) + IATF  → IATF only
//   n4 5 000 pcs, n5 2 000 pcs                                         → capacity only
//   n6 10 days                                                         → lead time only
//   n7 turning + IATF, n9 stamping + IATF, n10 milling + IATF + 0.01 mm → two things each
//   n8 milling + ISO 9001                                              → nothing (qualified now)
//   n11 milling + IATF, but delivery in Hồ Chí Minh City within 50 km  → out of reach whatever it changes
//   n12 progressive stamping                                          → that process only
const NEEDS: VisibleNeed[] = [
  seen(need('n1', { processes: ['MILLING'], certifications: ['IATF_16949'], quantityPerMonth: pcs(500) })),
  seen(need('n2', { processes: ['MILLING'], certifications: ['IATF_16949'], quantityPerMonth: pcs(800) }), null),
  seen(need('n3', { processes: ['CNC'], certifications: ['IATF_16949'], quantityPerMonth: { value: 200, unit: 'KG' } }), []),
  seen(need('n4', { processes: ['MILLING'], quantityPerMonth: pcs(5000) })),
  seen(need('n5', { processes: ['MILLING'], quantityPerMonth: pcs(2000) })),
  seen(need('n6', { processes: ['MILLING'], maxLeadTimeDays: 10 })),
  seen(need('n7', { processes: ['TURNING'], certifications: ['IATF_16949'] })),
  seen(need('n8', { processes: ['MILLING'], certifications: ['ISO_9001'] })),
  seen(need('n9', { processes: ['STAMPING'], certifications: ['IATF_16949'] })),
  seen(need('n10', { processes: ['MILLING'], certifications: ['IATF_16949'], toleranceMm: 0.01 })),
  seen(need('n11', { processes: ['MILLING'], certifications: ['IATF_16949'], delivery: HO_CHI_MINH, maxDistanceKm: 50 })),
  seen(need('n12', { processes: ['PROGRESSIVE'] })),
];

describe('upgradePaths', () => {
  const analysis = upgradePaths(SME, NEEDS, taxonomy, TODAY, { first: 10 });
  const summary = (changes: { kind: string; code: string | null; value: number | null }[]) =>
    changes.map((c) => `${c.kind}:${c.code ?? c.value}`).join('+');

  it('puts the certification missing from three needs first, with those three needs, their volume and sectors', () => {
    expect(analysis.qualifiedNow).toBe(1);
    expect(analysis.needsSeen).toBe(12);
    const [first] = analysis.paths;
    expect(summary(first.changes)).toBe('CERTIFICATION:IATF_16949');
    expect(first.needIds).toEqual(['n1', 'n2', 'n3']);
    expect(first.volume).toEqual([
      { unit: 'KG', total: 200 },
      { unit: 'PCS', total: 1300 },
    ]);
    // n2's buyer is hidden from the SME: counted, never named by its sector
    expect(first.sectors).toEqual([
      { code: 'AUTOMOTIVE', needs: 1 },
      { code: 'UNDISCLOSED', needs: 1 },
      { code: 'UNSPECIFIED', needs: 1 },
    ]);
    // n7, n9, n10 would still miss one thing each; n11 (too far) is no near miss
    expect(first.nearMisses).toBe(3);
    expect(first.stillMissing.map((m) => [m.requirement.kind, m.requirement.code, m.needs])).toEqual([
      ['PROCESS', 'STAMPING', 1],
      ['PROCESS', 'TURNING', 1],
      ['TOLERANCE', null, 1],
    ]);
  });

  it('ranks the other single changes by needs unlocked, keeping only capacity levels that unlock more', () => {
    expect(analysis.paths.map((p) => `${summary(p.changes)}=${p.needIds.join(',')}`)).toEqual([
      'CERTIFICATION:IATF_16949=n1,n2,n3',
      'CAPACITY:5000=n4,n5',
      // through the taxonomy: progressive stamping also covers n9's stamping (a kind of it), but n9 wants IATF too;
      // stamping, the generic process, covers n12's progressive stamping as the engine counts it
      'PROCESS:PROGRESSIVE=n12',
      'PROCESS:STAMPING=n12',
      'CAPACITY:2000=n5',
      'LEAD_TIME:10=n6',
    ]);
    const progressive = analysis.paths[2];
    expect(progressive.stillMissing.map((m) => [m.requirement.kind, m.requirement.code])).toEqual([['CERTIFICATION', 'IATF_16949']]);
  });

  it('lists two changes that unlock a need neither unlocks alone', () => {
    expect(analysis.combinations.map((p) => `${summary(p.changes)}=${p.needIds.join(',')}/${p.onlyTogether}`)).toEqual([
      'CERTIFICATION:IATF_16949+PROCESS:STAMPING=n1,n12,n2,n3,n9/1',
      'CERTIFICATION:IATF_16949+PROCESS:TURNING=n1,n2,n3,n7/1',
      'CERTIFICATION:IATF_16949+TOLERANCE:0.01=n1,n10,n2,n3/1',
    ]);
  });

  it('counts only needs the engine itself judges met after the change', () => {
    for (const path of [...analysis.paths, ...analysis.combinations]) {
      const after = applyChanges(SME, path.changes);
      for (const id of path.needIds) {
        const { spec } = NEEDS.find((n) => n.spec.id === id)!;
        expect(unmetHardRequirements(spec, after, taxonomy, TODAY)).toEqual([]);
        expect(unmetHardRequirements(spec, SME, taxonomy, TODAY)).not.toEqual([]);
      }
    }
  });

  it('counts an expired certificate as missing, like the engine', () => {
    const expired = supplier({ ...SME, certifications: [{ code: 'IATF_16949', validFrom: null, validUntil: TODAY }] });
    expect(summary(upgradePaths(expired, NEEDS, taxonomy, TODAY, { first: 1 }).paths[0].changes)).toBe('CERTIFICATION:IATF_16949');
  });

  it('explains a path in Vietnamese and English', () => {
    const label = (_kind: string, code: string) => code.replace('_', ' ');
    expect(explainPath(analysis.paths[0], 'en', label)).toBe(
      'Get IATF 16949 certified: qualifies for 3 more open needs (200 kg, 1,300 pcs a month in total). 3 other needs would still miss: the process STAMPING (1), the process TURNING (1), tolerance (1).',
    );
    expect(explainPath(analysis.combinations[0], 'vi', label)).toBe(
      'Đạt chứng nhận IATF 16949 và Bổ sung quy trình STAMPING: đủ điều kiện cho thêm 5 nhu cầu đang mở (tổng 200 kg, 1.300 chiếc mỗi tháng). 1 nhu cầu trong số đó chỉ mở ra khi có cả hai thay đổi. 2 nhu cầu khác vẫn còn thiếu: quy trình TURNING (1), dung sai (1).',
    );
  });

  it('names units as the matching engine and the web app do, never by their codes', () => {
    const label = (_kind: string, code: string) => code.replace('_', ' ');
    const capacity = analysis.paths[1];
    expect(capacity.changes).toEqual([{ kind: 'CAPACITY', code: null, value: 5000, unit: 'PCS' }]);
    expect(describeChange(capacity.changes[0], 'en', label)).toBe('Raise capacity to 5,000 pcs a month');
    expect(describeChange(capacity.changes[0], 'vi', label)).toBe('Nâng công suất lên 5.000 chiếc/tháng');
    expect(describeChange(capacity.changes[0], 'ja', label)).toBe('月産能力を 5,000個 に引き上げる');
    expect(describeChange(capacity.changes[0], 'ko', label)).toBe('월 생산능력을 5,000개까지 확대');
    expect(explainPath(analysis.paths[0], 'ja', label)).toContain('（月合計 200 kg、1,300個）');
    expect(explainPath(analysis.paths[0], 'ko', label)).toContain('(월 합계 200 kg, 1,300개)');
    for (const lang of ['vi', 'en', 'ja', 'ko'] as const)
      for (const path of [...analysis.paths, ...analysis.combinations])
        expect(explainPath(path, lang, label) + path.changes.map((c) => describeChange(c, lang, label)).join()).not.toMatch(
          /\b(PCS|KG|SETS|TONNES)\b/,
        );
  });

  it('finds suppliers one change away from a need', () => {
    const others = [
      SME,
      supplier({ id: 'turner', processes: ['TURNING'] }),
      supplier({ id: 'certified', processes: ['MILLING'], certifications: [{ code: 'IATF_16949', validFrom: null, validUntil: null }] }),
    ];
    const away = oneChangeAway(NEEDS[0].spec, others, taxonomy, TODAY);
    expect(away.map((a) => [a.supplier.id, a.change.kind, a.change.code])).toEqual([['sme', 'CERTIFICATION', 'IATF_16949']]);
  });
});
