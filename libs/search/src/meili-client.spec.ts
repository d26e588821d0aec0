import { defaultMaxListeners, getEventListeners, getMaxListeners } from 'node:events';
import { createServer as createHttpServer, type IncomingHttpHeaders, type Server as HttpServer } from 'node:http';
import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from '@jest/globals';
import { MeilisearchApiError, MeilisearchRequestTimeOutError } from 'meilisearch';
import { findFreePort } from '#libs/local-infra';
import { createMeiliClient, meiliApiError } from './meili-client.js';
import { asSearchFailure, SearchUnavailable } from './search-unavailable.js';

/**
 * The Meilisearch client's transport against servers that fail as a real one can (no answer, no
 * listener, a reset, an error status): each failure must reach callers as SearchUnavailable, and
 * Meilisearch's own 4xx answers as MeilisearchApiError with their status (search-key.ts re-creates
 * its key on 401/403). The e2e suites search-overload and search (key re-creation) do the same
 * through the whole API.
 */
describe('createMeiliClient: failures of the transport', () => {
  const servers: (Server | HttpServer)[] = [];
  const sockets = new Set<Socket>();
  afterEach(async () => {
    for (const socket of sockets) socket.destroy();
    await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
  });

  /** A server that accepts connections and reads requests but never answers. */
  async function silentServer(): Promise<string> {
    const server = createServer((socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    servers.push(server);
    return listen(server);
  }

  /** An HTTP server answering every request with `status` and `body`; records what it received. */
  async function answering(status: number, body: string) {
    const received: { method?: string; url?: string; headers: IncomingHttpHeaders; body: string }[] = [];
    const server = createHttpServer((req, res) => {
      let text = '';
      req.on('data', (chunk: Buffer) => (text += chunk.toString()));
      req.on('end', () => {
        received.push({ method: req.method, url: req.url, headers: req.headers, body: text });
        res.writeHead(status, { 'content-type': 'application/json' }).end(body);
      });
    });
    servers.push(server);
    return { url: await listen(server), received };
  }

  async function listen(server: Server | HttpServer): Promise<string> {
    const port = await findFreePort();
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    return `http://127.0.0.1:${port}`;
  }

  const searchError = (url: string, timeoutMs = 5000) =>
    createMeiliClient({ url, apiKey: 'key', timeoutMs })
      .index('suppliers')
      .search('cnc')
      .then(
        () => undefined,
        (error: unknown) => error,
      );

  it('sends the search with its key and asks for an uncompressed answer, and returns the parsed answer', async () => {
    const meili = await answering(200, JSON.stringify({ hits: [{ id: 's1' }], query: 'cnc' }));
    const answer = await createMeiliClient({ url: meili.url, apiKey: 'key' }).index('suppliers').search('cnc', { limit: 3 });
    expect(answer).toEqual({ hits: [{ id: 's1' }], query: 'cnc' });
    expect(meili.received).toHaveLength(1);
    const [request] = meili.received;
    expect(request).toMatchObject({ method: 'POST', url: '/indexes/suppliers/search' });
    expect(request.headers).toMatchObject({
      'accept-encoding': 'identity', // compressed answers cost ~40 ms each to decode (README)
      authorization: 'Bearer key',
      'content-type': 'application/json',
    });
    expect(JSON.parse(request.body)).toEqual({ q: 'cnc', limit: 3 });
  });

  it('gives up after the client time-out when Meilisearch never answers: SearchUnavailable', async () => {
    const started = Date.now();
    const error = await searchError(await silentServer(), 300);
    expect(Date.now() - started).toBeLessThan(3000);
    expect((error as Error).cause).toBeInstanceOf(MeilisearchRequestTimeOutError);
    expect(asSearchFailure(error)).toBeInstanceOf(SearchUnavailable);
  });

  it('maps a refused connection to SearchUnavailable at once', async () => {
    const started = Date.now();
    const error = await searchError(`http://127.0.0.1:${await findFreePort()}`);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(((error as Error).cause as NodeJS.ErrnoException).code).toBe('ECONNREFUSED');
    expect(asSearchFailure(error)).toBeInstanceOf(SearchUnavailable);
  });

  it('maps a connection closed before any answer to SearchUnavailable', async () => {
    const server = createServer((socket) => socket.once('data', () => socket.destroy()));
    servers.push(server);
    expect(asSearchFailure(await searchError(await listen(server)))).toBeInstanceOf(SearchUnavailable);
  });

  it("maps Meilisearch's 5xx answers to SearchUnavailable, with or without its JSON error", async () => {
    for (const [status, body] of [
      [503, JSON.stringify({ message: 'busy', code: 'internal', type: 'internal', link: '' })],
      [502, '<html>Bad Gateway</html>'],
    ] as const) {
      const meili = await answering(status, body);
      const error = await searchError(meili.url);
      expect(meiliApiError(error)?.response.status).toBe(status);
      expect(asSearchFailure(error)).toBeInstanceOf(SearchUnavailable);
    }
  });

  it('keeps a 4xx answer a MeilisearchApiError with its status and Meilisearch error, not SearchUnavailable', async () => {
    const meili = await answering(
      403,
      JSON.stringify({ message: 'The provided API key is invalid.', code: 'invalid_api_key', type: 'auth', link: '' }),
    );
    const failure = asSearchFailure(await searchError(meili.url));
    expect(failure).toBeInstanceOf(MeilisearchApiError);
    expect((failure as MeilisearchApiError).response.status).toBe(403);
    expect((failure as MeilisearchApiError).cause?.code).toBe('invalid_api_key');
    expect((failure as MeilisearchApiError).message).toBe('The provided API key is invalid.');
  });

  it('polls a task many times on one signal without reaching its listener limit (no Node warning, as with fetch)', async () => {
    const meili = await answering(200, JSON.stringify({ uid: 1, status: 'processing' }));
    const client = createMeiliClient({ url: meili.url, apiKey: 'key' });
    const wait = new AbortController();
    for (let i = 0; i < 15; i += 1) await client.tasks.getTask(1, { signal: wait.signal });
    // meilisearch-js leaves one listener per poll on the wait's signal until the wait ends
    expect(getEventListeners(wait.signal, 'abort').length).toBeGreaterThan(defaultMaxListeners);
    // no MaxListenersExceededWarning: the limit is above their count, or none (0: Node 24's own for an AbortSignal)
    const limit = getMaxListeners(wait.signal);
    expect(limit === 0 || limit >= getEventListeners(wait.signal, 'abort').length).toBe(true);
  });
});
