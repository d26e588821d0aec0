import { Inject, Injectable, Optional } from '@nestjs/common';
import type { MultiSearchParams } from 'meilisearch';
import { DataSource } from 'typeorm';
import { type Actor, type MaybeActor, isAdmin, requireActor } from '#libs/accounts';
import { CONTACT_DISCLOSURE, type ContactDisclosure, revealedSuppliers, SupplierRepository, toSupplierModel } from '#libs/companies';
import { Forbidden, NotFound, todayInVietnam, ValidationFailed } from '#libs/core';
import {
  type CandidateSpec,
  DEFAULT_WEIGHTS,
  type ExplanationLang,
  type NeedSpec,
  explainRelaxation,
  phrasesFor,
  rankCandidates,
  type RelaxableConstraint,
  relaxationsShown,
  type RetrievalConstraints,
  type RetrievalStep,
  retrievalPlan,
  scoreCandidate,
  bestNeedsFor,
  validateWeights,
  type Weights,
} from '#libs/matching';
import { CANDIDATE_PROFILE_PATHS, SearchClientProvider, SupplierIndex } from '#libs/search';
import { NeedRepository, SourcingNeedEntity, SourcingNeedsService, supplierViewer as viewerOfSupplier } from '#libs/sourcing';
import { Taxonomy, TaxonomyKind } from '#libs/taxonomy';
import { TrackRecordsService } from '#libs/track-records';
import {
  candidateFromAggregate,
  type CandidateProfile,
  capabilitiesInText,
  candidateFromProfile,
  softRetrievalProcesses,
  explanationLang,
  needQuery,
  needSpecOf,
  type NeedTextReading,
  reachBox,
  reachMeters,
  retrievalFilter,
  taxonomyView,
  withinDisk,
} from './candidates.js';
import { DecisionHistoryRepository } from './decision-history.repository.js';
import { OpenNeedMemory } from './open-needs.js';
import type { MatchWeightsInput, NeedMatchModel, RelaxedConstraint, SupplierMatchResultModel } from './match.models.js';

/**
 * Why a need found no supplier at all: after every relaxation (processes widened to their family) and a
 * text search over every supplier, none offers a process of the families asked for and none shares a
 * word of the need.
 */
export function emptyReason(spec: Pick<NeedSpec, 'processes'>, lang: ExplanationLang): string {
  const say = phrasesFor(lang);
  return spec.processes.length ? say.emptyNoProcessFamily : say.emptyNoSharedWord;
}

/** Fewer candidates than this after the hard filters: relax the next constraint. */
export const MIN_CANDIDATES = 10;
/** Candidates retrieved per step: nearest to the delivery plant, plus the best text matches (re-ranked by the engine). */
export const NEAREST = 120;
export const BY_TEXT = 60;
/** A retrieval step that filters on nothing but what it is given. */
const NO_CONSTRAINTS = { processes: [], certifications: [], maxDistanceKm: null, maxLeadTimeDays: null, toleranceMm: null };
/** Fields retrieved per candidate: what scoring reads of the public profile, nothing a page shows. */
export const CANDIDATE_FIELDS = ['id', ...CANDIDATE_PROFILE_PATHS.map((path) => `profile.${path}`)];
/** matchNeeds scores at most this many of the newest open needs sharing a process family. */
export const MAX_NEEDS_SCORED = 10000;

/** Candidates nearest the delivery plant first; without one, verified and larger suppliers first. */
export function nearestFirst(delivery: NeedSpec['delivery']): string[] {
  return delivery ? [`_geoPoint(${delivery.lat}, ${delivery.lng}):asc`] : ['verified:desc', 'capacityValue:desc'];
}

/** Text matches asked under a distance limit's box, so that BY_TEXT usually remain within the limit itself (a box holds 4/π of its disk's area). */
export const BY_TEXT_IN_BOX = Math.ceil(BY_TEXT * 1.5);

