/**
 * Owner of the `search_outbox` and `search_replicas` tables. A lib of its own below `companies` and `search`: the libs that
 * change suppliers (companies, registry) enqueue here, and search (which reads companies) drains it.
 */
export {
  claimReadyEntries,
  enqueueSupplierChanges,
  markEntriesProcessed,
  pendingBacklog,
  pendingSupplierIds,
  purgeProcessedEntries,
  requeueProcessedSince,
  registerSearchReplicas,
  retireSearchReplica,
  restoreSearchReplica,
  RetiredReplicaError,
  unconfiguredSearchReplicas,
  rescheduleEntries,
  scheduleSupplierReindexes,
  type OutboxEntry,
  type SearchReplicaRow,
  type Queryable,
} from './search-outbox.js';
