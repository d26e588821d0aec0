import { describe, expect, it } from '@jest/globals';
import { Taxonomy } from './taxonomy.js';
import { TaxonomyKind } from './taxonomy-kind.js';
import type { TaxonomyDataFile, TaxonomyTermData } from './taxonomy-term.js';
import { TaxonomyDataError } from './taxonomy-validation.js';

const term = (code: string, parent: string | null, extra: Partial<TaxonomyTermData> = {}): TaxonomyTermData => ({
  code,
  parent,
  labels: { vi: `vi ${code}`, en: `en ${code}`, ja: `ja ${code}`, ko: `ko ${code}` },
  aliases: {},
  ...extra,
});
const file = (kind: TaxonomyKind, terms: TaxonomyTermData[], version = '2026.11.1'): TaxonomyDataFile => ({ version, kind, terms });

/** The problems `fromData` reports for these files (fails the test if it accepts them). */
function problemsOf(files: unknown[]): string[] {
  try {
    Taxonomy.fromData(files as TaxonomyDataFile[]);
  } catch (error) {
    expect(error).toBeInstanceOf(TaxonomyDataError);
    return (error as TaxonomyDataError).problems;
  }
  throw new Error('the data was accepted');
}

describe('Taxonomy.fromData validation', () => {
  it('accepts a small valid dataset', () => {
    const taxonomy = Taxonomy.fromData([
      file(TaxonomyKind.PROCESS, [term('B', null), term('A', 'B')]),
      file(TaxonomyKind.SECTOR, [term('X', null)]),
    ]);
    expect(taxonomy.list(TaxonomyKind.PROCESS).map((t) => t.code)).toEqual(['B', 'A']);
    expect(taxonomy.list(TaxonomyKind.ZONE)).toEqual([]);
    expect(taxonomy.version).toBe('2026.11.1');
  });

  it('rejects a duplicate code and a missing parent, naming both', () => {
    const problems = problemsOf([
      file(TaxonomyKind.PROCESS, [term('MACHINING', null), term('MACHINING', null), term('CNC_MILLING', 'CNC_MACHINING')]),
    ]);
    expect(problems).toEqual(['PROCESS MACHINING: duplicate code', 'PROCESS CNC_MILLING: parent CNC_MACHINING does not exist']);
  });

  it('has a readable message', () => {
    expect(() => Taxonomy.fromData([file(TaxonomyKind.MATERIAL, [term('STEEL', 'IRON')])])).toThrow(
      'Invalid taxonomy data (1 problem):\n- MATERIAL STEEL: parent IRON does not exist',
    );
  });

  it('accepts madeBy on product groups naming existing processes, and rejects it elsewhere or naming unknown ones', () => {
    const processes = file(TaxonomyKind.PROCESS, [term('CASTING', null), term('EXTRUSION', null)]);
    const ok = Taxonomy.fromData([
      processes,
      file(TaxonomyKind.PRODUCT_GROUP, [term('HEAT_SINKS', null, { madeBy: ['CASTING', 'EXTRUSION'] })]),
    ]);
    expect(ok.find(TaxonomyKind.PRODUCT_GROUP, 'HEAT_SINKS')?.madeBy).toEqual(['CASTING', 'EXTRUSION']);
    expect(
      problemsOf([
        file(TaxonomyKind.PROCESS, [term('CASTING', null), term('X', null, { madeBy: ['CASTING'] })]),
        file(TaxonomyKind.PRODUCT_GROUP, [
          term('A', null, { madeBy: ['FORGING'] }),
          term('B', null, { madeBy: [] }),
          term('C', null, { madeBy: 'CASTING' as unknown as string[] }),
        ]),
      ]),
    ).toEqual([
      'PROCESS X: madeBy is for product groups only',
      'PRODUCT_GROUP B: madeBy must be a non-empty list of process codes',
      'PRODUCT_GROUP C: madeBy must be a non-empty list of process codes',
      'PRODUCT_GROUP A: madeBy process FORGING does not exist',
    ]);
  });

  it('accepts stockBoughtPerOrder on processes naming existing materials, and rejects it elsewhere or naming unknown ones', () => {
    const materials = file(TaxonomyKind.MATERIAL, [term('ALUMINIUM', null), term('AL6061', 'ALUMINIUM')]);
    const ok = Taxonomy.fromData([
      materials,
      file(TaxonomyKind.PROCESS, [term('MACHINING', null, { stockBoughtPerOrder: ['ALUMINIUM'] })]),
    ]);
    expect(ok.find(TaxonomyKind.PROCESS, 'MACHINING')?.stockBoughtPerOrder).toEqual(['ALUMINIUM']);
    expect(
      problemsOf([
        materials,
        file(TaxonomyKind.PROCESS, [
          term('A', null, { stockBoughtPerOrder: ['TITANIUM'] }),
          term('B', null, { stockBoughtPerOrder: [] }),
          term('C', null, { stockBoughtPerOrder: 'ALUMINIUM' as unknown as string[] }),
        ]),
        file(TaxonomyKind.SECTOR, [term('X', null, { stockBoughtPerOrder: ['ALUMINIUM'] })]),
      ]),
    ).toEqual([
      'PROCESS B: stockBoughtPerOrder must be a non-empty list of material codes',
      'PROCESS C: stockBoughtPerOrder must be a non-empty list of material codes',
      'SECTOR X: stockBoughtPerOrder is for processes only',
      'PROCESS A: stockBoughtPerOrder material TITANIUM does not exist',
    ]);
  });

  it('rejects cycles', () => {
    const problems = problemsOf([file(TaxonomyKind.SECTOR, [term('A', 'B'), term('B', 'A'), term('C', 'C'), term('D', 'A')])]);
    expect(problems).toEqual(['SECTOR A: parents form a cycle (A → B → A)', 'SECTOR C: parents form a cycle (C → C)']);
  });

  it('requires labels: vi and en everywhere, all four languages for processes', () => {
    const problems = problemsOf([
      file(TaxonomyKind.PROCESS, [term('P', null, { labels: { vi: 'Phay', en: 'Milling' } })]),
      file(TaxonomyKind.MATERIAL, [
        term('M', null, { labels: { vi: ' ', en: 'Steel' } }),
        term('OK', null, { labels: { vi: 'Thép', en: 'Steel' } }),
      ]),
    ]);
    expect(problems).toEqual([
      'PROCESS P: missing ja label',
      'PROCESS P: missing ko label',
      'MATERIAL M: missing vi label',
      'MATERIAL M: vi label must be a non-empty string',
    ]);
  });

  it('rejects malformed codes, aliases, coordinates, unknown properties, kinds and versions', () => {
    const problems = problemsOf([
      file(TaxonomyKind.ZONE, [
        term('lower_case', null),
        term('Z1', null, { aliases: { vi: ['ok', ''], fr: ['non'] } as never }),
        term('Z2', null, { geo: { lat: 120, lng: 106 } }),
        { ...term('Z3', null), alias: ['typo'] } as never,
      ]),
      file(TaxonomyKind.ZONE, []),
      file('PLACE' as TaxonomyKind, []),
      file(TaxonomyKind.SECTOR, [], '2027.1.1'),
    ]);
    expect(problems).toEqual([
      'ZONE terms[0]: code "lower_case" must be UPPER_SNAKE_CASE',
      'ZONE Z1: vi aliases must be non-empty strings',
      'ZONE Z1: aliases in unknown language "fr"',
      'ZONE Z2: geo must be {lat, lng} in degrees',
      'ZONE Z3: unknown property "alias"',
      'ZONE: more than one data file',
      'file 2: unknown kind "PLACE"',
      'data files disagree on the version: 2026.11.1, 2027.1.1',
    ]);
  });
});
