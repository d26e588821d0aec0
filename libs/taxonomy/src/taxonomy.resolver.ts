import { Args, Query, Resolver } from '@nestjs/graphql';
import { Public, ValidationFailed } from '#libs/core';
import { Taxonomy } from './taxonomy.js';
import { toTermModel } from './taxonomy.mapper.js';
import { TaxonomyArgs, TaxonomyTermModel } from './taxonomy.models.js';

/** At most this many terms answer a `search`. */
export const MAX_TAXONOMY_SEARCH_RESULTS = 50;

@Resolver(() => TaxonomyTermModel)
export class TaxonomyResolver {
  constructor(private readonly taxonomy: Taxonomy) {}

  @Public()
  @Query(() => [TaxonomyTermModel], {
    name: 'taxonomy',
    description:
      'Terms of one vocabulary: all of them in tree order (parents before children, siblings by code), or those matching `search`.',
  })
  terms(@Args() { kind, search, lang, parent }: TaxonomyArgs): TaxonomyTermModel[] {
    if (parent != null && !this.taxonomy.has(kind, parent)) {
      throw ValidationFailed.of('parent', `there is no ${kind} term with code ${parent}`);
    }
    const text = search?.trim();
    let terms = text ? this.taxonomy.search(text, kind) : this.taxonomy.list(kind);
    if (parent != null) {
      const subtree = new Set(this.taxonomy.descendants(kind, parent).map((t) => t.code));
      terms = terms.filter((t) => subtree.has(t.code));
    }
    if (text) terms = terms.slice(0, MAX_TAXONOMY_SEARCH_RESULTS);
    return terms.map((term) => toTermModel(term, lang, this.taxonomy));
  }

  @Public()
  @Query(() => String, { description: 'Version of the taxonomy data (e.g. 2026.11.1); changes whenever codes, labels or aliases change.' })
  taxonomyVersion(): string {
    return this.taxonomy.version;
  }
}
