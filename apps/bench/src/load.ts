import 'reflect-metadata';
import { cpus } from 'node:os';
import autocannon from 'autocannon';
import { DataSource } from 'typeorm';
import { CONFIG_VARIABLES } from '#libs/config';
import { BuyersService } from '#libs/companies';
import { todayInVietnam } from '#libs/core';
import { SeededRandom, taxCodes } from '#libs/demo-data';
import { SupplierIndex, supplierIndexSettings } from '#libs/search';
import { Taxonomy } from '#libs/taxonomy';
import { progressPrinter } from '#libs/platform';
import { generateInto } from '#libs/demo-data';
import { applyVerificationMix, ensureDemoBuyers, generateNeeds, insertNeeds } from './match-needs.js';
import { SEARCH_MIX, SEARCH_SELECTION } from './search-queries.js';
import { argNumber, type BenchStack, indexThroughWorker, percentile, rssMb, saveResults, startBenchStack } from './support.js';

/**
 * `npm run bench:load [-- --suppliers 100000 --duration 60 --connections 64]`: a realistic mix
 * driven by autocannon against the API as deployed (a production process, see startBenchStack) on
 * a seeded data set: 70% searchSuppliers (the search benchmark's 40 requests), 15% matchSuppliers
 * for open sourcing needs, 10% supplier profile reads, 5% updateSupplier by the supplier's own
 * member at the version it last saw. Every body is parsed: an error is a non-2xx status, a
 * transport error or timeout, or a 200 whose GraphQL answer has `errors`. Prints throughput,
 * latency percentiles, errors and the API's resident memory at start, after warm-up and at end,
 * with PASS/FAIL for "no error" and "RSS grows at most 20% after warm-up", then the same load on
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

const SUPPLIER_SEED = 42; // the search and match benchmarks' data set: BENCH_DATA_DIR can be shared
const NEED_SEED = 20261127;
const MEMBERS = 16;
const MEMBER_PASSWORD = 'bench-member-password';

const MATCH = `query($needId: ID!) { matchSuppliers(needId: $needId, first: 10) {
  relaxed matches { rank score missing supplier { id nameVi } criteria { key score explanation } } } }`;
const PROFILE = `query($id: ID!) { supplier(id: $id) { id nameVi tradeNameEn verificationStatus version employees leadTimeDays bestToleranceMm
  processes { code label } materials { code label } certifications { code validUntil isValid } monthlyCapacity { value unit }
  equipment { kind maker count } address { street ward province } } }`;
const UPDATE = `mutation($input: UpdateSupplierInput!) { updateSupplier(input: $input) { id version } }`;

type Kind = 'search' | 'match' | 'profile' | 'write';
/** 20 slots: 14 search, 3 match, 2 profile, 1 write. */
const MIX: Kind[] = [...Array<Kind>(14).fill('search'), ...Array<Kind>(3).fill('match'), ...Array<Kind>(2).fill('profile'), 'write'];

interface Member {
  token: string;
  supplierId: string;
  version: number;
  busy: boolean;
}

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
  byKind?: Record<string, { requests: number; errors: number; p50: number; p95: number }>;
  errorSamples: string[];
}

async function gql<T>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  token?: string,
): Promise<{ data?: T; errors?: unknown[] }> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: T; errors?: unknown[] };
}

async function login(url: string, email: string, password: string): Promise<string | undefined> {
  const result = await gql<{ login: { accessToken: string } }>(
    url,
    `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`,
    { e: email, p: password },
  );
  return result.data?.login.accessToken;
}

