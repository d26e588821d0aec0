import { describe, expect, it } from '@jest/globals';
import { extractCapabilities, type CapabilityMention } from './capability-extraction.js';
import { Taxonomy } from './taxonomy.js';
import { TaxonomyKind } from './taxonomy-kind.js';
import type { TaxonomyDataFile, TaxonomyTermData } from './taxonomy-term.js';

const { PROCESS, MATERIAL, PRODUCT_GROUP, CERTIFICATION } = TaxonomyKind;
const taxonomy = Taxonomy.load();
const extract = (text: string): CapabilityMention[] => extractCapabilities(taxonomy, text);
/** `KIND:CODE` of every mention, in order. */
const codes = (text: string): string[] => extract(text).map((m) => `${m.kind}:${m.code}`);

describe('extractCapabilities: languages', () => {
  it('reads Vietnamese with diacritics, reporting the words as written', () => {
    expect(extract('Cần gia công CNC chi tiết nhôm 6061, anot hóa, yêu cầu IATF 16949')).toEqual([
      { kind: PROCESS, code: 'CNC_MACHINING', matched: ['gia công CNC'] },
      { kind: MATERIAL, code: 'AL6061', matched: ['nhôm 6061'] },
      { kind: PROCESS, code: 'ANODISING', matched: ['anot hóa'] },
      { kind: CERTIFICATION, code: 'IATF_16949', matched: ['IATF 16949'] },
    ]);
  });

  it('reads the same text without diacritics, in lower case, and in upper case', () => {
    expect(extract('can gia cong cnc chi tiet nhom 6061, anot hoa, yeu cau iatf 16949')).toEqual([
      { kind: PROCESS, code: 'CNC_MACHINING', matched: ['gia cong cnc'] },
      { kind: MATERIAL, code: 'AL6061', matched: ['nhom 6061'] },
      { kind: PROCESS, code: 'ANODISING', matched: ['anot hoa'] },
      { kind: CERTIFICATION, code: 'IATF_16949', matched: ['iatf 16949'] },
    ]);
    expect(codes('CẦN GIA CÔNG CNC CHI TIẾT NHÔM 6061, ANOT HÓA, YÊU CẦU IATF 16949')).toEqual([
      'PROCESS:CNC_MACHINING',
      'MATERIAL:AL6061',
      'PROCESS:ANODISING',
      'CERTIFICATION:IATF_16949',
    ]);
  });

  it('reads decomposed (NFD) Vietnamese, "đ" written as "d", and old-style tone placement (hoá = hóa)', () => {
    const nfd = 'Gia công CNC, anot hóa'.normalize('NFD');
    expect(extract(nfd)).toEqual([
      { kind: PROCESS, code: 'CNC_MACHINING', matched: [nfd.slice(0, nfd.indexOf(','))] },
      { kind: PROCESS, code: 'ANODISING', matched: [nfd.slice(nfd.indexOf('anot'))] },
    ]);
    expect(extract('dúc áp lực, anot hoá, Thuỵ Sĩ')).toEqual([
      { kind: PROCESS, code: 'DIE_CASTING', matched: ['dúc áp lực'] },
      { kind: PROCESS, code: 'ANODISING', matched: ['anot hoá'] },
    ]);
  });

  it('reads English, preferring the longest phrase', () => {
    expect(extract('Progressive die stamping of SPCC brackets, e-coating, ISO 9001 and IATF16949')).toEqual([
      { kind: PROCESS, code: 'PROGRESSIVE_DIE_STAMPING', matched: ['Progressive die stamping'] },
      { kind: MATERIAL, code: 'SPCC', matched: ['SPCC'] },
      { kind: PRODUCT_GROUP, code: 'MECH_BRACKETS_CLIPS', matched: ['brackets'] },
      { kind: PROCESS, code: 'E_COATING', matched: ['e-coating'] },
      { kind: CERTIFICATION, code: 'ISO_9001', matched: ['ISO 9001'] },
      { kind: CERTIFICATION, code: 'IATF_16949', matched: ['IATF16949'] },
    ]);
  });

  it('reads Japanese as substrings, with Latin words beside kana and kanji', () => {
    expect(extract('射出成形 PC/ABS 筐体')).toEqual([
      { kind: PROCESS, code: 'INJECTION_MOULDING', matched: ['射出成形'] },
      { kind: MATERIAL, code: 'PC_ABS', matched: ['PC/ABS'] },
      { kind: PRODUCT_GROUP, code: 'MECH_ENCLOSURES_STRUCTURES', matched: ['筐体'] },
    ]);
    expect(extract('ABS樹脂の射出成形品、SUS304材のCNC加工、アルマイト処理')).toEqual([
      { kind: MATERIAL, code: 'ABS', matched: ['ABS樹脂'] },
      { kind: PROCESS, code: 'INJECTION_MOULDING', matched: ['射出成形品'] },
      { kind: MATERIAL, code: 'SUS304', matched: ['SUS304材'] },
      { kind: PROCESS, code: 'CNC_MACHINING', matched: ['CNC加工'] },
      { kind: PROCESS, code: 'ANODISING', matched: ['アルマイト処理'] },
    ]);
  });

  it('reads Korean, tolerating missing or extra spaces', () => {
    expect(extract('프레스 가공 및 용접')).toEqual([
      { kind: PROCESS, code: 'STAMPING', matched: ['프레스 가공'] },
      { kind: PROCESS, code: 'WELDING_JOINING', matched: ['용접'] },
    ]);
    expect(extract('CNC가공, CNC 가공, 프레스가공, 사출 성형')).toEqual([
      { kind: PROCESS, code: 'CNC_MACHINING', matched: ['CNC가공', 'CNC 가공'] },
      { kind: PROCESS, code: 'STAMPING', matched: ['프레스가공'] },
      { kind: PROCESS, code: 'INJECTION_MOULDING', matched: ['사출 성형'] },
    ]);
  });
});

