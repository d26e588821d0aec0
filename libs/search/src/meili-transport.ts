import { defaultMaxListeners, getMaxListeners, setMaxListeners } from 'node:events';
import { STATUS_CODES } from 'node:http';
import { type Config, MeilisearchApiError, type MeilisearchErrorResponse } from 'meilisearch';
import { Pool } from 'undici';

export type MeiliHttpClient = NonNullable<Config['httpClient']>;

const plainHeaders = new WeakMap<Headers, Record<string, string>>();

/** The client's headers as a plain object; meilisearch-js passes the same Headers object on most requests. */
function headersOf(init: RequestInit): Record<string, string> {
  const headers = init.headers as Headers;
  let plain = plainHeaders.get(headers);
  if (!plain) {
    plain = Object.fromEntries(headers.entries());
    plainHeaders.set(headers, plain);
  }
  return plain;
}

/**
 * meilisearch-js' requests sent with undici's `request()` on a keep-alive pool instead of the global
 * `fetch`: the same HTTP client underneath, without the WHATWG Request/Response/stream layers, which
 * cost the API about 0.4 ms of CPU per search (README, benchmarks). As `httpClient` requires, this
 * answers the parsed JSON and throws Meilisearch's error answers as MeilisearchApiError itself;
 * meilisearch-js wraps whatever it throws in a MeilisearchRequestError (see `meiliApiError`), and
 * aborts it through `init.signal` when the client's time-out passes: the signal's reason is what
 * meilisearch-js recognises as its time-out.
 */
export function undiciTransport(origin: string): MeiliHttpClient {
  const pool = new Pool(origin);
  return async (input, init = {}) => {
    const url = input as URL;
    const signal = init.signal ?? undefined;
    // meilisearch-js passes waitTask's one signal to each of its polls and adds a listener to it per
    // poll that it removes only on an abort (many per task, freed with the task's wait). Node's fetch
    // raises the limit on every signal it is given to 1 500, as here: over 10 printed Node 20's
    // MaxListenersExceededWarning, unstructured, on the worker's output (Node 24 sets no limit on an
    // AbortSignal, 0, left as it is).
    if (signal && getMaxListeners(signal) === defaultMaxListeners) setMaxListeners(1500, signal);
    let status: number;
    let text: string;
    try {
      const response = await pool.request({
        path: url.pathname + url.search,
        method: init.method ?? 'GET',
        headers: headersOf(init),
        body: init.body as string | undefined,
        signal,
      });
      status = response.statusCode;
      text = await response.body.text();
    } catch (error) {
      throw signal?.aborted ? signal.reason : error;
    }
    if (status >= 200 && status < 300) return text === '' ? undefined : (JSON.parse(text) as unknown);
    throw new MeilisearchApiError(new Response(null, { status, statusText: STATUS_CODES[status] }), errorBody(text));
  };
}

/** Meilisearch's error object, or undefined when something else answered (a proxy's HTML page). */
function errorBody(text: string): MeilisearchErrorResponse | undefined {
  try {
    return JSON.parse(text) as MeilisearchErrorResponse;
  } catch {
    return undefined;
  }
}