/** Bench members, each the member of its own supplier (registered and created once per data folder). */
async function ensureMembers(stack: BenchStack, dataSource: DataSource): Promise<Member[]> {
  const codes = taxCodes('05', 5000000, MEMBERS);
  const members: Member[] = [];
  for (let i = 0; i < MEMBERS; i += 1) {
    const email = `load-member-${i}@bench.local`;
    let token = await login(stack.url, email, MEMBER_PASSWORD);
    if (!token) {
      const registered = await gql<{ register: { accessToken: string } }>(
        stack.url,
        `mutation($input: RegisterInput!) { register(input: $input) { accessToken } }`,
        {
          input: { email, password: MEMBER_PASSWORD, displayName: `Load member ${i}` },
        },
      );
      token = registered.data?.register.accessToken;
      if (!token) throw new Error(`registering ${email} failed: ${JSON.stringify(registered.errors)}`);
    }
    const owned: { id: string; version: number }[] = await dataSource.query(
      `SELECT s.id, s.version FROM suppliers s JOIN company_memberships m ON m.supplier_id = s.id JOIN users u ON u.id = m.user_id WHERE u.email = $1 LIMIT 1`,
      [email],
    );
    if (!owned.length) {
      const created = await gql<{ createSupplier: { id: string; version: number } }>(
        stack.url,
        `mutation($input: CreateSupplierInput!) { createSupplier(input: $input) { id version } }`,
        {
          input: {
            taxCode: codes[i],
            nameVi: `Công ty TNHH Tải Thử ${i}`,
            processes: ['CNC_MILLING', 'STAMPING'],
            zoneCode: 'VSIP_HP',
            employees: 50,
          },
        },
        token,
      );
      if (!created.data) throw new Error(`creating the supplier of ${email} failed: ${JSON.stringify(created.errors)}`);
      owned.push(created.data.createSupplier);
    }
    members.push({ token, supplierId: owned[0].id, version: owned[0].version, busy: false });
  }
  return members;
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
  let graphqlErrors = 0;
  let non2xx = 0;
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
          onResponse: (status, body, context) => {
            const current = (context as { current?: ReturnType<typeof options.next> }).current!;
            lastKind = current.kind;
            let failed = status < 200 || status >= 300;
            if (failed) non2xx += 1;
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
            if (failed) {
              kindErrors.set(current.kind, (kindErrors.get(current.kind) ?? 0) + 1);
              if (errorSamples.length < 5) errorSamples.push(`${current.kind} ${status}: ${body.slice(0, 300)}`);
            }
            current.done?.(failed ? '' : body);
          },
        },
      ],
    },
    (error, result) => (error ? failedRun(error as Error) : finished(result)),
  );
  instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => {
    latencies.push(ms);
    const list = kindLatencies.get(lastKind) ?? [];
    list.push(ms);
    kindLatencies.set(lastKind, list);
  });
  const result = await completed;
  latencies.sort((a, b) => a - b);
  const transportErrors = result.errors;
  const byKind = Object.fromEntries(
    [...kindLatencies].map(([kind, list]) => {
      list.sort((a, b) => a - b);
      return [kind, { requests: list.length, errors: kindErrors.get(kind) ?? 0, p50: percentile(list, 50), p95: percentile(list, 95) }];
    }),
  );
  return {
    label,
    seconds: options.seconds,
    connections: options.connections,
    requests: latencies.length,
    throughput: latencies.length / options.seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    non2xx,
    graphqlErrors,
    transportErrors,
    timeouts: result.timeouts,
    errors: non2xx + graphqlErrors + transportErrors + result.timeouts,
    byKind: kindLatencies.size > 1 ? byKind : undefined,
    errorSamples,
  };
}

