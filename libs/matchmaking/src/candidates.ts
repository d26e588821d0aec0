import { foldDiacritics, type Language } from '#libs/core';
import {
  type CandidateSpec,
  EARTH_RADIUS_KM,
  EXPLANATION_LANGS,
  haversineKm,
  type ExplanationLang,
  type NeedSpec,
  type RetrievalConstraints,
  type TaxonomyView,
} from '#libs/matching';
import { dayNumber, quote } from '#libs/search';
import { type SupplierAggregate, toSupplierModel } from '#libs/companies';
import { FILL_CONFIDENCE, suggestNeedSpec, type SuggestedNumber, type Taxonomy, TaxonomyKind } from '#libs/taxonomy';
import type { SourcingNeedEntity } from '#libs/sourcing';

/** The real taxonomy as the pure engine sees it. */
export function taxonomyView(taxonomy: Taxonomy): TaxonomyView {
  return {
    parentOf: (kind, code) => taxonomy.parentOf(kind === 'PROCESS' ? TaxonomyKind.PROCESS : TaxonomyKind.MATERIAL, code)?.code ?? null,
    label: (kind, code, lang) => taxonomy.label(TaxonomyKind[kind], code, lang as Language),
    stockBoughtPerOrder: (process) => taxonomy.find(TaxonomyKind.PROCESS, process)?.stockBoughtPerOrder ?? [],
  };
}

/** A language code as explanations know it; anything else (none, an unknown code) reads as Vietnamese, the platform's default. */
export function explanationLang(lang: string | null | undefined): ExplanationLang {
  return (EXPLANATION_LANGS as readonly unknown[]).includes(lang) ? (lang as ExplanationLang) : 'vi';
}

/** What a need's text says (suggestNeedSpec), as matching uses it for the fields the buyer left empty. */
export interface NeedTextReading {
  /**
   * Processes named by a label or alias: hard requirements where the need lists none, unless the text
   * names a part made by none of them (then they are weak: possibly a secondary step). Not one named
   * by the very words that name a part several processes make ("sheet-metal covers"): that part's choice.
   */
  processes: string[];
  /** Processes named only in other words (weak): ranked on, never filtered on. */
  weakProcesses: string[];
  /** For each part named (a product group with `madeBy`): the processes that make it, any one of them. */
  partProcesses?: string[][];
  materials: string[];
  certifications: string[];
  quantityPerMonth?: { value: number; unit: string } | null;
  toleranceMm?: number | null;
  maxLeadTimeDays?: number | null;
  maxDistanceKm?: number | null;
  /** The first industrial zone named, as a delivery point when the need has none. */
  zonePoint?: { lat: number; lng: number } | null;
  /** The machine size asked for ("máy dập 400 tấn trở lên"): a soft criterion; the form has no such field. */
  machineSize?: { tonnes: number; kind: 'PRESS' | 'CLAMP' | null } | null;
}

