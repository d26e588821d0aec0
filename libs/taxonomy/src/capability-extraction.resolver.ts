import { Args, Query, Resolver } from '@nestjs/graphql';
import { Language, Public } from '#libs/core';
import { Taxonomy } from './taxonomy.js';
import { TaxonomyKind } from './taxonomy-kind.js';
import { extractCapabilities } from './capability-extraction.js';
import { CapabilitySuggestionModel, CapabilitySuggestionsModel, SuggestCapabilitiesArgs } from './capability-extraction.models.js';
import { suggestNeedSpec, type SuggestedTerm } from './need-text.js';
import { NeedSpecSuggestionModel, SuggestNeedSpecArgs, type SuggestedTermModel } from './need-text.models.js';

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

  @Public()
  @Query(() => NeedSpecSuggestionModel, {
    name: 'suggestNeedSpec',
    description:
      'Reads a need written as text: processes (also in other words), materials with grades, certifications, product groups, industrial zones, ' +
      'quantity per month, tolerance, lead time and distance limit, each with the words it came from and a confidence. Vietnamese and English number formats both.',
  })
  suggestNeedSpec(@Args() { text, lang }: SuggestNeedSpecArgs): NeedSpecSuggestionModel {
    const language = lang ?? Language.vi;
    const s = suggestNeedSpec(this.taxonomy, text, language);
    const labelled =
      (kind: TaxonomyKind) =>
      (terms: SuggestedTerm[]): SuggestedTermModel[] =>
        terms.map((t) => ({ ...t, label: this.taxonomy.label(kind, t.code, language) }));
    return {
      ...s,
      processes: labelled(TaxonomyKind.PROCESS)(s.processes),
      materials: labelled(TaxonomyKind.MATERIAL)(s.materials),
      certifications: labelled(TaxonomyKind.CERTIFICATION)(s.certifications),
      productGroups: labelled(TaxonomyKind.PRODUCT_GROUP)(s.productGroups),
      zones: labelled(TaxonomyKind.ZONE)(s.zones),
    };
  }
}
