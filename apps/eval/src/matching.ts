import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { isCertificateValid, todayInVietnam } from '#libs/core';
import { demoInputs } from '#libs/demo-data';
import { SearchOutboxWorker, SupplierIndex } from '#libs/search';
import { extractCapabilities, Taxonomy, TaxonomyKind } from '#libs/taxonomy';
import { startBenchStack } from '../../bench/src/support.js';
import { gradesOf, loadMatchingSet, type EvalNeed } from './matching-set.js';
import { mean, ndcgAt, recallAt } from './metrics.js';
import { loadSearchSet, queryGrades, type SearchSet } from './search-set.js';
import { demoStatus, repoRoot } from './suppliers-fixture.js';

/**
 * `npm run eval:matching`: matching quality on a labelled set of sourcing needs.
 *
 * Starts a throw-away PostgreSQL + Meilisearch and the real API (apps/bench startBenchStack), loads the
 * demo data as `npm start` does (DemoDataService, SEED_DEMO_DATA=true), indexes it through the search
 * outbox worker, creates and publishes the needs of apps/eval/data/matching-set.json over GraphQL as
 * ADMIN, then for each need compares
 *   - the engine: matchSuppliers(needId, first: 50), and
 *   - a baseline: searchSuppliers(query: title + description, hitsPerPage: 50, relevance sort, no filters),
 *     i.e. plain Meilisearch relevance over the same index, through the same API,
 * with nDCG@10 (gains 2^grade − 1, log2 discount, ideal DCG from all labels of the need) and recall@20
 * (share of suppliers graded >= 2 in the top 20). Prints a table and writes bench-results/eval-matching.json.
 */

const FIRST = 50;
const NDCG_K = 10;
const RECALL_K = 20;
const ADMIN = { email: 'admin@bench.local', password: 'bench-admin-password' };

const MATCH = `query($needId: ID!, $first: Int!) { matchSuppliers(needId: $needId, first: $first, lang: en) {
  candidates relaxedConstraints emptyReason
  matches { rank score missing supplier { taxCode } criteria { key score explanation } } } }`;
const SEARCH = `query($input: SearchSuppliersInput!) { searchSuppliers(input: $input) { totalHits hits { score supplier { taxCode } } } }`;

interface Match {
  rank: number;
  score: number;
  missing: string[];
  supplier: { taxCode: string };
  criteria: { key: string; score: number; explanation: string }[];
}

type Gql = <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;

function client(url: string, token?: string): Gql {
  return async <T>(query: string, variables: Record<string, unknown> = {}) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: { message: string; extensions?: unknown }[] };
    if (body.errors?.length || !body.data) throw new Error(`GraphQL error: ${JSON.stringify(body.errors ?? body)}`);
    return body.data;
  };
}

/** The criteria a match falls short on, as "key score: explanation" (the small tie-breakers left out). */
const weakCriteria = (criteria: { key: string; score: number; explanation: string }[]) =>
  criteria
    .filter((c) => c.score < 1 && !['freshness', 'verification', 'languages'].includes(c.key))
    .map((c) => `${c.key} ${c.score}: ${c.explanation}`);
const fmt = (value: number | null, digits = 3) => (value === null ? '  –  ' : value.toFixed(digits));
const pad = (text: string, width: number) => (text.length >= width ? text.slice(0, width) : text + ' '.repeat(width - text.length));

