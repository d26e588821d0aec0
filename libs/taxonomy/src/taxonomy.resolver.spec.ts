import { describe, expect, it } from '@jest/globals';
import { BadRequestException, ValidationPipe } from '@nestjs/common';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { Test } from '@nestjs/testing';
import { printSchema } from 'graphql';
import { Language, ValidationFailed } from '#libs/core';
import { Taxonomy } from './taxonomy.js';
import { TaxonomyKind } from './taxonomy-kind.js';
import { TaxonomyArgs } from './taxonomy.models.js';
import { TaxonomyModule } from './taxonomy.module.js';
import { TaxonomyResolver } from './taxonomy.resolver.js';

const args = (a: Partial<TaxonomyArgs> & { kind: TaxonomyKind }): TaxonomyArgs => Object.assign(new TaxonomyArgs(), a);

describe('TaxonomyResolver', () => {
  const resolver = new TaxonomyResolver(Taxonomy.load());

  it('lists a whole kind in tree order, in the requested language', () => {
    const terms = resolver.terms(args({ kind: TaxonomyKind.PROCESS, lang: Language.ja }));
    expect(terms).toHaveLength(Taxonomy.load().list(TaxonomyKind.PROCESS).length);
    const cnc = terms.find((t) => t.code === 'CNC_MACHINING')!;
    expect(cnc).toMatchObject({
      kind: TaxonomyKind.PROCESS,
      parentCode: 'MACHINING',
      label: '切削加工',
      labels: { vi: 'Gia công CNC', en: 'CNC machining', ja: '切削加工', ko: 'CNC 가공' },
      depth: 1,
      latitude: null,
      longitude: null,
    });
    expect(cnc.aliases).toContain('NC加工');
    expect(terms.indexOf(cnc)).toBeLessThan(terms.findIndex((t) => t.code === 'CNC_MILLING'));
  });

  it('searches, and restricts to the subtree of `parent`', () => {
    expect(resolver.terms(args({ kind: TaxonomyKind.PROCESS, search: ' CNC 가공 ' }))[0]?.code).toBe('CNC_MACHINING');
    const underMachining = resolver.terms(args({ kind: TaxonomyKind.PROCESS, parent: 'MACHINING' })).map((t) => t.code);
    expect(underMachining).not.toContain('MACHINING');
    expect(underMachining).toEqual(expect.arrayContaining(['CNC_MACHINING', 'CNC_MILLING', 'WIRE_EDM']));
    expect(resolver.terms(args({ kind: TaxonomyKind.PROCESS, search: 'hàn', parent: 'ELECTRONICS_ASSEMBLY' })).map((t) => t.code)).toEqual(
      expect.arrayContaining(['SOLDERING', 'REFLOW_SOLDERING', 'WAVE_SOLDERING']),
    );
    expect(
      resolver.terms(args({ kind: TaxonomyKind.PROCESS, search: 'hàn', parent: 'ELECTRONICS_ASSEMBLY' })).map((t) => t.code),
    ).not.toContain('TIG_WELDING');
    expect(resolver.terms(args({ kind: TaxonomyKind.PROCESS, search: 'a' })).length).toBeLessThanOrEqual(50);
    expect(() => resolver.terms(args({ kind: TaxonomyKind.PROCESS, parent: 'NOPE' }))).toThrow(ValidationFailed);
  });

  it('maps zones with coordinates and certifications with descriptions', () => {
    const zone = resolver.terms(args({ kind: TaxonomyKind.ZONE, search: 'VSIP Hải Dương' }))[0];
    expect(zone).toMatchObject({ code: 'VSIP_HD', parentCode: 'HAI_DUONG_FORMER', depth: 1, coordQuality: 'geocoded', ward: null });
    expect(zone.latitude).toBeCloseTo(20.9288);
    const iatf = resolver.terms(args({ kind: TaxonomyKind.CERTIFICATION, search: 'IATF 16949', lang: Language.ko }))[0];
    expect(iatf.label).toBe('IATF 16949');
    expect(iatf.description).toMatch(/^Automotive quality management/);
    expect(resolver.taxonomyVersion()).toBe('2026.12.5');
  });

  it('rejects a search longer than 100 characters (global ValidationPipe)', async () => {
    const pipe = new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true });
    const metadata = { type: 'body' as const, metatype: TaxonomyArgs };
    await expect(pipe.transform({ kind: 'PROCESS', search: 'x'.repeat(101) }, metadata)).rejects.toBeInstanceOf(BadRequestException);
    await expect(pipe.transform({ kind: 'PROCESS', search: 'x'.repeat(100), lang: 'en' }, metadata)).resolves.toMatchObject({ lang: 'en' });
  });
});

describe('TaxonomyModule', () => {
  it('provides the shipped taxonomy', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [TaxonomyModule] }).compile();
    expect(moduleRef.get(Taxonomy)).toBe(Taxonomy.load());
    expect(moduleRef.get(TaxonomyResolver)).toBeInstanceOf(TaxonomyResolver);
  });

  it('builds a GraphQL schema with described fields', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [GraphQLSchemaBuilderModule] }).compile();
    const schema = await moduleRef.get(GraphQLSchemaFactory).create([TaxonomyResolver]);
    const sdl = printSchema(schema);
    expect(sdl).toContain('taxonomy(');
    expect(sdl).toMatch(/kind: TaxonomyKind!/);
    expect(sdl).toMatch(/lang: Language! = vi/);
    expect(sdl).toContain('taxonomyVersion: String!');
    expect(sdl).toMatch(/\): \[TaxonomyTerm!\]!/);
    const term = schema.getType('TaxonomyTerm') as import('graphql').GraphQLObjectType;
    for (const field of Object.values(term.getFields())) expect([field.name, Boolean(field.description)]).toEqual([field.name, true]);
    expect(Object.keys(term.getFields())).toEqual(
      expect.arrayContaining(['kind', 'code', 'parentCode', 'label', 'labels', 'aliases', 'depth', 'latitude', 'longitude']),
    );
  });
});
