/** Injection token of searchSuppliers' rate limit (a CallerRateLimit from #libs/accounts). */
export const SEARCH_RATE_LIMIT = Symbol('SEARCH_RATE_LIMIT');
