import { Meilisearch, MeilisearchApiError, MeilisearchRequestError } from 'meilisearch';
import { undiciTransport } from './meili-transport.js';

export interface MeiliSettings {
  url: string;
  apiKey?: string;
  timeoutMs?: number;
}

/**
 * A Meilisearch client that sends its requests through undici's `request()` (see undiciTransport)
 * and asks for uncompressed responses: decompressing brotli cost ~6× in latency on this hardware
 * (see README, benchmarks).
 */
export function createMeiliClient(settings: MeiliSettings): Meilisearch {
  return new Meilisearch({
    host: settings.url,
    apiKey: settings.apiKey,
    timeout: settings.timeoutMs ?? 5000,
    requestInit: { headers: { 'Accept-Encoding': 'identity' } },
    httpClient: undiciTransport(new URL(settings.url).origin),
  });
}

/**
 * Meilisearch's answer to a request when it was an error status (4xx/5xx), else undefined. With a
 * custom transport meilisearch-js wraps every error the transport throws, the API errors too, in a
 * MeilisearchRequestError: the status is then on its cause.
 */
export function meiliApiError(error: unknown): MeilisearchApiError | undefined {
  if (error instanceof MeilisearchApiError) return error;
  if (error instanceof MeilisearchRequestError && error.cause instanceof MeilisearchApiError) return error.cause;
  return undefined;
}

export { Meilisearch };
