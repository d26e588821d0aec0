export { LocalInfraError } from './errors.js';
export { LocalPostgres, type LocalPostgresOptions } from './postgres.js';
export { LocalMeilisearch, meilisearchBinary, type LocalMeilisearchOptions } from './meilisearch.js';
export { startInfrastructure, type Infrastructure, type InfrastructureRequest } from './local-infrastructure.js';
export { findFreePort, isPortFree } from './process-utils.js';
