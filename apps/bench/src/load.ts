import 'reflect-metadata';
import { cpus } from 'node:os';
import autocannon from 'autocannon';
import { DataSource } from 'typeorm';
import { CONFIG_VARIABLES } from '#libs/config';
import { progressPrinter } from '#libs/platform';
import { login, mixedRequests, prepareMix, refreshVersions } from './load-mix.js';
import { argNumber, indexThroughWorker, percentile, rssMb, saveResults, startBenchStack } from './support.js';

/**
 * `npm run bench:load [-- --suppliers 100000 --duration 60 --connections 64 --slow-meili]`: a realistic mix
 * driven by autocannon against the API as deployed (a production process, see startBenchStack) on
 * a seeded data set: 70% searchSuppliers (the search benchmark's 40 requests), 15% matchSuppliers
 * for open sourcing needs, 10% supplier profile reads, 5% updateSupplier by the supplier's own
 * member at the version it last saw. Every body is parsed: an error is a non-2xx status, a
 * transport error or timeout, or a 200 whose GraphQL answer has `errors` — except a declared
 * refusal (503 + Retry-After, SEARCH_UNAVAILABLE / OVERLOADED: admission control shed it), counted
 * as shed. Prints throughput, latency percentiles, errors by kind, shed requests and the API's
 * resident memory at start, after warm-up and at end, with PASS/FAIL for "no error" and "RSS grows
 * at most 10% after warm-up", then the same load on
 * bare endpoints of the same server (`{ __typename }` over /graphql, and /health/live) to show
 * the framework's share. Exits 1 on a FAIL. BENCH_DATA_DIR keeps the loaded data for re-runs.
 */

/**
 * Limits the API under load must not hit: the bench measures throughput, not the limiters.
 * A search or GraphQL rate-limit variable added to the configuration belongs here too (the run
 * warns about any *_RATE_LIMIT* / *_MAX_ATTEMPTS variable it does not set).
 */
const GENEROUS_LIMITS: Record<string, string> = {
  LOGIN_MAX_ATTEMPTS: '10000',
  LOGIN_MAX_PER_ADDRESS: '100000',
  REGISTER_MAX_ATTEMPTS: '100000',
  // one load generator on one address stands for a city's worth of users
  SEARCH_MAX_PER_USER: '10000000',
  SEARCH_MAX_PER_ADDRESS: '10000000',
  MATCH_MAX_PER_USER: '10000000',
};

/** RSS at the end may be at most this much above its value after warm-up. */
const MAX_RSS_GROWTH = 0.1;

interface PhaseResult {
  label: string;
  seconds: number;
  connections: number;
  requests: number;
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
  non2xx: number;
  graphqlErrors: number;
  transportErrors: number;
  timeouts: number;
  errors: number;
  /** Declared refusals: 503 + Retry-After, SEARCH_UNAVAILABLE with reason OVERLOADED (admission control). Not errors. */
  shed: number;
  /** Errors by what they were: HTTP status, GraphQL code (with its reason), transport, timeout. */
  errorsByKind: Record<string, number>;
  byKind?: Record<string, { requests: number; errors: number; shed: number; p50: number; p95: number; p99: number }>;
  errorSamples: string[];
}

/** A 503 with Retry-After whose every error is SEARCH_UNAVAILABLE / OVERLOADED: the API shed it before doing any work. */
function isShed(status: number, body: string, headers: Record<string, unknown>): boolean {
  if (status !== 503 || !headers['retry-after']) return false;
  try {
    const errors = (JSON.parse(body) as { errors?: { extensions?: { code?: string; reason?: string } }[] }).errors ?? [];
    return errors.length > 0 && errors.every((e) => e.extensions?.code === 'SEARCH_UNAVAILABLE' && e.extensions.reason === 'OVERLOADED');
  } catch {
    return false;
  }
}

/** What kind of error a failed answer is: its first GraphQL code (and reason), else its HTTP status. */
function errorKind(status: number, body: string): string {
  try {
    const error = (JSON.parse(body) as { errors?: { extensions?: { code?: string; reason?: string } }[] }).errors?.[0];
    if (error?.extensions?.code) return [error.extensions.code, error.extensions.reason].filter(Boolean).join('/');
  } catch {
    /* not JSON */
  }
  return `HTTP ${status}`;
}

