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

const EQUALITY = [
  'id',
  'processes',
  'processTree',
  'materials',
  'materialTree',
  'productGroups',
  'productGroupTree',
  'sectors',
  'sectorTree',
  'certifications',
  'zone',
  'provinceKey',
  'wardKeys',
  'verificationStatus',
  'equipmentKinds',
  'capacityUnit',
  'languages',
];
const COMPARISON = ['employees', 'capacityValue', 'leadTimeDays', 'toleranceMm', 'createdAt', 'verified', 'certFrom.*', 'certUntil.*'];
/** Attributes whose matches are shown as highlights. */
export const HIGHLIGHTED_ATTRIBUTES = [
  'nameVi',
  'tradeNameEn',
  'descriptionVi',
  'descriptionEn',
  'processVi',
  'processEn',
  'processJa',
  'processKo',
];

/**
 * Paths inside the public profile that a search may retrieve on their own (`profile.<path>` in
 * attributesToRetrieve): what matching reads of a candidate, so its retrieval returns a few hundred
 * bytes per supplier rather than the whole profile. Meilisearch returns a nested path only when it is
 * listed in displayedAttributes itself (listing `profile` is not enough).
 */
export const CANDIDATE_PROFILE_PATHS = [
  'nameVi',
  'processes.code',
  'materials.code',
  'productGroups.code',
  'certifications.code',
  'certifications.validFrom',
  'certifications.validUntil',
  'monthlyCapacity',
  'leadTimeDays',
  'bestToleranceMm',
  'equipment.pressTonnage',
  'equipment.clampForceTonnes',
  'location',
  'verificationStatus',
  'languages',
  'updatedAt',
] as const;

/**
 * The public profile's top-level fields, each retrievable on its own (`profile.<field>`): a search
 * asks Meilisearch only for those its GraphQL query selects, so a page listing twenty names and
 * processes does not receive, decode and parse twenty descriptions, equipment lists and addresses.
 * search-pure.spec checks the list against a built document.
 */
export const PROFILE_FIELDS = [
  'id',
  'taxCode',
  'nameVi',
  'tradeNameEn',
  'descriptionVi',
  'descriptionEn',
  'address',
  'zone',
  'location',
  'website',
  'contact',
  'employees',
  'foundedYear',
  'ownership',
  'sectors',
  'processes',
  'materials',
  'productGroups',
  'certifications',
  'equipment',
  'monthlyCapacity',
  'minimumOrderQuantity',
  'leadTimeDays',
  'bestToleranceMm',
  'exportExperience',
  'exportMarkets',
  'customers',
  'languages',
  'verificationStatus',
  'version',
  'createdAt',
  'updatedAt',
  'onboarding',
] as const;

/** Facets the API offers (with counts and labels). */
export const FACET_ATTRIBUTES = ['processes', 'materials', 'productGroups', 'certifications', 'zone', 'sectors', 'verificationStatus'];

/** Meilisearch matches multi-word synonym keys of at most three words. */
const MAX_SYNONYM_WORDS = 3;

/**
 * Synonyms from the taxonomy: every one-word surface form of a term (an alias or a label in any
 * language, diacritics folded: "inox", "anodizing", "molding", "射出成形") points to the term's
 * Vietnamese and English labels, so free text in names and descriptions meets the taxonomy.
 *
 * Deliberately small. Documents already carry every label and alias of their own terms in four
 * languages, so the codes need no synonyms to be found; and each synonym widens every query that
 * contains its key. Measured on 20 000 suppliers, text queries took 35–70 ms with all forms
 * mapped to one another, 9–15 ms with multi-word keys to the two labels, 4–8 ms with one-word keys
 * only (3–4 ms with none).
 */
export function taxonomySynonyms(taxonomy: Taxonomy): Record<string, string[]> {
  const synonyms = new Map<string, Set<string>>();
  for (const kind of TAXONOMY_KINDS) {
    if (kind === 'ZONE') continue; // zone names are place names, not capabilities
    for (const term of taxonomy.list(kind)) {
      const labels = [...new Set([term.labels.vi, term.labels.en].map((label) => foldDiacritics(label).trim()))].filter(
        (label) => label.split(/\s+/).length <= MAX_SYNONYM_WORDS,
      );
      const forms = new Set(taxonomy.surfaceForms(kind, term.code).map((form) => foldDiacritics(form).trim()));
      for (const form of forms) {
        if (form.length < 2 || /\s/.test(form)) continue;
        const targets = labels.filter((label) => label !== form);
        if (!targets.length) continue;
        const existing = synonyms.get(form) ?? new Set<string>();
        for (const target of targets) if (existing.size < 4) existing.add(target);
        synonyms.set(form, existing);
      }
    }
  }
  return Object.fromEntries([...synonyms].sort(([a], [b]) => a.localeCompare(b)).map(([key, targets]) => [key, [...targets].sort()]));
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
    // Highlighted attributes must be displayed; each search retrieves only id and the profile fields its
    // query selects (matching: the candidate paths), and `_geo` when it has a centre (a hit's distance is computed from it; an undisplayed `_geo` left it null).
    displayedAttributes: [
      'id',
      'profile',
      ...[...new Set([...PROFILE_FIELDS, ...CANDIDATE_PROFILE_PATHS])].map((path) => `profile.${path}`),
      'checksum',
      '_geo',
      ...HIGHLIGHTED_ATTRIBUTES,
    ],
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
    // Proximity within an attribute only: word-pair extraction dominated indexing time (~0.7 ms a
    // document) and matches rarely span attributes here.
    proximityPrecision: 'byAttribute',
    searchCutoffMs: 1500,
  };
}
