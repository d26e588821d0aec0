import 'reflect-metadata';
import { cpus } from 'node:os';
import { DataSource, In } from 'typeorm';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { BuyersService, SupplierRepository } from '#libs/companies';
import { todayInVietnam } from '#libs/core';
import { SeededRandom } from '#libs/demo-data';
import { DEFAULT_WEIGHTS, type NeedSpec, rankCandidates, retrievalPlan, scoreCandidate, type TaxonomyView } from '#libs/matching';
import {
  BY_TEXT,
  byNeedRank,
  CANDIDATE_FIELDS,
  candidateFromAggregate,
  candidateFromProfile,
  type CandidateProfile,
  capabilitiesInText,
  explanationLang,
  MAX_NEEDS_SCORED,
  MIN_CANDIDATES,
  NEAREST,
  nearestFirst,
  needQuery,
  needSpecOf,
  reachMeters,
  retrievalFilter,
  retrievalQueries,
  taxonomyView,
  cutAtReach,
  radiusQueries,
  withinReach,
} from '#libs/matchmaking';
import { SearchOutboxWorker, SupplierIndex, supplierIndexSettings } from '#libs/search';
import { NeedRepository, SourcingNeedEntity, supplierViewer } from '#libs/sourcing';
import { Taxonomy, TaxonomyKind } from '#libs/taxonomy';
import { generateInto } from '#libs/demo-data';
import { progressPrinter } from '#libs/platform';
import { applyVerificationMix, ensureDemoBuyers, generateNeeds, insertNeeds } from './match-needs.js';
import {
  argNumber,
  dueOutboxEntries,
  loginAdmin,
  type LatencyStats,
  ms,
  percentile,
  runLoad,
  saveResults,
  startBenchStack,
} from './support.js';

/**
 * `npm run bench:match [-- --suppliers 100000 --needs 20000]`: loads synthetic suppliers (indexed
 * through the outbox worker) and open sourcing needs of the 13 demo buyers, then measures in one run:
 * matchSuppliers over GraphQL against its own candidate retrieval (the same Meilisearch multi-search
 * sent straight to Meilisearch) at concurrency 1 and 8, and matchNeeds over GraphQL at 1 and 4.
 * BENCH_DATA_DIR reuses a data folder: suppliers and needs already there are not loaded again.
 */

/** Retrieval sizes of MatchmakingService (not exported): nearest by the delivery plant, best by text. */
const SUPPLIER_SEED = 42;
const NEED_SEED = 20261127;

const MATCH_SUPPLIERS = `query($needId: ID!) { matchSuppliers(needId: $needId, first: 20) {
  candidates relaxedConstraints relaxed
  matches { rank score missing criteria { key weight score explanation } supplier { id nameVi processes { code label } } } } }`;
const MATCH_NEEDS = `query($supplierId: ID!) { matchNeeds(supplierId: $supplierId, first: 20) {
  rank score missing criteria { key weight score explanation }
  need { id title visibility buyer { name } processes { code label } quantityPerMonth { value unit } delivery { plant } } } }`;

interface GqlResult<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}
interface SupplierMatchResult {
  matchSuppliers: {
    candidates: number;
    relaxedConstraints: string[];
    matches: { rank: number; score: number; missing: string[]; supplier: { id: string } }[];
  };
}
interface NeedMatch {
  rank: number;
  score: number;
  missing: string[];
  criteria: { key: string; weight: number; score: number; explanation: string }[];
  need: { id: string };
}
interface NeedMatchResult {
  matchNeeds: NeedMatch[];
}