describe('extractCapabilities: precision', () => {
  it('matches Latin-script forms on word boundaries only', () => {
    expect(extract('phương tiện vận chuyển')).toEqual([]);
    expect(extract('we need 5000 pcs per month')).toEqual([]);
    expect(extract('absolute accuracy')).toEqual([]);
    expect(codes('ABSOLUTE, ABS')).toEqual(['MATERIAL:ABS']);
  });

  it('requires short acronyms to be written in capitals', () => {
    expect(codes('PC, PE, PP, PS and UL')).toEqual(['MATERIAL:PC', 'MATERIAL:PE', 'MATERIAL:PP', 'MATERIAL:PS', 'CERTIFICATION:UL']);
    expect(extract('pc pe pp ps ul, 10 PCs, Pc')).toEqual([]);
    expect(codes('Dây chuyền SMT; smt')).toEqual(['PROCESS:SMT_ASSEMBLY']);
    // In a longer phrase the context disambiguates: case no longer matters.
    expect(extract('nhựa pc')).toEqual([{ kind: MATERIAL, code: 'PC', matched: ['nhựa pc'] }]);
    // All-capital acronyms that are also English words only count in capitals.
    expect(codes('we reach customers, Reach, REACH SVHC')).toEqual(['CERTIFICATION:REACH']);
  });

  it('does not match one-syllable Vietnamese words (hàn in Hàn Quốc)', () => {
    expect(extract('Công ty Hàn Quốc, hạn chế nhập khẩu')).toEqual([]);
    expect(codes('gia công hàn kết cấu')).toEqual(['PROCESS:WELDING_JOINING']);
  });

  it('distinguishes diacritics when both the text and the form carry them', () => {
    // tủ điện (electrical cabinet) is not tụ điện (capacitor); undiacritised "tu dien" may be either.
    expect(codes('Sản xuất tủ điện')).toEqual([]);
    expect(codes('Sản xuất tụ điện')).toEqual(['PRODUCT_GROUP:ELECTRONICS_PASSIVE_COMPONENTS']);
    expect(codes('san xuat tu dien')).toEqual(['PRODUCT_GROUP:ELECTRONICS_PASSIVE_COMPONENTS']);
    expect(codes('vỏ tủ điện')).toEqual(['PRODUCT_GROUP:MECH_ENCLOSURES_STRUCTURES']);
  });

  it('lets the longest match win, without overlapping spans', () => {
    expect(extract('khuôn dập liên hoàn')).toEqual([{ kind: PROCESS, code: 'PROGRESSIVE_DIE_STAMPING', matched: ['khuôn dập liên hoàn'] }]);
    expect(extract('dập kim loại và hàn điểm')).toEqual([
      { kind: PROCESS, code: 'STAMPING', matched: ['dập kim loại'] },
      { kind: PROCESS, code: 'SPOT_WELDING', matched: ['hàn điểm'] },
    ]);
    expect(codes('PC/ABS')).toEqual(['MATERIAL:PC_ABS']);
    expect(codes('PC, ABS')).toEqual(['MATERIAL:PC', 'MATERIAL:ABS']);
  });

  it('does not join words across sentence or list punctuation unless the form has it too', () => {
    expect(codes('gia công, CNC')).toEqual([]);
    expect(extract('Khoan, taro và khoan taro')).toEqual([
      { kind: PROCESS, code: 'DRILLING_TAPPING', matched: ['Khoan, taro', 'khoan taro'] },
    ]);
  });

  it('never glues two numbers together', () => {
    expect(extract('mác 1.2379, mã 12379')).toEqual([{ kind: MATERIAL, code: 'SKD11', matched: ['1.2379'] }]);
  });

  it('ignores zones and sectors', () => {
    expect(extract('KCN VSIP Hải Phòng, điện thoại di động, smartphones')).toEqual([]);
  });

  it('returns nothing for empty or blank text', () => {
    expect(extract('')).toEqual([]);
    expect(extract(' \n\t ')).toEqual([]);
  });
});

