import type { SearchParams, SearchResponse } from 'meilisearch';
import { type MaybeActor, isCentreStaff, isSupplierMember } from '#libs/accounts';
import { type ContactDisclosure, revealedSuppliers, SupplierRepository, type SupplierModel, toSupplierModel } from '#libs/companies';
import { isCertificateValid, type Language, todayInVietnam } from '#libs/core';
import { type GeoPoint, haversineKm } from '#libs/matching';
import { type Taxonomy, TaxonomyKind } from '#libs/taxonomy';
import type { SearchClientProvider } from './search-key.js';
import { FACET_ATTRIBUTES, HIGHLIGHTED_ATTRIBUTES, PROFILE_FIELDS } from './index-settings.js';
import type { SearchSuppliersInput } from './search.inputs.js';
import type { FacetModel, SearchHighlightModel, SearchUnderstandingModel, SupplierSearchResultModel } from './search.models.js';
import type { PublicProfile, SupplierDocument } from './supplier-document.js';
import { buildSupplierSearch, queryLocales } from './supplier-filters.js';
import { type QueryUnderstanding, understandQuery } from './query-understanding.js';

type Hit = Pick<SupplierDocument, 'id'> & {
  /** The fields retrieved: all of them, or those the query selects. */
  profile?: Partial<PublicProfile>;
  _rankingScore?: number;
  _geo?: SupplierDocument['_geo'];
  _formatted?: Record<string, unknown>;
};

const FACET_KINDS: Record<string, TaxonomyKind | undefined> = {
  processes: TaxonomyKind.PROCESS,
  materials: TaxonomyKind.MATERIAL,
  productGroups: TaxonomyKind.PRODUCT_GROUP,
  certifications: TaxonomyKind.CERTIFICATION,
  zone: TaxonomyKind.ZONE,
  sectors: TaxonomyKind.SECTOR,
  verificationStatus: undefined,
};

const HIGHLIGHTED = HIGHLIGHTED_ATTRIBUTES;

/**
 * Highlights come from names and descriptions only: highlighting the process-term arrays made
 * Meilisearch return every alias again in `_formatted`, and parsing that was the API's largest cost.
 */
const HIGHLIGHT_REQUESTED = ['nameVi', 'tradeNameEn', 'descriptionVi', 'descriptionEn'];

/** The words of the one-line summary of what a search was read as, in each of the platform's languages. */
const UNDERSTOOD: Record<Language, { searchingFor: string; or: string; with(label: string): string; near(label: string): string }> = {
  vi: { searchingFor: 'đang tìm: ', or: ' hoặc ', with: (label) => `có ${label}`, near: (label) => `gần ${label}` },
  en: { searchingFor: 'searching for: ', or: ' or ', with: (label) => `with ${label}`, near: (label) => `near ${label}` },
  ja: { searchingFor: '検索条件：', or: ' または ', with: (label) => `${label}取得`, near: (label) => `${label}の近く` },
  ko: { searchingFor: '검색 조건: ', or: ' 또는 ', with: (label) => `${label} 보유`, near: (label) => `${label} 인근` },
};

/** searchSuppliers: builds the Meilisearch request from validated input and maps the answer. */
export class SupplierSearchService {
  constructor(
    private readonly clients: SearchClientProvider,
    private readonly indexUid: string,
    private readonly taxonomy: Taxonomy,
    private readonly suppliers: SupplierRepository,
    private readonly disclosure?: ContactDisclosure,
  ) {}

  /** The Meilisearch request for an input (also used by the benchmark to query Meilisearch directly). */
  request(
    input: SearchSuppliersInput,
    today = todayInVietnam(),
    understood = understandQuery(this.taxonomy, input.query, input.literal),
    fields?: ReadonlySet<string>,
  ): SearchParams & { q?: string } {
    return this.build(input, today, understood, fields).request;
  }

