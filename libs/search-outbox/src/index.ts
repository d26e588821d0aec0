/**
 * Owner of the `search_outbox` table. A lib of its own below `companies` and `search`: the libs that
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
  rescheduleEntries,
  scheduleSupplierReindexes,
  type OutboxEntry,
  type Queryable,
} from './search-outbox.js';
