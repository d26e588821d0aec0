import { Language } from '#libs/core';
import type { Taxonomy } from './taxonomy.js';
import type { TaxonomyTermModel } from './taxonomy.models.js';
import type { TaxonomyTerm } from './taxonomy-term.js';

/** The GraphQL view of a term in one language. */
export function toTermModel(term: TaxonomyTerm, lang: Language, taxonomy: Taxonomy): TaxonomyTermModel {
  const description =
    lang === Language.vi ? (term.description?.vi ?? term.description?.en) : (term.description?.en ?? term.description?.vi);
  return {
    kind: term.kind,
    code: term.code,
    parentCode: term.parent,
    label: taxonomy.label(term.kind, term.code, lang),
    labels: { vi: term.labels.vi, en: term.labels.en, ja: term.labels.ja ?? null, ko: term.labels.ko ?? null },
    aliases: [...(term.aliases[lang as `${Language}`] ?? [])],
    description: description ?? null,
    depth: taxonomy.depth(term.kind, term.code),
    latitude: term.geo?.lat ?? null,
    longitude: term.geo?.lng ?? null,
    coordQuality: term.coordQuality ?? null,
    ward: term.ward ?? null,
    oldDistrict: term.oldDistrict ?? null,
  };
}
