export { buildDataSourceOptions, MIGRATIONS, queryTimeoutMs, type DatabaseSettings } from './data-source-options.js';
export { DatabaseClient } from './database-client.js';
export { inTransaction, isUniqueViolation, UNIQUE_VIOLATION } from './transactions.js';
export { keysetPage, type KeysetPage } from './keyset-page.js';
export { isDatabaseUnavailable } from './connection-errors.js';
export { runPendingMigrations } from './migrate.js';
export { withSessionLock } from './session-lock.js';
export { TABLE_OWNERSHIP, tableOwners, type TableOwnership } from './table-ownership.js';
