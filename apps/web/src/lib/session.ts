/**
 * The browser session. The access token lives in this module's memory only (never in
 * localStorage/sessionStorage, where any script could read it). The refresh token is an HttpOnly
 * cookie the page cannot read, scoped to /auth: `POST /auth/refresh` turns it into a new access
 * token, on start-up (a new tab, a reload) and shortly before the access token expires.
 * Tabs take turns refreshing (Web Locks), because each refresh rotates the cookie and a token spent
 * twice revokes the whole family.
 */
import { hinted, refreshWithLock, REQUESTED_WITH, SESSION_HINT, takeStartedSession, type RefreshAnswer } from './session-start.js';

export interface AccessToken {
  token: string;
  expiresAt: number;
}

export type SessionState = { status: 'unknown' } | { status: 'anonymous' } | { status: 'signed-in'; accessToken: AccessToken };

export { REQUESTED_WITH };
/** Asks login/register to send the refresh token as the HttpOnly cookie instead of in the body. */
export const REFRESH_TRANSPORT = { 'X-Refresh-Transport': 'cookie' } as const;

const REFRESH_MARGIN_MS = 30_000;

function hint(signedIn: boolean): void {
  try {
    if (signedIn) globalThis.localStorage?.setItem(SESSION_HINT, '1');
    else globalThis.localStorage?.removeItem(SESSION_HINT);
  } catch {
    // storage refused (private mode): every start then asks /auth/refresh
  }
}

/**
 * The start-up refresh index.html's script sent before the entry ran (session-start.ts), taken as
 * this module is first evaluated: the first `refreshAccessToken` uses it instead of sending its own.
 */
let started = takeStartedSession();

let state: SessionState = { status: 'unknown' };
const listeners = new Set<() => void>();
let refreshTimer: ReturnType<typeof setTimeout> | undefined;
let inflight: Promise<AccessToken | undefined> | undefined;

function set(next: SessionState): void {
  state = next;
  if (next.status !== 'unknown') hint(next.status === 'signed-in');
  clearTimeout(refreshTimer);
  if (next.status === 'signed-in') {
    const delay = Math.max(next.accessToken.expiresAt - Date.now() - REFRESH_MARGIN_MS, 1000);
    refreshTimer = setTimeout(() => void refreshAccessToken(), delay);
  }
  for (const listener of listeners) listener();
}

export const session = {
  get: (): SessionState => state,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  /** After login or register: the token from the response body. */
  signedIn(token: string, expiresInSeconds: number): void {
    set({ status: 'signed-in', accessToken: { token, expiresAt: Date.now() + expiresInSeconds * 1000 } });
  },
  signedOut(): void {
    set({ status: 'anonymous' });
  },
};

/**
 * Exchanges the refresh cookie for an access token; anonymous when there is no (valid) cookie.
 * `sent`, when given, is called once the request has left (at once when there is none to send).
 */
export function refreshAccessToken(sent?: () => void): Promise<AccessToken | undefined> {
  if (state.status === 'unknown' && !started && !hinted()) {
    set({ status: 'anonymous' });
    sent?.();
    return Promise.resolve(undefined);
  }
  if (inflight) sent?.();
  inflight ??= (async () => {
    try {
      let answer: Promise<RefreshAnswer>;
      if (started) {
        answer = started; // left already, before the entry ran
        started = undefined;
        sent?.();
      } else answer = refreshWithLock(sent);
      const body = await answer;
      if (!body) {
        set({ status: 'anonymous' });
        return undefined;
      }
      const accessToken = { token: body.accessToken, expiresAt: Date.parse(body.accessTokenExpiresAt) };
      set({ status: 'signed-in', accessToken });
      return accessToken;
    } catch {
      // offline: keep what we had; the next request will try again
      if (state.status === 'unknown') set({ status: 'anonymous' });
      return undefined;
    }
  })().finally(() => {
    inflight = undefined;
  });
  return inflight;
}

/** The access token to send now, refreshed first when it is about to expire. */
export async function currentAccessToken(): Promise<string | undefined> {
  if (state.status === 'unknown') return (await (inflight ?? refreshAccessToken()))?.token;
  if (state.status !== 'signed-in') return undefined;
  if (state.accessToken.expiresAt - Date.now() < REFRESH_MARGIN_MS) return (await refreshAccessToken())?.token;
  return state.accessToken.token;
}

/** Revokes the refresh-token family and clears the cookie. */
export async function signOut(): Promise<void> {
  try {
    await fetch('/auth/logout', { method: 'POST', credentials: 'same-origin', headers: { ...REQUESTED_WITH } });
  } finally {
    set({ status: 'anonymous' });
  }
}
