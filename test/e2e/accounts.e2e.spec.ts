import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SignJWT } from 'jose';
import { registerUser } from '../support/accounts.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken refreshToken user { email role } } }`;
const REFRESH = `mutation($t: String!) { refreshTokens(refreshToken: $t) { accessToken refreshToken } }`;
const JWT_SECRET = 'k'.repeat(48);
const ME = `{ me { id email role memberships { companyId companyKind } } }`;

describe('accounts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ LOGIN_MAX_ATTEMPTS: '5', JWT_SECRET });
  });
  afterAll(async () => t?.close());

  it('registers, logs in and answers me', async () => {
    const user = await registerUser(t, 'buyer');
    const me = await t.gql<{ me: { id: string; role: string } }>(ME, {}, user.token);
    expect(me.errors).toBeUndefined();
    expect(me.data!.me).toMatchObject({ id: user.userId, role: 'MEMBER' });
  });

  it('stores passwords hashed with argon2id, never in clear', async () => {
    await t.gql(
      `mutation { register(input: { email: "hash.check@example.vn", password: "plain-text-secret-1", displayName: "H" }) { accessToken } }`,
    );
    const [row] = await t.app
      .get((await import('typeorm')).DataSource)
      .query(`SELECT password_hash FROM users WHERE email = 'hash.check@example.vn'`);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain('plain-text-secret-1');
  });

  it('rejects a duplicate email (case-insensitive) with a field error', async () => {
    await t.gql(`mutation { register(input: { email: "dup@example.vn", password: "long enough pw", displayName: "A" }) { accessToken } }`);
    const again = await t.gql(
      `mutation { register(input: { email: "DUP@example.vn", password: "long enough pw", displayName: "B" }) { accessToken } }`,
    );
    expect(again.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ field: 'input.email', reason: 'is already registered' }],
    });
  });

  it('validates register input field by field', async () => {
    const result = await t.gql(
      `mutation { register(input: { email: "not-an-email", password: "short", displayName: "" }) { accessToken } }`,
    );
    const fields = (result.errors![0].extensions!.fieldErrors as { field: string }[]).map((e) => e.field).sort();
    expect(result.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(fields).toEqual(['input.displayName', 'input.email', 'input.password']);
  });

  it('gives the same error for a wrong password and an unknown email', async () => {
    await t.gql(
      `mutation { register(input: { email: "known@example.vn", password: "the right password", displayName: "K" }) { accessToken } }`,
    );
    const wrong = await t.gql(LOGIN, { email: 'known@example.vn', password: 'the wrong password' });
    const unknown = await t.gql(LOGIN, { email: 'nobody@example.vn', password: 'the wrong password' });
    expect(wrong.errors![0].message).toBe('Email or password is incorrect');
    expect(unknown.errors![0].message).toBe(wrong.errors![0].message);
    expect(unknown.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect(wrong.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('rate-limits login attempts per email', async () => {
    const codes: string[] = [];
    for (let i = 0; i < 7; i += 1) {
      const result = await t.gql(LOGIN, { email: 'victim@example.vn', password: `guess-${i}` });
      codes.push(result.errors![0].extensions!.code as string);
    }
    expect(codes.slice(0, 5).every((c) => c === 'UNAUTHENTICATED')).toBe(true);
    expect(codes.slice(5)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
  });

  it('rotates refresh tokens and revokes the family when a spent one is replayed', async () => {
    const user = await registerUser(t, 'rotate');
    const first = await t.gql<{ refreshTokens: { accessToken: string; refreshToken: string } }>(REFRESH, { t: user.refreshToken });
    expect(first.errors).toBeUndefined();
    const replay = await t.gql(REFRESH, { t: user.refreshToken });
    expect(replay.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    // The replay revoked the whole family, including the token issued by the first rotation.
    const afterReplay = await t.gql(REFRESH, { t: first.data!.refreshTokens.refreshToken });
    expect(afterReplay.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    const [row] = await t.app
      .get((await import('typeorm')).DataSource)
      .query(`SELECT count(*)::int AS n FROM refresh_tokens WHERE token_hash = $1`, [user.refreshToken]);
    expect(row.n).toBe(0); // stored hashed only
  });

  it('rejects tokens with alg none, a wrong audience or issuer, a wrong key or past expiry', async () => {
    const user = await registerUser(t, 'jwt');
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify({ sub: user.userId, iss: 'hp-supplier-match', aud: 'hp-supplier-match-api', exp: Math.floor(Date.now() / 1000) + 600, iat: Math.floor(Date.now() / 1000) })).toString('base64url')}.`;
    const otherKey = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(user.userId)
      .setIssuer('hp-supplier-match')
      .setAudience('hp-supplier-match-api')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode('x'.repeat(40)));
    const rightKey = new TextEncoder().encode(JWT_SECRET);
    const { sid } = JSON.parse(Buffer.from(user.token.split('.')[1], 'base64url').toString()) as { sid: string };
    const sign = (aud: string, exp: number, iss = 'hp-supplier-match') =>
      new SignJWT({ sid })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(user.userId)
        .setIssuer(iss)
        .setAudience(aud)
        .setIssuedAt(exp - 600)
        .setExpirationTime(exp)
        .sign(rightKey);
    const now = Math.floor(Date.now() / 1000);
    const valid = await sign('hp-supplier-match-api', now + 300);
    expect((await t.gql(ME, {}, valid)).errors).toBeUndefined(); // the forgeries below differ from this only in one respect
    const wrongAudience = await sign('another-api', now + 300);
    const wrongIssuer = await sign('hp-supplier-match-api', now + 300, 'someone-else');
    const expired = await sign('hp-supplier-match-api', now - 60);
    for (const token of [none, otherKey, wrongAudience, wrongIssuer, expired, `${user.token.slice(0, -4)}AAAA`]) {
      const result = await t.gql(ME, {}, token);
      expect(result.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    }
  });

  it('answers me without a token with UNAUTHENTICATED', async () => {
    const result = await t.gql(ME);
    expect(result.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect(result.data).toBeNull();
  });

  it('lets only ADMIN grant the ANALYST role', async () => {
    const user = await registerUser(t, 'analyst');
    const mutation = `mutation($id: ID!) { setUserRole(userId: $id, role: ANALYST) { role } }`;
    const self = await t.gql(mutation, { id: user.userId }, user.token);
    expect(self.errors![0].extensions!.code).toBe('FORBIDDEN');
    const admin = await t.gql<{ login: { accessToken: string } }>(LOGIN, {
      email: 'admin@test.local',
      password: 'admin-password-for-tests',
    });
    const granted = await t.gql<{ setUserRole: { role: string } }>(mutation, { id: user.userId }, admin.data!.login.accessToken);
    expect(granted.data!.setUserRole.role).toBe('ANALYST');
  });
  it('accepts the bearer scheme in any case (RFC 9110: the scheme is case-insensitive)', async () => {
    const user = await registerUser(t, 'scheme');
    for (const scheme of ['bearer', 'BEARER', 'Bearer']) {
      const res = await t
        .http()
        .post('/graphql')
        .set('content-type', 'application/json')
        .set('authorization', `${scheme} ${user.token}`)
        .send({ query: ME });
      expect({ scheme, errors: res.body.errors, id: res.body.data?.me?.id }).toEqual({ scheme, errors: undefined, id: user.userId });
    }
  });

  it('stops accepting an access token once its session signed out', async () => {
    const user = await registerUser(t, 'signout');
    expect((await t.gql(ME, {}, user.token)).errors).toBeUndefined();
    expect(
      (await t.gql<{ logout: boolean }>(`mutation($t: String!) { logout(refreshToken: $t) }`, { t: user.refreshToken })).data!.logout,
    ).toBe(true);
    const after = await t.gql(ME, {}, user.token);
    expect(after.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect(after.errors![0].message).toMatch(/signed out/);
  });

  it('stops accepting every access token of a refresh family revoked by a replay, and no other', async () => {
    const user = await registerUser(t, 'family');
    const other = await t.gql<{ login: { accessToken: string } }>(LOGIN, {
      email: (await t.gql<{ me: { email: string } }>(ME, {}, user.token)).data!.me.email,
      password: 'correct horse battery',
    });
    const rotated = await t.gql<{ refreshTokens: { accessToken: string; refreshToken: string } }>(REFRESH, { t: user.refreshToken });
    expect((await t.gql(ME, {}, rotated.data!.refreshTokens.accessToken)).errors).toBeUndefined();
    expect((await t.gql(REFRESH, { t: user.refreshToken })).errors![0].extensions!.code).toBe('UNAUTHENTICATED'); // the replay
    for (const token of [user.token, rotated.data!.refreshTokens.accessToken])
      expect((await t.gql(ME, {}, token)).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    // The same user's other session (another device) is untouched.
    expect((await t.gql(ME, {}, other.data!.login.accessToken)).errors).toBeUndefined();
  });

  it('authenticates before it validates: an anonymous caller gets UNAUTHENTICATED whatever the arguments', async () => {
    const createSupplier = await t.gql(`mutation { createSupplier(input: { taxCode: "x", nameVi: "", processes: ["NOPE"] }) { id } }`);
    expect(createSupplier.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    const setRole = await t.gql(`mutation { setUserRole(userId: "not-a-uuid", role: ANALYST) { id } }`);
    expect(setRole.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    // A signed-in caller still gets the field errors.
    const user = await registerUser(t, 'validate');
    const signedIn = await t.gql(
      `mutation { createSupplier(input: { taxCode: "x", nameVi: "", processes: ["NOPE"] }) { id } }`,
      {},
      user.token,
    );
    expect(signedIn.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });
});