  /**
   * With a centre (near / nearZone, or a zone named in the query) the hits carry their `_geo` (a
   * displayed attribute) and each hit's distance is computed from it, whatever the sort:
   * Meilisearch adds `_geoDistance` only when sorting by `_geoPoint`. The haversine uses the same
   * earth radius as Meilisearch, so a DISTANCE sort and the distances shown agree. A certification
   * named in the query filters as if it were given; a zone named orders equally relevant hits by
   * distance from it.
   */
  private build(
    input: SearchSuppliersInput,
    today: string,
    understood: QueryUnderstanding,
    fields: ReadonlySet<string> | undefined,
  ): { request: SearchParams & { q?: string }; centre: GeoPoint | undefined } {
    const certifications = [...new Set([...(input.certifications ?? []), ...understood.certifications])];
    const processesAnyOf = input.processesAnyOf?.length ? input.processesAnyOf : understood.partProcesses;
    const built = buildSupplierSearch({ ...input, certifications, processesAnyOf }, this.taxonomy, today);
    const zone = understood.zone ? this.taxonomy.find(TaxonomyKind.ZONE, understood.zone)?.geo : undefined;
    const byZone = !built.sort?.length && !built.centre && zone ? zone : undefined;
    const sort = byZone ? [`_geoPoint(${byZone.lat}, ${byZone.lng}):asc`] : built.sort;
    const centre = built.centre ?? byZone;
    const request: SearchParams & { q?: string } = {
      q: understood.q,
      filter: built.filter,
      sort,
      page: input.page,
      hitsPerPage: input.hitsPerPage,
      facets: input.facets?.length ? [...new Set(input.facets)] : undefined,
      attributesToRetrieve: ['id', ...profilePaths(fields), ...(centre ? ['_geo'] : [])],
      attributesToHighlight: input.query?.trim() ? HIGHLIGHT_REQUESTED : undefined,
      attributesToCrop: input.query?.trim() ? ['descriptionVi', 'descriptionEn'] : undefined,
      cropLength: 24,
      // Placeholders no stored text can hold (control characters are refused at input): the
      // snippet is HTML-escaped first, then they become <mark> tags (see highlightsOf).
      highlightPreTag: MARK_START,
      highlightPostTag: MARK_END,
      showRankingScore: true,
      // Which words go first when not all match (see QueryUnderstanding.matchingStrategy).
      matchingStrategy: understood.matchingStrategy,
      locales: queryLocales(input.query),
    };
    return { request, centre };
  }

  /**
   * `fields`: the supplier fields the caller's query selects (`hits { supplier { … } }`); only those
   * are retrieved from the index. Left out, the whole public profile is.
   */
  async search(actor: MaybeActor, input: SearchSuppliersInput, fields?: ReadonlySet<string>): Promise<SupplierSearchResultModel> {
    const today = todayInVietnam();
    const understood = understandQuery(this.taxonomy, input.query, input.literal);
    const { request, centre } = this.build(input, today, understood, fields);
    const response: SearchResponse<Hit> = await this.clients.run((client) => client.index<Hit>(this.indexUid).search(request.q, request));
    // Members and the centre's staff (ADMIN, STAFF) see everything; buyers with an accepted introduction see contacts.
    const ids = response.hits.map((h) => h.id);
    const revealed = await revealedSuppliers(this.disclosure, actor, ids);
    const insiderIds = ids.filter((id) => isCentreStaff(actor) || isSupplierMember(actor, id) || revealed.has(id));
    const insiders = new Map(
      (await this.suppliers.loadAggregates(insiderIds)).map((a) => {
        const member = isCentreStaff(actor) || isSupplierMember(actor, a.supplier.id);
        return [a.supplier.id, toSupplierModel(a, { contact: true, privateCustomers: member }, today)];
      }),
    );
    return {
      totalHits: response.totalHits ?? response.hits.length,
      totalPages: response.totalPages ?? 1,
      page: response.page ?? input.page,
      hitsPerPage: response.hitsPerPage ?? input.hitsPerPage,
      processingTimeMs: response.processingTimeMs,
      hits: response.hits.map((hit) => ({
        score: hit._rankingScore ?? 0,
        supplier: insiders.get(hit.id) ?? fromProfile(hit.id, hit.profile ?? {}, today),
        highlights: highlightsOf(hit._formatted),
        distanceKm: centre && hit._geo ? Math.round(haversineKm(centre, hit._geo) * 100) / 100 : null,
      })),
      facets: this.facets(response.facetDistribution ?? {}, input.facets ?? [], input.lang),
      understood: this.understood(understood, input.lang),
    };
  }

