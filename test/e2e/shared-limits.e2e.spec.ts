import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Two API instances on one database, as behind a load balancer: every rate limit holds for both
 * taken together, because the counters (and the addresses a user signed in from) live in
 * PostgreSQL, not in either process.
 */
describe('rate limits across two API instances', () => {
  let a: TestApp;
  let b: TestApp;
  const env = {
    TRUST_PROXY: 'loopback',
    JWT_SECRET: randomBytes(32).toString('hex'), // one deployment: a token from one instance is good at the other
    LOGIN_MAX_ATTEMPTS: '4',
    LOGIN_MAX_PER_EMAIL: '8',
    LOGIN_MAX_PER_ADDRESS: '1000',
    SEARCH_MAX_PER_ADDRESS: '3',
    SEARCH_MAX_PER_USER: '40',
    MATCH_MAX_PER_USER: '2',
  };
  beforeAll(async () => {
    a = await startTestApp(env);
    b = await startTestApp({ ...env, DATABASE_URL: a.databaseUrl });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  const post = async (t: TestApp, query: string, variables: Record<string, unknown>, address: string, token?: string) => {
    const req = t.http().post('/graphql').set('content-type', 'application/json').set('x-forwarded-for', address);
    if (token) req.set('authorization', `Bearer ${token}`);
    const res = await req.send({ query, variables });
    return {
      status: res.status,
      code: (res.body.errors?.[0]?.extensions?.code as string | undefined) ?? 'OK',
      body: res.body as { data?: any },
    };
  };
  const login = (t: TestApp, email: string, password: string, address: string) =>
    post(
      t,
      `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }`,
      { email, password },
      address,
    );
  const register = async (t: TestApp, email: string, address: string) => {
    const answer = await post(
      t,
      `mutation($email: String!) { register(input: { email: $email, password: "correct horse battery", displayName: "R" }) { accessToken } }`,
      { email },
      address,
    );
    return answer.body.data.register.accessToken as string;
  };
  const sql = async <Row extends pg.QueryResultRow = { key: string }>(text: string) => {
    const client = new pg.Client({ connectionString: a.databaseUrl });
    await client.connect();
    try {
      return (await client.query<Row>(text)).rows;
    } finally {
      await client.end();
    }
  };
  const search = (t: TestApp, address: string) =>
    post(t, `{ searchSuppliers(input: { query: "cnc", hitsPerPage: 1 }) { totalHits } }`, {}, address);

  it('counts guesses per email from one address on both instances together', async () => {
    const email = `target.${Date.now()}@example.vn`;
    const codes = [];
    for (let i = 0; i < 5; i += 1) codes.push((await login(i % 2 ? b : a, email, `guess ${i}`, '203.0.113.7')).code);
    expect(codes).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'RATE_LIMITED']);
    expect((await login(b, email, 'guess 5', '203.0.113.7')).code).toBe('RATE_LIMITED');
  });

  it('knows the addresses a user signed in from on either instance, past the per-email limit', async () => {
    const email = `owner.${Date.now()}@example.vn`;
    await register(a, email, '198.18.1.1');
    expect((await login(a, email, 'correct horse battery', '198.18.1.1')).code).toBe('OK');
    // strangers spend the per-email limit (8) from many addresses, half on each instance
    for (let i = 0; i < 8; i += 1) await login(i % 2 ? a : b, email, `guess ${i}`, `203.0.113.${100 + i}`);
    expect((await login(a, email, 'correct horse battery', '198.18.1.9')).code).toBe('RATE_LIMITED'); // a new address
    expect((await login(b, email, 'correct horse battery', '198.18.1.1')).code).toBe('OK'); // signed in from it on A
  });

  it('counts anonymous searches per address on both instances together, and starts a new window when it ends', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await search(i % 2 ? b : a, '192.0.2.77')).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect((await search(a, '192.0.2.78')).status).toBe(200); // another address has its own
    // the window ends (moved into the past rather than waited for): the next search starts a new one
    await sql(`UPDATE rate_limit_counters SET reset_at = now() - interval '1 second' WHERE key LIKE 'search-address:%'`);
    expect((await search(b, '192.0.2.77')).status).toBe(200);
    expect((await search(a, '192.0.2.77')).status).toBe(200);
  });

  it('holds a signed-in user’s search limit on both instances together while each leases blocks of it', async () => {
    const token = await register(a, `searcher.${Date.now()}@example.vn`, '198.18.3.1');
    const query = `{ searchSuppliers(input: { query: "cnc", hitsPerPage: 1 }) { totalHits } }`;
    const first = await post(a, query, {}, '198.18.3.2', token);
    expect(first.code).toBe('OK');
    // the first search leased a block (an eighth of the 40, rounded up), not one attempt
    const counted = async () =>
      (await sql<{ count: number }>(`SELECT count FROM rate_limit_counters WHERE key LIKE 'search-user:%'`))[0].count;
    expect(await counted()).toBe(5);
    // 99 more, both instances at once (49 on A, 50 on B), 8 in flight on each
    const codes: string[] = [first.code];
    await Promise.all(
      [a, b].map(async (t, n) => {
        for (let left = 49 + n; left > 0; left -= 8) {
          const batch = Array.from({ length: Math.min(8, left) }, () => post(t, query, {}, '198.18.3.3', token));
          codes.push(...(await Promise.all(batch)).map((answer) => answer.code));
        }
      }),
    );
    expect(codes).toHaveLength(100);
    const ok = codes.filter((code) => code === 'OK').length;
    expect(ok).toBeLessThanOrEqual(40); // never more than the limit across instances
    expect(ok).toBeGreaterThanOrEqual(30); // what instances hold unspent is small
    expect(codes.filter((code) => code !== 'OK' && code !== 'RATE_LIMITED')).toEqual([]);
    expect(await counted()).toBeLessThanOrEqual(40);
  });

  it('counts a user’s matching calls on both instances together', async () => {
    const token = await register(a, `matcher.${Date.now()}@example.vn`, '198.18.2.1');
    const call = `query($id: ID!) { matchNeeds(supplierId: $id) { score } }`;
    const id = '00000000-0000-4000-8000-000000000000';
    expect((await post(a, call, { id }, '198.18.2.2', token)).code).not.toBe('RATE_LIMITED');
    expect((await post(b, call, { id }, '198.18.2.3', token)).code).not.toBe('RATE_LIMITED');
    expect((await post(a, call, { id }, '198.18.2.4', token)).code).toBe('RATE_LIMITED');
  });

  it('stores neither emails nor addresses in clear', async () => {
    const rows = await sql(`SELECT key FROM rate_limit_counters UNION ALL SELECT address_hash FROM login_known_addresses`);
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.filter((row) => /@|203\.0\.113|198\.18|192\.0\.2/.test(row.key))).toEqual([]);
  });
});
