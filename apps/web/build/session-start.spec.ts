import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from '@jest/globals';
import { sessionStartScript } from './session-start.js';

const SOURCE = join(import.meta.dirname, '../src/lib/session-start.ts');

/** A page's globals as far as the script uses them: storage with or without the session hint, and fetch recorded. */
function page(hint: boolean) {
  const sent: { url: string; method?: string; headers?: unknown }[] = [];
  const scope: Record<string, unknown> = {
    localStorage: { getItem: (key: string) => (hint && key === 'hp-session' ? '1' : null) },
    fetch: (url: string, init: { method?: string; headers?: unknown }) => {
      sent.push({ url, method: init.method, headers: init.headers });
      return Promise.resolve({ ok: true, json: () => Promise.resolve({ accessToken: 't', accessTokenExpiresAt: '2030-01-01T00:00:00Z' }) });
    },
    AbortSignal,
    Promise,
  };
  scope.globalThis = scope;
  return { scope, sent };
}

describe('session-start (the classic script index.html runs before the entry)', () => {
  it('is a classic script: no import or export left', async () => {
    const script = await sessionStartScript(SOURCE);
    expect(script).not.toMatch(/\bimport\b|\bexport\b/);
  });

  it('sends one refresh when the hint says signed in, and leaves it for the app; run again, or after the app took it, it sends nothing', async () => {
    const script = await sessionStartScript(SOURCE);
    const { scope, sent } = page(true);
    runInNewContext(script, scope);
    expect(sent).toEqual([{ url: '/auth/refresh', method: 'POST', headers: { 'X-Requested-With': 'hp-web' } }]);
    await expect(scope.__hpSessionStart).resolves.toEqual({ accessToken: 't', accessTokenExpiresAt: '2030-01-01T00:00:00Z' });
    runInNewContext(script, scope);
    scope.__hpSessionStart = null; // what session.ts leaves once it has taken the request (or started first)
    runInNewContext(script, scope);
    expect(sent).toHaveLength(1);
  });

  it('sends nothing for a visitor who never signed in', async () => {
    const { scope, sent } = page(false);
    runInNewContext(await sessionStartScript(SOURCE), scope);
    expect(sent).toEqual([]);
    expect(scope.__hpSessionStart).toBeUndefined();
  });
});