/** Reads the need's title and description (libs/taxonomy suggestNeedSpec); values below FILL_CONFIDENCE are left out. */
export function capabilitiesInText(taxonomy: Taxonomy, need: Pick<SourcingNeedEntity, 'title' | 'description'>): NeedTextReading {
  const text = `${need.title}\n${need.description ?? ''}`;
  // The writer's language only matters for "1.500 tấn" vs "1.500 tons": Vietnamese letters say which.
  const s = suggestNeedSpec(taxonomy, text, /[ăâđêôơư]/iu.test(text) ? 'vi' : 'en');
  const sure = (value: SuggestedNumber | null) => (value && value.confidence >= FILL_CONFIDENCE ? value.value : null);
  const zone = s.zones.map((z) => taxonomy.find(TaxonomyKind.ZONE, z.code)?.geo).find((geo) => !!geo);
  // Words that name a process and, as written, a part other processes make too ("sheet-metal covers",
  // "板金部品": sheet-metal parts are fabricated or stamped) say what the part is made of, not how: the
  // part's processes, any one of them, stand for that process.
  const partForm = (t: (typeof s.processes)[number]) =>
    t.sources.every((src) =>
      s.partProcesses.some(
        (part) =>
          part.processes.length > 1 &&
          part.processes.includes(t.code) &&
          part.sources.some((p) => p.start <= src.start && src.end <= p.end),
      ),
    );
  // A step the text lets the supplier subcontract ("plating may be subcontracted") is not asked at all.
  const asked = s.processes.filter((t) => !t.optional && !partForm(t));
  const named = asked.filter((t) => !t.weak).map((t) => t.code);
  const weak = asked.filter((t) => t.weak).map((t) => t.code);
  // A part made otherwise than every process the text names ("tản nhiệt nhôm, có khoan taro", "busbars,
  // tin plated"): those may be a secondary step, so nothing read from the text is required.
  const related = (a: string, b: string) =>
    a === b ||
    taxonomy.ancestors(TaxonomyKind.PROCESS, a).some((t) => t.code === b) ||
    taxonomy.ancestors(TaxonomyKind.PROCESS, b).some((t) => t.code === a);
  const madeOtherwise = named.length > 0 && s.partProcesses.some((part) => !part.processes.some((p) => named.some((n) => related(p, n))));
  return {
    processes: madeOtherwise ? [] : named,
    weakProcesses: madeOtherwise ? [...named, ...weak] : weak,
    partProcesses: s.partProcesses.map((p) => p.processes),
    materials: s.materials.map((t) => t.code),
    certifications: s.certifications.map((t) => t.code),
    quantityPerMonth:
      s.quantityPerMonth && s.quantityPerMonth.confidence >= FILL_CONFIDENCE
        ? { value: s.quantityPerMonth.value, unit: s.quantityPerMonth.unit }
        : null,
    toleranceMm: sure(s.toleranceMm),
    maxLeadTimeDays: s.maxLeadTimeDays && s.maxLeadTimeDays.confidence >= FILL_CONFIDENCE ? Math.round(s.maxLeadTimeDays.value) : null,
    maxDistanceKm: sure(s.maxDistanceKm),
    zonePoint: zone ? { lat: zone.lat, lng: zone.lng } : null,
    machineSize:
      s.machineSize && s.machineSize.confidence >= FILL_CONFIDENCE ? { tonnes: s.machineSize.tonnes, kind: s.machineSize.kind } : null,
  };
}

/**
 * The processes a need's text reads only softly, which retrieve suppliers but never filter them: those
 * named weakly, those that make the parts named (also when they became hard ones' alternatives), and for
 * a part's process its parent unless that is a top-level group: a general stamper can make laminations
 * (scored "partly covered", a more general process), so it is retrieved too.
 */
export function softRetrievalProcesses(taxonomy: Taxonomy, read: Pick<NeedTextReading, 'weakProcesses' | 'partProcesses'>): string[] {
  const partProcesses = (read.partProcesses ?? []).flat();
  const parents = partProcesses.flatMap((code) => {
    const parent = taxonomy.parentOf(TaxonomyKind.PROCESS, code);
    return parent && parent.parent !== null ? [parent.code] : [];
  });
  return [...new Set([...read.weakProcesses, ...partProcesses, ...parents])];
}

/**
 * The need as the engine compares it. Every field the buyer left empty is taken from the text when the
 * text states it (`extracted`); a field the buyer filled always wins. Processes named only weakly in the
 * text become preferred processes (ranked on, never a hard requirement) when no process is known; the
 * processes that make the parts the text names (any one of them per part) are ranked on unless the buyer
 * filled the processes.
 */
export function needSpecOf(
  need: SourcingNeedEntity,
  buyerLanguages: string[],
  extracted?: Partial<NeedTextReading> & Pick<NeedTextReading, 'processes' | 'materials' | 'certifications'>,
): NeedSpec {
  const processes = need.processes.length ? need.processes : (extracted?.processes ?? []);
  const delivery =
    need.deliveryLatitude !== null && need.deliveryLongitude !== null
      ? { lat: need.deliveryLatitude, lng: need.deliveryLongitude }
      : (extracted?.zonePoint ?? null);
  return {
    id: need.id,
    processes,
    preferredProcesses: processes.length ? [] : (extracted?.weakProcesses ?? []),
    // processes read from the text leave room for the part's (a secondary step may be all the text names); the buyer's do not
    preferredProcessGroups: need.processes.length ? [] : (extracted?.partProcesses ?? []),
    materials: need.materials.length ? need.materials : (extracted?.materials ?? []),
    certifications: need.certifications.length ? need.certifications : (extracted?.certifications ?? []),
    productGroup: need.productGroup,
    quantityPerMonth:
      need.quantityValue !== null && need.quantityUnit
        ? { value: need.quantityValue, unit: need.quantityUnit }
        : (extracted?.quantityPerMonth ?? null),
    maxLeadTimeDays: need.maxLeadTimeDays ?? extracted?.maxLeadTimeDays ?? null,
    toleranceMm: need.toleranceMm ?? extracted?.toleranceMm ?? null,
    delivery,
    maxDistanceKm: need.maxDistanceKm ?? extracted?.maxDistanceKm ?? null,
    languages: buyerLanguages,
    machineSize: extracted?.machineSize ?? null,
  };
}

