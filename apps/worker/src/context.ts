import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { SupplySnapshotService } from '#libs/analytics';
import { type AppConfig, ConfigError, loadConfig } from '#libs/config';
import { logger } from '#libs/core';
import type { Infrastructure } from '#libs/local-infra';
import { startConfiguredInfrastructure, WorkerModule } from '#libs/platform';
import { IndexMaintenance, SearchOutboxWorker, SupplierIndex } from '#libs/search';
import { Taxonomy } from '#libs/taxonomy';

/** What the worker and the commands need: PostgreSQL, Meilisearch, the taxonomy and the services built on them. */
export interface WorkerContext {
  config: AppConfig;
  /** The Nest application context (the API's modules without GraphQL/HTTP): `app.get(Service)`. */
  app: INestApplicationContext;
  dataSource: DataSource;
  index: SupplierIndex;
  taxonomy: Taxonomy;
  worker: SearchOutboxWorker;
  maintenance: IndexMaintenance;
  snapshots: SupplySnapshotService;
  close(): Promise<void>;
}

/**
 * Connects to the configured PostgreSQL and Meilisearch, or (locally, with neither configured)
 * to the embedded ones that `npm start` keeps under DATA_DIR, starting them if needed, and builds
 * the services from the same Nest modules as the API (WorkerModule, a standalone application context).
 * `background` runs the outbox worker and the analytics snapshot scheduler (apps/worker's main).
 */
export async function createWorkerContext(applicationName: string, background = false): Promise<WorkerContext> {
  const config = loadConfig();
  logger.setLevel(config.LOG_LEVEL);
  let infra: Infrastructure | undefined;
  try {
    infra = await startConfiguredInfrastructure(config);
    const runtime = { config, databaseUrl: infra.databaseUrl, meiliUrl: infra.meiliUrl, meiliKey: infra.meiliMasterKey };
    const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(runtime, applicationName, background), {
      logger,
      abortOnError: false,
    });
    const worker = app.get(SearchOutboxWorker);
    const started = infra;
    return {
      config,
      app,
      dataSource: app.get(DataSource),
      index: app.get(SupplierIndex),
      taxonomy: app.get(Taxonomy),
      worker,
      maintenance: app.get(IndexMaintenance),
      snapshots: app.get(SupplySnapshotService),
      async close() {
        await worker.stop();
        await app.close().catch(() => undefined);
        await started.stop();
      },
    };
  } catch (error) {
    await infra?.stop();
    throw error;
  }
}
export { progressPrinter, runCommand } from '#libs/platform';

/** The value of `--replica <url>` (or `--replica=<url>`): one search replica for index:check and reindex; all when absent. */
export function replicaArgument(argv: readonly string[] = process.argv): string | undefined {
  const at = argv.findIndex((a) => a === '--replica' || a.startsWith('--replica='));
  if (at < 0) return undefined;
  const value = argv[at].includes('=') ? argv[at].slice('--replica='.length) : argv[at + 1];
  if (!value || value.startsWith('--')) throw new ConfigError(["--replica: needs a URL, one of MEILI_URL's"]);
  return value;
}
