import { createHash } from 'node:crypto';
import { isCertificateValid, Language } from '#libs/core';
import { type SupplierAggregate, type SupplierModel, toSupplierModel } from '#libs/companies';
import { type Taxonomy, TaxonomyKind, type TaxonomyTerm } from '#libs/taxonomy';
import { placeKey } from './place-key.js';

/** Labels and aliases of some terms, one list per language, for searching. */
export interface TermTexts {
  vi: string[];
  en: string[];
  ja: string[];
  ko: string[];
}

/**
 * The public view of a supplier that search results render: the API's own Supplier model as an
 * anonymous caller sees it (no contact, public customers only), with ISO timestamps, so the mapping
 * from rows to what a caller may see exists once (`toSupplierModel`).
 */
export type PublicProfile = Omit<SupplierModel, 'createdAt' | 'updatedAt'> & { createdAt: string; updatedAt: string };

/** One supplier in the Meilisearch index: searchable texts, filter codes and the public profile. */
export interface SupplierDocument {
  id: string;
  nameVi: string;
  tradeNameEn: string | null;
  descriptionVi: string | null;
  descriptionEn: string | null;
  /** Codes as given, and with their taxonomy ancestors (filters on a parent match its children). */
  processes: string[];
  processTree: string[];
  materials: string[];
  materialTree: string[];
  productGroups: string[];
  productGroupTree: string[];
  sectors: string[];
  sectorTree: string[];
  /** Certificates valid on the day the document was built (facets; the filter uses certUntil). */
  certifications: string[];
  /** Per certificate code: first and last valid day as day numbers since 1970-01-01 (exact filters at query time). */
  certFrom: Record<string, number>;
  certUntil: Record<string, number>;
  processVi: string[];
  processEn: string[];
  processJa: string[];
  processKo: string[];
  /** Texts of the processes' ancestors (an insert-moulding shop is an injection moulder), ranked below. */
  processFamilyVi: string[];
  processFamilyEn: string[];
  processFamilyJa: string[];
  processFamilyKo: string[];
  capabilityVi: string[];
  capabilityEn: string[];
  capabilityJa: string[];
  capabilityKo: string[];
  certificationNames: string[];
  equipmentText: string[];
  equipmentKinds: string[];
  zone: string | null;
  zoneName: string[];
  /** placeKey() of each ward given (several separated by "/"), and of the province. */
  wardKeys: string[];
  provinceKey: string;
  _geo: { lat: number; lng: number } | null;
  verificationStatus: string;
  verified: number;
  employees: number | null;
  capacityValue: number | null;
  capacityUnit: string | null;
  leadTimeDays: number | null;
  toleranceMm: number | null;
  exportMarkets: string[];
  languages: string[];
  publicCustomers: string[];
  createdAt: number;
  updatedAt: number;
  profile: PublicProfile;
  /** SHA-256 of everything above: `index:check` compares it with a fresh build from PostgreSQL. */
  checksum: string;
}

const ALL_LANGUAGES = [Language.vi, Language.en, Language.ja, Language.ko] as const;

/** No expiry: a certificate without `validUntil` counts for ever. */
export const NO_EXPIRY_DAY = 999999;

export function dayNumber(isoDate: string): number {
  return Math.round(Date.UTC(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10))) / 86400000);
}

/**
 * Labels of the terms in each language, with their aliases in the languages listed in
 * `withAliases`. Indexing cost grows with every string, so only where searches need them.
 */
function termTexts(
  taxonomy: Taxonomy,
  kind: TaxonomyKind,
  codes: readonly string[],
  withAliases: readonly Language[] = ALL_LANGUAGES,
): TermTexts {
  const texts: TermTexts = { vi: [], en: [], ja: [], ko: [] };
  for (const code of codes) {
    const term = taxonomy.find(kind, code);
    if (!term) continue;
    for (const lang of ALL_LANGUAGES) {
      const label = term.labels[lang];
      if (label) texts[lang].push(label);
      if (withAliases.includes(lang)) texts[lang].push(...(term.aliases[lang] ?? []));
    }
  }
  return { vi: unique(texts.vi), en: unique(texts.en), ja: unique(texts.ja), ko: unique(texts.ko) };
}