  /** What the query was read as, with labels, and one line to show ("searching for: CNC turning · near …"). */
  private understood(u: QueryUnderstanding, lang: Language): SearchUnderstandingModel {
    const term = (kind: TaxonomyKind, code: string) => ({ code, label: this.taxonomy.label(kind, code, lang) });
    const processes = [...u.processes, ...u.partProcesses].map((code) => term(TaxonomyKind.PROCESS, code));
    const certifications = u.certifications.map((code) => term(TaxonomyKind.CERTIFICATION, code));
    const zone = u.zone ? term(TaxonomyKind.ZONE, u.zone) : null;
    const say = UNDERSTOOD[lang] ?? UNDERSTOOD.vi;
    const parts = [
      ...(u.partProcesses.length ? [processes.map((p) => p.label).join(say.or)] : []),
      ...(u.processes.length ? processes.map((p) => p.label) : u.q ? [u.q] : []),
      ...certifications.map((c) => say.with(c.label)),
      ...(zone ? [say.near(zone.label)] : []),
    ];
    return {
      query: u.q ?? null,
      processes,
      certifications,
      zone,
      summary: parts.length ? `${say.searchingFor}${parts.join(' · ')}` : '',
    };
  }

  private facets(distribution: Record<string, Record<string, number>>, requested: string[], lang: Language): FacetModel[] {
    return FACET_ATTRIBUTES.filter((field) => requested.includes(field)).map((field) => {
      const kind = FACET_KINDS[field];
      const values = Object.entries(distribution[field] ?? {})
        .map(([code, count]) => ({ code, count, label: kind ? this.taxonomy.label(kind, code, lang) : code }))
        .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
      return { field, values };
    });
  }
}

const MARK_START = '\u0002';
const MARK_END = '\u0003';
const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * A highlighted passage as HTML-safe text: everything the profile holds is escaped, and only then
 * are Meilisearch's match placeholders turned into <mark> tags, so stored markup stays text.
 */
export function markedSnippet(formatted: string): string {
  return formatted
    .replace(/[&<>"']/g, (c) => HTML_ESCAPES[c])
    .replaceAll(MARK_START, '<mark>')
    .replaceAll(MARK_END, '</mark>');
}

function highlightsOf(formatted: Record<string, unknown> | undefined): SearchHighlightModel[] {
  if (!formatted) return [];
  const out: SearchHighlightModel[] = [];
  for (const field of HIGHLIGHTED) {
    const value = formatted[field];
    const texts = Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : typeof value === 'string' ? [value] : [];
    const marked = texts.filter((t) => t.includes(MARK_START));
    if (marked.length) out.push({ field, snippet: marked.slice(0, 3).map(markedSnippet).join(' · ') });
  }
  return out;
}

/** The public supplier view from the indexed profile; certificate validity is recomputed for today. */
/**
 * A supplier from its indexed public profile, or from the part of it a search retrieved: the fields
 * left out are the ones the query did not select, so they are never read.
 */
export function fromProfile(id: string, p: Partial<PublicProfile>, today: string): SupplierModel {
  const { certifications, createdAt, updatedAt, ...rest } = p;
  return {
    ...(rest as Omit<PublicProfile, 'certifications' | 'createdAt' | 'updatedAt'>),
    id,
    contact: null,
    certifications: certifications?.map((c) => ({ ...c, isValid: isCertificateValid(c.validFrom, c.validUntil, today) })) ?? [],
    createdAt: new Date(createdAt ?? 0),
    updatedAt: new Date(updatedAt ?? 0),
  };
}

const RETRIEVABLE: ReadonlySet<string> = new Set(PROFILE_FIELDS);

/** `profile` whole, or `profile.<field>` for each selected field of the profile (`id` comes with every hit). */
function profilePaths(fields: ReadonlySet<string> | undefined): string[] {
  if (!fields) return ['profile'];
  return [...fields].filter((field) => field !== 'id' && field !== 'contact' && RETRIEVABLE.has(field)).map((field) => `profile.${field}`);
}
