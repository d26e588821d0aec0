import { Args, Query, Resolver } from '@nestjs/graphql';
import { Language, Public } from '#libs/core';
import { Taxonomy } from './taxonomy.js';
import { TaxonomyKind } from './taxonomy-kind.js';
import { extractCapabilities } from './capability-extraction.js';
import { CapabilitySuggestionModel, CapabilitySuggestionsModel, SuggestCapabilitiesArgs } from './capability-extraction.models.js';

@Resolver(() => CapabilitySuggestionsModel)
export class CapabilityExtractionResolver {
  constructor(private readonly taxonomy: Taxonomy) {}

  @Public()
  @Query(() => CapabilitySuggestionsModel, {
    name: 'suggestCapabilities',
    description:
      'Processes, materials, certifications and product groups a free-text description mentions (any of vi, en, ja, ko), with the words that matched. ' +
      'Matches whole words, ignoring case, diacritics and punctuation; short acronyms (PC, ABS, SMT) only when written in capitals; the longest match wins.',
  })
  suggestCapabilities(@Args() { text, lang }: SuggestCapabilitiesArgs): CapabilitySuggestionsModel {
    const language = lang ?? Language.vi;
    const result: CapabilitySuggestionsModel = { processes: [], materials: [], certifications: [], productGroups: [] };
    const lists: Partial<Record<TaxonomyKind, CapabilitySuggestionModel[]>> = {
      [TaxonomyKind.PROCESS]: result.processes,
      [TaxonomyKind.MATERIAL]: result.materials,
      [TaxonomyKind.CERTIFICATION]: result.certifications,
      [TaxonomyKind.PRODUCT_GROUP]: result.productGroups,
    };
    for (const { kind, code, matched } of extractCapabilities(this.taxonomy, text)) {
      lists[kind]?.push({ code, label: this.taxonomy.label(kind, code, language), matched });
    }
    return result;
  }
}
