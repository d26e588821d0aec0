export { buildDataSourceOptions, MIGRATIONS, type DatabaseSettings } from './data-source-options.js';
export { inTransaction, isUniqueViolation, UNIQUE_VIOLATION } from './transactions.js';
export { keysetPage, type KeysetPage } from './keyset-page.js';
