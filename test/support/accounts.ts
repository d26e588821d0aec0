import type { TestApp } from './test-app.js';

export interface SignedIn {
  token: string;
  refreshToken: string;
  userId: string;
}

let counter = 0;

/** Registers a fresh user and returns its tokens. */
export async function registerUser(t: TestApp, prefix = 'user'): Promise<SignedIn> {
  counter += 1;
  const email = `${prefix}.${counter}.${Date.now()}@example.vn`;
  const result = await t.gql<{ register: { accessToken: string; refreshToken: string; user: { id: string } } }>(
    `mutation($input: RegisterInput!) { register(input: $input) { accessToken refreshToken user { id } } }`,
    { input: { email, password: 'correct horse battery', displayName: `${prefix} ${counter}` } },
  );
  if (!result.data) throw new Error(`register failed: ${JSON.stringify(result.errors)}`);
  return { token: result.data.register.accessToken, refreshToken: result.data.register.refreshToken, userId: result.data.register.user.id };
}

export async function loginAdmin(t: TestApp): Promise<SignedIn> {
  const result = await t.gql<{ login: { accessToken: string; refreshToken: string; user: { id: string } } }>(
    `mutation { login(email: "admin@test.local", password: "admin-password-for-tests") { accessToken refreshToken user { id } } }`,
  );
  if (!result.data) throw new Error(`admin login failed: ${JSON.stringify(result.errors)}`);
  return { token: result.data.login.accessToken, refreshToken: result.data.login.refreshToken, userId: result.data.login.user.id };
}
