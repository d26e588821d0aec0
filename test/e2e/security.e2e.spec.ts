import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { DataSource } from 'typeorm';
import { SearchClientProvider } from '#libs/search';
import { startTestApp, type TestApp } from '../support/test-app.js';

const HEALTH_AND_GRAPHQL = async (t: TestApp) => [
  await t.http().get('/health/live'),
  await t.http().post('/graphql').set('content-type', 'application/json').send({ query: '{ taxonomyVersion }' }),
];

describe('security headers and CORS (test mode: development defaults)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it("sets helmet headers on every answer, without X-Powered-By, and no CSP outside production (the sandbox page loads from Apollo's CDN)", async () => {
    for (const res of await HEALTH_AND_GRAPHQL(t)) {
      expect(res.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'strict-transport-security': 'max-age=31536000; includeSubDomains',
        'x-frame-options': 'SAMEORIGIN',
        'referrer-policy': 'no-referrer',
      });
      expect(res.headers['x-powered-by']).toBeUndefined();
      expect(res.headers['content-security-policy']).toBeUndefined();
    }
  });

  it('lets local pages call cross-origin, and no one else', async () => {
    const local = await t
      .http()
      .post('/graphql')
      .set('origin', 'http://localhost:5173')
      .set('content-type', 'application/json')
      .send({ query: '{ taxonomyVersion }' });
    expect(local.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    expect(local.headers['access-control-allow-credentials']).toBeUndefined();
    const preflight = await t
      .http()
      .options('/graphql')
      .set('origin', 'http://127.0.0.1:8080')
      .set('access-control-request-method', 'POST')
      .set('access-control-request-headers', 'authorization, content-type');
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('http://127.0.0.1:8080');
    expect(preflight.headers['access-control-allow-headers']).toMatch(/authorization/);
    for (const origin of ['https://evil.example', 'http://localhost.evil.example', 'https://localhost']) {
      const other = await t
        .http()
        .post('/graphql')
        .set('origin', origin)
        .set('content-type', 'application/json')
        .send({ query: '{ taxonomyVersion }' });
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
    }
  });
});

