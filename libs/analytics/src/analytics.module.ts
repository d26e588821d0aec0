import { Module, type BeforeApplicationShutdown, type DynamicModule, type OnApplicationBootstrap } from '@nestjs/common';
import { AnalyticsController } from './analytics.controller.js';
import { AnalyticsRepository } from './analytics.repository.js';
import { AnalyticsResolver } from './analytics.resolver.js';
import { AnalyticsService } from './analytics.service.js';
import { SnapshotScheduler } from './snapshot-scheduler.js';
import { SupplySnapshotService } from './supply-snapshot.service.js';

class SnapshotLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(private readonly scheduler: SnapshotScheduler) {}
  onApplicationBootstrap(): void {
    this.scheduler.start();
  }
  beforeApplicationShutdown(): Promise<void> {
    return this.scheduler.stop();
  }
}

/** Analytics for the support centre (GraphQL + CSV); refreshes the supply snapshot in this process when `refreshMinutes` > 0. */
@Module({})
export class AnalyticsModule {
  static forRoot(options: { refreshMinutes: number }): DynamicModule {
    return {
      module: AnalyticsModule,
      controllers: [AnalyticsController],
      providers: [
        AnalyticsRepository,
        SupplySnapshotService,
        AnalyticsService,
        AnalyticsResolver,
        {
          provide: SnapshotScheduler,
          useFactory: (snapshots: SupplySnapshotService) => new SnapshotScheduler(snapshots, options.refreshMinutes),
          inject: [SupplySnapshotService],
        },
        {
          provide: SnapshotLifecycle,
          useFactory: (scheduler: SnapshotScheduler) => new SnapshotLifecycle(scheduler),
          inject: [SnapshotScheduler],
        },
      ],
      exports: [SupplySnapshotService, AnalyticsService],
    };
  }
}
