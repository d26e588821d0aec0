import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { Taxonomy } from './taxonomy.js';
import { TaxonomyKind } from './taxonomy-kind.js';

/**
 * Codes are stored: supplier profiles, needs and the search index hold them. A new taxonomy version may
 * add terms, aliases and labels, and move aliases between terms, but every code a released version
 * shipped must still resolve, in the same kind; a code that has to change needs a TypeORM migration
 * rewriting the stored rows (and this list then says which version dropped it).
 */
const released = JSON.parse(readFileSync(new URL('../data/released-codes.json', import.meta.url), 'utf8')) as {
  versions: Record<string, Record<string, string[]>>;
};
const taxonomy = Taxonomy.load();

describe('codes of released taxonomy versions', () => {
  it('lists the versions before the current one', () => {
    expect(Object.keys(released.versions)).toContain('2026.11.2');
    expect(Object.keys(released.versions)).not.toContain(taxonomy.version);
  });

  it.each(Object.keys(released.versions))('still resolves every code of %s, in the same kind', (version) => {
    const lost = Object.entries(released.versions[version]).flatMap(([kind, codes]) =>
      codes.filter((code) => !taxonomy.has(kind as TaxonomyKind, code)).map((code) => `${kind} ${code}`),
    );
    expect(lost).toEqual([]);
    expect(Object.values(released.versions[version]).flat().length).toBeGreaterThan(250);
  });

  it('keeps a moved alias readable: "heat sinks" now names the heat-sink group, still beneath metal parts for electronics', () => {
    expect(taxonomy.parentOf(TaxonomyKind.PRODUCT_GROUP, 'ELECTRONICS_HEAT_SINKS')?.code).toBe('ELECTRONICS_METAL_PARTS');
    expect(taxonomy.parentOf(TaxonomyKind.PRODUCT_GROUP, 'ELECTRONICS_PCBA')?.code).toBe('ELECTRONICS_PCB');
  });
});
