import { describe, expect, it } from '@jest/globals';
import { Language } from '#libs/core';
import { Taxonomy } from './taxonomy.js';
import { TaxonomyKind } from './taxonomy-kind.js';

const taxonomy = Taxonomy.load();
const codes = (terms: { code: string }[]): string[] => terms.map((t) => t.code);

describe('Taxonomy (shipped data)', () => {
  it('is loaded once, at the data version', () => {
    expect(Taxonomy.load()).toBe(taxonomy);
    expect(taxonomy.version).toBe('2026.12.5');
  });

  it('finds terms and navigates the tree', () => {
    expect(taxonomy.has(TaxonomyKind.PROCESS, 'CNC_MILLING')).toBe(true);
    expect(taxonomy.has(TaxonomyKind.MATERIAL, 'CNC_MILLING')).toBe(false);
    expect(taxonomy.find(TaxonomyKind.PROCESS, 'NOPE')).toBeUndefined();
    expect(taxonomy.parentOf(TaxonomyKind.PROCESS, 'CNC_MILLING')?.code).toBe('CNC_MACHINING');
    expect(taxonomy.parentOf(TaxonomyKind.PROCESS, 'MACHINING')).toBeUndefined();
    expect(codes(taxonomy.ancestors(TaxonomyKind.PROCESS, 'PROGRESSIVE_DIE_STAMPING'))).toEqual(['STAMPING', 'METAL_FORMING']);
    expect(codes(taxonomy.children(TaxonomyKind.PROCESS, 'CNC_MACHINING'))).toEqual(['CNC_MILLING', 'CNC_TURNING']);
    expect(codes(taxonomy.descendants(TaxonomyKind.PROCESS, 'CNC_MACHINING'))).toEqual([
      'CNC_MILLING',
      'MULTI_AXIS_MACHINING',
      'CNC_TURNING',
      'SWISS_TURNING',
    ]);
    expect(taxonomy.depth(TaxonomyKind.PROCESS, 'SWISS_TURNING')).toBe(3);
    expect(taxonomy.children(TaxonomyKind.PROCESS, 'NOPE')).toEqual([]);
    expect(taxonomy.ancestors(TaxonomyKind.PROCESS, 'NOPE')).toEqual([]);
  });

  it('lists a kind in tree order: parents before children, siblings by code', () => {
    for (const kind of Object.values(TaxonomyKind)) {
      const list = taxonomy.list(kind);
      const position = new Map(list.map((t, i) => [t.code, i]));
      for (const term of list) {
        if (term.parent) expect(position.get(term.parent)!).toBeLessThan(position.get(term.code)!);
      }
      const roots = codes(list.filter((t) => t.parent === null));
      expect(roots).toEqual([...roots].sort());
    }
    expect(codes(taxonomy.list(TaxonomyKind.PROCESS)).slice(0, 3)).toEqual(['ADDITIVE_MANUFACTURING', 'ASSEMBLY', 'CASTING']);
  });

  it('hands out terms that cannot be changed', () => {
    const term = taxonomy.find(TaxonomyKind.PROCESS, 'STAMPING')!;
    expect(() => {
      term.labels.vi = 'x';
    }).toThrow(TypeError);
    taxonomy.list(TaxonomyKind.PROCESS).pop();
    expect(taxonomy.list(TaxonomyKind.PROCESS).length).toBeGreaterThanOrEqual(60);
  });

  it('labels in the requested language, falling back to English then Vietnamese', () => {
    expect(taxonomy.label(TaxonomyKind.PROCESS, 'INJECTION_MOULDING', Language.vi)).toBe('Ép phun nhựa');
    expect(taxonomy.label(TaxonomyKind.PROCESS, 'INJECTION_MOULDING', Language.ja)).toBe('射出成形');
    expect(taxonomy.label(TaxonomyKind.PROCESS, 'INJECTION_MOULDING', Language.ko)).toBe('사출성형');
    // Zones are named in all four languages, as a Japanese or Korean engineer would recognise them.
    expect(taxonomy.label(TaxonomyKind.ZONE, 'TRANG_DUE', Language.ja)).toBe('チャンズエ工業団地');
    expect(taxonomy.label(TaxonomyKind.ZONE, 'DEEP_C_1', Language.ko)).toBe('DEEP C 하이퐁 I (딘부 산업단지)');
    // A term without a Japanese label (certificates are named alike everywhere): English is used.
    expect(taxonomy.label(TaxonomyKind.CERTIFICATION, 'ISO_9001', Language.ja)).toBe('ISO 9001');
    expect(taxonomy.label(TaxonomyKind.ZONE, 'TRANG_DUE', Language.vi)).toBe('KCN Tràng Duệ');
    expect(taxonomy.label(TaxonomyKind.ZONE, 'NO_SUCH_ZONE', Language.vi)).toBe('NO_SUCH_ZONE');
  });

  it('lists surface forms: labels and aliases, lowercased, with and without diacritics', () => {
    const forms = taxonomy.surfaceForms(TaxonomyKind.PROCESS, 'STAMPING');
    expect(forms[0]).toBe('dập kim loại');
    expect(forms).toEqual(
      expect.arrayContaining(['dập kim loại', 'dap kim loai', 'đột dập', 'dot dap', 'metal stamping', 'プレス加工', '프레스 가공']),
    );
    expect(new Set(forms).size).toBe(forms.length);
    expect(forms.every((f) => f === f.toLowerCase() && f === f.trim())).toBe(true);
    expect(taxonomy.surfaceForms(TaxonomyKind.MATERIAL, 'SUS304')).toEqual(
      expect.arrayContaining(['inox 304', 'sus304', 'thép không gỉ 304', 'thep khong gi 304']),
    );
    expect(taxonomy.surfaceForms(TaxonomyKind.PROCESS, 'NOPE')).toEqual([]);
  });

  describe('search', () => {
    it.each(['gia cong cnc', 'Gia công CNC', 'CNC machining', '切削加工', 'CNC 가공', 'CNC가공', 'ＣＮＣ machining'])(
      '"%s" finds CNC machining first',
      (text) => {
        expect(taxonomy.search(text, TaxonomyKind.PROCESS)[0]?.code).toBe('CNC_MACHINING');
      },
    );

    it('finds stamping from folded Vietnamese and from shop-floor synonyms', () => {
      expect(taxonomy.search('dap kim loai', TaxonomyKind.PROCESS)[0]?.code).toBe('STAMPING');
      expect(taxonomy.search('đột dập', TaxonomyKind.PROCESS)[0]?.code).toBe('STAMPING');
      expect(taxonomy.search('press work', TaxonomyKind.PROCESS)[0]?.code).toBe('STAMPING');
      expect(taxonomy.search('プレス加工', TaxonomyKind.PROCESS)[0]?.code).toBe('STAMPING');
      expect(taxonomy.search('프레스 가공', TaxonomyKind.PROCESS)[0]?.code).toBe('STAMPING');
    });

    it.each([
      ['ép nhựa', 'INJECTION_MOULDING'],
      ['injection molding', 'INJECTION_MOULDING'],
      ['射出成形', 'INJECTION_MOULDING'],
      ['사출성형', 'INJECTION_MOULDING'],
      ['tiện CNC', 'CNC_TURNING'],
      ['phay CNC', 'CNC_MILLING'],
      ['gia công cơ khí chính xác', 'CNC_MACHINING'],
      ['NC加工', 'CNC_MACHINING'],
      ['절삭가공', 'CNC_MACHINING'],
      ['hàn thiếc', 'SOLDERING'],
      ['hàn', 'WELDING_JOINING'],
      ['xi mạ', 'ELECTROPLATING'],
      ['sơn tĩnh điện', 'POWDER_COATING'],
      ['bó dây điện', 'WIRE_HARNESS'],
      ['khuôn dập liên hoàn', 'PROGRESSIVE_DIE_STAMPING'],
      ['cắt dây', 'WIRE_EDM'],
      ['đúc áp lực', 'DIE_CASTING'],
    ])('"%s" finds %s first', (text, code) => {
      expect(taxonomy.search(text, TaxonomyKind.PROCESS)[0]?.code).toBe(code);
    });

    it('ranks exact before prefix before substring matches, ties by code', () => {
      // "hàn" is an alias of WELDING_JOINING; "hàn điểm", "hàn laser"... start with it; "thanh" only contains "han".
      const results = codes(taxonomy.search('hàn', TaxonomyKind.PROCESS));
      expect(results[0]).toBe('WELDING_JOINING');
      expect(results).toEqual(expect.arrayContaining(['SPOT_WELDING', 'LASER_WELDING', 'SOLDERING']));
      const prefixMatches = results.slice(1, results.indexOf('SOLDERING') + 1);
      expect(prefixMatches).toEqual([...prefixMatches].sort());
    });

    it('prefers the diacritics the user typed when two forms fold alike', () => {
      // "gia công ren" (threading) and "rèn" (forging) differ only by a diacritic.
      expect(taxonomy.search('gia công ren', TaxonomyKind.PROCESS)[0]?.code).toBe('DRILLING_TAPPING');
      expect(taxonomy.search('rèn', TaxonomyKind.PROCESS)[0]?.code).toBe('FORGING');
    });

    it('searches every kind when no kind is given, and honours the limit', () => {
      const all = taxonomy.search('điện tử');
      expect([...new Set(all.map((t) => t.kind))]).toEqual(
        expect.arrayContaining([TaxonomyKind.PRODUCT_GROUP, TaxonomyKind.SECTOR, TaxonomyKind.PROCESS, TaxonomyKind.CERTIFICATION]),
      );
      expect(all.slice(0, 2).map((t) => `${t.kind}:${t.code}`)).toEqual(['PRODUCT_GROUP:ELECTRONICS', 'SECTOR:ELECTRONICS']);
      expect(taxonomy.search('điện tử', undefined, 3)).toHaveLength(3);
      expect(taxonomy.search('   ')).toEqual([]);
      expect(taxonomy.search('zzzz-no-such-thing')).toEqual([]);
    });

    it('finds materials, certifications and zones by their usual names', () => {
      expect(taxonomy.search('inox 304', TaxonomyKind.MATERIAL)[0]?.code).toBe('SUS304');
      expect(taxonomy.search('thép không gỉ', TaxonomyKind.MATERIAL)[0]?.code).toBe('STAINLESS_STEEL');
      expect(taxonomy.search('nhôm đúc', TaxonomyKind.MATERIAL)[0]?.code).toBe('CAST_ALUMINIUM');
      expect(taxonomy.search('đồng thau', TaxonomyKind.MATERIAL)[0]?.code).toBe('BRASS');
      expect(taxonomy.search('nhựa ABS', TaxonomyKind.MATERIAL)[0]?.code).toBe('ABS');
      expect(taxonomy.search('TS 16949', TaxonomyKind.CERTIFICATION)[0]?.code).toBe('IATF_16949');
      expect(taxonomy.search('IATF16949', TaxonomyKind.CERTIFICATION)[0]?.code).toBe('IATF_16949');
      expect(taxonomy.search('ISO/TS 16949', TaxonomyKind.CERTIFICATION)[0]?.code).toBe('IATF_16949');
      expect(taxonomy.search('IPC 610', TaxonomyKind.CERTIFICATION)[0]?.code).toBe('IPC_A_610');
      expect(taxonomy.search('ESD S20.20', TaxonomyKind.CERTIFICATION)[0]?.code).toBe('ANSI_ESD_S20_20');
      expect(taxonomy.search('trang due', TaxonomyKind.ZONE)[0]?.code).toBe('TRANG_DUE');
      expect(taxonomy.search('DEEP C 1', TaxonomyKind.ZONE)[0]?.code).toBe('DEEP_C_1');
    });
  });
});
