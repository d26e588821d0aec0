import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../support/test-app.js';

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

/** POSTs a GraphQL body with extra headers (X-Forwarded-For picks the client address where TRUST_PROXY allows it). */
async function post(t: TestApp, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const req = t.http().post('/graphql').set('content-type', 'application/json');
  for (const [name, value] of Object.entries(headers)) req.set(name, value);
  const res = await req.send(body as object);
  return { status: res.status, headers: res.headers, body: res.body };
}

const SEARCH = `query($q: String) { searchSuppliers(input: { query: $q, hitsPerPage: 5 }) { totalHits } }`;
const LOGIN = `mutation($email: String!) { login(email: $email, password: "not the password") { accessToken } }`;
const REGISTER = `mutation($email: String!) { register(input: { email: $email, password: "correct horse battery", displayName: "R" }) { accessToken } }`;

/** Per supplier: edge 1 + node 1 + zone 1 + 7 lists of (assumed) 10 objects = 73; the connection itself 1. */
const WIDE_SUPPLIERS = `suppliers(first: $n) { edges { node { zone { code } processes { code } materials { code } productGroups { code } sectors { code } certifications { code } equipment { kind } customers { name } } } }`;

describe('GraphQL operation limits (defaults, depth lowered to 6)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ GRAPHQL_MAX_DEPTH: '6' });
  });
  afterAll(async () => t?.close());

  const tooComplex = (answer: Answer, limit: string) => {
    expect(answer.status).toBe(400);
    expect(answer.body.data).toBeUndefined();
    expect(answer.body.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit });
  };

  it('rejects an operation deeper than GRAPHQL_MAX_DEPTH, counting fragments', async () => {
    const six = await post(t, { query: `{ sourcingNeeds { edges { node { buyer { plants { name } } } } } }` });
    expect(six.body.errors![0].extensions!.code).toBe('UNAUTHENTICATED'); // within the limit: it ran
    const seven = await post(t, { query: `{ sourcingNeeds { edges { node { buyer { plants { zone { code } } } } } } }` });
    tooComplex(seven, 'depth');
    expect(seven.body.errors![0].extensions).toMatchObject({ actual: 7, max: 6 });
    const viaFragment = await post(t, {
      query: `{ sourcingNeeds { ...E } } fragment E on SourcingNeedConnection { edges { node { buyer { plants { zone { code } } } } } }`,
    });
    tooComplex(viaFragment, 'depth');
  });

  it('counts list sizes from arguments and variables in the cost', async () => {
    const query = `query($n: Int!) { a: ${WIDE_SUPPLIERS} b: ${WIDE_SUPPLIERS} }`;
    const small = await post(t, { query, variables: { n: 10 } }); // 2 × (1 + 10 × 73) = 1 462
    expect(small.status).toBe(200);
    expect(small.body.errors).toBeUndefined();
    const large = await post(t, { query, variables: { n: 100 } }); // 2 × (1 + 100 × 73) = 14 602
    tooComplex(large, 'cost');
    expect(large.body.errors![0].extensions).toMatchObject({ actual: 14602, max: 10000 });
    const one = await post(t, { query: `query($n: Int!) { ${WIDE_SUPPLIERS} }`, variables: { n: 100 } }); // a full page alone is fine
    expect(one.status).toBe(200);
  });

  it('counts hitsPerPage inside the search input', async () => {
    const selection = `hits { supplier { processes { code } materials { code } productGroups { code } sectors { code } certifications { code } equipment { kind } customers { name } } } facets { values { code } }`;
    const query = `query($n: Int!) { a: searchSuppliers(input: { hitsPerPage: $n }) { ${selection} } b: searchSuppliers(input: { query: "x", hitsPerPage: $n }) { ${selection} } }`;
    tooComplex(await post(t, { query, variables: { n: 100 } }), 'cost');
    expect((await post(t, { query, variables: { n: 10 } })).body.errors).toBeUndefined();
  });

  it('rejects more than GRAPHQL_MAX_ALIASES aliases', async () => {
    const aliased = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `v${i}: taxonomyVersion`).join(' ')} }`;
    expect((await post(t, { query: aliased(30) })).status).toBe(200);
    const over = await post(t, { query: aliased(31) });
    tooComplex(over, 'aliases');
  });

  it('stops parsing a document over GRAPHQL_MAX_TOKENS', async () => {
    const query = `{ ${'taxonomyVersion '.repeat(1001)}}`;
    const answer = await post(t, { query });
    expect(answer.status).toBe(400);
    expect(answer.body.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'tokens', max: 1000 });
    expect(answer.body.errors![0].message).toMatch(/more than 1000 tokens/);
  });

  it('refuses a batch (an array body) with a clear 400', async () => {
    const answer = await post(t, [{ query: '{ taxonomyVersion }' }, { query: '{ taxonomyVersion }' }]);
    expect(answer.status).toBe(400);
    expect(answer.body.errors![0]).toMatchObject({ message: 'Operation batching disabled.', extensions: { code: 'BAD_REQUEST' } });
  });

  it('keeps "Did you mean" hints outside production', async () => {
    const answer = await post(t, { query: '{ supplierz(first: 1) { totalCount } }' });
    expect(answer.body.errors![0].message).toMatch(/Did you mean .*"suppliers"\?/);
  });
});

describe('rate limits (TRUST_PROXY=loopback: each test is its own client address)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      TRUST_PROXY: 'loopback',
      SEARCH_MAX_PER_ADDRESS: '2',
      SEARCH_MAX_PER_USER: '3',
      LOGIN_MAX_PER_ADDRESS: '4',
      REGISTER_MAX_ATTEMPTS: '3',
      MATCH_MAX_PER_USER: '2',
    });
  });
  afterAll(async () => t?.close());

  const from = (address: string) => ({ 'x-forwarded-for': address });
  const rateLimited = (answer: Answer) => {
    expect(answer.status).toBe(429);
    expect(answer.body.errors![0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
    const retryAfter = Number(answer.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBe(answer.body.errors![0].extensions!.retryAfterSeconds);
  };
  const register = async (email: string, address: string) => {
    const answer = await post(t, { query: REGISTER, variables: { email } }, from(address));
    return (answer.body.data as { register: { accessToken: string } }).register.accessToken;
  };

  it('limits anonymous searches per client address, with 429 and Retry-After', async () => {
    for (let i = 0; i < 2; i += 1)
      expect((await post(t, { query: SEARCH, variables: { q: `cnc ${i}` } }, from('203.0.113.10'))).status).toBe(200);
    rateLimited(await post(t, { query: SEARCH, variables: { q: 'cnc' } }, from('203.0.113.10')));
    // Another address has its own allowance.
    expect((await post(t, { query: SEARCH }, from('203.0.113.11'))).status).toBe(200);
  });

  it('counts every aliased search', async () => {
    rateLimited(
      await post(
        t,
        {
          query: `{ a: searchSuppliers(input: { query: "a" }) { totalHits } b: searchSuppliers(input: { query: "b" }) { totalHits } c: searchSuppliers(input: { query: "c" }) { totalHits } }`,
        },
        from('203.0.113.12'),
      ),
    );
  });

  it('counts IPv6 clients by their /64', async () => {
    expect((await post(t, { query: SEARCH }, from('2001:db8:7:1::1'))).status).toBe(200);
    expect((await post(t, { query: SEARCH }, from('2001:db8:7:1:ffff::2'))).status).toBe(200);
    rateLimited(await post(t, { query: SEARCH }, from('2001:db8:7:1:abcd:1:2:3')));
  });

  it('limits signed-in searches per user, wherever they come from', async () => {
    const alice = await register(`alice.${Date.now()}@example.vn`, '198.51.100.1');
    const bob = await register(`bob.${Date.now()}@example.vn`, '198.51.100.2');
    for (let i = 0; i < 3; i += 1) {
      const answer = await post(t, { query: SEARCH }, { ...from(`198.51.100.${10 + i}`), authorization: `Bearer ${alice}` });
      expect(answer.status).toBe(200);
    }
    rateLimited(await post(t, { query: SEARCH }, { ...from('198.51.100.20'), authorization: `Bearer ${alice}` }));
    expect((await post(t, { query: SEARCH }, { ...from('198.51.100.20'), authorization: `Bearer ${bob}` })).status).toBe(200);
  });

  it('limits matching per user, matchSuppliers and matchNeeds together', async () => {
    const carol = await register(`carol.${Date.now()}@example.vn`, '198.51.100.30');
    const dave = await register(`dave.${Date.now()}@example.vn`, '198.51.100.31');
    const id = '00000000-0000-4000-8000-000000000000';
    const matchSuppliers = { query: `query($id: ID!) { matchSuppliers(needId: $id) { candidates } }`, variables: { id } };
    const matchNeeds = { query: `query($id: ID!) { matchNeeds(supplierId: $id) { score } }`, variables: { id } };
    // calls that find nothing (NOT_FOUND) still cost a matching call
    expect((await post(t, matchSuppliers, { ...from('198.51.100.32'), authorization: `Bearer ${carol}` })).status).toBe(200);
    expect((await post(t, matchNeeds, { ...from('198.51.100.33'), authorization: `Bearer ${carol}` })).status).toBe(200);
    rateLimited(await post(t, matchSuppliers, { ...from('198.51.100.34'), authorization: `Bearer ${carol}` }));
    expect((await post(t, matchNeeds, { ...from('198.51.100.34'), authorization: `Bearer ${dave}` })).status).toBe(200);
  });

  it('limits logins per client address, whatever the email', async () => {
    for (let i = 0; i < 4; i += 1) {
      const answer = await post(t, { query: LOGIN, variables: { email: `spray.${i}@example.vn` } }, from('192.0.2.50'));
      expect(answer.body.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    }
    rateLimited(await post(t, { query: LOGIN, variables: { email: 'spray.9@example.vn' } }, from('192.0.2.50')));
  });

  it('limits registrations per client address', async () => {
    for (let i = 0; i < 3; i += 1) await register(`reg.${i}.${Date.now()}@example.vn`, '192.0.2.60');
    rateLimited(await post(t, { query: REGISTER, variables: { email: `reg.x.${Date.now()}@example.vn` } }, from('192.0.2.60')));
  });
});

describe('login limits do not hand strangers a lock-out (TRUST_PROXY=loopback)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ TRUST_PROXY: 'loopback', LOGIN_MAX_ATTEMPTS: '3', LOGIN_MAX_PER_EMAIL: '6', LOGIN_MAX_PER_ADDRESS: '1000' });
  });
  afterAll(async () => t?.close());

  const login = (email: string, password: string, address: string) =>
    post(
      t,
      {
        query: `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }`,
        variables: { email, password },
      },
      { 'x-forwarded-for': address },
    );
  const code = (answer: Answer) => answer.body.errors?.[0]?.extensions?.code ?? 'OK';

  it('limits guesses per email from one address, lets the owner in from elsewhere, and past the looser per-email limit only from an address they signed in from before', async () => {
    const email = `owner.${Date.now()}@example.vn`;
    await post(t, { query: REGISTER, variables: { email } }, { 'x-forwarded-for': '198.18.0.1' });
    expect(code(await login(email, 'correct horse battery', '198.18.0.1'))).toBe('OK'); // the owner's usual address
    // A stranger guesses from one address: 3 guesses, then refused.
    const stranger = [];
    for (let i = 0; i < 4; i += 1) stranger.push(code(await login(email, `guess ${i}`, '203.0.113.66')));
    expect(stranger).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'RATE_LIMITED']);
    // The owner is not locked out, from their usual address or a new one.
    expect(code(await login(email, 'correct horse battery', '198.18.0.1'))).toBe('OK');
    expect(code(await login(email, 'correct horse battery', '198.18.0.2'))).toBe('OK');
    // Strangers spread guesses over addresses until the per-email limit (6 failures) is spent ...
    for (let i = 0; i < 4; i += 1) await login(email, `guess ${i}`, `203.0.113.${70 + i}`);
    // ... which stops guesses from any address, right or wrong, and a right password from an address never used ...
    expect(code(await login(email, 'another guess', '203.0.113.90'))).toBe('RATE_LIMITED');
    expect(code(await login(email, 'correct horse battery', '198.18.0.3'))).toBe('RATE_LIMITED');
    // ... but lets the owner in from an address they signed in from before.
    expect(code(await login(email, 'correct horse battery', '198.18.0.1'))).toBe('OK');
    expect(code(await login(email, 'correct horse battery', '198.18.0.2'))).toBe('OK');
  });
});

describe('rate limits without TRUST_PROXY', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ SEARCH_MAX_PER_ADDRESS: '2' });
  });
  afterAll(async () => t?.close());

  it('ignores X-Forwarded-For, so a client cannot pick a fresh address per request', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await post(t, { query: SEARCH }, { 'x-forwarded-for': `203.0.113.${100 + i}` })).status);
    expect(statuses).toEqual([200, 200, 429]);
  });
});

describe('production mode', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ NODE_ENV: 'production' });
  });
  afterAll(async () => t?.close());

  it('turns introspection off', async () => {
    for (const query of ['{ __schema { types { name } } }', '{ __type(name: "Supplier") { fields { name } } }']) {
      const answer = await post(t, { query });
      expect(answer.status).toBe(400);
      expect(answer.body.errors![0].extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    }
  });

  it('serves no landing page', async () => {
    const page = await t.http().get('/graphql').set('accept', 'text/html');
    expect(page.headers['content-type'] ?? '').not.toMatch(/text\/html/);
    expect(page.text).not.toMatch(/<html/i);
  });

  it('gives no "Did you mean" hints, neither for fields nor for enum values', async () => {
    const field = await post(t, { query: '{ supplierz(first: 1) { totalCount } }' });
    expect(field.status).toBe(400);
    expect(field.body.errors![0].message).toBe('Cannot query field "supplierz" on type "Query".');
    const value = await post(t, {
      query: 'query($s: SupplierSort) { searchSuppliers(input: { sort: $s }) { totalHits } }',
      variables: { s: 'NEWESTT' },
    });
    expect(value.body.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(value.body.errors![0].message).not.toMatch(/Did you mean|NEWEST"/);
  });
});

describe('development mode', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ NODE_ENV: 'development' });
  });
  afterAll(async () => t?.close());

  it('serves the sandbox landing page and answers its introspection query within the limits', async () => {
    const page = await t.http().get('/graphql').set('accept', 'text/html');
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/<html/i);
    const { getIntrospectionQuery } = await import('graphql');
    const answer = await post(
      t,
      {
        query: getIntrospectionQuery({
          descriptions: true,
          inputValueDeprecation: true,
          schemaDescription: true,
          specifiedByUrl: true,
          directiveIsRepeatable: true,
        }),
      },
      { 'apollo-require-preflight': 'true' },
    );
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
  });
});