describe('extractCapabilities: normalisation and output', () => {
  it('normalises full-width characters, hyphens, slashes and missing spaces', () => {
    expect(extract('ＩＡＴＦ１６９４９, IATF-16949, ISO/TS16949, ISO/TS 16949')).toEqual([
      { kind: CERTIFICATION, code: 'IATF_16949', matched: ['ＩＡＴＦ１６９４９', 'IATF-16949', 'ISO/TS16949', 'ISO/TS 16949'] },
    ]);
    expect(extract('ISO9001 / ISO 9001:2015; SUS 304 và inox304')).toEqual([
      { kind: CERTIFICATION, code: 'ISO_9001', matched: ['ISO9001', 'ISO 9001:2015'] },
      { kind: MATERIAL, code: 'SUS304', matched: ['SUS 304', 'inox304'] },
    ]);
  });

  it('lists each term once, each distinct surface text once, in order of first appearance', () => {
    expect(extract('Gia công CNC; sơn tĩnh điện; gia công CNC; GIA CÔNG CNC; gia công CNC; gia cong cnc')).toEqual([
      { kind: PROCESS, code: 'CNC_MACHINING', matched: ['Gia công CNC', 'gia công CNC', 'GIA CÔNG CNC', 'gia cong cnc'] },
      { kind: PROCESS, code: 'POWDER_COATING', matched: ['sơn tĩnh điện'] },
    ]);
  });

  it('reads participles and hyphenated forms of processes', () => {
    const codes = extract('MIG welded frames, plasma cut brackets, die-cast housings, e-coated').map((m) => m.code);
    // the parts (frames, brackets) are product groups since taxonomy 2026.12.1
    expect(codes).toEqual([
      'MIG_MAG_WELDING',
      'MECH_ENCLOSURES_STRUCTURES',
      'PLASMA_CUTTING',
      'MECH_BRACKETS_CLIPS',
      'DIE_CASTING',
      'E_COATING',
    ]);
  });

  it('lets a product group contain a process without hiding it', () => {
    // "自動車用ワイヤーハーネス" is a product-group form; the wire-harness process inside it counts too.
    const found = extract('自動車用ワイヤーハーネスのサブ組立');
    expect(found.map((m) => `${m.kind}:${m.code}`)).toEqual(expect.arrayContaining(['PROCESS:WIRE_HARNESS']));
    // …but a product group does not claim words a process already took
    expect(extract('khuôn dập liên hoàn').map((m) => m.code)).toEqual(['PROGRESSIVE_DIE_STAMPING']);
  });

  it('reports a product group and a process named by the same words', () => {
    expect(extract('Chuyên bó dây điện ô tô')).toEqual([
      { kind: PROCESS, code: 'WIRE_HARNESS', matched: ['bó dây điện ô tô'] },
      { kind: PRODUCT_GROUP, code: 'AUTO_WIRE_HARNESS', matched: ['bó dây điện ô tô'] },
    ]);
    expect(codes('Khuôn dập')).toEqual(['PROCESS:STAMPING_DIE_MAKING', 'PRODUCT_GROUP:MECH_MOULDS_DIES']);
  });

  it('also uses labels without their parenthesised part, keeping a closing bracket in the matched text', () => {
    expect(extract('Sơn điện di, Electrical discharge machining (EDM), 陽極酸化')).toEqual([
      { kind: PROCESS, code: 'E_COATING', matched: ['Sơn điện di'] },
      { kind: PROCESS, code: 'EDM', matched: ['Electrical discharge machining (EDM)'] },
      { kind: PROCESS, code: 'ANODISING', matched: ['陽極酸化'] },
    ]);
  });

  it('reads a whole shop profile', () => {
    const profile = [
      'Công ty TNHH Cơ khí chính xác ABC (KCN Tràng Duệ, Hải Phòng).',
      'Năng lực: gia công CNC 5 trục, tiện CNC, cắt dây EDM, mài phẳng; dập liên hoàn 200 tấn; hàn robot, hàn TIG.',
      'Vật liệu: SUS304, SKD11, nhôm A7075, đồng thau C3604, nhựa POM.',
      'Xử lý bề mặt: mạ kẽm, sơn tĩnh điện, nhuộm đen. Đạt ISO 9001:2015, IATF 16949, RoHS.',
    ].join('\n');
    expect(codes(profile)).toEqual([
      'PROCESS:CNC_MACHINING', // "Cơ khí chính xác"
      'PROCESS:MULTI_AXIS_MACHINING',
      'PROCESS:CNC_TURNING',
      'PROCESS:WIRE_EDM',
      'PROCESS:SURFACE_GRINDING',
      'PROCESS:PROGRESSIVE_DIE_STAMPING',
      'PROCESS:ROBOTIC_WELDING',
      'PROCESS:TIG_WELDING',
      'MATERIAL:SUS304',
      'MATERIAL:SKD11',
      'MATERIAL:AL7075',
      'MATERIAL:BRASS', // "đồng thau" ("đồng thau C3604" is not an alias of C3604)
      'MATERIAL:C3604',
      'MATERIAL:POM',
      'PROCESS:SURFACE_TREATMENT', // "mạ kẽm" alone is deliberately not a form (shared by several platings)
      'PROCESS:POWDER_COATING',
      'PROCESS:CONVERSION_COATING',
      'CERTIFICATION:ISO_9001',
      'CERTIFICATION:IATF_16949',
      'CERTIFICATION:ROHS',
    ]);
  });

  it('handles a 5000-character text quickly', () => {
    const sample =
      'Cần gia công CNC chi tiết nhôm 6061, anot hóa, IATF 16949. 射出成形 PC/ABS 筐体。프레스 가공 및 용접. we need 5000 pcs per month. ';
    const text = sample.repeat(Math.ceil(5000 / sample.length)).slice(0, 5000);
    extractCapabilities(taxonomy, text); // builds the index once and warms up
    // A guard against a super-linear rule (typically 1–4 ms a call), not a speed measurement: the
    // fastest of ten calls, which a busy machine slows far less than their mean.
    let mentions: CapabilityMention[] = [];
    let perCall = Infinity;
    for (let k = 0; k < 10; k++) {
      const started = performance.now();
      mentions = extractCapabilities(taxonomy, text);
      perCall = Math.min(perCall, performance.now() - started);
    }
    expect(mentions.map((m) => m.code)).toEqual(
      expect.arrayContaining([
        'CNC_MACHINING',
        'AL6061',
        'ANODISING',
        'IATF_16949',
        'INJECTION_MOULDING',
        'PC_ABS',
        'STAMPING',
        'WELDING_JOINING',
      ]),
    );
    expect(mentions.map((m) => m.code)).not.toContain('PC');
    expect(perCall).toBeLessThan(50);
  });
});

