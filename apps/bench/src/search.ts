import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { DataSource } from 'typeorm';
import { type FieldNode, type OperationDefinitionNode, parse } from 'graphql';
import { SupplierRepository } from '#libs/companies';
import { selectedFields, todayInVietnam } from '#libs/core';
import {
  buildSupplierDocument,
  createMeiliClient,
  IndexMaintenance,
  SearchOutboxWorker,
  SearchSuppliersInput,
  SupplierIndex,
  supplierIndexSettings,
  SupplierSearchService,
} from '#libs/search';
import { Taxonomy } from '#libs/taxonomy';
import { generateInto } from '#libs/demo-data';
import { progressPrinter } from '#libs/platform';
import { SEARCH_MIX, SEARCH_SELECTION } from './search-queries.js';
import {
  argNumber,
  dueOutboxEntries,
  type LatencyStats,
  loginAdmin,
  ms,
  percentile,
  runLoad,
  saveResults,
  startBenchStack,
} from './support.js';

/** Largest JSON body of one raw bulk-add request (Meilisearch refuses more than 100 MB by default). */
const BULK_PAYLOAD_BYTES = 16 * 1024 * 1024;
/** How long one raw bulk-add request may take to be read and enqueued by a Meilisearch still busy with the worker's last batches. */
const BULK_TIMEOUT_MS = 120000;

/** Documents as JSON arrays of at most `maxBytes` each (one document over it goes alone). */
function jsonPayloads(documents: unknown[], maxBytes: number): { body: string; count: number }[] {
  const payloads: { body: string; count: number }[] = [];
  let parts: string[] = [];
  let bytes = 2;
  for (const document of documents) {
    const json = JSON.stringify(document);
    const size = Buffer.byteLength(json) + 1;
    if (parts.length && bytes + size > maxBytes) {
      payloads.push({ body: `[${parts.join(',')}]`, count: parts.length });
      parts = [];
      bytes = 2;
    }
    parts.push(json);
    bytes += size;
  }
  if (parts.length) payloads.push({ body: `[${parts.join(',')}]`, count: parts.length });
  return payloads;
}

/**
 * `npm run bench:search [-- --suppliers 100000]`: loads synthetic suppliers, then measures in one
 * run, each against a baseline: indexing through the outbox worker vs a raw bulk add of the same
 * documents; searchSuppliers over GraphQL vs the same requests sent straight to Meilisearch, at
 * concurrency 1 and 16; a full reindex; and how long a write takes to become searchable.
 */
