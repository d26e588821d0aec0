export { createMeiliClient, Meilisearch, type MeiliSettings } from './meili-client.js';
export { SearchModule, type SearchModuleOptions } from './search.module.js';
export { SupplierIndex, supplierIndexUid, SearchTaskFailed } from './supplier-index.js';
export { supplierIndexSettings, taxonomySynonyms, SEARCHABLE_ATTRIBUTES, FACET_ATTRIBUTES } from './index-settings.js';
export {
  buildSupplierDocument,
  checksumOf,
  dayNumber,
  nextValidityChange,
  type SupplierDocument,
  type PublicProfile,
} from './supplier-document.js';
export {
  SearchOutboxWorker,
  DEFAULT_OUTBOX_OPTIONS,
  backoffMs,
  vietnamMidnight,
  type DrainResult,
  type OutboxWorkerOptions,
} from './outbox-worker.js';
export { SupplierSearchService, SearchUnavailable, fromProfile } from './supplier-search.service.js';
export { buildSupplierSearch, queryLocales, quote } from './supplier-filters.js';
export { SearchSuppliersInput, SupplierSort } from './search.inputs.js';
export { SearchClientProvider, searchKeyUid } from './search-key.js';
export { placeKey } from './place-key.js';
export { IndexMaintenance, type DriftReport, type Progress } from './index-maintenance.js';