/** One autocannon run; every response body parsed. */
async function runPhase(
  label: string,
  url: string,
  options: {
    seconds: number;
    connections: number;
    next: () => {
      kind: string;
      method?: string;
      path: string;
      body?: string;
      headers?: Record<string, string>;
      done?: (body: string) => void;
    };
  },
): Promise<PhaseResult> {
  const latencies: number[] = [];
  const kindLatencies = new Map<string, number[]>();
  const kindErrors = new Map<string, number>();
  const kindShed = new Map<string, number>();
  const errorsByKind: Record<string, number> = {};
  let graphqlErrors = 0;
  let non2xx = 0;
  let shed = 0;
  let lastShed = false;
  const errorSamples: string[] = [];
  let lastKind = '';
  let finished: (result: autocannon.Result) => void = () => undefined;
  let failedRun: (error: Error) => void = () => undefined;
  const completed = new Promise<autocannon.Result>((resolve, reject) => {
    finished = resolve;
    failedRun = reject;
  });
  const instance = autocannon(
    {
      url,
      connections: options.connections,
      duration: options.seconds,
      timeout: 30,
      headers: { 'content-type': 'application/json', 'accept-encoding': 'identity' },
      requests: [
        {
          setupRequest: (request, context) => {
            const next = options.next();
            (context as { current?: typeof next }).current = next;
            return {
              ...request,
              method: (next.method ?? 'POST') as 'POST',
              path: next.path,
              body: next.body,
              headers: { 'content-type': 'application/json', 'accept-encoding': 'identity', ...next.headers },
            };
          },
          onResponse: (status, body, context, headers) => {
            const current = (context as { current?: ReturnType<typeof options.next> }).current!;
            lastKind = current.kind;
            lastShed = isShed(status, body, headers as Record<string, unknown>);
            let failed = status < 200 || status >= 300;
            if (lastShed) {
              shed += 1;
              kindShed.set(current.kind, (kindShed.get(current.kind) ?? 0) + 1);
            } else if (failed) non2xx += 1;
            else if (current.path === '/graphql') {
              try {
                if ((JSON.parse(body) as { errors?: unknown }).errors) {
                  graphqlErrors += 1;
                  failed = true;
                }
              } catch {
                graphqlErrors += 1;
                failed = true;
              }
            }
            if (failed && !lastShed) {
              kindErrors.set(current.kind, (kindErrors.get(current.kind) ?? 0) + 1);
              const what = errorKind(status, body);
              errorsByKind[what] = (errorsByKind[what] ?? 0) + 1;
              if (errorSamples.length < 5) errorSamples.push(`${current.kind} ${status}: ${body.slice(0, 300)}`);
            }
            current.done?.(failed ? '' : body);
          },
        },
      ],
    },
    (error, result) => (error ? failedRun(error as Error) : finished(result)),
  );
  // Latencies are of answers with data (or a real error): a shed request's quick refusal is counted, not timed.
  instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => {
    if (lastShed) return;
    latencies.push(ms);
    const list = kindLatencies.get(lastKind) ?? [];
    list.push(ms);
    kindLatencies.set(lastKind, list);
  });
  const result = await completed;
  latencies.sort((a, b) => a - b);
  const transportErrors = result.errors;
  if (transportErrors) errorsByKind.transport = transportErrors;
  if (result.timeouts) errorsByKind.timeout = result.timeouts;
  const byKind = Object.fromEntries(
    [...kindLatencies].map(([kind, list]) => {
      list.sort((a, b) => a - b);
      return [
        kind,
        {
          requests: list.length + (kindShed.get(kind) ?? 0),
          errors: kindErrors.get(kind) ?? 0,
          shed: kindShed.get(kind) ?? 0,
          p50: percentile(list, 50),
          p95: percentile(list, 95),
          p99: percentile(list, 99),
        },
      ];
    }),
  );
  return {
    label,
    seconds: options.seconds,
    connections: options.connections,
    requests: latencies.length + shed,
    throughput: latencies.length / options.seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    non2xx,
    graphqlErrors,
    transportErrors,
    timeouts: result.timeouts,
    errors: non2xx + graphqlErrors + transportErrors + result.timeouts,
    shed,
    errorsByKind,
    byKind: kindLatencies.size > 1 ? byKind : undefined,
    errorSamples,
  };
}

