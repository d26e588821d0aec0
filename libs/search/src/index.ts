export { createMeiliClient, Meilisearch, type MeiliSettings } from './meili-client.js';
export { SearchModule, type SearchModuleOptions } from './search.module.js';
export { SupplierIndex, supplierIndexUid, SearchTaskFailed } from './supplier-index.js';
export {
  supplierIndexSettings,
  taxonomySynonyms,
  SEARCHABLE_ATTRIBUTES,
  FACET_ATTRIBUTES,
  CANDIDATE_PROFILE_PATHS,
} from './index-settings.js';
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
export { SupplierSearchService, fromProfile } from './supplier-search.service.js';
export { SearchUnavailable, type SearchUnavailableReason, asSearchFailure } from './search-unavailable.js';
export { AdmissionLimiter, type AdmissionOptions, AdmissionRefused, type Shed, type ShedReason } from './admission.js';
export { SearchAdmission, DEFAULT_ADMISSION } from './search-admission.js';
export { buildSupplierSearch, queryLocales, quote } from './supplier-filters.js';
export { SearchSuppliersInput, SupplierSort } from './search.inputs.js';
export { REPLICA_COOL_DOWN_MS, SearchClientProvider, searchKeyUid } from './search-key.js';
export { SearchReplicas, type SearchReplica } from './search-replicas.js';
export { placeKey } from './place-key.js';
export { IndexMaintenance, type DriftReport, type Progress, type ReplicaCheck } from './index-maintenance.js';
export { SEARCH_RATE_LIMIT_LEASE } from './search-rate-limit.js';
