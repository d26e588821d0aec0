import { describe, expect, it } from '@jest/globals';
import { BadRequestException, ValidationPipe } from '@nestjs/common';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { Test } from '@nestjs/testing';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { type GraphQLObjectType, printSchema } from 'graphql';
import { Language } from '#libs/core';
import { MAX_CAPABILITY_TEXT_LENGTH, SuggestCapabilitiesArgs } from './capability-extraction.models.js';
import { CapabilityExtractionResolver } from './capability-extraction.resolver.js';
import { Taxonomy } from './taxonomy.js';
import { TaxonomyModule } from './taxonomy.module.js';

const args = (a: Partial<SuggestCapabilitiesArgs> & { text: string }): SuggestCapabilitiesArgs =>
  Object.assign(new SuggestCapabilitiesArgs(), a);
/** class-validator errors of these raw arguments, as `property: constraint` strings. */
async function errorsOf(raw: Record<string, unknown>): Promise<string[]> {
  const errors = await validate(plainToInstance(SuggestCapabilitiesArgs, raw));
  return errors.flatMap((e) => Object.keys(e.constraints ?? {}).map((c) => `${e.property}: ${c}`));
}

describe('CapabilityExtractionResolver', () => {
  const resolver = new CapabilityExtractionResolver(Taxonomy.load());
  const text = 'Cần gia công CNC chi tiết nhôm 6061, anot hóa, yêu cầu IATF 16949; bó dây điện ô tô';

  it('groups suggestions by kind, with labels in Vietnamese by default', () => {
    expect(resolver.suggestCapabilities(args({ text }))).toEqual({
      processes: [
        { code: 'CNC_MACHINING', label: 'Gia công CNC', matched: ['gia công CNC'] },
        { code: 'ANODISING', label: 'Anot hóa nhôm', matched: ['anot hóa'] },
        { code: 'WIRE_HARNESS', label: 'Sản xuất bó dây điện (wire harness)', matched: ['bó dây điện ô tô'] },
      ],
      materials: [{ code: 'AL6061', label: 'Nhôm 6061', matched: ['nhôm 6061'] }],
      certifications: [{ code: 'IATF_16949', label: 'IATF 16949', matched: ['IATF 16949'] }],
      productGroups: [{ code: 'AUTO_WIRE_HARNESS', label: 'Bó dây điện ô tô', matched: ['bó dây điện ô tô'] }],
    });
    expect(resolver.suggestCapabilities(args({ text, lang: null })).processes[0]?.label).toBe('Gia công CNC');
  });

  it('labels in the requested language (falling back to English where a term has no label in it)', () => {
    const en = resolver.suggestCapabilities(args({ text, lang: Language.en }));
    expect(en.processes.map((s) => s.label)).toEqual(['CNC machining', 'Anodising', 'Wire harness manufacturing']);
    expect(en.processes[0]?.matched).toEqual(['gia công CNC']);
    const ja = resolver.suggestCapabilities(args({ text: '射出成形 PC/ABS 筐体, ISO 9001', lang: Language.ja }));
    expect(ja).toEqual({
      processes: [{ code: 'INJECTION_MOULDING', label: '射出成形', matched: ['射出成形'] }],
      materials: [{ code: 'PC_ABS', label: 'PC/ABSアロイ', matched: ['PC/ABS'] }],
      certifications: [{ code: 'ISO_9001', label: 'ISO 9001', matched: ['ISO 9001'] }],
      productGroups: [{ code: 'MECH_ENCLOSURES_STRUCTURES', label: '筐体・フレーム・鋼構造物', matched: ['筐体'] }],
    });
    const ko = resolver.suggestCapabilities(args({ text: '프레스 가공 및 용접', lang: Language.ko }));
    expect(ko.processes).toEqual([
      { code: 'STAMPING', label: '프레스 가공', matched: ['프레스 가공'] },
      { code: 'WELDING_JOINING', label: '용접·접합', matched: ['용접'] },
    ]);
  });

  it('answers empty lists when nothing matches', () => {
    expect(resolver.suggestCapabilities(args({ text: 'we need 5000 pcs per month' }))).toEqual({
      processes: [],
      materials: [],
      certifications: [],
      productGroups: [],
    });
  });

  it('validates the text: at most 5000 characters, line breaks allowed, no other control characters', async () => {
    expect(MAX_CAPABILITY_TEXT_LENGTH).toBe(5000);
    expect(await errorsOf({ text: 'x'.repeat(5000) })).toEqual([]);
    expect(await errorsOf({ text: 'Gia công CNC\r\n\tanot hóa', lang: 'en' })).toEqual([]);
    expect(await errorsOf({ text: 'x'.repeat(5001) })).toEqual(['text: maxLength']);
    expect(await errorsOf({ text: 'a\u0007b' })).toEqual(['text: matches']);
    expect(await errorsOf({ text: 42 })).toEqual(expect.arrayContaining(['text: isString']));
    expect(await errorsOf({ text: 'ok', lang: 'fr' })).toEqual(['lang: isEnum']);
    expect(await errorsOf({ text: 'ok', lang: null })).toEqual([]);
  });

  it('is rejected by a validation pipe when the text is too long', async () => {
    const pipe = new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true });
    const metadata = { type: 'body' as const, metatype: SuggestCapabilitiesArgs };
    await expect(pipe.transform({ text: 'x'.repeat(5001) }, metadata)).rejects.toBeInstanceOf(BadRequestException);
    await expect(pipe.transform({ text: 'x'.repeat(5000), lang: 'ko' }, metadata)).resolves.toMatchObject({ lang: 'ko' });
  });
});

describe('suggestCapabilities schema', () => {
  it('is provided by TaxonomyModule', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [TaxonomyModule] }).compile();
    expect(moduleRef.get(CapabilityExtractionResolver)).toBeInstanceOf(CapabilityExtractionResolver);
    expect(
      moduleRef
        .get(CapabilityExtractionResolver)
        .suggestCapabilities(args({ text: 'hàn TIG' }))
        .processes.map((s) => s.code),
    ).toEqual(['TIG_WELDING']);
  });

  it('declares the query and describes every field', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [GraphQLSchemaBuilderModule] }).compile();
    const schema = await moduleRef.get(GraphQLSchemaFactory).create([CapabilityExtractionResolver]);
    const sdl = printSchema(schema);
    expect(sdl).toMatch(
      /suggestCapabilities\(\s*"""[^"]+"""\s*text: String!\s*"""[^"]+"""\s*lang: Language = vi\s*\): CapabilitySuggestions!/,
    );
    expect(schema.getQueryType()?.getFields().suggestCapabilities?.description).toBeTruthy();
    for (const name of ['CapabilitySuggestions', 'CapabilitySuggestion']) {
      const type = schema.getType(name) as GraphQLObjectType;
      expect(type.description).toBeTruthy();
      for (const field of Object.values(type.getFields()))
        expect([name, field.name, Boolean(field.description)]).toEqual([name, field.name, true]);
    }
    expect(Object.keys((schema.getType('CapabilitySuggestions') as GraphQLObjectType).getFields())).toEqual([
      'processes',
      'materials',
      'certifications',
      'productGroups',
    ]);
    expect(sdl).toMatch(/processes: \[CapabilitySuggestion!\]!/);
    expect(sdl).toMatch(/code: String!\s+"""[^"]+"""\s+label: String!\s+"""[^"]+"""\s+matched: \[String!\]!/);
  });
});