async function main(): Promise<void> {
  const suppliers = argNumber('suppliers', 100000);
  const stack = await startBenchStack({ OUTBOX_BATCH_SIZE: '1000', OUTBOX_CONCURRENCY: '3' });
  const out: Record<string, unknown> = {
    suppliers,
    date: new Date().toISOString(),
    machine: `${(await import('node:os')).cpus().length} cores`,
  };
  try {
    const dataSource = stack.app.get(DataSource);
    const taxonomy = Taxonomy.load();
    const index = stack.app.get(SupplierIndex);
    const worker = stack.app.get(SearchOutboxWorker);
    await index.ensure(supplierIndexSettings(taxonomy));

    // --latency-only (with BENCH_DATA_DIR holding a loaded set) skips loading, indexing and reindex.
    const latencyOnly = process.argv.includes('--latency-only');
    // 1. Load and index through the worker.
    const [{ n: existing }] = await dataSource.query('SELECT count(*)::int AS n FROM suppliers');
    let reindex = { documents: 0, ms: 0 };
    let pending = 0;
    let workerSeconds = NaN;
    let rawSeconds = NaN;
    let ids: string[] = [];
    let today = todayInVietnam();
    if (!latencyOnly) {
      let t0 = Date.now();
      if (existing < suppliers) await generateInto(dataSource, taxonomy, suppliers, 42, 2000, progressPrinter('generating'));
      out.generateSeconds = (Date.now() - t0) / 1000;
      pending = await dueOutboxEntries(stack);
      t0 = Date.now();
      worker.start();
      const total = pending;
      const indexing = progressPrinter('indexing through the worker');
      for (;;) {
        const n = await dueOutboxEntries(stack);
        indexing(total - n, total);
        if (n === 0) break;
        await new Promise((r) => setTimeout(r, 2000));
      }
      workerSeconds = (Date.now() - t0) / 1000;
      // Idle now; stopped so its polls do not compete with the document loading below for the pool.
      await worker.stop();
      out.workerIndexing = { documents: pending, seconds: workerSeconds, docsPerSecond: pending / workerSeconds };

      // 2. Raw bulk add of the same documents, straight to Meilisearch.
      const repository = new SupplierRepository(dataSource);
      ids = (await dataSource.query('SELECT id FROM suppliers ORDER BY id')).map((r: { id: string }) => r.id);
      today = todayInVietnam();
      const documents = [];
      for (let i = 0; i < ids.length; i += 1000) {
        for (const aggregate of await repository.loadAggregates(ids.slice(i, i + 1000)))
          documents.push(buildSupplierDocument(aggregate, taxonomy, today));
      }
      // Its own client: the API's admin client gives up after 5 s, and Meilisearch reads and checks a
      // whole payload before it answers (it failed with MeilisearchRequestError at 10 000 documents,
      // ~PAYLOAD_MB per request). Payloads are cut by size, not by count.
      const bulk = createMeiliClient({ url: stack.infra.meiliUrl, apiKey: stack.infra.meiliMasterKey, timeoutMs: BULK_TIMEOUT_MS });
      const raw = new SupplierIndex(bulk, 'bench_raw');
      await bulk.deleteIndexIfExists(raw.uid);
      await raw.ensure(supplierIndexSettings(taxonomy));
      const payloads = jsonPayloads(documents, BULK_PAYLOAD_BYTES);
      const sizes = payloads.map((p) => Buffer.byteLength(p.body));
      const jsonBytes = sizes.reduce((a, b) => a + b, 0);
      process.stdout.write(
        `raw bulk add: ${documents.length} documents, ${(jsonBytes / 1e6).toFixed(1)} MB of JSON (${(jsonBytes / documents.length / 1024).toFixed(1)} kB each; ` +
          `10 000 per request would be ${(((jsonBytes / documents.length) * 10000) / 1e6).toFixed(1)} MB) in ${payloads.length} requests of ` +
          `${(Math.min(...sizes) / 1e6).toFixed(1)}–${(Math.max(...sizes) / 1e6).toFixed(1)} MB (${Math.min(...payloads.map((p) => p.count))}–${Math.max(...payloads.map((p) => p.count))} documents)\n`,
      );
      t0 = Date.now();
      const tasks = [];
      for (const payload of payloads)
        tasks.push(await bulk.index(raw.uid).addDocumentsFromString(payload.body, 'application/json', { primaryKey: 'id' }));
      await bulk.tasks.waitForTasks(
        tasks.map((t) => t.taskUid),
        { timeout: 900000, interval: 500 },
      );
      rawSeconds = (Date.now() - t0) / 1000;
      out.rawBulkAdd = {
        documents: documents.length,
        seconds: rawSeconds,
        docsPerSecond: documents.length / rawSeconds,
        requests: payloads.length,
        payloadMb: { total: jsonBytes / 1e6, min: Math.min(...sizes) / 1e6, max: Math.max(...sizes) / 1e6 },
      };
      out.indexingRatio = pending / workerSeconds / (documents.length / rawSeconds);
      await bulk.deleteIndex(raw.uid).waitTask();
      documents.length = 0;
      process.stdout.write(
        `indexing: worker ${(pending / workerSeconds).toFixed(0)} docs/s, raw bulk ${(ids.length / rawSeconds).toFixed(0)} docs/s\n`,
      );

      // 3. Full reindex (fresh index + atomic swap).
      reindex = await stack.app.get(IndexMaintenance).reindex(progressPrinter('reindexing'));
      out.reindex = { documents: reindex.documents, seconds: reindex.ms / 1000 };
      await worker.drainAll();
    }

    // 4. Search latency: the API vs Meilisearch directly, same requests.
    const service = stack.app.get(SupplierSearchService);
    const inputs = SEARCH_MIX.map((fields) =>
      plainToInstance(SearchSuppliersInput, { sort: 'RELEVANCE', page: 1, hitsPerPage: 20, lang: 'vi', ...fields }),
    );
    // The same request the API sends for SEARCH_SELECTION: it retrieves only the supplier fields selected.
    const [root] = (parse(SEARCH_SELECTION).definitions[0] as OperationDefinitionNode).selectionSet.selections as FieldNode[];
    const fields = selectedFields({ fieldNodes: [root], fragments: {} }, ['hits', 'supplier']);
    const meiliBodies = inputs.map((input) => JSON.stringify(service.request(input, today, undefined, fields)));
    const gqlBodies = SEARCH_MIX.map((input) => JSON.stringify({ query: SEARCH_SELECTION, variables: { input } }));
    const meiliUrl = `${stack.infra.meiliUrl}/indexes/${index.uid}/search`;
    const meiliHeaders = {
      'content-type': 'application/json',
      authorization: `Bearer ${stack.infra.meiliMasterKey}`,
      'accept-encoding': 'identity',
    };
    const viaMeili = async (i: number) =>
      await fetch(meiliUrl, { method: 'POST', headers: meiliHeaders, body: meiliBodies[i % meiliBodies.length] }).then((r) =>
        r.arrayBuffer().then(() => r.ok),
      );
    const viaApi = async (i: number) => {
      const res = await fetch(`${stack.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-encoding': 'identity' },
        body: gqlBodies[i % gqlBodies.length],
      });
      const body = (await res.json()) as { errors?: unknown };
      return res.ok && !body.errors;
    };
    await runLoad(200, 4, viaMeili); // warm-up, both paths
    await runLoad(200, 4, viaApi);
    const latency: Record<string, { meili: LatencyStats; api: LatencyStats }> = {};
    for (const [concurrency, requests] of [
      [1, 1200],
      [16, 3200],
    ] as const) {
      const meili = await runLoad(requests, concurrency, viaMeili);
      const api = await runLoad(requests, concurrency, viaApi);
      latency[`c${concurrency}`] = { meili, api };
      process.stdout.write(
        `search c${concurrency}: api p50 ${ms(api.p50)} p95 ${ms(api.p95)} ${api.throughput.toFixed(0)} req/s | meili p50 ${ms(meili.p50)} p95 ${ms(meili.p95)} ${meili.throughput.toFixed(0)} req/s\n`,
      );
    }
    out.searchLatency = latency;
    // What a search retrieves: the mix's Meilisearch answers with the selected fields, and with whole profiles.
    const answerBytes = async (bodies: string[]) => {
      let bytes = 0;
      for (const body of bodies)
        bytes += (await (await fetch(meiliUrl, { method: 'POST', headers: meiliHeaders, body })).arrayBuffer()).byteLength;
      return bytes / bodies.length / 1024;
    };
    const selectedKb = await answerBytes(meiliBodies);
    const wholeKb = await answerBytes(inputs.map((input) => JSON.stringify(service.request(input, today))));
    out.answerKb = { selected: selectedKb, wholeProfiles: wholeKb };
    process.stdout.write(
      `Meilisearch answer per search: ${selectedKb.toFixed(1)} kB with the selected fields, ${wholeKb.toFixed(1)} kB with whole profiles\n`,
    );

    // 5. Write-to-searchable lag, with the worker woken by NOTIFY.
    worker.start();
    const token = await loginAdmin(stack);
    const lags: number[] = [];
    const sample: { id: string; version: number }[] = await dataSource.query('SELECT id, version FROM suppliers ORDER BY id LIMIT 60');
    for (const [i, row] of sample.entries()) {
      const marker = `lagprobe${i}x${Date.now().toString(36)}`;
      const started = Date.now();
      const res = await fetch(`${stack.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          query: 'mutation($input: UpdateSupplierInput!) { updateSupplier(input: $input) { version } }',
          variables: { input: { id: row.id, version: row.version, tradeNameEn: `Probe ${marker}` } },
        }),
      });
      if (!res.ok) throw new Error('update failed');
      for (;;) {
        const found = await fetch(meiliUrl, {
          method: 'POST',
          headers: meiliHeaders,
          body: JSON.stringify({ q: marker, limit: 1, attributesToRetrieve: ['id'] }),
        }).then((r) => r.json() as Promise<{ hits: unknown[] }>);
        if (found.hits.length) break;
        if (Date.now() - started > 30000) throw new Error('write never became searchable');
        await new Promise((r) => setTimeout(r, 5));
      }
      lags.push(Date.now() - started);
    }
    lags.sort((a, b) => a - b);
    out.writeToSearchable = { samples: lags.length, p50: percentile(lags, 50), p95: percentile(lags, 95), max: lags.at(-1) };

    const c1 = latency.c1;
    const c16 = latency.c16;
    const report = [
      `Search benchmark: ${suppliers} suppliers, ${out.machine}`,
      ...(latencyOnly
        ? []
        : [
            `indexing through the worker: ${(pending / workerSeconds).toFixed(0)} docs/s (${workerSeconds.toFixed(1)} s) vs raw bulk add ${(ids.length / rawSeconds).toFixed(0)} docs/s (${rawSeconds.toFixed(1)} s): ratio ${(out.indexingRatio as number).toFixed(2)}`,
            `full reindex: ${reindex.documents} documents in ${(reindex.ms / 1000).toFixed(1)} s`,
          ]),
      `searchSuppliers c1: p50 ${ms(c1.api.p50)} p95 ${ms(c1.api.p95)} p99 ${ms(c1.api.p99)}, ${c1.api.throughput.toFixed(0)} req/s, ${c1.api.errors} errors | Meilisearch direct: p50 ${ms(c1.meili.p50)} p95 ${ms(c1.meili.p95)} p99 ${ms(c1.meili.p99)}, ${c1.meili.throughput.toFixed(0)} req/s | p95 ratio ${(c1.api.p95 / c1.meili.p95).toFixed(2)}`,
      `searchSuppliers c16: p50 ${ms(c16.api.p50)} p95 ${ms(c16.api.p95)} p99 ${ms(c16.api.p99)}, ${c16.api.throughput.toFixed(0)} req/s, ${c16.api.errors} errors | Meilisearch direct: p50 ${ms(c16.meili.p50)} p95 ${ms(c16.meili.p95)} p99 ${ms(c16.meili.p99)}, ${c16.meili.throughput.toFixed(0)} req/s | throughput ratio ${(c16.api.throughput / c16.meili.throughput).toFixed(2)}, p95 ratio ${(c16.api.p95 / c16.meili.p95).toFixed(2)}`,
      `write → searchable: p50 ${lags.length ? percentile(lags, 50) : NaN} ms, p95 ${percentile(lags, 95)} ms (${lags.length} writes)`,
    ];
    process.stdout.write(`\n${report.join('\n')}\n`);
    process.stdout.write(`results: ${saveResults('search', out)}\n`);
  } finally {
    await stack.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
