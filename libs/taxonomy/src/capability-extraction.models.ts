import { ArgsType, Field, ObjectType } from '@nestjs/graphql';
import { IsEnum, IsOptional } from 'class-validator';
import { Language, Text } from '#libs/core';

/** Longest description `suggestCapabilities` reads. */
export const MAX_CAPABILITY_TEXT_LENGTH = 5000;

@ObjectType('CapabilitySuggestion', { description: 'A taxonomy term a free-text description mentions, with the words that named it.' })
export class CapabilitySuggestionModel {
  @Field({ description: 'Code of the term, e.g. CNC_MACHINING.' })
  code: string;

  @Field({ description: 'Label of the term in the requested language (falls back to English, then Vietnamese).' })
  label: string;

  @Field(() => [String], {
    description: 'The words of the text that matched the term, as written: each distinct one once, in order of appearance.',
  })
  matched: string[];
}

@ObjectType('CapabilitySuggestions', {
  description:
    'Capabilities a free-text description mentions, by kind, each list in order of first appearance in the text. Suggestions to pre-fill structured fields: let the user confirm them.',
})
export class CapabilitySuggestionsModel {
  @Field(() => [CapabilitySuggestionModel], { description: 'Processes (TaxonomyKind PROCESS) the text mentions.' })
  processes: CapabilitySuggestionModel[];

  @Field(() => [CapabilitySuggestionModel], { description: 'Materials (TaxonomyKind MATERIAL) the text mentions.' })
  materials: CapabilitySuggestionModel[];

  @Field(() => [CapabilitySuggestionModel], { description: 'Certifications and standards (TaxonomyKind CERTIFICATION) the text mentions.' })
  certifications: CapabilitySuggestionModel[];

  @Field(() => [CapabilitySuggestionModel], { description: 'Product groups (TaxonomyKind PRODUCT_GROUP) the text mentions.' })
  productGroups: CapabilitySuggestionModel[];
}

@ArgsType()
export class SuggestCapabilitiesArgs {
  @Field({
    description: `Free-text description of a part, a request or a shop, in Vietnamese (with or without diacritics), English, Japanese or Korean; at most ${MAX_CAPABILITY_TEXT_LENGTH} characters, line breaks allowed.`,
  })
  @Text(MAX_CAPABILITY_TEXT_LENGTH, { multiline: true })
  text: string;

  @Field(() => Language, { nullable: true, defaultValue: Language.vi, description: 'Language of the labels (vi when omitted or null).' })
  @IsOptional()
  @IsEnum(Language)
  lang?: Language | null = Language.vi;
}
