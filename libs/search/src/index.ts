export { createMeiliClient, Meilisearch, type MeiliSettings } from './meili-client.js';
export { SearchModule } from './search.module.js';
