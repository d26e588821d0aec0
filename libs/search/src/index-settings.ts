import type { Settings } from 'meilisearch';
import { foldDiacritics } from '#libs/core';
import { type Taxonomy, TAXONOMY_KINDS } from '#libs/taxonomy';

/** Most specific first: a match in a name or process outranks one in a description. */
export const SEARCHABLE_ATTRIBUTES = [
  'nameVi',
  'tradeNameEn',
  'processVi',
  'processEn',
  'processJa',
  'processKo',
  'processFamilyVi',
  'processFamilyEn',
  'processFamilyJa',
  'processFamilyKo',
  'certificationNames',
  'capabilityVi',
  'capabilityEn',
  'capabilityJa',
  'capabilityKo',
  'descriptionVi',
  'descriptionEn',
  'equipmentText',
  'zoneName',
  'publicCustomers',
];

const EQUALITY = ['id', 'processes', 'processTree', 'materials', 'materialTree', 'productGroups', 'productGroupTree', 'sectors', 'sectorTree', 'certifications', 'zone', 'provinceKey', 'wardKeys', 'verificationStatus', 'equipmentKinds', 'capacityUnit', 'languages'];
const COMPARISON = ['employees', 'capacityValue', 'leadTimeDays', 'toleranceMm', 'createdAt', 'verified', 'certFrom.*', 'certUntil.*'];
/** Attributes whose matches are shown as highlights. */
export const HIGHLIGHTED_ATTRIBUTES = ['nameVi', 'tradeNameEn', 'descriptionVi', 'descriptionEn', 'processVi', 'processEn', 'processJa', 'processKo', 'capabilityVi', 'capabilityEn'];

/** Facets the API offers (with counts and labels). */
export const FACET_ATTRIBUTES = ['processes', 'materials', 'productGroups', 'certifications', 'zone', 'sectors', 'verificationStatus'];

/** Meilisearch matches multi-word synonym keys of at most three words. */
const MAX_SYNONYM_WORDS = 3;
const MAX_SYNONYMS_PER_KEY = 12;

/**
 * Synonyms from the taxonomy: every short surface form of a term (label or alias, any language,
 * with diacritics folded) maps to the term's other forms, so a description saying "ép nhựa" is
 * found by "injection moulding".
 */
export function taxonomySynonyms(taxonomy: Taxonomy): Record<string, string[]> {
  const synonyms = new Map<string, Set<string>>();
  for (const kind of TAXONOMY_KINDS) {
    if (kind === 'ZONE') continue; // zone names are place names, not capabilities
    for (const term of taxonomy.list(kind)) {
      const forms = [...new Set(taxonomy.surfaceForms(kind, term.code).map((f) => foldDiacritics(f).trim()))].filter(
        (form) => form.length > 1 && form.split(/\s+/).length <= MAX_SYNONYM_WORDS,
      );
      for (const form of forms) {
        const targets = synonyms.get(form) ?? new Set<string>();
        for (const other of forms) if (other !== form && targets.size < MAX_SYNONYMS_PER_KEY) targets.add(other);
        synonyms.set(form, targets);
      }
    }
  }
  return Object.fromEntries([...synonyms].filter(([, targets]) => targets.size > 0).sort(([a], [b]) => a.localeCompare(b)).map(([key, targets]) => [key, [...targets].sort()]));
}

/** The index settings, applied from code at start-up (idempotent: Meilisearch skips a no-op update). */
export function supplierIndexSettings(taxonomy: Taxonomy): Settings {
  return {
    searchableAttributes: SEARCHABLE_ATTRIBUTES,
    filterableAttributes: [
      { attributePatterns: EQUALITY, features: { facetSearch: false, filter: { equality: true, comparison: false } } },
      { attributePatterns: COMPARISON, features: { facetSearch: false, filter: { equality: true, comparison: true } } },
      '_geo',
    ],
    sortableAttributes: ['_geo', 'capacityValue', 'createdAt', 'verified'],
    // Highlighted attributes must be displayed; each search retrieves only id and profile.
    displayedAttributes: ['id', 'profile', 'checksum', ...HIGHLIGHTED_ATTRIBUTES],
    rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness', 'verified:desc'],
    typoTolerance: {
      enabled: true,
      minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
      disableOnNumbers: true,
      disableOnAttributes: [],
    },
    faceting: { maxValuesPerFacet: 200, sortFacetValuesBy: { '*': 'count' } },
    pagination: { maxTotalHits: 200000 },
    synonyms: taxonomySynonyms(taxonomy),
    localizedAttributes: [
      { attributePatterns: ['*Ja'], locales: ['jpn'] },
      { attributePatterns: ['*Ko'], locales: ['kor'] },
      { attributePatterns: ['*Vi', 'nameVi'], locales: ['vie'] },
      { attributePatterns: ['*En', 'tradeNameEn', 'certificationNames'], locales: ['eng'] },
    ],
    facetSearch: false,
    searchCutoffMs: 1500,
  };
}