const line = (r: PhaseResult) =>
  `${r.label}: ${r.requests} requests in ${r.seconds} s at ${r.connections} connections: ${r.throughput.toFixed(1)} req/s, ` +
  `p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms; errors ${r.errors} ` +
  `(non-2xx ${r.non2xx}, GraphQL errors ${r.graphqlErrors}, transport ${r.transportErrors}, timeouts ${r.timeouts})`;

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

  const stack = await startBenchStack({
    ...GENEROUS_LIMITS,
    ACCESS_TOKEN_TTL_SECONDS: '86400',
    OUTBOX_BATCH_SIZE: '1000',
    OUTBOX_CONCURRENCY: '3',
  });
  const out: Record<string, unknown> = {
    suppliers: supplierCount,
    needs: needCount,
    seconds,
    warmupSeconds,
    connections,
    date: new Date().toISOString(),
    machine: `${cpus().length} cores`,
  };
  let failed = false;
  try {
    const dataSource = stack.app.get(DataSource);
    const taxonomy = Taxonomy.load();
    await stack.app.get(SupplierIndex).ensure(supplierIndexSettings(taxonomy));

    // Data: the generated suppliers with the demo's verification mix, open needs of the demo buyers.
    const [{ n: existing }] = await dataSource.query(`SELECT count(*)::int AS n FROM suppliers WHERE tax_code LIKE '04%'`);
    if (existing < supplierCount)
      await generateInto(dataSource, taxonomy, supplierCount, SUPPLIER_SEED, 2000, progressPrinter('generating suppliers'));
    await applyVerificationMix(dataSource);
    const buyers = await ensureDemoBuyers(dataSource, stack.app.get(BuyersService), taxonomy);
    const needRows = generateNeeds({ count: needCount, seed: NEED_SEED, buyers, taxonomy, today: todayInVietnam() });
    const [{ n: presentNeeds }] = await dataSource.query('SELECT count(*)::int AS n FROM sourcing_needs WHERE id = ANY($1::uuid[])', [
      needRows.map((r) => r.id),
    ]);
    if (presentNeeds < needRows.length) await insertNeeds(dataSource, needRows, 1000, progressPrinter('inserting needs'));
    const members = await ensureMembers(stack, dataSource);
    const indexSeconds = await indexThroughWorker(stack, progressPrinter('indexing through the worker'));
    out.load = { generatedSuppliers: Math.max(0, supplierCount - existing), indexSeconds };

    const adminToken = await login(stack.url, stack.config.ADMIN_EMAIL, stack.config.ADMIN_PASSWORD!);
    if (!adminToken) throw new Error('admin login failed');
    const random = new SeededRandom(3);
    const profileIds: string[] = (
      await dataSource.query(
        `SELECT id FROM suppliers WHERE tax_code LIKE '04%' AND verification_status <> 'SUSPENDED' ORDER BY tax_code LIMIT $1`,
        [supplierCount],
      )
    ).map((r: { id: string }) => r.id);
    const profiles = random
      .sample(profileIds, Math.min(2000, profileIds.length))
      .map((id) => JSON.stringify({ query: PROFILE, variables: { id } }));
    const matches = random
      .sample(needRows, Math.min(300, needRows.length))
      .map((need) => JSON.stringify({ query: MATCH, variables: { needId: need.id } }));
    const searches = SEARCH_MIX.map((input) => JSON.stringify({ query: SEARCH_SELECTION, variables: { input } }));

    /** Before each phase: versions as stored (a write cut off at the end of a run may still have committed). */
    const refreshMembers = async () => {
      await new Promise((r) => setTimeout(r, 1000));
      const rows: { id: string; version: number }[] = await dataSource.query(
        `SELECT id, version FROM suppliers WHERE id = ANY($1::uuid[])`,
        [members.map((m) => m.supplierId)],
      );
      for (const member of members) Object.assign(member, { version: rows.find((r) => r.id === member.supplierId)!.version, busy: false });
    };
    let slot = 0;
    const counters = { search: 0, match: 0, profile: 0, write: 0 };
    const pick = <T>(list: T[], kind: Kind) => list[counters[kind]++ % list.length];
    const nextMixed = () => {
      let kind = MIX[slot++ % MIX.length];
      const member = kind === 'write' ? members.find((m) => !m.busy) : undefined;
      if (kind === 'write' && !member) kind = 'profile'; // every member has a write in flight already
      if (kind === 'search') return { kind, path: '/graphql', body: pick(searches, kind) };
      if (kind === 'match')
        return { kind, path: '/graphql', body: pick(matches, kind), headers: { authorization: `Bearer ${adminToken}` } };
      if (kind === 'profile') return { kind, path: '/graphql', body: pick(profiles, kind) };
      member!.busy = true;
      const employees = 20 + (counters.write++ % 500);
      return {
        kind,
        path: '/graphql',
        body: JSON.stringify({ query: UPDATE, variables: { input: { id: member!.supplierId, version: member!.version, employees } } }),
        headers: { authorization: `Bearer ${member!.token}` },
        done: (body: string) => {
          // The next write carries the version this one produced; a failed write keeps the old one.
          if (body) {
            member!.version = (JSON.parse(body) as { data: { updateSupplier: { version: number } } }).data.updateSupplier.version;
            member!.busy = false;
          } else {
            // Counted as an error already; re-read the version so one failure does not cascade.
            void dataSource
              .query(`SELECT version FROM suppliers WHERE id = $1`, [member!.supplierId])
              .then((rows: { version: number }[]) => {
                member!.version = rows[0].version;
                member!.busy = false;
              });
          }
        },
      };
    };

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
    const memoryPass = growth <= 0.2;
    failed = !errorsPass || !memoryPass;
    out.warmup = warmup;
    out.mixed = mixed;
    out.baselines = { graphqlTypename: bareGraphql, healthLive: live };
    out.rssMb = rss;
    out.verdict = { errors: errorsPass ? 'PASS' : 'FAIL', memory: memoryPass ? 'PASS' : 'FAIL', rssGrowthAfterWarmup: growth };
    const kinds = Object.entries(mixed.byKind ?? {}).map(
      ([kind, k]) =>
        `  ${kind}: ${k.requests} requests (${((k.requests / mixed.requests) * 100).toFixed(0)}%), p50 ${k.p50.toFixed(1)} ms, p95 ${k.p95.toFixed(1)} ms, ${k.errors} errors`,
    );
    const report = [
      `Load benchmark: ${supplierCount} suppliers, ${needCount} open needs, ${connections} connections, ${seconds} s after ${warmupSeconds} s of warm-up, ${out.machine}`,
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
      `errors: ${errorsPass ? 'PASS' : 'FAIL'} (${mixed.errors} in the measured run, ${warmup.errors} in the warm-up)`,
      `memory: ${memoryPass ? 'PASS' : 'FAIL'} (RSS growth after warm-up ${(growth * 100).toFixed(1)}%, limit 20%)`,
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