async function main(): Promise<void> {
  const supplierCount = argNumber('suppliers', 100000);
  const needCount = argNumber('needs', 20000);
  const needSample = argNumber('sample-needs', 200);
  const supplierSample = argNumber('sample-suppliers', 100);
  // --needs-only: matchNeeds alone (its check against the ranking computed as before, then its latency)
  const needsOnly = process.argv.includes('--needs-only');
  // --suppliers-only: matchSuppliers alone (its check, c1, c8), not matchNeeds
  const suppliersOnly = process.argv.includes('--suppliers-only');
  const stack = await startBenchStack({ OUTBOX_BATCH_SIZE: '1000', OUTBOX_CONCURRENCY: '3', ACCESS_TOKEN_TTL_SECONDS: '86400' });
  const out: Record<string, unknown> = {
    suppliers: supplierCount,
    needs: needCount,
    date: new Date().toISOString(),
    machine: `${cpus().length} cores`,
  };
  try {
    const dataSource = stack.app.get(DataSource);
    const taxonomy = Taxonomy.load();
    const index = stack.app.get(SupplierIndex);
    const worker = stack.app.get(SearchOutboxWorker);
    const today = todayInVietnam();
    await index.ensure(supplierIndexSettings(taxonomy));

    // 1a. Suppliers: generate, give them the demo's verification mix, index through the worker.
    const [{ n: existing }] = await dataSource.query(`SELECT count(*)::int AS n FROM suppliers WHERE tax_code LIKE '04%'`);
    let t0 = Date.now();
    if (existing < supplierCount)
      await generateInto(dataSource, taxonomy, supplierCount, SUPPLIER_SEED, 2000, progressPrinter('generating suppliers'));
    const generateSeconds = (Date.now() - t0) / 1000;
    const reverified = await applyVerificationMix(dataSource);
    const pending = await dueOutboxEntries(stack);
    t0 = Date.now();
    if (pending > 0) {
      worker.start();
      const indexing = progressPrinter('indexing through the worker');
      for (;;) {
        const n = await dueOutboxEntries(stack);
        indexing(pending - n, pending);
        if (n === 0) break;
        await new Promise((r) => setTimeout(r, 1000));
      }
      await worker.stop();
    }
    // The worker is done once Meilisearch accepted its batches; measuring while Meilisearch still
    // applies them measured indexing (a 3 s client time-out on a busy box stopped a run here).
    for (;;) {
      const { total } = await index.client.tasks.getTasks({ statuses: ['enqueued', 'processing'], limit: 1 });
      if (!total) break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    const indexSeconds = (Date.now() - t0) / 1000;
    const statuses: { status: string; n: number }[] = await dataSource.query(
      `SELECT verification_status AS status, count(*)::int AS n FROM suppliers GROUP BY 1 ORDER BY 1`,
    );
    const indexed = (await index.client.index(index.uid).getStats()).numberOfDocuments;
    out.supplierLoad = {
      generated: existing < supplierCount,
      generateSeconds,
      verificationChanged: reverified,
      outboxEntries: pending,
      indexSeconds,
      indexedDocuments: indexed,
      statuses: Object.fromEntries(statuses.map((s) => [s.status, s.n])),
    };
    process.stdout.write(`suppliers: ${statuses.map((s) => `${s.n} ${s.status}`).join(', ')}; ${indexed} documents in the index\n`);

    // 1b. The 13 demo buyers, then the open needs (plain SQL, in batches).
    const buyers = await ensureDemoBuyers(dataSource, stack.app.get(BuyersService), taxonomy);
    const rows = generateNeeds({ count: needCount, seed: NEED_SEED, buyers, taxonomy, today });
    const [{ n: presentNeeds }] = await dataSource.query('SELECT count(*)::int AS n FROM sourcing_needs WHERE id = ANY($1::uuid[])', [
      rows.map((r) => r.id),
    ]);
    t0 = Date.now();
    const insertedNeeds = presentNeeds < rows.length ? await insertNeeds(dataSource, rows, 1000, progressPrinter('inserting needs')) : 0;
    const needSeconds = (Date.now() - t0) / 1000;
    if (insertedNeeds) await dataSource.query('ANALYZE sourcing_needs');
    const needStats: { visibility: string; n: number }[] = await dataSource.query(
      `SELECT visibility, count(*)::int AS n FROM sourcing_needs WHERE status = 'OPEN' GROUP BY 1 ORDER BY 1`,
    );
    out.needLoad = {
      buyers: buyers.length,
      inserted: insertedNeeds,
      seconds: needSeconds,
      open: Object.fromEntries(needStats.map((s) => [s.visibility, s.n])),
    };
    process.stdout.write(
      `needs: ${buyers.length} buyers; ${insertedNeeds} inserted in ${needSeconds.toFixed(1)} s; open: ${needStats.map((s) => `${s.n} ${s.visibility}`).join(', ')}\n`,
    );

    const token = await loginAdmin(stack);
    const gql = async <T>(body: string): Promise<{ ok: boolean; json: GqlResult<T>; bytes: number }> => {
      const res = await fetch(`${stack.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-encoding': 'identity', authorization: `Bearer ${token}` },
        body,
      });
      const text = await res.text();
      const json = JSON.parse(text) as GqlResult<T>;
      return { ok: res.ok && !json.errors, json, bytes: text.length };
    };

    // 2–3. matchSuppliers over GraphQL vs its step-0 retrieval sent straight to Meilisearch (not with --needs-only).
    const latency: Record<
      string,
      {
        api: LatencyStats;
        retrieval: LatencyStats;
        /** The service's retrieval and the one before it, alternating request by request. */
        alternating: { now: Percentiles; before: Percentiles };
        /** matchSuppliers over GraphQL and its retrieval, alternating request by request (c1). */
        apiAlternating?: { api: Percentiles; retrieval: Percentiles };
        oneMultiSearch: LatencyStats;
        p95Ratio: number;
      }
    > = {};
    let matchSuppliersCheck = '';
    let sampleStats:
      | {
          needs: number;
          relaxed: number;
          stepZeroShort: number;
          candidatesMedian: number;
          matchesMedian: number;
          responseKbMedian: number;
          noMatch: number;
        }
      | undefined;
    if (!needsOnly) {
      const sampleIds = new SeededRandom(7).sample(rows, Math.min(needSample, rows.length)).map((r) => r.id);
      const entities = await dataSource.manager.findBy(SourcingNeedEntity, { id: In(sampleIds) });
      const needs = sampleIds.map((id) => entities.find((e) => e.id === id)!).filter(Boolean);
      const view = taxonomyView(taxonomy);
      const specs = needs.map((need) => needSpecOf(need, [], capabilitiesInText(taxonomy, need))); // fills only the empty fields, as the service does
      const stepZero = specs.map((spec) => retrievalPlan(spec, view)[0].constraints);
      const retrievalBodies = needs.map((need, i) =>
        JSON.stringify({ queries: retrievalQueries(index.uid, need, specs[i].delivery, stepZero[i], today) }),
      );
      // The service cuts both answers at the step's distance limit (cutAtReach) and asks a query again
      // with the limit a `_geoRadius` filter where its hits cannot tell (radiusQueries). Before (measured
      // beside it), the text query had the limit as `_geoRadius` and only the nearest were cut.
      const reaches = specs.map((spec, i) => reachMeters(stepZero[i], spec.delivery));
      const asRadius = needs.map((need, i) =>
        radiusQueries(retrievalQueries(index.uid, need, specs[i].delivery, stepZero[i], today), stepZero[i], specs[i].delivery, today),
      );
      const retrievalBodiesBefore = retrievalBodies.map((body, i) => {
        const { queries } = JSON.parse(body) as { queries: unknown[] };
        return JSON.stringify({ queries: [queries[0], asRadius[i][1]] });
      });
      const matchBodies = needs.map((need) => JSON.stringify({ query: MATCH_SUPPLIERS, variables: { needId: need.id } }));
      const meiliHeaders = {
        'content-type': 'application/json',
        authorization: `Bearer ${stack.infra.meiliMasterKey}`,
        'accept-encoding': 'identity',
      };
      type RetrievedHit = { id: string; _geoDistance?: number; _geo?: { lat: number; lng: number } };
      const searchAlone = (query: unknown) =>
        fetch(`${stack.infra.meiliUrl}/multi-search`, {
          method: 'POST',
          headers: meiliHeaders,
          body: JSON.stringify({ queries: [query] }),
        }).then(async (res) => ({ ok: res.ok, body: (await res.json()) as { results?: { hits: RetrievedHit[] }[] } }));
      // The service sends the step's queries as separate searches at the same time (Meilisearch runs a
      // multi-search's queries one after the other); the baseline does the same, and the one multi-search
      // it sent before is measured beside it.
      const retrieve = async (i: number, bodies = retrievalBodies) => {
        const n = i % bodies.length;
        const { queries } = JSON.parse(bodies[n]) as { queries: unknown[] };
        const answers = await Promise.all(queries.map(searchAlone));
        const body = { results: answers.flatMap((a) => a.body.results ?? []) };
        if (body.results.length === 2) {
          const [nearest, text] = body.results.map((r) => r.hits);
          const reach = reaches[n];
          const cut =
            bodies === retrievalBodies
              ? cutAtReach(nearest, text, stepZero[n], specs[n].delivery)
              : [reach === null ? nearest : withinReach(nearest, reach), text];
          const again = await Promise.all(cut.map(async (hits, q) => (hits ? null : searchAlone(asRadius[n][q]))));
          cut.forEach((hits, q) => (body.results[q].hits = hits ?? again[q]?.body.results?.[0]?.hits ?? []));
        }
        return { ok: answers.every((a) => a.ok) && body.results.length === 2, body };
      };
      const viaMeili = async (i: number) => (await retrieve(i)).ok;
      const viaMeiliBefore = async (i: number) => (await retrieve(i, retrievalBodiesBefore)).ok;
      const viaOneMultiSearch = async (i: number) =>
        (
          await fetch(`${stack.infra.meiliUrl}/multi-search`, {
            method: 'POST',
            headers: meiliHeaders,
            body: retrievalBodies[i % retrievalBodies.length],
          }).then(async (r) => ({ ok: r.ok, body: await r.text() }))
        ).ok;
      const viaApi = async (i: number) => (await gql<SupplierMatchResult>(matchBodies[i % matchBodies.length])).ok;

      // Warm-up, once per sampled need on both paths; checks that the reproduced retrieval is the service's.
      const perNeed: {
        candidates: number;
        relaxed: string[];
        matches: number;
        bytes: number;
        stepZeroUnion: number;
        ranked: { id: string; rank: number; score: number }[];
      }[] = [];
      let firstError: unknown;
      // Meilisearch alone first: a freshly started one reads its files on the first requests, which on a
      // busy machine took longer than the API's 3 s client time-out (SEARCH_UNAVAILABLE stopped runs here).
      const warmRetrievals: Awaited<ReturnType<typeof retrieve>>[] = [];
      await runLoad(needs.length, 4, async (i) => (warmRetrievals[i] = await retrieve(i)).ok);
      await runLoad(needs.length, 4, async (i) => {
        let api = await gql<SupplierMatchResult>(matchBodies[i]);
        // a declared refusal (SEARCH_UNAVAILABLE, SERVICE_UNAVAILABLE: Meilisearch or the pool slower than
        // their time-outs on a busy machine) is asked again once after its Retry-After; any other error stops the run
        if (api.json.errors?.every((e) => ['SEARCH_UNAVAILABLE', 'SERVICE_UNAVAILABLE'].includes(e.extensions?.code ?? ''))) {
          await new Promise((r) => setTimeout(r, 5000));
          api = await gql<SupplierMatchResult>(matchBodies[i]);
        }
        const meili = warmRetrievals[i];
        const union = new Set((meili.body.results ?? []).flatMap((r) => r.hits.map((h) => h.id))).size;
        if (!api.ok) firstError ??= api.json.errors;
        const result = api.json.data?.matchSuppliers;
        perNeed[i] = {
          candidates: result?.candidates ?? 0,
          relaxed: result?.relaxedConstraints ?? [],
          matches: result?.matches.length ?? 0,
          bytes: api.bytes,
          stepZeroUnion: union,
          ranked: (result?.matches ?? []).map((m) => ({ id: m.supplier.id, rank: m.rank, score: m.score })),
        };
        return api.ok && meili.ok;
      });
      if (firstError) throw new Error(`matchSuppliers failed: ${JSON.stringify(firstError)}`);
      const unrelaxed = perNeed.filter((p) => !p.relaxed.length);
      const sameAsService = unrelaxed.filter((p) => p.candidates === p.stepZeroUnion).length;
      const relaxedNeeds = perNeed.filter((p) => p.relaxed.length);
      const stats = {
        needs: needs.length,
        visibility: Object.fromEntries(['PUBLIC', 'ANONYMOUS', 'PRIVATE'].map((v) => [v, needs.filter((n) => n.visibility === v).length])),
        withMaxDistance: needs.filter((n) => n.maxDistanceKm !== null).length,
        withTolerance: needs.filter((n) => n.toleranceMm !== null).length,
        withLeadTime: needs.filter((n) => n.maxLeadTimeDays !== null).length,
        withCertifications: needs.filter((n) => n.certifications.length).length,
        textOnly: needs.filter((n) => !n.processes.length).length,
        relaxed: relaxedNeeds.length,
        /** Needs whose step 0 found fewer than MIN_CANDIDATES: matchSuppliers ran more than one multi-search. */
        stepZeroShort: perNeed.filter((p) => p.stepZeroUnion < MIN_CANDIDATES).length,
        relaxedConstraints: Object.fromEntries(
          ['maxDistance', 'tolerance', 'leadTime', 'certifications', 'processes'].map((c) => [
            c,
            relaxedNeeds.filter((p) => p.relaxed.includes(c)).length,
          ]),
        ),
        candidatesMedian: percentile(
          perNeed.map((p) => p.candidates).sort((a, b) => a - b),
          50,
        ),
        matchesMedian: percentile(
          perNeed.map((p) => p.matches).sort((a, b) => a - b),
          50,
        ),
        noMatch: perNeed.filter((p) => p.matches === 0).length,
        responseKbMedian:
          percentile(
            perNeed.map((p) => p.bytes).sort((a, b) => a - b),
            50,
          ) / 1024,
        retrievalReproduced: `${sameAsService}/${unrelaxed.length} unrelaxed needs: same candidate count as the service`,
      };
      out.matchSuppliersSample = stats;
      sampleStats = stats;

      // Checked against matchSuppliers as it retrieved before the nearest were cut at the distance limit
      // in the service (matchSuppliersAsBefore: both queries under the step's whole filter, its `_geoRadius`
      // included): the same 20 suppliers in the same order with the same scores, for each need answered
      // at its first step without the text fallback (the requests above gave the service's side).
      const buyerLanguages = new Map(
        (await dataSource.query<{ id: string; languages: string[] }[]>('SELECT id, languages FROM buyers')).map((b) => [b.id, b.languages]),
      );
      const differingMatches: string[] = [];
      let comparedMatches = 0;
      for (const [i, need] of needs.entries()) {
        if (perNeed[i].relaxed.length || perNeed[i].stepZeroUnion < 20) continue;
        const spec = needSpecOf(need, buyerLanguages.get(need.buyerId) ?? [], capabilitiesInText(taxonomy, need));
        const reference = await matchSuppliersAsBefore(
          { url: stack.infra.meiliUrl, headers: meiliHeaders },
          { indexUid: index.uid, taxonomy, view, today },
          need,
          spec,
          20,
        );
        comparedMatches += 1;
        if (JSON.stringify(reference) !== JSON.stringify(perNeed[i].ranked)) differingMatches.push(need.id);
      }
      const matchCheck = `${comparedMatches - differingMatches.length}/${comparedMatches} needs answered at their first step get the same 20 suppliers, order and scores as retrieved before (the distance limit a filter of both queries)`;
      out.matchSuppliersCheck = {
        compared: comparedMatches,
        identical: comparedMatches - differingMatches.length,
        differing: differingMatches,
      };
      process.stdout.write(`matchSuppliers check: ${matchCheck}\n`);
      matchSuppliersCheck = matchCheck;
      process.stdout.write(
        `sample: ${needs.length} needs (${Object.entries(stats.visibility)
          .map(([v, n]) => `${n} ${v}`)
          .join(
            ', ',
          )}); median ${stats.candidatesMedian} candidates, ${stats.matchesMedian} matches, ${stats.responseKbMedian.toFixed(1)} KB; ` +
          `${relaxedNeeds.length} relaxed (${
            Object.entries(stats.relaxedConstraints)
              .filter(([, n]) => n)
              .map(([c, n]) => `${c} ${n}`)
              .join(', ') || 'none'
          }); retrieval check: ${stats.retrievalReproduced}\n`,
      );
      await runLoad(100, 4, viaMeili);
      await runLoad(100, 4, viaApi);
      for (const [concurrency, requests] of [
        [1, argNumber('c1-requests', 300)],
        [8, argNumber('c8-requests', 800)],
      ] as const) {
        const oneMultiSearch = await runLoad(requests, concurrency, viaOneMultiSearch);
        const [now, before] = await alternately(requests, concurrency, [viaMeili, viaMeiliBefore]);
        const retrieval = await runLoad(requests, concurrency, viaMeili);
        const api = await runLoad(requests, concurrency, viaApi);
        // the API and its retrieval request by request, so that the machine's drift between the two
        // phases above does not read as the API's own time (c1 only: it is the target's figure)
        const [apiAlternating, retrievalAlternating] = concurrency === 1 ? await alternately(requests, 1, [viaApi, viaMeili]) : [];
        latency[`c${concurrency}`] = {
          api,
          retrieval,
          alternating: { now, before },
          ...(apiAlternating && { apiAlternating: { api: apiAlternating, retrieval: retrievalAlternating } }),
          oneMultiSearch,
          p95Ratio: api.p95 / retrieval.p95,
        };
        if (apiAlternating)
          process.stdout.write(
            `matchSuppliers c1 and its retrieval, alternating: api p50 ${ms(apiAlternating.p50)} p95 ${ms(apiAlternating.p95)} | retrieval p50 ${ms(retrievalAlternating.p50)} p95 ${ms(retrievalAlternating.p95)}\n`,
          );
        process.stdout.write(
          `matchSuppliers c${concurrency}: api p50 ${ms(api.p50)} p95 ${ms(api.p95)} ${api.throughput.toFixed(1)} req/s | retrieval p50 ${ms(retrieval.p50)} p95 ${ms(retrieval.p95)} ${retrieval.throughput.toFixed(1)} req/s | p95 ratio ${(api.p95 / retrieval.p95).toFixed(2)} | alternating with the retrieval before (the limit a filter of both): p50 ${ms(now.p50)} vs ${ms(before.p50)}, p95 ${ms(now.p95)} vs ${ms(before.p95)} | the same as one multi-search p50 ${ms(oneMultiSearch.p50)} p95 ${ms(oneMultiSearch.p95)}\n`,
        );
      }
      out.matchSuppliersLatency = latency;
    }

    const pair = (s: Percentiles) => `p50 ${ms(s.p50)} p95 ${ms(s.p95)}`;
    const line = (s: LatencyStats) =>
      `p50 ${ms(s.p50)} p95 ${ms(s.p95)} p99 ${ms(s.p99)}, ${s.throughput.toFixed(1)} req/s, ${s.errors} errors`;
    const { c1, c8 } = latency;
    const head = [
      `Match benchmark: ${supplierCount} suppliers, ${needCount} open needs of ${buyers.length} buyers, ${out.machine}`,
      `loading: suppliers ${existing < supplierCount ? `generated in ${generateSeconds.toFixed(1)} s` : 'already there'}, ${pending} outbox entries indexed in ${indexSeconds.toFixed(1)} s; needs ${insertedNeeds ? `${insertedNeeds} inserted in ${needSeconds.toFixed(1)} s (${(insertedNeeds / needSeconds).toFixed(0)}/s)` : 'already there'}`,
      ...(sampleStats && c1 && c8
        ? [
            `matchSuppliers sample: ${sampleStats.needs} needs, median ${sampleStats.candidatesMedian} candidates and ${sampleStats.matchesMedian} matches (${sampleStats.responseKbMedian.toFixed(1)} KB), ${sampleStats.relaxed} relaxed, ${sampleStats.stepZeroShort} needed more than one retrieval, ${sampleStats.noMatch} without a match`,
            `matchSuppliers check: ${matchSuppliersCheck}`,
            `matchSuppliers c1: ${line(c1.api)} | retrieval (Meilisearch, step 0, its queries sent at once): ${line(c1.retrieval)} | p95 ratio ${c1.p95Ratio.toFixed(2)} | alternating with the retrieval before (the distance limit a filter of both queries): now ${pair(c1.alternating.now)}, before ${pair(c1.alternating.before)} | the same as one multi-search (sent before): ${line(c1.oneMultiSearch)}${c1.apiAlternating ? ` | the API and its retrieval alternating: ${pair(c1.apiAlternating.api)} / ${pair(c1.apiAlternating.retrieval)}` : ''}`,
            `matchSuppliers c8: ${line(c8.api)} | retrieval: ${line(c8.retrieval)} | p95 ratio ${c8.p95Ratio.toFixed(2)}, throughput ratio ${(c8.api.throughput / c8.retrieval.throughput).toFixed(2)} | alternating: now ${pair(c8.alternating.now)}, before ${pair(c8.alternating.before)} | one multi-search: ${line(c8.oneMultiSearch)}`,
          ]
        : ['matchSuppliers: not measured (--needs-only)']),
    ];
    if (suppliersOnly) {
      process.stdout.write(`\n${head.join('\n')}\n`);
      process.stdout.write(`results: ${saveResults('match', out)}\n`);
      return;
    }

    // 4. matchNeeds over GraphQL, for verified suppliers (only they see open needs), as ADMIN.
    const verified: { id: string; processes: string[] }[] = await dataSource.query(
      `SELECT id, processes FROM suppliers WHERE tax_code LIKE '04%' AND verification_status = 'VERIFIED' ORDER BY tax_code`,
    );
    const suppliers = new SeededRandom(11).sample(verified, Math.min(supplierSample, verified.length));
    // How many open needs the service's SQL prefilter hands to scoring (it keeps the newest MAX_NEEDS_SCORED).
    const prefilter: number[] = [];
    for (const supplier of suppliers) {
      const [{ n }] = await dataSource.query(
        `SELECT count(*)::int AS n FROM sourcing_needs n WHERE n.status = 'OPEN' AND n.visibility IN ('PUBLIC', 'ANONYMOUS') AND (n.processes && $1::text[] OR cardinality(n.processes) = 0)`,
        [relatedProcesses(taxonomy, supplier.processes)],
      );
      prefilter.push(n);
    }
    prefilter.sort((a, b) => a - b);
    const needBodies = suppliers.map((s) => JSON.stringify({ query: MATCH_NEEDS, variables: { supplierId: s.id } }));
    const perSupplier: { matches: number; bytes: number }[] = [];
    let needError: unknown;
    await runLoad(Math.min(suppliers.length, 20), 2, async (i) => {
      const res = await gql<NeedMatchResult>(needBodies[i]);
      if (!res.ok) needError ??= res.json.errors;
      return res.ok;
    });
    if (needError) throw new Error(`matchNeeds failed: ${JSON.stringify(needError)}`);

    // Checked against today's ranking as it was computed before open needs were held in memory
    // (matchNeedsAsBefore: the SQL prefilter loading whole needs, every need explained): the same needs in
    // the same order, with the same scores, criteria, explanations and missing requirements. A need the
    // memory lost, or held at an old version, would differ here.
    const [{ preferred_language: adminLanguage }] = await dataSource.query<{ preferred_language: string }[]>(
      'SELECT preferred_language FROM users WHERE email = $1',
      [stack.config.ADMIN_EMAIL],
    );
    const comparable = (m: NeedMatch) => ({ id: m.need.id, rank: m.rank, score: m.score, missing: m.missing, criteria: m.criteria });
    let sameLists = 0;
    const differing: string[] = [];
    const quietMs: number[] = [];
    const explainAllMs: number[] = [];
    for (const [i, supplier] of suppliers.entries()) {
      let t0 = process.hrtime.bigint();
      const api = await gql<NeedMatchResult>(needBodies[i]);
      quietMs.push(Number(process.hrtime.bigint() - t0) / 1e6);
      t0 = process.hrtime.bigint();
      // in this process, without HTTP and GraphQL: the old algorithm's time is an upper bound of its cost
      const reference = await matchNeedsAsBefore(stack.app, taxonomy, supplier.id, adminLanguage, 20);
      explainAllMs.push(Number(process.hrtime.bigint() - t0) / 1e6);
      const mine = JSON.stringify((api.json.data?.matchNeeds ?? []).map(comparable));
      const theirs = JSON.stringify(reference);
      if (mine === theirs) sameLists += 1;
      else differing.push(supplier.id);
    }
    quietMs.sort((a, b) => a - b);
    explainAllMs.sort((a, b) => a - b);
    const alternating = `alternating, c1: over GraphQL p50 ${ms(percentile(quietMs, 50))} p95 ${ms(percentile(quietMs, 95))}; computed as before, every need explained (in process) p50 ${ms(percentile(explainAllMs, 50))} p95 ${ms(percentile(explainAllMs, 95))}`;
    out.matchNeedsCheck = { suppliers: suppliers.length, identical: sameLists, differing, alternating };
    process.stdout.write(
      `matchNeeds check: ${sameLists}/${suppliers.length} suppliers get the same 20 needs as computed before; ${alternating}\n`,
    );
    const viaMatchNeeds = async (i: number) => {
      const res = await gql<NeedMatchResult>(needBodies[i % needBodies.length]);
      if (!res.ok) needError ??= res.json.errors;
      if (i < needBodies.length) perSupplier[i] = { matches: res.json.data?.matchNeeds.length ?? 0, bytes: res.bytes };
      return res.ok;
    };
    const needLatency: Record<string, LatencyStats> = {};
    for (const [concurrency, requests] of [
      [1, argNumber('needs-c1-requests', suppliers.length)],
      [4, argNumber('needs-c4-requests', suppliers.length * 2)],
    ] as const) {
      const stats = await runLoad(requests, concurrency, viaMatchNeeds);
      needLatency[`c${concurrency}`] = stats;
      process.stdout.write(
        `matchNeeds c${concurrency}: p50 ${ms(stats.p50)} p95 ${ms(stats.p95)} p99 ${ms(stats.p99)} ${stats.throughput.toFixed(1)} req/s, ${stats.errors} errors\n`,
      );
    }
    if (needError) process.stdout.write(`matchNeeds error: ${JSON.stringify(needError)}\n`);
    const needSampleStats = {
      suppliers: suppliers.length,
      prefilterMedian: percentile(prefilter, 50),
      prefilterMax: prefilter.at(-1) ?? 0,
      prefilterOverCap: prefilter.filter((n) => n > MAX_NEEDS_SCORED).length,
      matchesMedian: percentile(
        perSupplier.map((p) => p.matches).sort((a, b) => a - b),
        50,
      ),
      responseKbMedian:
        percentile(
          perSupplier.map((p) => p.bytes).sort((a, b) => a - b),
          50,
        ) / 1024,
    };
    out.matchNeedsSample = needSampleStats;
    out.matchNeedsLatency = needLatency;

    const report = [
      ...head,
      `matchNeeds sample: ${suppliers.length} verified suppliers, SQL prefilter median ${needSampleStats.prefilterMedian} open needs (max ${needSampleStats.prefilterMax}, ${needSampleStats.prefilterOverCap} over the ${MAX_NEEDS_SCORED} cap), median ${needSampleStats.matchesMedian} matches (${needSampleStats.responseKbMedian.toFixed(1)} KB)`,
      `matchNeeds check: ${sameLists}/${suppliers.length} suppliers: the same 20 needs, order, scores, criteria and explanations as computed before open needs were held in memory; ${alternating}`,
      `matchNeeds c1: ${line(needLatency.c1)}`,
      `matchNeeds c4: ${line(needLatency.c4)}`,
    ];
    process.stdout.write(`\n${report.join('\n')}\n`);
    process.stdout.write(`results: ${saveResults('match', out)}\n`);
  } finally {
    await stack.close();
  }
}

interface Percentiles {
  p50: number;
  p95: number;
}

/** `requests` calls of each of two paths, alternating call by call, so that both see the same machine; the latencies of each. */
async function alternately(
  requests: number,
  concurrency: number,
  paths: [(i: number) => Promise<boolean>, (i: number) => Promise<boolean>],
) {
  const latencies: [number[], number[]] = [[], []];
  await runLoad(requests * 2, concurrency, async (i) => {
    const t0 = performance.now();
    const ok = await paths[i % 2](i >> 1);
    latencies[i % 2].push(performance.now() - t0);
    return ok;
  });
  return latencies.map((l): Percentiles => {
    l.sort((a, b) => a - b);
    return { p50: percentile(l, 50), p95: percentile(l, 95) };
  });
}

/**
 * matchSuppliers' first 20 as MatchmakingService retrieved and ranked them before it cut the nearest at the
 * distance limit itself (2026-12-03), for a need answered at its first step: the nearest and the best text
 * matches both under the step's whole filter (the distance limit a `_geoRadius` filter), with the suppliers
 * of the processes a text-only need's text reads softly, ranked by the engine with the default weights.
 */
async function matchSuppliersAsBefore(
  meili: { url: string; headers: Record<string, string> },
  ctx: { indexUid: string; taxonomy: Taxonomy; view: TaxonomyView; today: string },
  need: SourcingNeedEntity,
  spec: NeedSpec,
  first: number,
) {
  const { indexUid, today } = ctx;
  const filter = retrievalFilter(retrievalPlan(spec, ctx.view)[0].constraints, spec.delivery, today);
  const read = capabilitiesInText(ctx.taxonomy, need);
  const soft = need.processes.length ? [] : [...new Set([...read.weakProcesses, ...(read.partProcesses ?? []).flat()])];
  const nearest = { indexUid, limit: NEAREST, attributesToRetrieve: CANDIDATE_FIELDS, sort: nearestFirst(spec.delivery) };
  const anywhere = { processes: soft, certifications: [], maxDistanceKm: null, maxLeadTimeDays: null, toleranceMm: null };
  const queries = [
    { ...nearest, filter },
    {
      indexUid,
      q: needQuery(need),
      filter,
      limit: BY_TEXT,
      attributesToRetrieve: CANDIDATE_FIELDS,
      showRankingScore: true,
      matchingStrategy: 'frequency',
    },
    ...(soft.length ? [{ ...nearest, limit: BY_TEXT, filter: retrievalFilter(anywhere, null, today) }] : []),
  ];
  const res = await fetch(`${meili.url}/multi-search`, { method: 'POST', headers: meili.headers, body: JSON.stringify({ queries }) });
  if (!res.ok) throw new Error(`matchSuppliersAsBefore: Meilisearch answered ${res.status}`);
  const { results } = (await res.json()) as { results: { hits: { id: string; profile: CandidateProfile; _rankingScore?: number }[] }[] };
  const textScores = new Map(results[1].hits.map((h) => [h.id, h._rankingScore ?? 0]));
  const candidates = new Map<string, ReturnType<typeof candidateFromProfile>>();
  for (const hit of results.flatMap((r) => r.hits))
    if (!candidates.has(hit.id)) candidates.set(hit.id, candidateFromProfile(hit.id, hit.profile, textScores.get(hit.id) ?? 0));
  return rankCandidates(spec, [...candidates.values()], { taxonomy: ctx.view, weights: DEFAULT_WEIGHTS, today, lang: 'en' }, first).map(
    (m) => ({ id: m.candidateId, rank: m.rank, score: m.score }),
  );
}

/**
 * matchNeeds as MatchmakingService computed it before it held open needs in memory (2026-12-03): the
 * open needs the supplier may see sharing a process family (or naming none) loaded whole from
 * PostgreSQL, each explained, ordered as the service orders them; the first `first`, as bench:match compares them.
 */
async function matchNeedsAsBefore(app: NestExpressApplication, taxonomy: Taxonomy, supplierId: string, language: string, first: number) {
  const dataSource = app.get(DataSource);
  const repository = app.get(NeedRepository);
  const [aggregate] = await app.get(SupplierRepository).loadAggregates([supplierId]);
  const candidate = candidateFromAggregate(aggregate, todayInVietnam());
  const viewer = supplierViewer(supplierId, aggregate.supplier.verificationStatus);
  const related = new Set<string>();
  for (const code of candidate.processes) {
    related.add(code);
    for (const ancestor of taxonomy.ancestors(TaxonomyKind.PROCESS, code)) related.add(ancestor.code);
    for (const child of taxonomy.descendants(TaxonomyKind.PROCESS, code)) related.add(child.code);
  }
  const base = () =>
    repository.restrictToViewer(dataSource.manager.createQueryBuilder(SourcingNeedEntity, 'n'), viewer).andWhere(`n.status = 'OPEN'`);
  const needs = [
    ...(await base()
      .andWhere('n.processes && :related::text[]', { related: [...related] })
      .orderBy('n.created_at', 'DESC')
      .limit(10000)
      .getMany()),
    ...(await base().andWhere('cardinality(n.processes) = 0').orderBy('n.created_at', 'DESC').limit(10000).getMany()),
  ];
  const buyerShown = await repository.buyerVisibleIds(needs, viewer);
  const rows: { id: string; languages: string[] }[] = await dataSource.query(
    'SELECT id, languages FROM buyers WHERE id = ANY($1::uuid[])',
    [[...new Set(needs.filter((n) => buyerShown.has(n.id)).map((n) => n.buyerId))]],
  );
  const languages = new Map(rows.map((r) => [r.id, r.languages]));
  const ctx = { taxonomy: taxonomyView(taxonomy), weights: DEFAULT_WEIGHTS, today: todayInVietnam(), lang: explanationLang(language) };
  const specOf = (need: SourcingNeedEntity) =>
    buyerShown.has(need.id)
      ? needSpecOf(need, languages.get(need.buyerId) ?? [], capabilitiesInText(taxonomy, need))
      : { ...needSpecOf(need, [], capabilitiesInText(taxonomy, need)), buyerHidden: true };
  return needs
    .map((need) => ({ need, match: scoreCandidate(specOf(need), candidate, ctx) }))
    .sort(byNeedRank)
    .slice(0, first)
    .map(({ need, match }, i) => ({
      id: need.id,
      rank: i + 1,
      score: match.score,
      missing: match.missing,
      criteria: match.criteria.map(({ key, weight, score, explanation }) => ({ key, weight, score, explanation })),
    }));
}

/** The processes the service's matchNeeds prefilter uses: the supplier's, their ancestors, descendants and siblings. */
function relatedProcesses(taxonomy: Taxonomy, processes: string[]): string[] {
  const related = new Set<string>();
  for (const code of processes) {
    related.add(code);
    for (const ancestor of taxonomy.ancestors(TaxonomyKind.PROCESS, code)) related.add(ancestor.code);
    for (const child of taxonomy.descendants(TaxonomyKind.PROCESS, code)) related.add(child.code);
    const parent = taxonomy.parentOf(TaxonomyKind.PROCESS, code);
    if (parent) for (const sibling of taxonomy.children(TaxonomyKind.PROCESS, parent.code)) related.add(sibling.code);
  }
  return [...related];
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
