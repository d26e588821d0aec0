import { Global, Module, type DynamicModule } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CallerRateLimit, type CallerLimits, PostgresRateLimitCounters } from '#libs/accounts';
import { CompaniesModule, CONTACT_DISCLOSURE, type ContactDisclosure, SupplierRepository } from '#libs/companies';
import { Taxonomy } from '#libs/taxonomy';
import { IndexHealthResolver, IndexHealthService } from './index-health.js';
import { IndexMaintenance } from './index-maintenance.js';
import { createMeiliClient, Meilisearch, type MeiliSettings } from './meili-client.js';
import { DEFAULT_OUTBOX_OPTIONS, SearchOutboxWorker } from './outbox-worker.js';
import { SearchClientProvider } from './search-key.js';
import { SEARCH_RATE_LIMIT } from './search-rate-limit.js';
import { SearchLifecycle } from './search-lifecycle.js';
import { SearchResolver } from './search.resolver.js';
import { SupplierIndex, supplierIndexUid } from './supplier-index.js';
import { SupplierSearchService } from './supplier-search.service.js';

export interface SearchModuleOptions extends MeiliSettings {
  indexPrefix: string;
  /** Run the outbox worker inside this process (local use); production runs apps/worker. */
  runWorker: boolean;
  /** PostgreSQL URL for the worker's LISTEN connection. */
  listenUrl?: string;
  batchSize?: number;
  pollIntervalMs?: number;
  maxBackoffMs?: number;
  concurrency?: number;
  /** searchSuppliers calls per signed-in user / per anonymous client address and window. */
  rateLimit: CallerLimits;
}

@Global()
@Module({})
export class SearchModule {
  static forRoot(options: SearchModuleOptions): DynamicModule {
    const uid = supplierIndexUid(options.indexPrefix);
    return {
      module: SearchModule,
      imports: [CompaniesModule],
      providers: [
        { provide: Meilisearch, useFactory: () => createMeiliClient(options) },
        { provide: SupplierIndex, useFactory: (client: Meilisearch) => new SupplierIndex(client, uid), inject: [Meilisearch] },
        {
          provide: SearchClientProvider,
          useFactory: (admin: Meilisearch) => new SearchClientProvider(admin, options, uid),
          inject: [Meilisearch],
        },
        {
          provide: SupplierSearchService,
          useFactory: (clients: SearchClientProvider, taxonomy: Taxonomy, suppliers: SupplierRepository, disclosure?: ContactDisclosure) =>
            new SupplierSearchService(clients, uid, taxonomy, suppliers, disclosure),
          inject: [SearchClientProvider, Taxonomy, SupplierRepository, { token: CONTACT_DISCLOSURE, optional: true }],
        },
        {
          provide: SearchOutboxWorker,
          useFactory: (dataSource: DataSource, taxonomy: Taxonomy, index: SupplierIndex) =>
            new SearchOutboxWorker(dataSource, taxonomy, index, {
              ...DEFAULT_OUTBOX_OPTIONS,
              batchSize: options.batchSize ?? DEFAULT_OUTBOX_OPTIONS.batchSize,
              pollIntervalMs: options.pollIntervalMs ?? DEFAULT_OUTBOX_OPTIONS.pollIntervalMs,
              maxBackoffMs: options.maxBackoffMs ?? DEFAULT_OUTBOX_OPTIONS.maxBackoffMs,
              concurrency: options.concurrency ?? DEFAULT_OUTBOX_OPTIONS.concurrency,
              listenUrl: options.listenUrl,
            }),
          inject: [DataSource, Taxonomy, SupplierIndex],
        },
        {
          provide: SearchLifecycle,
          useFactory: (index: SupplierIndex, taxonomy: Taxonomy, worker: SearchOutboxWorker) =>
            new SearchLifecycle(index, taxonomy, worker, options.runWorker),
          inject: [SupplierIndex, Taxonomy, SearchOutboxWorker],
        },
        {
          provide: SEARCH_RATE_LIMIT,
          useFactory: (dataSource: DataSource) =>
            new CallerRateLimit(new PostgresRateLimitCounters(dataSource), 'search', options.rateLimit),
          inject: [DataSource],
        },
        {
          provide: IndexMaintenance,
          useFactory: (dataSource: DataSource, taxonomy: Taxonomy, index: SupplierIndex) =>
            new IndexMaintenance(dataSource, taxonomy, index),
          inject: [DataSource, Taxonomy, SupplierIndex],
        },
        IndexHealthService,
        SearchResolver,
        IndexHealthResolver,
      ],
      exports: [Meilisearch, SupplierIndex, SupplierSearchService, SearchOutboxWorker, SearchClientProvider, IndexMaintenance],
    };
  }
}