const line = (r: PhaseResult) =>
  `${r.label}: ${r.requests} requests in ${r.seconds} s at ${r.connections} connections: ${r.requests - r.shed - r.errors} ok (${r.throughput.toFixed(1)} req/s answered), ` +
  `${r.shed} shed (503 + Retry-After), ${r.errors} errors${
    Object.keys(r.errorsByKind).length
      ? ` (${Object.entries(r.errorsByKind)
          .map(([k, n]) => `${k} ${n}`)
          .join(', ')})`
      : ''
  }; ` +
  `answered p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms`;

async function main(): Promise<void> {
  const supplierCount = argNumber('suppliers', 100000);
  const needCount = argNumber('needs', 2000);
  const seconds = argNumber('duration', 60);
  const warmupSeconds = argNumber('warmup', 10);
  const connections = argNumber('connections', 64);
  const baselineSeconds = argNumber('baseline-duration', Math.min(seconds, 20));
  const unset = CONFIG_VARIABLES.map((v) => v.name).filter(
    (name) => /RATE_LIMIT|MAX_ATTEMPTS|MAX_PER_/.test(name) && !(name in GENEROUS_LIMITS),
  );
  if (unset.length)
    process.stdout.write(`warning: the bench leaves these limits at their defaults (add them to GENEROUS_LIMITS): ${unset.join(', ')}\n`);

  // --slow-meili: Meilisearch pinned to one core (`taskset -c 0`, one indexing thread), a machine slower
  // than the one the defaults were sized on; the API, PostgreSQL and the load generator keep both cores.
  const slowMeili = process.argv.includes('--slow-meili');
  const stack = await startBenchStack(
    {
      ...GENEROUS_LIMITS,
      ACCESS_TOKEN_TTL_SECONDS: '86400',
      OUTBOX_BATCH_SIZE: '1000',
      OUTBOX_CONCURRENCY: '3',
    },
    { meiliCpus: slowMeili ? '0' : undefined },
  );
  const out: Record<string, unknown> = {
    suppliers: supplierCount,
    needs: needCount,
    seconds,
    warmupSeconds,
    connections,
    date: new Date().toISOString(),
    machine: `${cpus().length} cores${slowMeili ? ', Meilisearch pinned to core 0 (--slow-meili)' : ''}`,
    admission: {
      maxConcurrent: stack.config.SEARCH_MAX_CONCURRENT,
      maxQueue: stack.config.SEARCH_MAX_QUEUE,
      queueTimeoutMs: stack.config.SEARCH_QUEUE_TIMEOUT_MS,
    },
  };
  let failed = false;
  try {
    const dataSource = stack.app.get(DataSource);
    const [{ n: existing }] = await dataSource.query(`SELECT count(*)::int AS n FROM suppliers WHERE tax_code LIKE '04%'`);
    const mix = await prepareMix(stack.app, stack.url, supplierCount, needCount);
    const indexSeconds = await indexThroughWorker(stack, progressPrinter('indexing through the worker'));
    out.load = { generatedSuppliers: Math.max(0, supplierCount - existing), indexSeconds };

    const adminToken = await login(stack.url, stack.config.ADMIN_EMAIL, stack.config.ADMIN_PASSWORD!);
    if (!adminToken) throw new Error('admin login failed');
    const refreshMembers = () => refreshVersions(mix.members, dataSource);
    const nextMixed = mixedRequests(mix, adminToken, dataSource);

    const rss = { start: rssMb(stack.apiPid), afterWarmup: NaN, end: NaN };
    process.stdout.write(`API RSS at start: ${rss.start.toFixed(0)} MB; warm-up ${warmupSeconds} s…\n`);
    await refreshMembers();
    const warmup = await runPhase('warm-up', stack.url, { seconds: warmupSeconds, connections, next: nextMixed });
    rss.afterWarmup = rssMb(stack.apiPid);
    process.stdout.write(
      `${[line(warmup), ...warmup.errorSamples.map((sample) => `  error: ${sample}`)].join('\n')}\nAPI RSS after warm-up: ${rss.afterWarmup.toFixed(0)} MB; measuring ${seconds} s…\n`,
    );
    await refreshMembers();
    const rssSeries: number[] = [];
    const sampler = setInterval(() => rssSeries.push(rssMb(stack.apiPid)), 1000);
    const mixed = await runPhase('mixed load', stack.url, { seconds, connections, next: nextMixed }).finally(() => clearInterval(sampler));
    rss.end = rssMb(stack.apiPid);
    out.rssSeriesMb = rssSeries;

    const typename = JSON.stringify({ query: '{ __typename }' });
    const bareGraphql = await runPhase('{ __typename } over /graphql', stack.url, {
      seconds: baselineSeconds,
      connections,
      next: () => ({ kind: 'typename', path: '/graphql', body: typename }),
    });
    const live = await runPhase('GET /health/live', stack.url, {
      seconds: baselineSeconds,
      connections,
      next: () => ({ kind: 'live', method: 'GET', path: '/health/live' }),
    });

    const growth = rss.end / rss.afterWarmup - 1;
    const errorsPass = mixed.errors === 0 && warmup.errors === 0;
    const memoryPass = growth <= MAX_RSS_GROWTH;
    failed = !errorsPass || !memoryPass;
    out.warmup = warmup;
    out.mixed = mixed;
    out.baselines = { graphqlTypename: bareGraphql, healthLive: live };
    out.rssMb = rss;
    out.verdict = {
      errors: errorsPass ? 'PASS' : 'FAIL',
      memory: memoryPass ? 'PASS' : 'FAIL',
      rssGrowthAfterWarmup: growth,
      shed: mixed.shed,
      shedShare: mixed.shed / Math.max(1, mixed.requests),
    };
    const kinds = Object.entries(mixed.byKind ?? {}).map(
      ([kind, k]) =>
        `  ${kind}: ${k.requests} requests (${((k.requests / mixed.requests) * 100).toFixed(0)}%), ${k.requests - k.shed - k.errors} ok, ${k.shed} shed, ${k.errors} errors; answered p50 ${k.p50.toFixed(1)} ms, p95 ${k.p95.toFixed(1)} ms, p99 ${k.p99.toFixed(1)} ms`,
    );
    const report = [
      `Load benchmark: ${supplierCount} suppliers, ${needCount} open needs, ${connections} connections, ${seconds} s after ${warmupSeconds} s of warm-up, ${out.machine}; ` +
        `admission: ${stack.config.SEARCH_MAX_CONCURRENT} search/match at once, queue ${stack.config.SEARCH_MAX_QUEUE}, wait ≤ ${stack.config.SEARCH_QUEUE_TIMEOUT_MS} ms`,
      line(mixed),
      ...kinds,
      ...mixed.errorSamples.map((sample) => `  error: ${sample}`),
      `baseline ${line(bareGraphql)}`,
      `baseline ${line(live)}`,
      // At saturation, 1/throughput is the machine time one request costs: the bare GraphQL request is
      // what the framework (HTTP, Express, Nest, Apollo) costs before any resolver runs.
      `framework share: ${(1000 / bareGraphql.throughput).toFixed(2)} ms per bare GraphQL request (${(1000 / live.throughput).toFixed(2)} ms per /health/live) of ${(1000 / mixed.throughput).toFixed(2)} ms per request of the mix: ${((mixed.throughput / bareGraphql.throughput) * 100).toFixed(1)}%`,
      `API RSS: start ${rss.start.toFixed(0)} MB, after warm-up ${rss.afterWarmup.toFixed(0)} MB, end ${rss.end.toFixed(0)} MB (${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)}% after warm-up; ` +
        `during the run ${Math.min(...rssSeries).toFixed(0)}–${Math.max(...rssSeries).toFixed(0)} MB)`,
      `errors: ${errorsPass ? 'PASS' : 'FAIL'} (${mixed.errors} in the measured run, ${warmup.errors} in the warm-up; shed, not errors: ${mixed.shed} of ${mixed.requests} = ${((mixed.shed / Math.max(1, mixed.requests)) * 100).toFixed(1)}%, ${warmup.shed} in the warm-up)`,
      `memory: ${memoryPass ? 'PASS' : 'FAIL'} (RSS growth after warm-up ${(growth * 100).toFixed(1)}%, limit ${MAX_RSS_GROWTH * 100}%)`,
    ];
    process.stdout.write(`\n${report.join('\n')}\n`);
    process.stdout.write(`results: ${saveResults('load', out)}\n`);
  } finally {
    await stack.close();
  }
  process.exit(failed ? 1 : 0);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