async function main(): Promise<void> {
  const started = Date.now();
  const root = repoRoot();
  const taxonomy = Taxonomy.load();
  const demo = demoInputs(taxonomy);
  const set = loadMatchingSet(
    join(root, 'apps', 'eval', 'data', 'matching-set.json'),
    new Set(demo.suppliers.map((s) => s.taxCode)),
    new Set(demo.buyers.map((b) => b.taxCode)),
  );
  process.stdout.write(`matching set: ${set.needs.length} needs, ${set.labels.length} labels (judged on ${set.referenceDay})\n`);
  const searchSet = loadSearchSet(join(root, 'apps', 'eval', 'data', 'search-set.json'), new Set(demo.suppliers.map((s) => s.taxCode)));
  process.stdout.write(`search set: ${searchSet.queries.length} queries, ${searchSet.labels.length} labels\n`);

  const stack = await startBenchStack({ SEED_DEMO_DATA: 'true' });
  try {
    // 1. The demo data, loaded at boot by seedOnStart (DemoDataService) as `npm start` does, then indexed.
    const dataSource = stack.app.get(DataSource);
    const worker = stack.app.get(SearchOutboxWorker);
    const drained = await worker.drainAll();
    if (drained.failed) throw new Error(`search indexing failed for ${drained.failed} outbox entries`);
    const [{ n: pending }] = await dataSource.query(
      `SELECT count(*)::int AS n FROM search_outbox WHERE processed_at IS NULL AND available_at <= now()`,
    );
    if (pending) throw new Error(`${pending} search outbox entries still pending`);
    const supplierRows: { id: string; tax_code: string; verification_status: string }[] = await dataSource.query(
      'SELECT id, tax_code, verification_status FROM suppliers',
    );
    const buyerRows: { id: string; tax_code: string }[] = await dataSource.query('SELECT id, tax_code FROM buyers');
    const supplierIds = new Map(supplierRows.map((r) => [r.tax_code, r.id]));
    const buyerIds = new Map(buyerRows.map((r) => [r.tax_code, r.id]));
    const statusMismatch = demo.suppliers
      .filter((s, i) => supplierRows.find((r) => r.tax_code === s.taxCode)?.verification_status !== demoStatus(i))
      .map((s) => s.taxCode);
    const missingSuppliers = demo.suppliers.filter((s) => !supplierIds.has(s.taxCode)).map((s) => s.taxCode);
    if (missingSuppliers.length) throw new Error(`demo suppliers not loaded: ${missingSuppliers.join(', ')}`);
    process.stdout.write(
      `loaded ${supplierRows.length} suppliers, ${buyerRows.length} buyers; indexed ${drained.applied} outbox entries (${((Date.now() - started) / 1000).toFixed(1)} s)\n`,
    );
    if (statusMismatch.length)
      process.stdout.write(`WARNING: verification status differs from the fixture for ${statusMismatch.join(', ')}\n`);

    // Certificates whose validity on the run day differs from the day the labels were judged on.
    const today = todayInVietnam();
    const drift = demo.suppliers.flatMap((s) =>
      (s.certifications ?? [])
        .filter(
          (c) => isCertificateValid(c.validFrom, c.validUntil, set.referenceDay) !== isCertificateValid(c.validFrom, c.validUntil, today),
        )
        .map((c) => ({
          taxCode: s.taxCode,
          code: c.code,
          validFrom: c.validFrom ?? null,
          validUntil: c.validUntil ?? null,
          validOnReferenceDay: isCertificateValid(c.validFrom, c.validUntil, set.referenceDay),
        })),
    );

    // 2. The needs, created for their buyers and published by the ADMIN of the bench stack.
    const anonymous = client(stack.url);
    const { login } = await anonymous<{ login: { accessToken: string } }>(
      `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }`,
      ADMIN,
    );
    const gql = client(stack.url, login.accessToken);
    // Every need twice: as labelled, and text only (title, description and delivery point, as a buyer
    // who types a paragraph would post it), judged against the same labels.
    const needIds = new Map<string, string>();
    const textOnly = set.needs.map((need) => textOnlyNeed(need));
    for (const need of [...set.needs, ...textOnly]) {
      const buyerId = buyerIds.get(need.buyerTaxCode);
      if (!buyerId) throw new Error(`need ${need.key}: buyer ${need.buyerTaxCode} not loaded`);
      const { createSourcingNeed } = await gql<{ createSourcingNeed: { id: string; version: number } }>(
        `mutation($input: CreateSourcingNeedInput!) { createSourcingNeed(input: $input) { id version } }`,
        { input: { ...need.input, buyerId } },
      );
      await gql(`mutation($id: ID!, $version: Int!) { publishSourcingNeed(id: $id, version: $version) { id status } }`, {
        id: createSourcingNeed.id,
        version: createSourcingNeed.version,
      });
      needIds.set(need.key, createSourcingNeed.id);
    }

    // 3. Engine vs baseline, need by need.
    const rows: NeedResult[] = [];
    for (const need of set.needs) rows.push(await evaluateNeed(gql, taxonomy, need, needIds.get(need.key)!, gradesOf(set, need.key)));
    const textRows: NeedResult[] = [];
    for (const [i, need] of textOnly.entries())
      textRows.push(await evaluateNeed(gql, taxonomy, need, needIds.get(need.key)!, gradesOf(set, set.needs[i].key)));

    // 4. Report.
    const header = `${pad('need', 34)} ${pad('lang', 4)} ${pad('form', 7)} ${pad('lab', 3)} | nDCG@10 eng  base | R@20 eng  base`;
    const lines = [header, '-'.repeat(header.length)];
    for (const r of rows) {
      const mark = r.engine.ndcg10 !== null && r.baseline.ndcg10 !== null && r.engine.ndcg10 < r.baseline.ndcg10 ? ' <' : '';
      lines.push(
        `${pad(r.key, 34)} ${pad(r.language, 4)} ${pad(r.structured, 7)} ${String(r.labels).padStart(3)} |      ${fmt(r.engine.ndcg10)} ${fmt(r.baseline.ndcg10)} |    ${fmt(r.engine.recall20, 2)}  ${fmt(r.baseline.recall20, 2)}${mark}`,
      );
    }
    const summary = (subset: typeof rows) => ({
      needs: subset.length,
      engine: { ndcg10: mean(subset.map((r) => r.engine.ndcg10)), recall20: mean(subset.map((r) => r.engine.recall20)) },
      baseline: { ndcg10: mean(subset.map((r) => r.baseline.ndcg10)), recall20: mean(subset.map((r) => r.baseline.recall20)) },
    });
    const overall = summary(rows);
    lines.push('-'.repeat(header.length));
    lines.push(
      `${pad('MEAN', 34)} ${pad('', 4)} ${pad('', 7)} ${String(set.labels.length).padStart(3)} |      ${fmt(overall.engine.ndcg10)} ${fmt(overall.baseline.ndcg10)} |    ${fmt(overall.engine.recall20, 2)}  ${fmt(overall.baseline.recall20, 2)}`,
    );
    const groups: Record<string, ReturnType<typeof summary>> = {};
    for (const field of ['language', 'structured'] as const) {
      for (const value of [...new Set(rows.map((r) => r[field]))].sort()) {
        const s = summary(rows.filter((r) => r[field] === value));
        groups[`${field}=${value}`] = s;
        lines.push(
          `  ${pad(`${field}=${value}`, 20)} (${String(s.needs).padStart(2)} needs)  nDCG@10 engine ${fmt(s.engine.ndcg10)} baseline ${fmt(s.baseline.ndcg10)} | R@20 engine ${fmt(s.engine.recall20, 2)} baseline ${fmt(s.baseline.recall20, 2)}`,
        );
      }
    }
    const text = summary(textRows);
    groups['text-only'] = text;
    lines.push(
      `  ${pad('every need, text only', 20)} (${String(text.needs).padStart(2)} needs)  nDCG@10 engine ${fmt(text.engine.ndcg10)} baseline ${fmt(text.baseline.ndcg10)} | R@20 engine ${fmt(text.engine.recall20, 2)} baseline ${fmt(text.baseline.recall20, 2)}`,
    );
    for (const value of [...new Set(textRows.map((r) => r.language))].sort()) {
      const s = summary(textRows.filter((r) => r.language === value));
      groups[`text-only language=${value}`] = s;
      lines.push(
        `    ${pad(`text only, ${value}`, 18)} (${String(s.needs).padStart(2)} needs)  nDCG@10 engine ${fmt(s.engine.ndcg10)} baseline ${fmt(s.baseline.ndcg10)} | R@20 engine ${fmt(s.engine.recall20, 2)} baseline ${fmt(s.baseline.recall20, 2)}`,
      );
    }
    // The needs that name parts and material families instead of processes (issue 12, item 6), those whose
    // text asks for a machine size and those that name a process by a bare verb (sparse: as labelled is text only).
    for (const [name, subset, prefix] of [
      ['vocabulary needs', rows, 'vocab-'],
      ['vocabulary, text only', textRows, 'vocab-'],
      ['machine-size needs', textRows, 'machine-'],
      ['bare-verb needs', textRows, 'verb-'],
    ] as const) {
      const s = summary(subset.filter((r) => r.key.startsWith(prefix)));
      if (!s.needs) continue;
      groups[name] = s;
      lines.push(
        `  ${pad(name, 20)} (${String(s.needs).padStart(2)} needs)  nDCG@10 engine ${fmt(s.engine.ndcg10)} baseline ${fmt(s.baseline.ndcg10)} | R@20 engine ${fmt(s.engine.recall20, 2)} baseline ${fmt(s.baseline.recall20, 2)}`,
      );
    }
    const empty = [...rows, ...textRows]
      .filter((r) => r.engine.returned === 0)
      .map((r) => `${r.key}${r.engine.emptyReason ? ` (${r.engine.emptyReason})` : ''}`);
    lines.push(`needs the engine answered with an empty list: ${empty.length ? empty.join(', ') : 'none'}`);
    const noRecall = rows.filter((r) => r.relevant === 0).map((r) => r.key);
    const losses = rows
      .filter((r) => r.engine.ndcg10 !== null && r.baseline.ndcg10 !== null && r.engine.ndcg10 < r.baseline.ndcg10)
      .map((r) => r.key);
    const seconds = (Date.now() - started) / 1000;
    lines.push('');
    lines.push(
      `baseline: searchSuppliers over GraphQL (query = first 10 words of title + description, as Meilisearch reads no more, cut to 200 characters; relevance sort; no filters besides the built-in exclusion of suspended suppliers; hitsPerPage ${FIRST})`,
    );
    lines.push(`engine: matchSuppliers(first: ${FIRST}) over GraphQL as ADMIN; today ${today} (labels judged on ${set.referenceDay})`);
    if (noRecall.length) lines.push(`recall@20 skipped (no supplier graded >= 2): ${noRecall.join(', ')}`);
    lines.push(`engine below baseline on nDCG@10: ${losses.length ? losses.join(', ') : 'none'}`);
    if (drift.length)
      lines.push(
        `WARNING: ${drift.length} demo certificate(s) count differently today than on ${set.referenceDay}: ${drift.map((d) => `${d.taxCode} ${d.code}`).join(', ')}`,
      );
    process.stdout.write(`\n${lines.join('\n')}\n`);

    // 5. The labelled search queries: searchSuppliers beside plain Meilisearch over the same index.
    const search = await evaluateSearch(
      searchSet,
      gql,
      stack.infra.meiliUrl,
      stack.infra.meiliMasterKey ?? '',
      stack.app.get(SupplierIndex).uid,
      new Map(supplierRows.map((r) => [r.id, r.tax_code])),
    );
    process.stdout.write(`\n${search.lines.join('\n')}\nrun time ${seconds.toFixed(1)} s\n`);

    const results = {
      date: new Date().toISOString(),
      today,
      referenceDay: set.referenceDay,
      seconds,
      k: { ndcg: NDCG_K, recall: RECALL_K, retrieved: FIRST },
      baseline:
        'searchSuppliers(input: { query: first 10 words of title + " " + description (max 200 chars), hitsPerPage: 50 }) over GraphQL: Meilisearch relevance, no filters',
      engine: 'matchSuppliers(needId, first: 50, lang: en) over GraphQL as ADMIN',
      overall,
      groups,
      recallSkipped: noRecall,
      engineBelowBaseline: losses,
      emptyLists: empty,
      certificateDrift: drift,
      needs: rows,
      textOnly: textRows,
      search: { buckets: search.buckets, queries: search.queries },
    };
    mkdirSync(join(root, 'bench-results'), { recursive: true });
    const file = join(root, 'bench-results', 'eval-matching.json');
    writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
    process.stdout.write(`results: ${file}\n`);
  } finally {
    await stack.close();
  }
}

