export { LocalInfraError } from './errors.js';
export { LocalPostgres, type LocalPostgresOptions } from './postgres.js';
export {
  DEFAULT_INDEXING_MEMORY,
  LocalMeilisearch,
  MEILISEARCH_BINARY_SHA256,
  meilisearchBinary,
  type LocalMeilisearchOptions,
} from './meilisearch.js';
export { EMBEDDED_PLATFORM, startInfrastructure, type Infrastructure, type InfrastructureRequest } from './local-infrastructure.js';
export { findFreePort, isPortFree } from './process-utils.js';
