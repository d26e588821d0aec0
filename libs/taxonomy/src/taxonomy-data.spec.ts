import { describe, expect, it } from '@jest/globals';
import { Taxonomy } from './taxonomy.js';
import { TaxonomyKind } from './taxonomy-kind.js';
import { TERM_LANGUAGES, type TaxonomyTerm } from './taxonomy-term.js';
import { matchKey } from './text-forms.js';

/** Quality of the shipped data: it is the backbone of search synonyms and capability extraction. */
const taxonomy = Taxonomy.load();
const list = (kind: TaxonomyKind): TaxonomyTerm[] => taxonomy.list(kind);
const roots = (kind: TaxonomyKind): string[] =>
  list(kind)
    .filter((t) => t.parent === null)
    .map((t) => t.code);
const textsOf = (t: TaxonomyTerm): string[] => [
  ...TERM_LANGUAGES.flatMap((l) => t.labels[l] ?? []),
  ...TERM_LANGUAGES.flatMap((l) => t.aliases[l] ?? []),
];

describe('taxonomy data', () => {
  it('has enough terms of every kind', () => {
    expect(list(TaxonomyKind.PROCESS).length).toBeGreaterThanOrEqual(60);
    expect(list(TaxonomyKind.MATERIAL).length).toBeGreaterThanOrEqual(35);
    expect(list(TaxonomyKind.PRODUCT_GROUP).length).toBeGreaterThanOrEqual(25);
    expect(list(TaxonomyKind.CERTIFICATION).length).toBeGreaterThanOrEqual(16);
    expect(list(TaxonomyKind.SECTOR).length).toBeGreaterThanOrEqual(10);
    expect(list(TaxonomyKind.ZONE).length).toBeGreaterThanOrEqual(20);
  });

  it('labels every process and every industrial zone in vi, en, ja and ko, and every term in vi and en', () => {
    for (const term of [...list(TaxonomyKind.PROCESS), ...list(TaxonomyKind.ZONE)]) {
      for (const lang of TERM_LANGUAGES)
        expect([term.code, lang, term.labels[lang]?.trim()]).toEqual([term.code, lang, expect.any(String)]);
    }
    for (const kind of Object.values(TaxonomyKind)) {
      for (const term of list(kind)) expect(term.labels.vi.trim() && term.labels.en.trim()).toBeTruthy();
    }
  });

  it('has unique codes and existing parents in every kind', () => {
    for (const kind of Object.values(TaxonomyKind)) {
      const codes = list(kind).map((t) => t.code);
      expect(new Set(codes).size).toBe(codes.length);
      for (const term of list(kind)) if (term.parent) expect(taxonomy.has(kind, term.parent)).toBe(true);
    }
  });

  it('never gives two terms of a kind the same form (ignoring case, diacritics, punctuation and spaces)', () => {
    for (const kind of Object.values(TaxonomyKind)) {
      const owners = new Map<string, Set<string>>();
      for (const term of list(kind)) {
        for (const text of textsOf(term)) {
          const { compact } = matchKey(text);
          owners.set(compact, (owners.get(compact) ?? new Set()).add(term.code));
        }
      }
      const shared = [...owners]
        .filter(([, codes]) => codes.size > 1)
        .map(([form, codes]) => `${kind} "${form}": ${[...codes].join(', ')}`);
      expect(shared).toEqual([]);
    }
  });

  it('avoids one-word Vietnamese aliases (ambiguous in free text: tiện, khoan, mài, sơn...), except unambiguous ones', () => {
    // Only words with Vietnamese diacritics are checked; bare loanwords (inox, mica, laptop, o-ring) are fine.
    const allowed = new Set(['hàn', 'inốc', 'nhôm', 'gioăng', 'phớt', 'rơle']);
    const bare = Object.values(TaxonomyKind).flatMap((kind) =>
      list(kind).flatMap((term) =>
        (term.aliases.vi ?? [])
          // eslint-disable-next-line no-control-regex -- the range starts at NUL on purpose: any non-ASCII character
          .filter((a) => !a.includes(' ') && /[^\u0000-\u007f]/.test(a) && !allowed.has(a))
          .map((a) => `${kind} ${term.code}: ${a}`),
      ),
    );
    expect(bare).toEqual([]);
  });

  it('organises processes in groups with children, two or three levels deep', () => {
    expect(roots(TaxonomyKind.PROCESS)).toEqual(
      expect.arrayContaining([
        'MACHINING',
        'SHEET_METAL_FABRICATION',
        'METAL_FORMING',
        'CASTING',
        'PLASTIC_MOULDING',
        'RUBBER_PROCESSING',
        'TOOLING',
        'WELDING_JOINING',
        'ELECTRONICS_ASSEMBLY',
        'WIRE_CABLE',
        'SURFACE_TREATMENT',
        'HEAT_TREATMENT',
      ]),
    );
    const parentOf = (code: string): string | null | undefined => taxonomy.find(TaxonomyKind.PROCESS, code)?.parent;
    expect([parentOf('CNC_MILLING'), parentOf('CNC_TURNING'), parentOf('CNC_MACHINING')]).toEqual([
      'CNC_MACHINING',
      'CNC_MACHINING',
      'MACHINING',
    ]);
    expect([parentOf('PROGRESSIVE_DIE_STAMPING'), parentOf('STAMPING')]).toEqual(['STAMPING', 'METAL_FORMING']);
    expect([parentOf('DIE_CASTING'), parentOf('INJECTION_MOULDING'), parentOf('SMT_ASSEMBLY'), parentOf('WIRE_HARNESS')]).toEqual([
      'CASTING',
      'PLASTIC_MOULDING',
      'ELECTRONICS_ASSEMBLY',
      'WIRE_CABLE',
    ]);
    expect(parentOf('ELECTROPLATING')).toBe('SURFACE_TREATMENT');
    expect(Math.max(...list(TaxonomyKind.PROCESS).map((t) => taxonomy.depth(TaxonomyKind.PROCESS, t.code)))).toBeGreaterThanOrEqual(2);
  });

  it('groups materials under families', () => {
    expect(roots(TaxonomyKind.MATERIAL)).toEqual(
      expect.arrayContaining([
        'STEEL',
        'STAINLESS_STEEL',
        'ALUMINIUM',
        'COPPER_ALLOY',
        'ENGINEERING_PLASTIC',
        'COMMODITY_PLASTIC',
        'RUBBER',
        'PCB_LAMINATE',
      ]),
    );
    for (const code of [
      'SPCC',
      'SECC',
      'SGCC',
      'SUS304',
      'SUS316',
      'ADC12',
      'AL6061',
      'AL5052',
      'C2680',
      'C1100',
      'S45C',
      'SKD11',
      'SKD61',
      'ABS',
      'PC',
      'PA66',
      'POM',
      'PP',
      'PE',
      'PBT',
      'PMMA',
      'TPU',
      'TPE',
      'EPDM',
      'NBR',
      'SILICONE_RUBBER',
      'FR4',
    ]) {
      expect([code, taxonomy.ancestors(TaxonomyKind.MATERIAL, code).length > 0]).toEqual([code, true]);
    }
    for (const code of roots(TaxonomyKind.MATERIAL)) expect(taxonomy.find(TaxonomyKind.MATERIAL, code)?.labels.ja).toBeTruthy();
  });

  it('has the six product groups of Decree 111/2015 (amended by Decree 205/2025) as roots, each with several categories', () => {
    const groups = ['TEXTILE_GARMENT', 'LEATHER_FOOTWEAR', 'ELECTRONICS', 'AUTOMOTIVE', 'MECHANICAL', 'HIGH_TECH'];
    expect([...roots(TaxonomyKind.PRODUCT_GROUP)].sort()).toEqual([...groups].sort());
    for (const code of groups) expect(taxonomy.children(TaxonomyKind.PRODUCT_GROUP, code).length).toBeGreaterThanOrEqual(3);
  });

  it('describes every certification in vi and en, and knows the usual ones', () => {
    for (const term of list(TaxonomyKind.CERTIFICATION)) {
      expect([term.code, Boolean(term.description?.vi && term.description.en)]).toEqual([term.code, true]);
    }
    for (const code of [
      'ISO_9001',
      'IATF_16949',
      'ISO_14001',
      'ISO_45001',
      'ISO_13485',
      'ISO_50001',
      'ISO_IEC_17025',
      'IPC_A_610',
      'IPC_J_STD_001',
      'IPC_WHMA_A_620',
      'ANSI_ESD_S20_20',
      'ROHS',
      'REACH',
      'IECQ_QC_080000',
      'UL',
      'UL_94',
      'SONY_GREEN_PARTNER',
      'ISO_27001',
      'AS9100',
    ]) {
      expect([code, taxonomy.has(TaxonomyKind.CERTIFICATION, code)]).toEqual([code, true]);
    }
    expect(taxonomy.parentOf(TaxonomyKind.CERTIFICATION, 'UL_94')?.code).toBe('UL');
  });

  it('has buyer sectors, some nested', () => {
    for (const code of [
      'ELECTRONICS',
      'CONSUMER_ELECTRONICS',
      'AUTOMOTIVE',
      'MOTORCYCLE',
      'OFFICE_EQUIPMENT',
      'TELECOM',
      'HOME_APPLIANCES',
      'MEDICAL_DEVICES',
      'MACHINERY',
      'TEXTILE_GARMENT',
      'FOOTWEAR',
      'PACKAGING',
      'ENERGY_BATTERIES',
      'SEMICONDUCTOR',
    ]) {
      expect([code, taxonomy.has(TaxonomyKind.SECTOR, code)]).toEqual([code, true]);
    }
    expect(taxonomy.parentOf(TaxonomyKind.SECTOR, 'OFFICE_EQUIPMENT')?.code).toBe('ELECTRONICS');
  });

  it('places every industrial zone, including the former Hải Dương ones, inside the city', () => {
    const zones = list(TaxonomyKind.ZONE).filter((t) => t.parent !== null);
    expect(roots(TaxonomyKind.ZONE).sort()).toEqual(['HAI_DUONG_FORMER', 'HP_CORE']);
    for (const zone of zones) {
      expect(zone.geo).toEqual({ lat: expect.any(Number), lng: expect.any(Number) });
      expect([zone.code, zone.geo!.lat >= 20.5 && zone.geo!.lat <= 21.3, zone.geo!.lng >= 105.9 && zone.geo!.lng <= 107.1]).toEqual([
        zone.code,
        true,
        true,
      ]);
      expect(['geocoded', 'district-centre', 'rough']).toContain(zone.coordQuality);
      expect(zone.oldDistrict).toBeTruthy();
    }
    for (const code of ['VSIP_HP', 'TRANG_DUE', 'NOMURA_HP', 'DEEP_C_1', 'DEEP_C_2', 'DEEP_C_3', 'NAM_DINH_VU', 'VINFAST_CAT_HAI']) {
      expect(taxonomy.parentOf(TaxonomyKind.ZONE, code)?.code).toBe('HP_CORE');
    }
    const formerHaiDuong = taxonomy.children(TaxonomyKind.ZONE, 'HAI_DUONG_FORMER').map((t) => t.code);
    expect(formerHaiDuong).toEqual(
      expect.arrayContaining([
        'DAI_AN',
        'TAN_TRUONG',
        'PHUC_DIEN',
        'LAI_VU',
        'VIET_HOA_KENMARK',
        'LAI_CACH',
        'CONG_HOA',
        'PHU_THAI',
        'VSIP_HD',
      ]),
    );
    expect(taxonomy.find(TaxonomyKind.ZONE, 'VSIP_HP')?.ward).toBe('P. Thủy Nguyên');
  });
});