type NeedResult = Awaited<ReturnType<typeof evaluateNeed>>;

/** One need: the engine's ranking and the baseline's, scored against the need's labels. */
async function evaluateNeed(gql: Gql, taxonomy: Taxonomy, need: EvalNeed, needId: string, labels: Map<string, number>) {
  const engine = (
    await gql<{ matchSuppliers: { candidates: number; relaxedConstraints: string[]; matches: Match[]; emptyReason?: string | null } }>(
      MATCH,
      { needId, first: FIRST },
    )
  ).matchSuppliers;
  const text = baselineQuery(need);
  const baseline = (
    await gql<{ searchSuppliers: { totalHits: number; hits: { score: number; supplier: { taxCode: string } }[] } }>(SEARCH, {
      input: { query: text, hitsPerPage: FIRST },
    })
  ).searchSuppliers;
  const engineRanking = engine.matches.map((m) => m.supplier.taxCode);
  const baselineRanking = baseline.hits.map((h) => h.supplier.taxCode);
  const relevant = [...labels.entries()].filter(([, g]) => g >= 2);
  return {
    key: need.key,
    language: need.language,
    structured: need.structured,
    sector: need.sector,
    labels: labels.size,
    relevant: relevant.length,
    engine: {
      ndcg10: ndcgAt(engineRanking, labels, NDCG_K),
      recall20: recallAt(engineRanking, labels, RECALL_K),
      candidates: engine.candidates,
      returned: engine.matches.length,
      emptyReason: engine.emptyReason ?? null,
      relaxed: engine.relaxedConstraints,
      top10: engine.matches.slice(0, 10).map((m) => ({
        rank: m.rank,
        taxCode: m.supplier.taxCode,
        grade: labels.get(m.supplier.taxCode) ?? 0,
        score: m.score,
        missing: m.missing,
        weak: weakCriteria(m.criteria),
      })),
      // what took the places of the relevant suppliers missed: those graded below 2 in the first RECALL_K
      outranking: engine.matches
        .slice(0, RECALL_K)
        .filter((m) => (labels.get(m.supplier.taxCode) ?? 0) < 2)
        .map((m) => ({
          rank: m.rank,
          taxCode: m.supplier.taxCode,
          grade: labels.get(m.supplier.taxCode) ?? 0,
          score: m.score,
          weak: weakCriteria(m.criteria),
        })),
      missedRelevant: relevant
        .filter(([taxCode]) => !engineRanking.slice(0, RECALL_K).includes(taxCode))
        .map(([taxCode, grade]) => {
          const at = engineRanking.indexOf(taxCode);
          const match = at >= 0 ? engine.matches[at] : undefined;
          return {
            taxCode,
            grade,
            engineRank: at >= 0 ? at + 1 : null,
            score: match?.score ?? null,
            missing: match?.missing ?? null,
            weak: match && weakCriteria(match.criteria),
          };
        }),
    },
    baseline: {
      query: text,
      ndcg10: ndcgAt(baselineRanking, labels, NDCG_K),
      recall20: recallAt(baselineRanking, labels, RECALL_K),
      totalHits: baseline.totalHits,
      top10: baseline.hits
        .slice(0, 10)
        .map((h, i) => ({ rank: i + 1, taxCode: h.supplier.taxCode, grade: labels.get(h.supplier.taxCode) ?? 0, score: h.score })),
    },
    extracted: extractedCodes(taxonomy, need),
  };
}

