import { graphql } from '../gql/index.js';

/** Terms of one vocabulary in the reader's language; with `search`, matched on labels and aliases in any language. */
export const TaxonomyTermsQuery = graphql(`
  query TaxonomyTerms($kind: TaxonomyKind!, $lang: Language!, $search: String) {
    taxonomy(kind: $kind, lang: $lang, search: $search) {
      code
      label
      aliases
      depth
    }
  }
`);
