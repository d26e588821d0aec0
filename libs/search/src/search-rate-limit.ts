/** Injection token of searchSuppliers' rate limit (a CallerRateLimit from #libs/accounts). */
export const SEARCH_RATE_LIMIT = Symbol('SEARCH_RATE_LIMIT');

/**
 * searchSuppliers' limit takes attempts from the shared counters in blocks of at most this many
 * (`RateLimit`'s lease): one PostgreSQL statement per ten searches of a caller on an instance rather
 * than per search, the limit still holding across instances.
 */
export const SEARCH_RATE_LIMIT_LEASE = 10;