type Codes = { code: string }[];
/**
 * The part of a public profile (indexed, or the live Supplier model) that a candidate is built from:
 * retrieval asks Meilisearch for these paths only (CANDIDATE_PROFILE_PATHS), not for descriptions,
 * equipment, customers and the rest a page shows (those come from PostgreSQL for the page returned).
 * Optional fields: a nested path retrieved alone comes back without its key when nothing matches it
 * (no processes: no `processes`; no certificate: no `certifications`; a null value: no key).
 */
export interface CandidateProfile {
  nameVi: string;
  processes?: Codes;
  materials?: Codes;
  productGroups?: Codes;
  certifications?: { code: string; validFrom?: string | null; validUntil?: string | null }[];
  monthlyCapacity?: { value: number; unit: string } | null;
  leadTimeDays?: number | null;
  bestToleranceMm?: number | null;
  location?: { latitude: number; longitude: number } | null;
  /** Only the sizes (a retrieved nested path leaves out the keys an item lacks). */
  equipment?: { pressTonnage?: number | null; clampForceTonnes?: number | null }[];
  verificationStatus: CandidateSpec['verificationStatus'];
  languages?: string[];
  updatedAt: string | Date;
}

/** A supplier as the engine compares it, from the Supplier model (live) or the parts of its indexed public profile. */
export function candidateFromProfile(id: string, p: CandidateProfile, textScore: number | null): CandidateSpec {
  const codes = (refs: Codes | undefined) => (refs ?? []).map((r) => r.code);
  return {
    id,
    name: p.nameVi,
    processes: codes(p.processes),
    materials: codes(p.materials),
    productGroups: codes(p.productGroups),
    certifications: (p.certifications ?? []).map((c) => ({
      code: c.code,
      validFrom: c.validFrom ?? null,
      validUntil: c.validUntil ?? null,
    })),
    monthlyCapacity: p.monthlyCapacity ?? null,
    leadTimeDays: p.leadTimeDays ?? null,
    bestToleranceMm: p.bestToleranceMm ?? null,
    machines: machinesOf(p.equipment),
    location: p.location ? { lat: p.location.latitude, lng: p.location.longitude } : null,
    verificationStatus: p.verificationStatus,
    languages: p.languages ?? [],
    updatedAt: typeof p.updatedAt === 'string' ? p.updatedAt : p.updatedAt.toISOString(),
    textScore,
  };
}

/** The largest press and clamping force a profile lists; null when it lists no size. */
function machinesOf(equipment: CandidateProfile['equipment']): CandidateSpec['machines'] {
  const largest = (sizes: (number | null | undefined)[]) => {
    const known = sizes.filter((t): t is number => typeof t === 'number' && t > 0);
    return known.length ? Math.max(...known) : null;
  };
  const pressTonnes = largest((equipment ?? []).map((e) => e.pressTonnage));
  const clampTonnes = largest((equipment ?? []).map((e) => e.clampForceTonnes));
  return pressTonnes === null && clampTonnes === null ? null : { pressTonnes, clampTonnes };
}

export function candidateFromAggregate(a: SupplierAggregate, today: string): CandidateSpec {
  return candidateFromProfile(a.supplier.id, toSupplierModel(a, { contact: false, privateCustomers: false }, today), null);
}

/** A retrieval step's distance limit in metres, as its `_geoRadius` filter has it; null without a limit or a delivery point. */
export function reachMeters(
  constraints: Pick<RetrievalConstraints, 'maxDistanceKm'>,
  delivery: { lat: number; lng: number } | null,
): number | null {
  return constraints.maxDistanceKm !== null && delivery ? Math.round(Number(constraints.maxDistanceKm) * 1000) : null;
}

/** Metres per degree of latitude on the sphere Meilisearch and the engine measure on (EARTH_RADIUS_KM). */
const METRES_PER_DEGREE = (EARTH_RADIUS_KM * 1000 * Math.PI) / 180;

/**
 * A `_geoBoundingBox` filter holding every point within `reach` metres of `centre`, with 1 % to spare;
 * null where a box would not be simple (within a degree of a pole, or across the 180th meridian).
 * Meilisearch 1.21 answers a bounding box from its latitude and longitude number facets (1–2 ms at
 * 100 000 suppliers) but a `_geoRadius` filter by loading its whole geo R-tree (≈ 11 ms).
 */
