import { Global, Module, type DynamicModule } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CallerRateLimit, type CallerLimits, PostgresRateLimitCounters } from '#libs/accounts';
import { CompaniesModule, CONTACT_DISCLOSURE, type ContactDisclosure, SupplierRepository } from '#libs/companies';
import { Taxonomy } from '#libs/taxonomy';
import { IndexHealthResolver, IndexHealthService } from './index-health.js';
import { IndexMaintenance } from './index-maintenance.js';
import { Meilisearch, type MeiliSettings } from './meili-client.js';
import { DEFAULT_OUTBOX_OPTIONS, SearchOutboxWorker } from './outbox-worker.js';
import { SearchClientProvider } from './search-key.js';
import { SearchReplicas } from './search-replicas.js';
import type { AdmissionOptions } from './admission.js';
import { DEFAULT_ADMISSION, SearchAdmission } from './search-admission.js';
import { SEARCH_RATE_LIMIT, SEARCH_RATE_LIMIT_LEASE } from './search-rate-limit.js';
import { SearchLifecycle } from './search-lifecycle.js';
import { SearchResolver } from './search.resolver.js';
import { SupplierIndex, supplierIndexUid } from './supplier-index.js';
import { SupplierSearchService } from './supplier-search.service.js';

export interface SearchModuleOptions extends Omit<MeiliSettings, 'url'> {
  /** One normalised URL per search replica (`meiliReplicaUrls(MEILI_URL)`), all with the same master key. */
  urls: string[];
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
  /** The bound on search and matching work in flight (defaults: DEFAULT_ADMISSION). */
  admission?: AdmissionOptions;
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
        {
          provide: SearchReplicas,
          useFactory: (dataSource: DataSource) => new SearchReplicas(dataSource, options, uid),
          inject: [DataSource],
        },
        // the first replica's admin client and index (what one Meilisearch always had)
        { provide: Meilisearch, useFactory: (replicas: SearchReplicas) => replicas.admins[0].client, inject: [SearchReplicas] },
        { provide: SupplierIndex, useFactory: (replicas: SearchReplicas) => replicas.first, inject: [SearchReplicas] },
        {
          provide: SearchClientProvider,
          useFactory: (replicas: SearchReplicas) => new SearchClientProvider(replicas.admins, options, uid),
          inject: [SearchReplicas],
        },
        {
          provide: SupplierSearchService,
          useFactory: (clients: SearchClientProvider, taxonomy: Taxonomy, suppliers: SupplierRepository, disclosure?: ContactDisclosure) =>
            new SupplierSearchService(clients, uid, taxonomy, suppliers, disclosure),
          inject: [SearchClientProvider, Taxonomy, SupplierRepository, { token: CONTACT_DISCLOSURE, optional: true }],
        },
        {
          provide: SearchOutboxWorker,
          useFactory: (dataSource: DataSource, taxonomy: Taxonomy, replicas: SearchReplicas) =>
            new SearchOutboxWorker(dataSource, taxonomy, replicas, {
              ...DEFAULT_OUTBOX_OPTIONS,
              batchSize: options.batchSize ?? DEFAULT_OUTBOX_OPTIONS.batchSize,
              pollIntervalMs: options.pollIntervalMs ?? DEFAULT_OUTBOX_OPTIONS.pollIntervalMs,
              maxBackoffMs: options.maxBackoffMs ?? DEFAULT_OUTBOX_OPTIONS.maxBackoffMs,
              concurrency: options.concurrency ?? DEFAULT_OUTBOX_OPTIONS.concurrency,
              listenUrl: options.listenUrl,
            }),
          inject: [DataSource, Taxonomy, SearchReplicas],
        },
        {
          provide: SearchLifecycle,
          useFactory: (replicas: SearchReplicas, taxonomy: Taxonomy, worker: SearchOutboxWorker) =>
            new SearchLifecycle(replicas, taxonomy, worker, options.runWorker),
          inject: [SearchReplicas, Taxonomy, SearchOutboxWorker],
        },
        {
          provide: SEARCH_RATE_LIMIT,
          useFactory: (dataSource: DataSource) =>
            new CallerRateLimit(new PostgresRateLimitCounters(dataSource), 'search', options.rateLimit, { lease: SEARCH_RATE_LIMIT_LEASE }),
          inject: [DataSource],
        },
        {
          provide: IndexMaintenance,
          useFactory: (dataSource: DataSource, taxonomy: Taxonomy, replicas: SearchReplicas) =>
            new IndexMaintenance(dataSource, taxonomy, replicas),
          inject: [DataSource, Taxonomy, SearchReplicas],
        },
        { provide: SearchAdmission, useFactory: () => new SearchAdmission(options.admission ?? DEFAULT_ADMISSION) },
        IndexHealthService,
        SearchResolver,
        IndexHealthResolver,
      ],
      exports: [
        SearchReplicas,
        Meilisearch,
        SupplierIndex,
        SupplierSearchService,
        SearchOutboxWorker,
        SearchClientProvider,
        IndexMaintenance,
        SearchAdmission,
      ],
    };
  }
}
