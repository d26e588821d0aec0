import { logger, ThrottledLog } from '#libs/core';
import { AdmissionLimiter, type AdmissionOptions, AdmissionRefused, type ShedReason } from './admission.js';
import { SearchUnavailable } from './search-unavailable.js';

/** Defaults sized for the 2-core machine of the README's benchmarks (see Configuration). */
export const DEFAULT_ADMISSION: AdmissionOptions = { maxConcurrent: 6, maxQueue: 128, queueTimeoutMs: 2000 };

/**
 * The API's bound on search and matching work (`searchSuppliers`, `matchSuppliers`, `matchNeeds`
 * share it: each spends Meilisearch's or the Node thread's time on the same cores). A refused
 * request did no work — no rate-limit check, no SQL, no Meilisearch request — and answers
 * SEARCH_UNAVAILABLE with `reason: OVERLOADED` and `retryAfterSeconds` (HTTP 503 + Retry-After).
 * Shedding is logged once per 10 s with the counts since the last line, never once per request.
 */
export class SearchAdmission {
  private readonly limiter: AdmissionLimiter;
  private readonly log: ThrottledLog;
  private shed: Record<ShedReason, number> = { QUEUE_FULL: 0, PREDICTED_WAIT: 0, WAITED_TOO_LONG: 0 };

  constructor(options: AdmissionOptions = DEFAULT_ADMISSION, now: () => number = () => performance.now()) {
    this.limiter = new AdmissionLimiter(options, now);
    this.log = new ThrottledLog(10000, now);
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await this.limiter.run(work);
    } catch (error) {
      if (!(error instanceof AdmissionRefused)) throw error;
      this.noteShed(error.shed.reason);
      throw new SearchUnavailable('OVERLOADED', error.shed.retryAfterSeconds);
    }
  }

  private noteShed(reason: ShedReason): void {
    this.shed[reason] += 1;
    this.log.note((count, sinceMs) => {
      const { running, queued, serviceMs } = this.limiter.state();
      logger.emit(
        'warn',
        'search and matching requests shed (over capacity)',
        {
          shed: count,
          byReason: this.shed,
          sinceMs,
          running,
          queued,
          serviceMs: serviceMs === undefined ? null : Math.round(serviceMs),
          limits: this.limiter.options,
        },
        'SearchAdmission',
      );
      this.shed = { QUEUE_FULL: 0, PREDICTED_WAIT: 0, WAITED_TOO_LONG: 0 };
    });
  }
}