/**
 * The two queries of one retrieval step: the NEAREST suppliers, and the BY_TEXT best matches of the
 * need's text (their ranking scores feed the description criterion), both under the step's filter.
 * Neither asks Meilisearch for the step's distance limit as `_geoRadius`, which loads its whole geo
 * R-tree (about 11 of a query's 35 ms at 100 000 suppliers):
 * - the nearest are asked without the limit and cut at it (`withinReach`): they come nearest first, so
 *   those within the limit are the first of them, the same suppliers in the same order, and Meilisearch
 *   reads its geo index once, for the sort;
 * - the text matches are asked within the limit's box (`reachBox`, answered from number facets), up to
 *   BY_TEXT_IN_BOX with their position, and cut at the limit (`withinDisk`): text ranking does not depend
 *   on the filter, so the first BY_TEXT of them within the limit are those `_geoRadius` would keep.
 * `bench:match` sends the same queries straight to Meilisearch as its baseline, and checks the answers
 * against those retrieved with `_geoRadius` filters.
 */
export function retrievalQueries(
  indexUid: string,
  need: SourcingNeedEntity,
  delivery: NeedSpec['delivery'],
  constraints: RetrievalConstraints,
  today: string,
) {
  const filter = retrievalFilter(constraints, delivery, today, 'box');
  const boxed = textIsBoxed(constraints, delivery);
  return [
    {
      indexUid,
      filter: retrievalFilter({ ...constraints, maxDistanceKm: null }, delivery, today),
      limit: NEAREST,
      // Meilisearch gives a hit's `_geoDistance` only when it returns `_geo`
      attributesToRetrieve: [...CANDIDATE_FIELDS, '_geo'],
      sort: nearestFirst(delivery),
    },
    {
      indexUid,
      q: needQuery(need),
      filter,
      limit: boxed ? BY_TEXT_IN_BOX : BY_TEXT,
      attributesToRetrieve: boxed ? [...CANDIDATE_FIELDS, '_geo'] : CANDIDATE_FIELDS,
      showRankingScore: true,
      matchingStrategy: 'frequency' as const,
    },
  ];
}

/** Whether a step's text query is asked within its distance limit's box (and so cut by the caller). */
function textIsBoxed(constraints: RetrievalConstraints, delivery: NeedSpec['delivery']): boolean {
  const reach = reachMeters(constraints, delivery);
  return reach !== null && delivery !== null && reachBox(delivery, reach) !== null;
}

/**
 * A step's two queries with its distance limit a `_geoRadius` filter (the text query as it was asked
 * before the box): what is asked again for a query whose hits `cutAtReach` cannot cut.
 */
export function radiusQueries(
  [nearest, text]: ReturnType<typeof retrievalQueries>,
  constraints: RetrievalConstraints,
  delivery: NeedSpec['delivery'],
  today: string,
) {
  const filter = retrievalFilter(constraints, delivery, today);
  return [
    { ...nearest, filter },
    { ...text, filter, limit: BY_TEXT, attributesToRetrieve: CANDIDATE_FIELDS },
  ] as const;
}

/**
 * The hits of a step's two queries (`retrievalQueries`) cut at its distance limit: the nearest by
 * `withinReach`, the text matches asked within the limit's box by `withinDisk`. Null for a query whose
 * hits cannot tell: ask its `radiusQueries` counterpart instead. Without a limit, the hits as they are.
 */
export function cutAtReach<N extends { _geoDistance?: number }, T extends { _geo?: { lat: number; lng: number } | null }>(
  nearest: N[],
  text: T[],
  constraints: RetrievalConstraints,
  delivery: NeedSpec['delivery'],
): [N[] | null, T[] | null] {
  const reach = reachMeters(constraints, delivery);
  if (reach === null || !delivery) return [nearest, text];
  return [
    withinReach(nearest, reach),
    textIsBoxed(constraints, delivery) ? withinDisk(text, delivery, reach, BY_TEXT, BY_TEXT_IN_BOX) : text,
  ];
}

