import { graphql } from '../../../gql/index.js';

/** Typeahead: processes, certifications and zones whose labels or aliases match, in any language. */
export const TaxonomySuggestionsQuery = graphql(`
  query TaxonomySuggestions($search: String!, $lang: Language!) {
    processes: taxonomy(kind: PROCESS, search: $search, lang: $lang) {
      code
      label
    }
    certifications: taxonomy(kind: CERTIFICATION, search: $search, lang: $lang) {
      code
      label
    }
    zones: taxonomy(kind: ZONE, search: $search, lang: $lang) {
      code
      label
    }
  }
`);

/** The zones (for "near a zone") and the process tree (to group the process facet under its parents). */
export const DirectoryVocabularyQuery = graphql(`
  query DirectoryVocabulary($lang: Language!) {
    zones: taxonomy(kind: ZONE, lang: $lang) {
      code
      label
      parentCode
      latitude
      longitude
    }
    processTree: taxonomy(kind: PROCESS, lang: $lang) {
      code
      label
      parentCode
      depth
    }
  }
`);
