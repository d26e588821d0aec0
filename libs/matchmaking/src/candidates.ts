import type { Language } from '#libs/core';
import type { CandidateSpec, ExplanationLang, NeedSpec, RetrievalConstraints, TaxonomyView } from '#libs/matching';
import { dayNumber, type PublicProfile, quote } from '#libs/search';
import { type SupplierAggregate, type SupplierModel, toSupplierModel } from '#libs/companies';
import { extractCapabilities, type Taxonomy, TaxonomyKind } from '#libs/taxonomy';
import type { SourcingNeedEntity } from '#libs/sourcing';

/** The real taxonomy as the pure engine sees it. */
export function taxonomyView(taxonomy: Taxonomy): TaxonomyView {
  return {
    parentOf: (kind, code) => taxonomy.parentOf(kind === 'PROCESS' ? TaxonomyKind.PROCESS : TaxonomyKind.MATERIAL, code)?.code ?? null,
    label: (kind, code, lang) => taxonomy.label(TaxonomyKind[kind], code, lang as Language),
  };
}

/** Explanations exist in Vietnamese and English; Japanese and Korean users get English. */
export function explanationLang(lang: string | undefined): ExplanationLang {
  return lang === 'vi' ? 'vi' : 'en';
}

/** Codes the need's title and description mention: matching uses them where its structured fields are empty. */
export function capabilitiesInText(taxonomy: Taxonomy, need: Pick<SourcingNeedEntity, 'title' | 'description'>): { processes: string[]; materials: string[]; certifications: string[] } {
  const mentions = extractCapabilities(taxonomy, `${need.title}\n${need.description ?? ''}`);
  const of = (kind: TaxonomyKind) => mentions.filter((m) => m.kind === kind).map((m) => m.code);
  return { processes: of(TaxonomyKind.PROCESS), materials: of(TaxonomyKind.MATERIAL), certifications: of(TaxonomyKind.CERTIFICATION) };
}

export function needSpecOf(need: SourcingNeedEntity, buyerLanguages: string[], extracted?: { processes: string[]; materials: string[]; certifications: string[] }): NeedSpec {
  return {
    id: need.id,
    processes: need.processes.length ? need.processes : (extracted?.processes ?? []),
    materials: need.materials.length ? need.materials : (extracted?.materials ?? []),
    certifications: need.certifications.length ? need.certifications : (extracted?.certifications ?? []),
    productGroup: need.productGroup,
    quantityPerMonth: need.quantityValue !== null && need.quantityUnit ? { value: need.quantityValue, unit: need.quantityUnit } : null,
    maxLeadTimeDays: need.maxLeadTimeDays,
    toleranceMm: need.toleranceMm,
    delivery: need.deliveryLatitude !== null && need.deliveryLongitude !== null ? { lat: need.deliveryLatitude, lng: need.deliveryLongitude } : null,
    maxDistanceKm: need.maxDistanceKm,
    languages: buyerLanguages,
  };
}

/** A supplier as the engine compares it, from the Supplier model (live) or its indexed public profile. */
export function candidateFromProfile(id: string, p: PublicProfile | SupplierModel, textScore: number | null): CandidateSpec {
  const codes = (refs: { code: string }[]) => refs.map((r) => r.code);
  return {
    id,
    name: p.nameVi,
    processes: codes(p.processes),
    materials: codes(p.materials),
    productGroups: codes(p.productGroups),
    certifications: p.certifications.map((c) => ({ code: c.code, validFrom: c.validFrom, validUntil: c.validUntil })),
    monthlyCapacity: p.monthlyCapacity,
    leadTimeDays: p.leadTimeDays,
    bestToleranceMm: p.bestToleranceMm,
    location: p.location ? { lat: p.location.latitude, lng: p.location.longitude } : null,
    verificationStatus: p.verificationStatus as CandidateSpec['verificationStatus'],
    languages: p.languages,
    updatedAt: typeof p.updatedAt === 'string' ? p.updatedAt : p.updatedAt.toISOString(),
    textScore,
  };
}

export function candidateFromAggregate(a: SupplierAggregate, today: string): CandidateSpec {
  return candidateFromProfile(a.supplier.id, toSupplierModel(a, { contact: false, privateCustomers: false }, today), null);
}

/**
 * Meilisearch filters for one retrieval step: only codes the taxonomy knows and numbers (the
 * need's fields were validated when written), suspended suppliers never.
 */
export function retrievalFilter(constraints: RetrievalConstraints, delivery: { lat: number; lng: number } | null, today: string): string[] {
  const filter = ['verificationStatus != "SUSPENDED"'];
  const safe = (code: string) => /^[A-Z0-9_]+$/.test(code);
  const processes = constraints.processes.filter(safe);
  if (processes.length) filter.push(`processTree IN [${processes.map(quote).join(', ')}]`);
  const day = dayNumber(today);
  for (const code of constraints.certifications.filter(safe)) filter.push(`certUntil.${code} > ${day} AND certFrom.${code} <= ${day}`);
  if (constraints.maxDistanceKm !== null && delivery) filter.push(`_geoRadius(${Number(delivery.lat)}, ${Number(delivery.lng)}, ${Math.round(Number(constraints.maxDistanceKm) * 1000)})`);
  if (constraints.maxLeadTimeDays !== null) filter.push(`leadTimeDays <= ${Number(constraints.maxLeadTimeDays)}`);
  if (constraints.toleranceMm !== null) filter.push(`toleranceMm <= ${Number(constraints.toleranceMm)}`);
  return filter;
}

/** The need's words for text relevance: title first; Meilisearch reads only the first ten words. */
export function needQuery(need: SourcingNeedEntity): string {
  return `${need.title} ${need.description ?? ''}`.replace(/\s+/g, ' ').trim().split(' ').slice(0, 10).join(' ');
}