/**
 * The nearest hits within `reach` metres, those a `_geoRadius` filter keeps (distance ≤ reach).
 * Meilisearch rounds `_geoDistance` to the metre, so a hit at the limit's own metre could lie on either
 * side: then null, and the caller asks with the limit as a filter.
 */
export function withinReach<T extends { _geoDistance?: number }>(hits: T[], reach: number): T[] | null {
  if (hits.some((hit) => hit._geoDistance === reach)) return null;
  return hits.filter((hit) => hit._geoDistance !== undefined && hit._geoDistance < reach);
}

/** matchNeeds' order: score, then fewer unmet requirements, then the newer need, then id (stable where two needs share a creation time). */
export function byNeedRank(
  a: { need: { createdAt: Date; id: string }; match: { score: number; missing: readonly unknown[] } },
  b: { need: { createdAt: Date; id: string }; match: { score: number; missing: readonly unknown[] } },
): number {
  return (
    b.match.score - a.match.score ||
    a.match.missing.length - b.match.missing.length ||
    b.need.createdAt.getTime() - a.need.createdAt.getTime() ||
    a.need.id.localeCompare(b.need.id)
  );
}

type Hit = { id: string; profile: CandidateProfile; _rankingScore?: number; _geoDistance?: number; _geo?: { lat: number; lng: number } };

/**
 * Loads data and calls the pure engine (libs/matching): retrieval from Meilisearch with the need's
 * hard constraints as filters (relaxed in the engine's documented order when too few survive),
 * then criterion-by-criterion ranking with explanations.
 */
@Injectable()
export class MatchmakingService {
  private readonly extractionCache = new Map<string, NeedTextReading>();
  private readonly openNeeds: OpenNeedMemory;

  constructor(
    private readonly dataSource: DataSource,
    private readonly taxonomy: Taxonomy,
    private readonly needs: NeedRepository,
    private readonly needsService: SourcingNeedsService,
    private readonly suppliers: SupplierRepository,
    private readonly searchClients: SearchClientProvider,
    private readonly index: SupplierIndex,
    private readonly decisions: DecisionHistoryRepository,
    private readonly trackRecords: TrackRecordsService,
    @Optional() @Inject(CONTACT_DISCLOSURE) private readonly disclosure?: ContactDisclosure,
  ) {
    this.openNeeds = new OpenNeedMemory(needs);
  }

