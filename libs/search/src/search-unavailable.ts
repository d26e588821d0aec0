import { MeilisearchError } from 'meilisearch';
import { DomainError, ErrorCode } from '#libs/core';
import { meiliApiError } from './meili-client.js';

/**
 * Why search answered SEARCH_UNAVAILABLE: Meilisearch did not answer in time, refused the connection
 * or failed (UNREACHABLE), or the API refused the request before doing any work because it already
 * had more than it can finish in time (OVERLOADED, see SearchAdmission).
 */
export type SearchUnavailableReason = 'UNREACHABLE' | 'OVERLOADED';

/** Seconds a client is asked to wait when Meilisearch itself failed. */
export const UNREACHABLE_RETRY_AFTER_SECONDS = 5;

/** Meilisearch is down, too slow, or the API is over capacity: a clear error (HTTP 503 + Retry-After), never a hang or a 500. */
export class SearchUnavailable extends DomainError {
  constructor(reason: SearchUnavailableReason = 'UNREACHABLE', retryAfterSeconds = UNREACHABLE_RETRY_AFTER_SECONDS) {
    super(
      ErrorCode.SEARCH_UNAVAILABLE,
      reason === 'OVERLOADED'
        ? `Search and matching are busy; try again in ${retryAfterSeconds} s.`
        : 'Supplier search is temporarily unavailable; profiles can still be read and edited. Try again shortly.',
      { reason, retryAfterSeconds },
    );
  }
}

/**
 * A failure of a Meilisearch request as callers should see it: time-outs, refused or reset
 * connections and Meilisearch's own 5xx answers become SearchUnavailable; a 4xx answer is a bug of
 * ours (a malformed request) and stays a MeilisearchApiError (unwrapped, see meiliApiError), to
 * surface as an internal error.
 */
export function asSearchFailure(error: unknown): unknown {
  const answered = meiliApiError(error);
  if (answered) return answered.response?.status >= 500 ? new SearchUnavailable() : answered;
  if (error instanceof MeilisearchError) return new SearchUnavailable(); // request errors and time-outs
  return error;
}