describe('security headers and CORS (production, CORS_ORIGINS set)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ NODE_ENV: 'production', CORS_ORIGINS: 'https://app.hp-support.example' });
  });
  afterAll(async () => t?.close());

  it('sends a CSP that lets nothing load or frame the API', async () => {
    for (const res of await HEALTH_AND_GRAPHQL(t)) {
      expect(res.headers['content-security-policy']).toBe("default-src 'none';frame-ancestors 'none';base-uri 'none';form-action 'none'");
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d{7,}/);
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('allows exactly the configured origins', async () => {
    const allowed = await t
      .http()
      .post('/graphql')
      .set('origin', 'https://app.hp-support.example')
      .set('content-type', 'application/json')
      .send({ query: '{ taxonomyVersion }' });
    expect(allowed.headers['access-control-allow-origin']).toBe('https://app.hp-support.example');
    expect(allowed.headers['access-control-expose-headers']).toMatch(/retry-after/);
    const local = await t
      .http()
      .post('/graphql')
      .set('origin', 'http://localhost:3000')
      .set('content-type', 'application/json')
      .send({ query: '{ taxonomyVersion }' });
    expect(local.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('secrets never reach the logs', () => {
  const PASSWORD = 'Mật-khẩu-rất-bí-mật-2026';
  const WRONG_PASSWORD = 'wrong-but-still-private-9931';
  const JWT_SECRET = 'jwt-secret-for-the-log-test-0123456789abcdef';
  const lines: string[] = [];
  let t: TestApp;
  let write: ReturnType<typeof jest.spyOn>;

  beforeAll(async () => {
    // Everything the process prints, from start-up on, at the most talkative level.
    write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => {
      lines.push(String(chunk));
      return true;
    });
    t = await startTestApp({ LOG_LEVEL: 'debug', JWT_SECRET });
  });
  afterAll(async () => {
    write?.mockRestore();
    await t?.close();
  });

  it('logs requests and errors without passwords, tokens, keys or the database URL', async () => {
    const gql = (query: string, variables: Record<string, unknown>, token?: string) => {
      const req = t.http().post('/graphql').set('content-type', 'application/json');
      if (token) req.set('authorization', `Bearer ${token}`);
      return req.send({ query, variables });
    };
    const email = `logs.${Date.now()}@example.vn`;
    const registered = await gql('mutation($i: RegisterInput!) { register(input: $i) { accessToken refreshToken } }', {
      i: { email, password: PASSWORD, displayName: 'Logs' },
    });
    const { accessToken, refreshToken } = registered.body.data.register as { accessToken: string; refreshToken: string };
    await gql('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }', { e: email, p: PASSWORD });
    await gql('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }', { e: email, p: WRONG_PASSWORD });
    await gql('{ me { id } }', {}, accessToken);
    await gql('{ me { id } }', {}, `${accessToken.slice(0, -6)}AAAAAA`); // a forged token: rejected, and not logged either
    await gql('mutation($t: String!) { refreshTokens(refreshToken: $t) { accessToken } }', { t: refreshToken });
    await gql('query($q: String) { searchSuppliers(input: { query: $q }) { totalHits } }', { q: 'CNC' }, accessToken);
    await t
      .http()
      .get('/graphql')
      .query({
        query: 'query($p: String!) { login(email: "a@b.vn", password: $p) { accessToken } }',
        variables: JSON.stringify({ p: PASSWORD }),
      });
    // An internal error is logged in full: it must still not carry the request's secrets.
    const db = t.app.get(DataSource);
    await db.query('ALTER TABLE users RENAME TO users_hidden');
    try {
      await gql('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }', { e: email, p: PASSWORD });
      await gql('{ me { id } }', {}, accessToken);
    } finally {
      await db.query('ALTER TABLE users_hidden RENAME TO users');
    }

    const output = lines.join('');
    const databaseUrl = new URL(t.databaseUrl);
    const masterKey = process.env.TEST_MEILI_MASTER_KEY!;
    const searchKey = ((await t.app.get(SearchClientProvider).get()) as unknown as { config: { apiKey: string } }).config.apiKey;
    expect(databaseUrl.password.length).toBeGreaterThan(8); // the URL does carry a password
    expect(masterKey.length).toBeGreaterThan(8);
    // The logs were written: start-up, every request, the errors above in full.
    expect(output).toMatch(/Nest application successfully started/);
    expect(output.match(/"msg":"request".*"path":"\/graphql"/g)?.length).toBeGreaterThanOrEqual(9);
    expect(output).toMatch(/"level":"error".*relation \\"users\\" does not exist/);
    const secrets = {
      PASSWORD,
      WRONG_PASSWORD,
      JWT_SECRET,
      accessToken,
      refreshToken,
      databaseUrl: t.databaseUrl,
      dbPassword: decodeURIComponent(databaseUrl.password),
      masterKey,
      searchKey,
      admin: 'admin-password-for-tests',
    };
    // As written, or encoded as a URL would carry it.
    const forms = (secret: string) => [secret, encodeURIComponent(secret), new URLSearchParams({ s: secret }).toString().slice(2)];
    const leaked = Object.entries(secrets)
      .filter(([, secret]) => forms(secret).some((form) => output.includes(form)))
      .map(([name]) => name);
    expect(leaked).toEqual([]);
  });
});

describe('Meilisearch keys', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('searches with a key that may only search the suppliers index, never with the master key', async () => {
    const searched = await t.gql('{ searchSuppliers(input: { query: "CNC" }) { totalHits } }');
    expect(searched.errors).toBeUndefined();
    const client = (await t.app.get(SearchClientProvider).get()) as unknown as { config: { host: string; apiKey: string } };
    const masterKey = process.env.TEST_MEILI_MASTER_KEY!;
    expect(client.config.apiKey).toBeTruthy();
    expect(client.config.apiKey).not.toBe(masterKey);
    const meili = process.env.TEST_MEILI_URL!;
    const key = (await (
      await fetch(`${meili}/keys/${client.config.apiKey}`, { headers: { authorization: `Bearer ${masterKey}` } })
    ).json()) as { actions: string[]; indexes: string[]; expiresAt: string | null };
    expect(key.actions).toEqual(['search']);
    expect(key.indexes).toEqual([`${t.indexPrefix}_suppliers`]);
    // What the key cannot do, asked of Meilisearch itself.
    const asSearchKey = { authorization: `Bearer ${client.config.apiKey}`, 'content-type': 'application/json' };
    expect(
      (await fetch(`${meili}/indexes/${t.indexPrefix}_suppliers/search`, { method: 'POST', headers: asSearchKey, body: '{"q":"cnc"}' }))
        .status,
    ).toBe(200);
    expect(
      (await fetch(`${meili}/indexes/${t.indexPrefix}_suppliers/documents`, { method: 'POST', headers: asSearchKey, body: '[{"id":"x"}]' }))
        .status,
    ).toBe(403);
    expect((await fetch(`${meili}/keys`, { headers: asSearchKey })).status).toBe(403);
    expect((await fetch(`${meili}/indexes/other_index/search`, { method: 'POST', headers: asSearchKey, body: '{}' })).status).toBe(403);
  });
});