  async matchSuppliers(
    actor: MaybeActor,
    needId: string,
    overrides: MatchWeightsInput | undefined,
    first: number,
    lang?: string,
  ): Promise<SupplierMatchResultModel> {
    const caller = requireActor(actor);
    const viewer = await this.needs.viewer(caller);
    const need = await this.needs.findVisible(needId, viewer);
    if (!need) throw new NotFound('Sourcing need', needId);
    if (!viewer.isAdmin && !viewer.buyerIds.includes(need.buyerId))
      throw new Forbidden("Only the buyer's members (or ADMIN) may match suppliers to this need");
    const weights = this.weights(overrides);
    const explainIn = await this.explanationLang(caller, lang);
    const today = todayInVietnam();
    const spec = needSpecOf(need, await this.buyerLanguages(need.buyerId), this.extracted(need));
    const view = taxonomyView(this.taxonomy);
    let candidates: CandidateSpec[] = [];
    let relaxed: RelaxableConstraint[] = [];
    let textScores = new Map<string, number>();
    const nearest = nearestFirst(spec.delivery);
    // What the text reads only softly (processes named in other words, the processes that make a part
    // named) is never a filter, but it retrieves: suppliers offering one of them join, nearest first,
    // scored with the same criteria (what they miss is listed). Not when the buyer filled the processes.
    // Asked with the first step, in the same multi-search.
    const soft = need.processes.length ? [] : this.softProcesses(need);
    let bySoft: Hit[] = [];
    const steps = retrievalPlan(spec, view);
    const retrieve = async (index: number) => {
      const step = steps[index];
      const softQuery =
        index === 0 && soft.length
          ? [
              {
                indexUid: this.index.uid,
                filter: retrievalFilter({ ...NO_CONSTRAINTS, processes: soft }, null, today),
                limit: BY_TEXT,
                attributesToRetrieve: CANDIDATE_FIELDS,
                sort: nearest,
              },
            ]
          : [];
      const queries = retrievalQueries(this.index.uid, need, spec.delivery, step.constraints, today);
      const results = await this.searchEach([...queries, ...softQuery]);
      // cut at the step's distance limit; where the hits cannot tell, asked again with the limit a `_geoRadius` filter
      const cut = cutAtReach(results[0].hits, results[1].hits, step.constraints, spec.delivery);
      const asRadius = radiusQueries(queries, step.constraints, spec.delivery, today);
      const again = await Promise.all(cut.map(async (hits, i) => (hits ? null : this.searchEach([asRadius[i]]))));
      for (const i of [0, 1]) results[i] = { ...results[i], hits: cut[i] ?? again[i]![0].hits };
      if (softQuery.length) bySoft = results[2].hits;
      textScores = new Map(results[1].hits.map((h) => [h.id, h._rankingScore ?? 0]));
      const byId = new Map<string, CandidateSpec>();
      for (const result of results.slice(0, 2))
        for (const hit of result.hits)
          if (!byId.has(hit.id)) byId.set(hit.id, candidateFromProfile(hit.id, hit.profile, textScores.get(hit.id) ?? 0));
      candidates = [...byId.values()];
      relaxed = step.relaxed;
    };
    await retrieve(0);
    // Too few: the first relaxed step that has enough, found by counting each step's suppliers in one
    // round (no hits, no sort) rather than retrieving step after step; then that step is retrieved. If it
    // keeps fewer than asked, the text matches over all suppliers (below) are asked beside it.
    let overAll: Hit[] | null = null;
    if (candidates.length < MIN_CANDIDATES && steps.length > 1) {
      const { index, kept } = await this.firstStepWithEnough(steps, spec.delivery, today);
      [, overAll] = await Promise.all([retrieve(index), kept < first ? this.textMatchesOverAll(need, first) : null]);
    }
    // the suppliers the retrieved step let in: a relaxation is told only for them (below)
    const byStep = new Set(candidates.map((c) => c.id));
    for (const hit of bySoft)
      if (!byStep.has(hit.id)) candidates.push(candidateFromProfile(hit.id, hit.profile, textScores.get(hit.id) ?? 0));
    // Never empty when the city can help: fewer than asked after every relaxation, the best text matches
    // over all suppliers join, scored with the same criteria (their `missing` says what they lack).
    if (candidates.length < first) {
      const byText = overAll ?? (await this.textMatchesOverAll(need, first));
      const known = new Set(candidates.map((c) => c.id));
      for (const hit of byText) {
        if (known.has(hit.id)) continue;
        known.add(hit.id);
        candidates.push(candidateFromProfile(hit.id, hit.profile, hit._rankingScore ?? 0));
      }
    }
    if (weights.history > 0) {
      // opt-in: decisions on needs of the same process families (PUBLIC ones or this buyer's own)
      const family = this.relatedProcesses([
        ...spec.processes,
        ...(spec.preferredProcesses ?? []),
        ...(spec.preferredProcessGroups ?? []).flat(),
      ]);
      const histories = await this.decisions.forSuppliers(
        candidates.map((c) => c.id),
        { needId: need.id, buyerId: need.buyerId, processes: family },
      );
      candidates = candidates.map((c) => ({ ...c, decisions: histories.get(c.id) ?? null }));
    }
    if (weights.trackRecord > 0) {
      // opt-in: published scorecards only, overall figures (never per buyer)
      const records = await this.trackRecords.publishedSummaries(candidates.map((c) => c.id));
      candidates = candidates.map((c) => ({ ...c, trackRecord: records.get(c.id) ?? null }));
    }
    const ranked = rankCandidates(spec, candidates, { taxonomy: view, weights, today, lang: explainIn }, first);
    const profiles = new Map(candidates.map((c) => [c.id, c]));
    const suppliers = await this.supplierModels(
      caller,
      ranked.map((m) => m.candidateId),
      today,
    );
    // A hit deleted from PostgreSQL since it was indexed is dropped; ranks stay 1, 2, 3…
    const shown = ranked.filter((m) => profiles.has(m.candidateId) && suppliers.has(m.candidateId));
    // Told: the relaxations that let in a supplier listed missing what was relaxed. Those joined
    // otherwise (the soft-read processes, the text matches over all suppliers) passed no relaxed filter.
    const told = relaxationsShown(
      spec,
      relaxed,
      shown.filter((m) => byStep.has(m.candidateId)).map((m) => profiles.get(m.candidateId)!),
      view,
      today,
    );
    return {
      matches: shown.map((m, i) => ({ ...m, rank: i + 1, supplier: suppliers.get(m.candidateId)! })),
      relaxedConstraints: told as unknown as RelaxedConstraint[],
      relaxed: explainRelaxation(told, explainIn),
      candidates: candidates.length,
      emptyReason: candidates.length ? null : emptyReason(spec, explainIn),
    };
  }

