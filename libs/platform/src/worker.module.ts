import { Module, type DynamicModule } from '@nestjs/common';
import { AnalyticsModule } from '#libs/analytics';
import { CompaniesModule } from '#libs/companies';
import { ConfigModule, meiliReplicaUrls } from '#libs/config';
import { TaxonomyModule } from '#libs/taxonomy';
import { databaseModule } from './database.module.js';
import type { Runtime } from './runtime.js';
import { searchModule } from './search.js';

/**
 * What the worker and the commands run on: the same Nest modules as the API (configuration,
 * PostgreSQL, taxonomy, companies, search, analytics) without the GraphQL/HTTP layer, built with
 * `NestFactory.createApplicationContext`. With `background` (the worker) the modules' lifecycles
 * run the outbox worker and the analytics snapshot scheduler, and stop them on close; commands
 * leave both off and drive the services themselves.
 */
@Module({})
export class WorkerModule {
  static forRoot(runtime: Runtime, applicationName: string, background = false): DynamicModule {
    const { config } = runtime;
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        databaseModule(runtime, {
          applicationName,
          poolSize: config.OUTBOX_CONCURRENCY * meiliReplicaUrls(runtime.meiliUrl).length + 2,
          statementTimeoutMs: 600000,
        }),
        TaxonomyModule,
        CompaniesModule,
        searchModule(runtime, { runWorker: background, timeoutMs: 30000 }),
        AnalyticsModule.forRoot({ refreshMinutes: background ? config.ANALYTICS_REFRESH_MINUTES : 0 }),
      ],
    };
  }
}
