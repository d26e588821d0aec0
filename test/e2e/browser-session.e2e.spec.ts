import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from '../support/test-app.js';

const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken refreshToken expiresIn user { email } } }`;
const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { accessToken refreshToken user { id } } }`;
const ME = `{ me { email } }`;
const PASSWORD = 'correct horse battery';
const REFRESH_LIMIT = 6;
const TTL_DAYS = 30;

interface Answer {
  status: number;
  body: Record<string, unknown> & { data?: Record<string, Record<string, unknown>>; error?: { code: string } };
  setCookie: string[];
}

/** The refresh cookie as a browser would keep it: value and attribute set (names lower-cased). */
function refreshCookieOf(answer: Answer): { value: string; attributes: Set<string> } | undefined {
  const line = answer.setCookie.find((c) => c.startsWith('hp_refresh='));
  if (!line) return undefined;
  const [pair, ...attributes] = line.split(';').map((part) => part.trim());
  return {
    value: pair.slice('hp_refresh='.length),
    attributes: new Set(
      attributes.map((a) => (/^expires=/i.test(a) ? `Expires=${new Date(a.slice(8)).getTime() <= 0 ? 'epoch' : 'future'}` : a)),
    ),
  };
}

describe('browser sign-in: the refresh token in an HttpOnly cookie for /auth', () => {
  let t: TestApp;
  let address = 0;
  /** Each test calls from its own client address (TRUST_PROXY=loopback), so the refresh limit is counted per test. */
  let client = '';

  beforeAll(async () => {
    t = await startTestApp({
      REFRESH_MAX_PER_ADDRESS: String(REFRESH_LIMIT),
      REFRESH_TOKEN_TTL_DAYS: String(TTL_DAYS),
      TRUST_PROXY: 'loopback',
    });
  });
  afterAll(async () => t?.close());
  beforeEach(() => {
    address += 1;
    client = `198.51.100.${address}`;
  });

  const answer = (res: { status: number; body: unknown; headers: Record<string, unknown> }): Answer => {
    const header = res.headers['set-cookie'];
    return {
      status: res.status,
      body: res.body as Answer['body'],
      setCookie: Array.isArray(header) ? header : typeof header === 'string' ? [header] : [],
    };
  };
  const graphql = async (query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) => {
    const req = t.http().post('/graphql').set('content-type', 'application/json').set('x-forwarded-for', client);
    for (const [name, value] of Object.entries(headers)) req.set(name, value);
    return answer(await req.send({ query, variables }));
  };
  const post = async (
    path: '/auth/refresh' | '/auth/logout',
    cookie: string | undefined,
    headers: Record<string, string> = { 'x-requested-with': 'hp-web' },
  ) => {
    const req = t.http().post(path).set('x-forwarded-for', client);
    if (cookie !== undefined) req.set('cookie', `theme=dark; hp_refresh=${cookie}`);
    for (const [name, value] of Object.entries(headers)) req.set(name, value);
    return answer(await req);
  };
  /** Registers and signs in with the cookie transport; returns the refresh cookie's value. */
  const signInWithCookie = async (): Promise<string> => {
    const email = `cookie.${address}.${Date.now()}@example.vn`;
    const registered = await graphql(
      REGISTER,
      { input: { email, password: PASSWORD, displayName: 'Cookie' } },
      { 'x-refresh-transport': 'cookie' },
    );
    expect(registered.body.data!.register.refreshToken).toBeNull();
    expect(refreshCookieOf(registered)).toBeDefined();
    const login = await graphql(LOGIN, { email, password: PASSWORD }, { 'x-refresh-transport': 'cookie' });
    expect(login.body.data!.login.refreshToken).toBeNull();
    return refreshCookieOf(login)!.value;
  };
  const isSignedIn = async (accessToken: string) => (await t.gql(ME, {}, accessToken)).data !== undefined;
  const clearsCookie = (res: Answer) => {
    expect(refreshCookieOf(res)).toEqual({
      value: '',
      attributes: new Set(['Path=/auth', 'Expires=epoch', 'HttpOnly', 'Secure', 'SameSite=Strict']),
    });
  };

  it('login and register set the cookie with exactly HttpOnly, Secure, SameSite=Strict, Path=/auth and the token lifetime', async () => {
    const email = `attrs.${Date.now()}@example.vn`;
    const registered = await graphql(
      REGISTER,
      { input: { email, password: PASSWORD, displayName: 'A' } },
      { 'x-refresh-transport': 'cookie' },
    );
    const login = await graphql(LOGIN, { email, password: PASSWORD }, { 'X-Refresh-Transport': 'cookie' });
    for (const res of [registered, login]) {
      expect(res.status).toBe(200);
      const cookie = refreshCookieOf(res)!;
      expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(cookie.attributes).toEqual(
        new Set([`Max-Age=${TTL_DAYS * 86400}`, 'Path=/auth', 'Expires=future', 'HttpOnly', 'Secure', 'SameSite=Strict']),
      );
      expect(res.setCookie).toHaveLength(1);
    }
    expect(login.body.data!.login).toMatchObject({ refreshToken: null, expiresIn: expect.any(Number), user: { email } });
    expect(await isSignedIn(login.body.data!.login.accessToken as string)).toBe(true);
  });

  it('without the header, register and login answer as before: the refresh token in the body, no cookie', async () => {
    const email = `json.${Date.now()}@example.vn`;
    const registered = await graphql(REGISTER, { input: { email, password: PASSWORD, displayName: 'J' } });
    const login = await graphql(LOGIN, { email, password: PASSWORD });
    for (const res of [registered, login]) expect(res.setCookie).toEqual([]);
    expect(registered.body.data!.register.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const token = login.body.data!.login.refreshToken as string;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rotated = await t.gql<{ refreshTokens: { refreshToken: string } }>(
      `mutation($t: String!) { refreshTokens(refreshToken: $t) { refreshToken } }`,
      { t: token },
    );
    expect(rotated.data!.refreshTokens.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('POST /auth/refresh rotates the cookie and answers only a new access token', async () => {
    const first = await signInWithCookie();
    const res = await post('/auth/refresh', first);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['accessToken', 'accessTokenExpiresAt']);
    expect(Date.parse(res.body.accessTokenExpiresAt as string)).toBeGreaterThan(Date.now());
    expect(await isSignedIn(res.body.accessToken as string)).toBe(true);
    const second = refreshCookieOf(res)!;
    expect(second.value).not.toBe(first);
    expect(second.attributes).toEqual(
      new Set([`Max-Age=${TTL_DAYS * 86400}`, 'Path=/auth', 'Expires=future', 'HttpOnly', 'Secure', 'SameSite=Strict']),
    );
    const third = await post('/auth/refresh', second.value);
    expect(third.status).toBe(200);
  });

  it('a spent cookie used again is refused, clears the cookie and revokes the whole family', async () => {
    const first = await signInWithCookie();
    const rotated = refreshCookieOf(await post('/auth/refresh', first))!.value;
    const replay = await post('/auth/refresh', first);
    expect(replay.status).toBe(401);
    expect(replay.body.error).toMatchObject({ code: 'UNAUTHENTICATED' });
    clearsCookie(replay);
    const successor = await post('/auth/refresh', rotated);
    expect(successor.status).toBe(401);
    clearsCookie(successor);
  });

  it('a missing or malformed cookie is 401 with the cookie cleared', async () => {
    for (const cookie of [undefined, '', 'not a token!', 'x'.repeat(43)]) {
      const res = await post('/auth/refresh', cookie);
      expect([cookie, res.status, res.body.error?.code]).toEqual([cookie, 401, 'UNAUTHENTICATED']);
      clearsCookie(res);
    }
  });

  it('POST /auth/logout revokes the family and clears the cookie', async () => {
    const first = await signInWithCookie();
    const rotated = refreshCookieOf(await post('/auth/refresh', first))!.value;
    const res = await post('/auth/logout', rotated);
    expect(res.status).toBe(204);
    clearsCookie(res);
    const open: { n: number }[] = await t.app
      .get(DataSource)
      .query(
        `SELECT count(*)::int AS n FROM refresh_tokens WHERE family_id = (SELECT family_id FROM refresh_tokens WHERE token_hash = encode(sha256(convert_to($1, 'UTF8')), 'hex')) AND revoked_at IS NULL`,
        [rotated],
      );
    expect(open[0].n).toBe(0);
    expect((await post('/auth/refresh', rotated)).status).toBe(401);
    const again = await post('/auth/logout', undefined); // signing out twice is not an error
    expect(again.status).toBe(204);
    clearsCookie(again);
  });

  it('refuses callers without X-Requested-With: hp-web (403), and leaves the cookie unspent', async () => {
    const cookie = await signInWithCookie();
    for (const headers of [{}, { 'x-requested-with': 'XMLHttpRequest' }] as Record<string, string>[]) {
      for (const path of ['/auth/refresh', '/auth/logout'] as const) {
        const res = await post(path, cookie, headers);
        expect([path, res.status, res.body.error?.code]).toEqual([path, 403, 'FORBIDDEN']);
        expect(res.setCookie).toEqual([]);
      }
    }
    expect((await post('/auth/refresh', cookie)).status).toBe(200);
  });

  it('refuses a foreign Origin (403) and accepts its own origin and the CORS_ORIGINS', async () => {
    const cookie = await signInWithCookie();
    for (const origin of ['https://evil.example', 'null', 'http://127.0.0.1.evil.example']) {
      const res = await post('/auth/refresh', cookie, { 'x-requested-with': 'hp-web', origin });
      expect([origin, res.status, res.body.error?.code]).toEqual([origin, 403, 'FORBIDDEN']);
      expect(res.setCookie).toEqual([]);
    }
    // its own origin, also where it is no CORS origin (here a public host name, which the CORS default does not list)
    const same = await post('/auth/refresh', cookie, {
      'x-requested-with': 'hp-web',
      host: 'hp.example.vn',
      origin: 'http://hp.example.vn',
    });
    expect(same.status).toBe(200);
    const otherHost = await post('/auth/refresh', refreshCookieOf(same)!.value, {
      'x-requested-with': 'hp-web',
      host: 'hp.example.vn',
      origin: 'https://hp.example.vn',
    });
    expect(otherHost.status).toBe(403);
    // outside production the CORS default lists local pages on any port
    const listed = await post('/auth/refresh', refreshCookieOf(same)!.value, {
      'x-requested-with': 'hp-web',
      origin: 'http://localhost:5173',
    });
    expect(listed.status).toBe(200);
  });

  it(`rate-limits /auth/refresh and /auth/logout together per client address (${REFRESH_LIMIT} per window)`, async () => {
    for (let i = 0; i < REFRESH_LIMIT; i += 1)
      expect((await post(i % 2 ? '/auth/logout' : '/auth/refresh', undefined)).status).not.toBe(429);
    const limited = await post('/auth/refresh', undefined);
    expect(limited.status).toBe(429);
    expect(limited.body.error).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
    client = '198.51.100.250';
    expect((await post('/auth/refresh', undefined)).status).toBe(401);
  });
});