  /** One multi-search for candidates; Meilisearch failing or too slow is SEARCH_UNAVAILABLE (see SearchClientProvider.run). */
  private multiSearch(params: MultiSearchParams) {
    return this.searchClients.run((client) => client.multiSearch<MultiSearchParams, Hit>(params));
  }

  /**
   * The queries of one retrieval step, each sent as its own search at the same time, results in the
   * queries' order. Meilisearch runs the queries of one multi-search one after the other on one thread,
   * so one multi-search took the sum of their times; sent apart they run on two cores, and the step
   * takes about the slowest one (the same hits either way).
   */
  private async searchEach(queries: MultiSearchParams['queries']) {
    const responses = await Promise.all(queries.map((query) => this.multiSearch({ queries: [query] })));
    return responses.map((response) => response.results[0]);
  }

  /**
   * The first step after the first whose filter keeps at least MIN_CANDIDATES suppliers, or the last
   * one: what retrieving the steps one after another until one has enough would stop at. A step's
   * candidates are its nearest suppliers (up to NEAREST, all within its filter and reach) and its best
   * text matches among them, so it has enough exactly when its filter keeps enough. One request, each
   * step counted exactly (`totalHits`) without retrieving or sorting a hit.
   */
  private async firstStepWithEnough(
    steps: RetrievalStep[],
    delivery: NeedSpec['delivery'],
    today: string,
  ): Promise<{ index: number; kept: number }> {
    const later = steps.slice(1);
    const { results } = await this.multiSearch({
      queries: later.map((step) => ({
        indexUid: this.index.uid,
        filter: retrievalFilter(step.constraints, delivery, today),
        hitsPerPage: 0,
        page: 1,
      })),
    });
    const kept = results.map((result) => result.totalHits ?? 0);
    const found = kept.findIndex((n) => n >= MIN_CANDIDATES);
    const index = found === -1 ? later.length - 1 : found;
    return { index: index + 1, kept: kept[index] };
  }

  /**
   * The best text matches for the need's words over all suppliers (suspended ones aside); when
   * Meilisearch, dropping words down to the rarest ones, finds nothing, each word on its own. (It drops
   * the words most frequent in the whole index first and keeps all those of the lowest count: two
   * equally rare words that no profile holds both of leave nothing.) The words are asked as separate
   * searches at the same time (`searchEach`), as a step's queries are: one multi-search runs its
   * queries one after the other.
   */
  private async textMatchesOverAll(need: SourcingNeedEntity, first: number): Promise<Hit[]> {
    const query = needQuery(need);
    const options = {
      indexUid: this.index.uid,
      filter: ['verificationStatus != "SUSPENDED"'],
      attributesToRetrieve: CANDIDATE_FIELDS,
      showRankingScore: true,
    };
    const byText = (
      await this.multiSearch({
        queries: [{ ...options, q: query, limit: Math.max(first, BY_TEXT), matchingStrategy: 'frequency' }],
      })
    ).results[0].hits;
    if (byText.length) return byText;
    // (a word of no letter or digit would be an empty query, which matches every supplier)
    const words = [...new Set(query.split(' ').filter((w) => /[\p{L}\p{N}]/u.test(w) && Array.from(w).length >= 2))];
    const perWord = await this.searchEach(words.map((q) => ({ ...options, q, limit: first, matchingStrategy: 'all' as const })));
    return perWord.flatMap((r) => r.hits);
  }

