import { Module } from '@nestjs/common';
import { DeliveryRepository } from './delivery.repository.js';
import { TrackRecordsResolver } from './track-records.resolver.js';
import { TrackRecordsService } from './track-records.service.js';

/** Deliveries against awards, suppliers' scorecards and the consents to publish them. */
@Module({
  providers: [DeliveryRepository, TrackRecordsService, TrackRecordsResolver],
  exports: [TrackRecordsService],
})
export class TrackRecordsModule {}