describe('extractCapabilities: index per taxonomy', () => {
  const term = (code: string, labels: TaxonomyTermData['labels'], aliases: TaxonomyTermData['aliases'] = {}): TaxonomyTermData => ({
    code,
    parent: null,
    labels,
    aliases,
  });
  const file = (kind: TaxonomyKind, terms: TaxonomyTermData[]): TaxonomyDataFile => ({ version: '2026.11.1', kind, terms });

  it('builds a separate index for each Taxonomy instance', () => {
    const custom = Taxonomy.fromData([
      file(PROCESS, [
        term('HYDROFORMING', { vi: 'Tạo hình thủy lực', en: 'Hydroforming', ja: 'ハイドロフォーミング', ko: '하이드로포밍' }),
      ]),
      file(TaxonomyKind.SECTOR, [term('SHIPBUILDING', { vi: 'Đóng tàu', en: 'Shipbuilding' })]),
    ]);
    const text = 'Hydroforming, gia công CNC, đóng tàu, ハイドロフォーミング';
    expect(extractCapabilities(custom, text)).toEqual([
      { kind: PROCESS, code: 'HYDROFORMING', matched: ['Hydroforming', 'ハイドロフォーミング'] },
    ]);
    expect(codes(text)).toEqual(['PROCESS:CNC_MACHINING']);
  });
});
