export { AnalyticsModule } from './analytics.module.js';
export { AnalyticsRepository } from './analytics.repository.js';
export { AnalyticsService } from './analytics.service.js';
export { CSV_NAMES } from './analytics-csv.js';
export { SupplySnapshotService, type SnapshotReport } from './supply-snapshot.service.js';
export { SnapshotScheduler } from './snapshot-scheduler.js';
export { computeNeedSupply, type NeedSupply } from './supply-qualification.js';
export * from './analytics.models.js';