function withAncestors(taxonomy: Taxonomy, kind: TaxonomyKind, codes: readonly string[]): string[] {
  return unique(codes.flatMap((code) => [code, ...taxonomy.ancestors(kind, code).map((t: TaxonomyTerm) => t.code)]));
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

function unixSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

/**
 * Builds the search document of a supplier as of `today` (YYYY-MM-DD, Vietnam). Pure: the same
 * rows and day give the same document and checksum.
 */
export function buildSupplierDocument(aggregate: SupplierAggregate, taxonomy: Taxonomy, today: string): SupplierDocument {
  const s = aggregate.supplier;
  const validCerts = aggregate.certifications.filter((c) => isCertificateValid(c.validFrom, c.validUntil, today));
  const certFrom: Record<string, number> = {};
  const certUntil: Record<string, number> = {};
  // Several certificates of one code: the one valid today (else the latest) stands for the code.
  const ranked = [...aggregate.certifications].sort((a, b) => {
    const validA = isCertificateValid(a.validFrom, a.validUntil, today) ? 1 : 0;
    const validB = isCertificateValid(b.validFrom, b.validUntil, today) ? 1 : 0;
    return validB - validA || (b.validUntil ?? '9999').localeCompare(a.validUntil ?? '9999');
  });
  for (const c of ranked) {
    if (certUntil[c.code] !== undefined) continue;
    certUntil[c.code] = c.validUntil ? dayNumber(c.validUntil) : NO_EXPIRY_DAY;
    certFrom[c.code] = c.validFrom ? dayNumber(c.validFrom) : 0;
  }
  const processes = termTexts(taxonomy, TaxonomyKind.PROCESS, s.processes);
  const processTree = withAncestors(taxonomy, TaxonomyKind.PROCESS, s.processes);
  const family = termTexts(
    taxonomy,
    TaxonomyKind.PROCESS,
    processTree.filter((code) => !s.processes.includes(code)),
    [],
  );
  const latinAliases = [Language.vi, Language.en];
  const others = [
    termTexts(taxonomy, TaxonomyKind.MATERIAL, s.materials, latinAliases),
    termTexts(taxonomy, TaxonomyKind.PRODUCT_GROUP, s.productGroups, latinAliases),
    termTexts(taxonomy, TaxonomyKind.SECTOR, s.sectors, latinAliases),
  ];
  const zone = s.zoneCode ? taxonomy.find(TaxonomyKind.ZONE, s.zoneCode) : undefined;
  const publicCustomers = aggregate.customers.filter((c) => c.isPublic).map((c) => c.name);
  const model = toSupplierModel(aggregate, { contact: false, privateCustomers: false }, today);
  const profile: PublicProfile = { ...model, createdAt: model.createdAt.toISOString(), updatedAt: model.updatedAt.toISOString() };
  const document: Omit<SupplierDocument, 'checksum'> = {
    id: s.id,
    nameVi: s.nameVi,
    tradeNameEn: s.tradeNameEn,
    descriptionVi: s.descriptionVi,
    descriptionEn: s.descriptionEn,
    processes: s.processes,
    processTree,
    materials: s.materials,
    materialTree: withAncestors(taxonomy, TaxonomyKind.MATERIAL, s.materials),
    productGroups: s.productGroups,
    productGroupTree: withAncestors(taxonomy, TaxonomyKind.PRODUCT_GROUP, s.productGroups),
    sectors: s.sectors,
    sectorTree: withAncestors(taxonomy, TaxonomyKind.SECTOR, s.sectors),
    certifications: unique(validCerts.map((c) => c.code)),
    certFrom,
    certUntil,
    processVi: processes.vi,
    processEn: processes.en,
    processJa: processes.ja,
    processKo: processes.ko,
    processFamilyVi: family.vi,
    processFamilyEn: family.en,
    processFamilyJa: family.ja,
    processFamilyKo: family.ko,
    capabilityVi: unique(others.flatMap((t) => t.vi)),
    capabilityEn: unique(others.flatMap((t) => t.en)),
    capabilityJa: unique(others.flatMap((t) => t.ja)),
    capabilityKo: unique(others.flatMap((t) => t.ko)),
    certificationNames: unique(
      validCerts.flatMap((c) => {
        const term = taxonomy.find(TaxonomyKind.CERTIFICATION, c.code);
        return term ? [term.labels.en, ...(term.aliases.en ?? [])] : [c.code];
      }),
    ),
    equipmentText: unique(aggregate.equipment.flatMap((e) => [e.maker, e.model].filter((v): v is string => !!v))),
    equipmentKinds: unique(aggregate.equipment.map((e) => e.kind)),
    zone: s.zoneCode,
    zoneName: zone ? unique([zone.labels.vi, zone.labels.en]) : [],
    wardKeys: s.ward ? unique(s.ward.split('/').map(placeKey).filter(Boolean)) : [],
    provinceKey: placeKey(s.province),
    _geo: s.latitude !== null && s.longitude !== null ? { lat: s.latitude, lng: s.longitude } : null,
    verificationStatus: s.verificationStatus,
    verified: s.verificationStatus === 'VERIFIED' ? 1 : 0,
    employees: s.employees,
    capacityValue: s.monthlyCapacityValue,
    capacityUnit: s.monthlyCapacityUnit,
    leadTimeDays: s.leadTimeDays,
    toleranceMm: s.bestToleranceMm,
    exportMarkets: s.exportMarkets,
    languages: s.languages,
    publicCustomers,
    createdAt: unixSeconds(s.createdAt),
    updatedAt: unixSeconds(s.updatedAt),
    profile,
  };
  return { ...document, checksum: checksumOf(document) };
}

export function checksumOf(document: Omit<SupplierDocument, 'checksum'>): string {
  return createHash('sha256').update(JSON.stringify(document)).digest('hex').slice(0, 32);
}

/**
 * The next day on which the document of these certificates changes by itself (a certificate
 * starts or stops counting), after `today`; null when none will.
 */
export function nextValidityChange(certifications: SupplierAggregate['certifications'], today: string): string | null {
  const upcoming = certifications
    .flatMap((c) => [c.validFrom, c.validUntil])
    .filter((day): day is string => !!day && day > today)
    .sort();
  return upcoming[0] ?? null;
}