export function reachBox(centre: { lat: number; lng: number }, reach: number): string | null {
  const lat = Number(centre.lat);
  const lng = Number(centre.lng);
  const dLat = (reach / METRES_PER_DEGREE) * 1.01;
  const widest = Math.abs(lat) + dLat;
  if (widest >= 89) return null;
  const dLng = dLat / Math.cos((widest * Math.PI) / 180);
  if (lng - dLng < -180 || lng + dLng > 180) return null;
  return `_geoBoundingBox([${lat + dLat}, ${lng + dLng}], [${lat - dLat}, ${lng - dLng}])`;
}

/**
 * Meilisearch filters for one retrieval step: only codes the taxonomy knows and numbers (the
 * need's fields were validated when written), suspended suppliers never. The step's distance limit is
 * a `_geoRadius` filter, or with `reachAs: 'box'` the box around it (`reachBox`), which keeps more: the
 * caller then cuts the hits at the limit itself (`withinDisk`).
 */
export function retrievalFilter(
  constraints: RetrievalConstraints,
  delivery: { lat: number; lng: number } | null,
  today: string,
  reachAs: 'radius' | 'box' = 'radius',
): string[] {
  const filter = ['verificationStatus != "SUSPENDED"'];
  const safe = (code: string) => /^[A-Z0-9_]+$/.test(code);
  const processes = constraints.processes.filter(safe);
  if (processes.length) filter.push(`processTree IN [${processes.map(quote).join(', ')}]`);
  const day = dayNumber(today);
  for (const code of constraints.certifications.filter(safe)) filter.push(`certUntil.${code} > ${day} AND certFrom.${code} <= ${day}`);
  const reach = reachMeters(constraints, delivery);
  if (reach !== null && delivery)
    filter.push(
      (reachAs === 'box' && reachBox(delivery, reach)) || `_geoRadius(${Number(delivery.lat)}, ${Number(delivery.lng)}, ${reach})`,
    );
  if (constraints.maxLeadTimeDays !== null) filter.push(`leadTimeDays <= ${Number(constraints.maxLeadTimeDays)}`);
  if (constraints.toleranceMm !== null) filter.push(`toleranceMm <= ${Number(constraints.toleranceMm)}`);
  return filter;
}

/** Hits this close to a distance limit (metres) may lie on either side of it for Meilisearch: its sums and the engine's differ in the last bits. */
const DISK_EDGE_METRES = 5;

/**
 * The first `keep` hits within `reach` metres of `centre`, in their order: what the same query with a
 * `_geoRadius` filter returns, given the hits of that query under `reachBox` asked with `limit`
 * (ranking does not depend on the filter, so the suppliers within the limit keep their order). Null
 * when that cannot be told from these hits: one lies within DISK_EDGE_METRES of the limit, or fewer
 * than `keep` are within it while the box filled its page (it may hold more); the caller then asks
 * with the `_geoRadius` filter.
 */
export function withinDisk<T extends { _geo?: { lat: number; lng: number } | null }>(
  hits: T[],
  centre: { lat: number; lng: number },
  reach: number,
  keep: number,
  limit: number,
): T[] | null {
  const kept: T[] = [];
  for (const hit of hits) {
    if (!hit._geo) continue;
    const metres = haversineKm(centre, hit._geo) * 1000;
    if (Math.abs(metres - reach) <= DISK_EDGE_METRES) return null;
    if (metres < reach && kept.push(hit) === keep) return kept;
  }
  return hits.length < limit ? kept : null;
}

/** Meilisearch reads only the first ten words of a query. */
const QUERY_WORDS = 10;
/** Words as Unicode tells them apart: a Japanese sentence written without spaces is its words, not one. */
const WORDS = new Intl.Segmenter('und', { granularity: 'word' });

/**
 * The need's words for text relevance, title first, as many as Meilisearch reads: each word once
 * (case and diacritics aside, as Meilisearch compares them; a title repeated in the description spent
 * the ten), and only words with a letter in them (quantities, sizes and one-letter particles match
 * profiles by chance, and the fields say them better). A text with no such word is asked as it is
 * written (an empty query would match every supplier).
 */
export function needQuery(need: SourcingNeedEntity): string {
  const text = `${need.title} ${need.description ?? ''}`.replace(/\s+/g, ' ').trim();
  const seen = new Set<string>();
  const words: string[] = [];
  for (const { segment, isWordLike } of WORDS.segment(text)) {
    if (!isWordLike || !/\p{L}/u.test(segment) || Array.from(segment).length < 2) continue;
    const key = foldDiacritics(segment);
    if (seen.has(key)) continue;
    seen.add(key);
    if (words.push(segment) === QUERY_WORDS) break;
  }
  return words.length ? words.join(' ') : text.split(' ').slice(0, QUERY_WORDS).join(' ');
}