  /** Open needs the supplier could serve, among those it may see, ranked with the same criteria. */
  async matchNeeds(actor: MaybeActor, supplierId: string, first: number, lang?: string): Promise<NeedMatchModel[]> {
    const caller = requireActor(actor);
    if (!isAdmin(caller) && !caller.supplierIds.has(supplierId))
      throw new Forbidden("Only the supplier's members (or ADMIN) may see its matching needs");
    const [aggregate] = await this.suppliers.loadAggregates([supplierId]);
    if (!aggregate) throw new NotFound('Supplier', supplierId);
    // A suspended supplier is offered no work, whoever asks (it sees no need: see NeedRepository.viewer).
    if (aggregate.supplier.verificationStatus === 'SUSPENDED') return [];
    const candidate = candidateFromAggregate(aggregate, todayInVietnam());
    // What this supplier may see, whoever asks (ADMIN included).
    const supplierViewer = viewerOfSupplier(supplierId, aggregate.supplier.verificationStatus);
    const related = this.relatedProcesses(candidate.processes);
    // Which needs and at which version from PostgreSQL (ids only); the needs themselves and their specs from memory.
    const versions = await this.needs.openVersions(supplierViewer, related, MAX_NEEDS_SCORED);
    const buyerShown = new Set(versions.filter((v) => v.buyerShown).map((v) => v.id));
    const held = await this.openNeeds.current(versions);
    const languages = await this.buyerLanguagesOf([...new Set(held.filter((h) => buyerShown.has(h.need.id)).map((h) => h.need.buyerId))]);
    const today = todayInVietnam();
    const ctx = { taxonomy: taxonomyView(this.taxonomy), weights: DEFAULT_WEIGHTS, today, lang: await this.explanationLang(caller, lang) };
    // Scored as this supplier may see them: a buyer hidden from it is hidden from its scores too
    // (distance in bands from a coarse point, no buyer languages), whoever asks.
    const shownAs = new Map<string, { languages: string[]; key: string }>();
    const specOf = ({ need, specs }: (typeof held)[number]) => {
      let shown = buyerShown.has(need.id) ? shownAs.get(need.buyerId) : undefined;
      if (!shown && buyerShown.has(need.id)) {
        const buyerLanguages = languages.get(need.buyerId) ?? [];
        shownAs.set(need.buyerId, (shown = { languages: buyerLanguages, key: `shown:${buyerLanguages.join(',')}` }));
      }
      const key = shown?.key ?? 'hidden';
      let spec = specs.get(key);
      if (!spec) {
        spec = shown
          ? needSpecOf(need, shown.languages, this.extracted(need))
          : { ...needSpecOf(need, [], this.extracted(need)), buyerHidden: true };
        specs.set(key, spec);
      }
      return spec;
    };
    // Only the needs returned are explained (scored again, the same way). bestNeedsFor gives the first
    // of the quiet scores in byNeedRank's order without scoring in full a need that cannot reach them.
    // Asked for all of them (the benchmark's check of this against explaining every need), each is explained once.
    const scored =
      first < held.length
        ? bestNeedsFor(held, specOf, candidate, ctx, first, (a, b) =>
            byNeedRank({ need: a.need.need, match: a.match }, { need: b.need.need, match: b.match }),
          ).map(({ need: h }) => ({ need: h.need, match: scoreCandidate(specOf(h), candidate, ctx) }))
        : held.map((h) => ({ need: h.need, match: scoreCandidate(specOf(h), candidate, ctx) })).sort(byNeedRank);
    const callerViewer = await this.needs.viewer(caller);
    const buyerVisible = await this.needs.buyerVisibleIds(
      scored.map((s) => s.need),
      { ...supplierViewer, isAdmin: callerViewer.isAdmin, buyerIds: callerViewer.buyerIds },
    );
    return scored.map(({ need, match }, i) => ({
      rank: i + 1,
      score: match.score,
      criteria: match.criteria,
      missing: match.missing,
      need: this.needsService.toModel(need, callerViewer, buyerVisible.has(need.id)),
    }));
  }

