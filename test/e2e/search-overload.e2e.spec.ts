import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { leaseGrant } from '#libs/accounts';
import { taxCodes } from '#libs/demo-data';
import { findFreePort } from '#libs/local-infra';
import { SEARCH_RATE_LIMIT_LEASE } from '#libs/search';
import { loginAdmin, registerUser, type SignedIn } from '../support/accounts.js';
import { SEARCH, waitForIndex } from '../support/search.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const MATCH = `query($needId: ID!) { matchSuppliers(needId: $needId, first: 5) { candidates matches { supplier { id } } } }`;
const MATCH_NEEDS = `query($id: ID!) { matchNeeds(supplierId: $id, first: 5) { score need { id } } }`;

const taxCodeQueue = taxCodes('02', 4600000, 40);

/** A buyer with a published need and a supplier of the owner's; writes need no Meilisearch. */
async function fixture(t: TestApp): Promise<{ admin: SignedIn; buyer: SignedIn; owner: SignedIn; needId: string; supplierId: string }> {
  const admin = await loginAdmin(t);
  const buyer = await registerUser(t, 'overload-buyer');
  const owner = await registerUser(t, 'overload-owner');
  const must = async <T>(result: Promise<{ data?: T; errors?: unknown }>): Promise<T> => {
    const { data, errors } = await result;
    if (errors || !data) throw new Error(JSON.stringify(errors));
    return data;
  };
  const { createBuyer } = await must(
    t.gql<{ createBuyer: { id: string } }>(
      `mutation($input: CreateBuyerInput!) { createBuyer(input: $input) { id } }`,
      {
        input: {
          taxCode: taxCodeQueue.shift(),
          name: 'Overload Buyer',
          countryOfOrigin: 'JP',
          plants: [{ name: 'P1', zoneCode: 'VSIP_HP' }],
        },
      },
      buyer.token,
    ),
  );
  await must(
    t.gql(
      `mutation($id: ID!) { setBuyerVerificationStatus(input: { buyerId: $id, status: VERIFIED }) { id } }`,
      { id: createBuyer.id },
      admin.token,
    ),
  );
  const { createSourcingNeed } = await must(
    t.gql<{ createSourcingNeed: { id: string } }>(
      `mutation($input: CreateSourcingNeedInput!) { createSourcingNeed(input: $input) { id } }`,
      { input: { buyerId: createBuyer.id, title: 'Phay CNC vỏ nhôm', processes: ['CNC_MILLING'], delivery: { plant: 'P1' } } },
      buyer.token,
    ),
  );
  await must(t.gql(`mutation($id: ID!) { publishSourcingNeed(id: $id, version: 1) { id } }`, { id: createSourcingNeed.id }, buyer.token));
  let supplierId = '';
  for (let i = 0; i < 3; i += 1) {
    const { createSupplier } = await must(
      t.gql<{ createSupplier: { id: string } }>(
        `mutation($input: CreateSupplierInput!) { createSupplier(input: $input) { id } }`,
        { input: { taxCode: taxCodeQueue.shift(), nameVi: `Công ty TNHH Quá Tải ${i}`, processes: ['CNC_MILLING'], zoneCode: 'VSIP_HP' } },
        owner.token,
      ),
    );
    supplierId = createSupplier.id;
  }
  return { admin, buyer, owner, needId: createSourcingNeed.id, supplierId };
}

/** What a client sees: status, Retry-After, and the first error's code and details. */
async function post(t: TestApp, query: string, variables: Record<string, unknown>, token?: string) {
  const req = t.http().post('/graphql').set('content-type', 'application/json');
  if (token) req.set('authorization', `Bearer ${token}`);
  const res = await req.send({ query, variables });
  const error = res.body?.errors?.[0] as { extensions?: Record<string, unknown> } | undefined;
  return {
    status: res.status,
    retryAfter: res.headers['retry-after'] as string | undefined,
    data: res.body?.data,
    error: error?.extensions,
  };
}

