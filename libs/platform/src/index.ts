/**
 * The composition layer shared by the apps (API, worker, commands, bench): every entity, where
 * PostgreSQL and Meilisearch are, the database module and the worker's module. The top layer:
 * it may import any lib; no lib imports it.
 */
export { ENTITIES } from './entities.js';
export { localSecret, prepareRuntime, startConfiguredInfrastructure, type Runtime } from './runtime.js';
export { databaseModule, type DatabaseUse } from './database.module.js';
export { searchModule } from './search.js';
export { WorkerModule } from './worker.module.js';
export { progressPrinter, runCommand } from './commands.js';