  private weights(overrides: MatchWeightsInput | undefined): Weights {
    const weights: Weights = { ...DEFAULT_WEIGHTS };
    for (const [key, value] of Object.entries(overrides ?? {}))
      if (typeof value === 'number' && key in weights) weights[key as keyof Weights] = value;
    const problems = validateWeights(weights);
    if (problems.length) throw new ValidationFailed(problems.map((reason) => ({ field: 'weights', reason })));
    return weights;
  }

  /** What the need's text reads only softly, for retrieval (softRetrievalProcesses). */
  private softProcesses(need: SourcingNeedEntity): string[] {
    return softRetrievalProcesses(this.taxonomy, this.extracted(need));
  }

  /** What the need's text says (cached per need version); needSpecOf uses it for the fields left empty. */
  private extracted(need: SourcingNeedEntity): NeedTextReading {
    const key = `${need.id}:${need.version}`;
    let found = this.extractionCache.get(key);
    if (!found) {
      found = capabilitiesInText(this.taxonomy, need);
      if (this.extractionCache.size >= 50000) this.extractionCache.clear();
      this.extractionCache.set(key, found);
    }
    return found;
  }

  /**
   * Needs worth scoring for a supplier: those requiring one of its processes, an ancestor (it
   * offers a more specific one) or a descendant (it offers the generic one). Needs it could only
   * serve through a sibling process (0.4 credit) would not reach the top of its list.
   */
  private relatedProcesses(processes: string[]): string[] {
    const related = new Set<string>();
    for (const code of processes) {
      related.add(code);
      for (const ancestor of this.taxonomy.ancestors(TaxonomyKind.PROCESS, code)) related.add(ancestor.code);
      for (const child of this.taxonomy.descendants(TaxonomyKind.PROCESS, code)) related.add(child.code);
    }
    return [...related];
  }

  /** The language asked for, else the caller's preferred language (the account setting), else Vietnamese. */
  private async explanationLang(caller: Actor, requested: string | undefined): Promise<ExplanationLang> {
    if (requested !== undefined) return explanationLang(requested);
    const [user]: { preferred_language: string }[] = await this.dataSource.query('SELECT preferred_language FROM users WHERE id = $1', [
      caller.userId,
    ]);
    return explanationLang(user?.preferred_language);
  }

  private async buyerLanguages(buyerId: string): Promise<string[]> {
    return (await this.buyerLanguagesOf([buyerId])).get(buyerId) ?? [];
  }

  private async buyerLanguagesOf(buyerIds: string[]): Promise<Map<string, string[]>> {
    if (!buyerIds.length) return new Map();
    const rows: { id: string; languages: string[] }[] = await this.dataSource.query(
      'SELECT id, languages FROM buyers WHERE id = ANY($1::uuid[])',
      [buyerIds],
    );
    return new Map(rows.map((r) => [r.id, r.languages]));
  }

  /** Suppliers as the caller may see them (contacts after an accepted introduction), from PostgreSQL. */
  private async supplierModels(caller: Actor, ids: string[], today: string) {
    const revealed = await revealedSuppliers(this.disclosure, caller, ids);
    const aggregates = await this.suppliers.loadAggregates(ids);
    return new Map(
      aggregates.map((a) => {
        const member = isAdmin(caller) || caller.supplierIds.has(a.supplier.id);
        return [a.supplier.id, toSupplierModel(a, { contact: member || revealed.has(a.supplier.id), privateCustomers: member }, today)];
      }),
    );
  }
}