/** The need as a buyer who only types would post it: title, description and delivery point. */
export function textOnlyNeed(need: EvalNeed): EvalNeed {
  const input = need.input as EvalNeed['input'] & { delivery?: unknown };
  return {
    ...need,
    key: `${need.key}#text`,
    structured: 'text-only',
    input: { title: input.title, description: input.description, delivery: input.delivery },
  };
}

const SEARCH_BUCKETS = ['vi', 'vi-nodiac', 'en', 'ja', 'ko', 'typo', 'long', 'place', 'cert', 'parts'];

/**
 * Each labelled query through searchSuppliers (what users get) and through plain Meilisearch on the same
 * index (the query alone, default matching strategy, suspended suppliers filtered out as the API does),
 * both scored with nDCG@10 and recall@20 (grade >= 2), by bucket.
 */
async function evaluateSearch(
  set: SearchSet,
  gql: Gql,
  meiliUrl: string,
  meiliKey: string,
  indexUid: string,
  taxCodes: Map<string, string>,
) {
  const queries = [];
  for (const query of set.queries) {
    const labels = queryGrades(set, query.key);
    const api = (
      await gql<{ searchSuppliers: { totalHits: number; hits: { supplier: { taxCode: string } }[] } }>(SEARCH, {
        input: { query: query.query, hitsPerPage: FIRST, lang: query.language },
      })
    ).searchSuppliers;
    const response = await fetch(`${meiliUrl}/indexes/${indexUid}/search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${meiliKey}` },
      body: JSON.stringify({ q: query.query, limit: FIRST, filter: 'verificationStatus != "SUSPENDED"', attributesToRetrieve: ['id'] }),
    });
    if (!response.ok) throw new Error(`Meilisearch ${response.status}: ${await response.text()}`);
    const plain = (await response.json()) as { hits: { id: string }[]; estimatedTotalHits?: number };
    const apiRanking = api.hits.map((h) => h.supplier.taxCode);
    const plainRanking = plain.hits.map((h) => taxCodes.get(h.id) ?? h.id);
    queries.push({
      key: query.key,
      bucket: query.bucket,
      language: query.language,
      query: query.query,
      relevant: [...labels.values()].filter((g) => g >= 2).length,
      search: {
        ndcg10: ndcgAt(apiRanking, labels, NDCG_K),
        recall20: recallAt(apiRanking, labels, RECALL_K),
        totalHits: api.totalHits,
        top10: apiRanking.slice(0, 10).map((t) => `${t}:${labels.get(t) ?? 0}`),
      },
      plain: {
        ndcg10: ndcgAt(plainRanking, labels, NDCG_K),
        recall20: recallAt(plainRanking, labels, RECALL_K),
        totalHits: plain.estimatedTotalHits ?? plain.hits.length,
        top10: plainRanking.slice(0, 10).map((t) => `${t}:${labels.get(t) ?? 0}`),
      },
    });
  }
  const header = `${pad('search bucket', 14)} ${pad('n', 3)} | nDCG@10 search  plain | R@20 search  plain | empty search plain`;
  const lines = [header, '-'.repeat(header.length)];
  const buckets: Record<string, unknown> = {};
  for (const bucket of [...SEARCH_BUCKETS, 'ALL']) {
    const subset = queries.filter((q) => bucket === 'ALL' || q.bucket === bucket);
    if (!subset.length) continue;
    const row = {
      queries: subset.length,
      search: {
        ndcg10: mean(subset.map((q) => q.search.ndcg10)),
        recall20: mean(subset.map((q) => q.search.recall20)),
        empty: subset.filter((q) => q.search.totalHits === 0).length,
      },
      plain: {
        ndcg10: mean(subset.map((q) => q.plain.ndcg10)),
        recall20: mean(subset.map((q) => q.plain.recall20)),
        empty: subset.filter((q) => q.plain.totalHits === 0).length,
      },
    };
    buckets[bucket] = row;
    if (bucket === 'ALL') lines.push('-'.repeat(header.length));
    lines.push(
      `${pad(bucket, 14)} ${String(row.queries).padStart(3)} |        ${fmt(row.search.ndcg10)}  ${fmt(row.plain.ndcg10)} |     ${fmt(row.search.recall20, 2)}   ${fmt(row.plain.recall20, 2)} |   ${String(row.search.empty).padStart(4)}  ${String(row.plain.empty).padStart(4)}`,
    );
  }
  lines.push(
    `search: searchSuppliers(input: { query, hitsPerPage: ${FIRST}, lang }) over GraphQL; plain: Meilisearch /search on the same index with q only (default matching strategy), suspended filtered out`,
  );
  return { lines, buckets, queries };
}

/**
 * The baseline's query: title + description, cut to the first 10 words (Meilisearch reads no more; the
 * engine's text retrieval takes the same 10 words) and to the 200 characters searchSuppliers accepts.
 */
export function baselineQuery(need: EvalNeed): string {
  const words = `${need.input.title} ${need.input.description ?? ''}`.replace(/\s+/g, ' ').trim().split(' ').slice(0, 10).join(' ');
  return Array.from(words).slice(0, 200).join('').trim();
}

/** The codes the engine reads from the text where the need left a structured field empty. */
function extractedCodes(taxonomy: Taxonomy, need: EvalNeed): Record<string, string[]> | null {
  const input = need.input as { processes?: string[]; materials?: string[]; certifications?: string[] };
  if (input.processes?.length && input.materials?.length && input.certifications?.length) return null;
  const mentions = extractCapabilities(taxonomy, `${need.input.title}\n${need.input.description ?? ''}`);
  const of = (kind: TaxonomyKind) => mentions.filter((m) => m.kind === kind).map((m) => m.code);
  return { processes: of(TaxonomyKind.PROCESS), materials: of(TaxonomyKind.MATERIAL), certifications: of(TaxonomyKind.CERTIFICATION) };
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? error}\n`);
    process.exit(1);
  },
);
