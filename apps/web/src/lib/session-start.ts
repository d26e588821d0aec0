/**
 * The session refresh of a new tab or a reload, started by a small classic script that index.html
 * runs as soon as it arrives (`<script async src="/assets/session-start-<hash>.js">`, written by
 * apps/web/build/session-start.ts from this file), not by the app's entry: with 4× CPU throttling the
 * entry is parsed and run only ≈ 0.6 s after navigation, and the page's queries wait for this token.
 * A classic script, not a module of the app: a module would wait for the modules it shares with the
 * entry (a first try, an `async` module entry importing session.ts, sent the refresh no sooner).
 *
 * So this file stands alone: no imports, only declarations and `export`s, which the build strips.
 * session.ts imports the same functions and names, so that the script and the app agree on them.
 * The script leaves its request's promise on `window`; session.ts takes it (once) instead of sending
 * its own: one refresh, never two, whichever of the two runs first.
 */

/**
 * Whether this browser signed in and has not signed out since: a hint, not a secret (the cookie
 * itself cannot be read). Without it a visitor is anonymous at once, with no request to /auth.
 */
export const SESSION_HINT = 'hp-session';
/** The header the API requires on the cookie endpoints: a cross-site form cannot set it. */
export const REQUESTED_WITH = { 'X-Requested-With': 'hp-web' } as const;
/** Tabs take turns refreshing: each refresh rotates the cookie, and a token spent twice revokes the whole family. */
const REFRESH_LOCK = 'hp-session-refresh';
/** A refresh that has not answered by then counts as failed, so no page waits on it for ever. */
const REFRESH_TIMEOUT_MS = 10_000;
/** Where the script leaves its request for the app: a promise, or null once the app has taken it (or started first). */
const STARTED = '__hpSessionStart';

/** The refresh's answer: the new access token, or undefined when there is no (valid) refresh cookie. A network failure rejects. */
export type RefreshAnswer = { accessToken: string; accessTokenExpiresAt: string } | undefined;

export function hinted(): boolean {
  try {
    return globalThis.localStorage?.getItem(SESSION_HINT) !== null;
  } catch {
    return true; // storage refused (private mode): every start asks /auth/refresh
  }
}

/**
 * `POST /auth/refresh` under the tabs' lock, held until the answer (and its rotated cookie) is in.
 * `sent`, when given, is called once the request has left.
 */
export function refreshWithLock(sent?: () => void): Promise<RefreshAnswer> {
  const work = async (): Promise<RefreshAnswer> => {
    const request = fetch('/auth/refresh', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { ...REQUESTED_WITH },
      signal: AbortSignal.timeout(REFRESH_TIMEOUT_MS),
    });
    sent?.();
    const response = await request;
    return response.ok ? ((await response.json()) as RefreshAnswer) : undefined;
  };
  const locks = globalThis.navigator?.locks;
  return locks ? locks.request(REFRESH_LOCK, work) : work();
}

type Scope = Record<typeof STARTED, Promise<RefreshAnswer> | null | undefined>;

/** The script's work: the refresh, when the hint says signed in and the app has not started one already. */
export function startSession(): void {
  const scope = globalThis as unknown as Scope;
  if (scope[STARTED] !== undefined || !hinted()) return;
  const started = refreshWithLock();
  started.catch(() => undefined); // the app reports a failure when it takes the promise
  scope[STARTED] = started;
}

/** For session.ts, once: the refresh the script started, if it did; a script that runs later sends nothing. */
export function takeStartedSession(): Promise<RefreshAnswer> | undefined {
  const scope = globalThis as unknown as Scope;
  const started = scope[STARTED] ?? undefined;
  scope[STARTED] = null;
  return started;
}
