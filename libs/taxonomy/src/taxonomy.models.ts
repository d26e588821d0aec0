import { ArgsType, Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { Language } from '#libs/core';
import { TaxonomyKind } from './taxonomy-kind.js';

export const MAX_TAXONOMY_SEARCH_LENGTH = 100;

@ObjectType('TaxonomyLabels', { description: 'The labels of a term in every language it has.' })
export class TaxonomyLabelsModel {
  @Field({ description: 'Vietnamese label.' })
  vi: string;

  @Field({ description: 'English label.' })
  en: string;

  @Field(() => String, { nullable: true, description: 'Japanese label, when there is one.' })
  ja: string | null;

  @Field(() => String, { nullable: true, description: 'Korean label, when there is one.' })
  ko: string | null;
}

@ObjectType('TaxonomyTerm', {
  description: 'A term of the capability taxonomy (a process, material, product group, certification, sector or zone).',
})
export class TaxonomyTermModel {
  @Field(() => TaxonomyKind, { description: 'The vocabulary the term belongs to.' })
  kind: TaxonomyKind;

  @Field({ description: 'Stable code, unique within its kind, e.g. CNC_MACHINING.' })
  code: string;

  @Field(() => String, { nullable: true, description: 'Code of the parent term; null for a top-level term.' })
  parentCode: string | null;

  @Field({ description: 'Label in the requested language (falls back to English, then Vietnamese).' })
  label: string;

  @Field(() => TaxonomyLabelsModel, { description: 'Labels in all languages.' })
  labels: TaxonomyLabelsModel;

  @Field(() => [String], { description: 'Other names of the term in the requested language (synonyms, spellings, grades).' })
  aliases: string[];

  @Field(() => String, {
    nullable: true,
    description: 'Short explanation in the requested language (Vietnamese for vi, otherwise English), when there is one.',
  })
  description: string | null;

  @Field(() => Int, { description: 'Number of ancestors: 0 for a top-level term.' })
  depth: number;

  @Field(() => Float, { nullable: true, description: 'Zones: approximate latitude in degrees (see coordQuality).' })
  latitude: number | null;

  @Field(() => Float, { nullable: true, description: 'Zones: approximate longitude in degrees (see coordQuality).' })
  longitude: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Zones: how the coordinates were obtained: geocoded (about ±1–2 km), district-centre or rough.',
  })
  coordQuality: string | null;

  @Field(() => String, { nullable: true, description: 'Zones: ward or commune after the 2025 reform.' })
  ward: string | null;

  @Field(() => String, { nullable: true, description: 'Zones: district before the 2025 reform (informational).' })
  oldDistrict: string | null;
}

@ArgsType()
export class TaxonomyArgs {
  @Field(() => TaxonomyKind, { description: 'The vocabulary to list or search.' })
  @IsEnum(TaxonomyKind)
  kind: TaxonomyKind;

  @Field(() => String, {
    nullable: true,
    description: `Text to match against labels and aliases in any language, ignoring case and diacritics (at most ${MAX_TAXONOMY_SEARCH_LENGTH} characters). Results: exact, then prefix, then substring matches, at most 50.`,
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_TAXONOMY_SEARCH_LENGTH)
  search?: string | null;

  @Field(() => Language, { defaultValue: Language.vi, description: 'Language of label, aliases and description.' })
  @IsEnum(Language)
  lang: Language = Language.vi;

  @Field(() => String, { nullable: true, description: 'Only terms below this code (its whole subtree, not the term itself).' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_TAXONOMY_SEARCH_LENGTH)
  parent?: string | null;
}