describe('Meilisearch too slow or refusing: SEARCH_UNAVAILABLE, 503 + Retry-After, never an internal error', () => {
  // Outside the project's control: a "Meilisearch" that accepts connections and never answers, then is gone.
  let hole: Server;
  const sockets = new Set<Socket>();
  let t: TestApp;
  let f: Awaited<ReturnType<typeof fixture>>;

  beforeAll(async () => {
    const port = await findFreePort();
    hole = createServer((socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => hole.listen(port, '127.0.0.1', resolve));
    t = await startTestApp({ MEILI_URL: `http://127.0.0.1:${port}`, OUTBOX_POLL_MS: '60000' });
    f = await fixture(t);
  });
  afterAll(async () => {
    await t?.close();
    for (const socket of sockets) socket.destroy();
    hole?.close();
  });

  /** A search and a match at once, both answered SEARCH_UNAVAILABLE with 503 + Retry-After; how long they took. */
  const searchAndMatchUnavailable = async (): Promise<number> => {
    const started = Date.now();
    const answers = await Promise.all([
      post(t, SEARCH, { input: { query: 'phay cnc' } }),
      post(t, MATCH, { needId: f.needId }, f.buyer.token),
    ]);
    for (const answer of answers) {
      expect(answer.error).toMatchObject({ code: 'SEARCH_UNAVAILABLE', reason: 'UNREACHABLE', retryAfterSeconds: 5 });
      expect(answer.status).toBe(503);
      expect(answer.retryAfter).toBe('5');
    }
    return Date.now() - started;
  };

  it('answers searchSuppliers and matchSuppliers with SEARCH_UNAVAILABLE when Meilisearch never answers (client time-out)', async () => {
    expect(await searchAndMatchUnavailable()).toBeLessThan(20000); // the clients' time-outs (5 s for the key, 3 s per search), not a hang
    // matchNeeds reads PostgreSQL only: it still answers
    const needs = await post(t, MATCH_NEEDS, { id: f.supplierId }, f.owner.token);
    expect(needs.error).toBeUndefined();
    expect(needs.status).toBe(200);
  });

  it('answers them with SEARCH_UNAVAILABLE at once when Meilisearch refuses the connection', async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => hole.close(resolve));
    expect(await searchAndMatchUnavailable()).toBeLessThan(3000);
    // the console's index health reads Meilisearch too
    const health = await post(t, `{ searchIndexHealth { ok pending } }`, {}, f.admin.token);
    expect(health.error).toMatchObject({ code: 'SEARCH_UNAVAILABLE', reason: 'UNREACHABLE' });
    expect(health.status).toBe(503);
  });
});

describe('admission control: one search or match at a time, a short queue', () => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof fixture>>;

  beforeAll(async () => {
    t = await startTestApp({
      SEARCH_MAX_CONCURRENT: '1',
      SEARCH_MAX_QUEUE: '3',
      SEARCH_QUEUE_TIMEOUT_MS: '40',
      SEARCH_MAX_PER_ADDRESS: '40',
    });
    f = await fixture(t);
    await waitForIndex(t);
  });
  afterAll(async () => t?.close());

  it('answers concurrent searches and matches with data or a declared refusal (503, Retry-After), never an internal error', async () => {
    const counted = async (prefix: string) =>
      (
        await t.app
          .get(DataSource)
          .query<{ n: number }[]>(`SELECT coalesce(sum(count), 0)::int AS n FROM rate_limit_counters WHERE key LIKE $1`, [`${prefix}-%`])
      )[0].n;
    const before = { search: await counted('search'), match: await counted('match') };
    const calls = Array.from({ length: 30 }, (_, i) =>
      i % 5 === 4
        ? post(t, MATCH, { needId: f.needId }, f.buyer.token)
        : i % 5 === 3
          ? post(t, MATCH_NEEDS, { id: f.supplierId }, f.owner.token)
          : post(t, SEARCH, { input: { query: i % 2 ? 'quá tải' : 'phay', hitsPerPage: 5 } }),
    );
    const answers = await Promise.all(calls);
    const served = answers.filter((a) => a.status === 200);
    const servedSearches = answers.filter((a, i) => i % 5 < 3 && a.status === 200).length;
    const shed = answers.filter((a) => a.status !== 200);
    for (const answer of served) {
      expect(answer.error).toBeUndefined();
      expect(answer.data).toBeTruthy();
    }
    for (const answer of shed) {
      expect(answer.status).toBe(503);
      expect(answer.error).toMatchObject({ code: 'SEARCH_UNAVAILABLE', reason: 'OVERLOADED' });
      expect(Number(answer.retryAfter)).toBeGreaterThanOrEqual(1);
      expect(Number(answer.retryAfter)).toBe(answer.error!.retryAfterSeconds);
    }
    expect(served.length).toBeGreaterThan(0);
    expect(shed.length).toBeGreaterThan(0);
    // a refused request did no work: only the served ones reached the rate-limit counters (PostgreSQL).
    // Matching counts each call. Searching leases blocks (one at a time; at most 5 with a limit of 40),
    // so what it counted covers the served searches with less than one block to spare; the refused
    // searches (about a dozen), had they been counted, would have taken more.
    expect((await counted('match')) - before.match).toBe(served.length - servedSearches);
    const leased = (await counted('search')) - before.search;
    expect(leased).toBeGreaterThanOrEqual(servedSearches);
    expect(leased).toBeLessThan(servedSearches + leaseGrant(SEARCH_RATE_LIMIT_LEASE, 40));
    // below capacity nothing is refused
    for (let i = 0; i < 5; i += 1) expect((await post(t, SEARCH, { input: { query: 'phay' } })).status).toBe(200);
  });
});
