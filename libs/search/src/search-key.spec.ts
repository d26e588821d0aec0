import { beforeAll, describe, expect, it } from '@jest/globals';
import { type Meilisearch, MeilisearchApiError, MeilisearchRequestError } from 'meilisearch';
import { logger } from '#libs/core';
import { SearchClientProvider } from './search-key.js';
import { SearchUnavailable } from './search-unavailable.js';

/**
 * Replica selection without servers: with no API key the provider searches with each replica's
 * admin client as given, so a client here is a tag, and the request decides per tag whether that
 * replica answers (Meilisearch itself failing is what the provider reacts to; the e2e spec
 * search-replicas proves the same with real servers).
 */
function replicas(...urls: string[]) {
  return urls.map((url) => ({ url, client: { url } as unknown as Meilisearch }));
}

function manualClock() {
  let t = 0;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

/** A request that records which replica it went to; replicas in `down` refuse the connection. */
function recorder(down: Set<string>) {
  const sent: string[] = [];
  const request = async (client: Meilisearch) => {
    const { url } = client as unknown as { url: string };
    sent.push(url);
    if (down.has(url)) throw new MeilisearchRequestError(url, new Error('connect ECONNREFUSED'));
    return url;
  };
  return { sent, request };
}

describe('SearchClientProvider across replicas', () => {
  beforeAll(() => logger.setLevel('error')); // the failures below are meant

  it('spreads searches round-robin across the replicas', async () => {
    const provider = new SearchClientProvider(replicas('a', 'b', 'c'), {}, 'hp_suppliers');
    const { sent, request } = recorder(new Set());
    for (let i = 0; i < 6; i += 1) await provider.run(request);
    expect(sent).toEqual(['a', 'b', 'c', 'a', 'b', 'c']);
  });

  it('retries a failed search once on another replica, rests the failed one, and probes it after the cool-down', async () => {
    const clock = manualClock();
    const provider = new SearchClientProvider(replicas('a', 'b'), {}, 'hp_suppliers', 5000, clock.now);
    const down = new Set(['a']);
    const { sent, request } = recorder(down);
    expect(await provider.run(request)).toBe('b'); // a failed, retried on b
    expect(sent).toEqual(['a', 'b']);
    sent.length = 0;
    for (let i = 0; i < 4; i += 1) expect(await provider.run(request)).toBe('b'); // a rests: nothing sent to it
    expect(sent).toEqual(['b', 'b', 'b', 'b']);
    sent.length = 0;
    clock.advance(5001);
    down.delete('a');
    await provider.run(request);
    await provider.run(request);
    expect(sent.sort()).toEqual(['a', 'b']); // probed after its rest, and back in turn
  });

  it('answers SEARCH_UNAVAILABLE when the retry fails too, and leaves errors of ours alone', async () => {
    const provider = new SearchClientProvider(replicas('a', 'b'), {}, 'hp_suppliers');
    const { sent, request } = recorder(new Set(['a', 'b']));
    await expect(provider.run(request)).rejects.toBeInstanceOf(SearchUnavailable);
    expect(sent).toHaveLength(2); // once each: one retry, no more
    const malformed = new MeilisearchApiError(new Response(null, { status: 400 }), {
      message: 'bad filter',
      code: 'invalid_search_filter',
      type: 'invalid_request',
      link: '',
    });
    let calls = 0;
    await expect(
      provider.run(async () => {
        calls += 1;
        throw malformed;
      }),
    ).rejects.toBe(malformed); // a bug of ours is not retried elsewhere
    expect(calls).toBe(1);
  });

  it('with one replica, tries it on every search, as before replicas', async () => {
    const provider = new SearchClientProvider(replicas('a'), {}, 'hp_suppliers');
    const down = new Set(['a']);
    const { sent, request } = recorder(down);
    await expect(provider.run(request)).rejects.toBeInstanceOf(SearchUnavailable);
    down.clear();
    expect(await provider.run(request)).toBe('a');
    expect(sent).toEqual(['a', 'a']);
  });
});
