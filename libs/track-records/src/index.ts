export { TrackRecordsModule } from './track-records.module.js';
export { TrackRecordsService } from './track-records.service.js';
export * from './track-records.models.js';
export { type Audience, type BuyerFigures, type DeliveryBucket, type Figures, figuresOf, scorecardOf } from './scorecard.js';
export type { DeliveryValues } from './delivery.repository.js';
