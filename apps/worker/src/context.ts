import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { AnalyticsRepository, SupplySnapshotService } from '#libs/analytics';
import { type AppConfig, ConfigError, loadConfig } from '#libs/config';
import { logger } from '#libs/core';
import { buildDataSourceOptions } from '#libs/database';
import { LocalInfraError, type Infrastructure } from '#libs/local-infra';
import { createMeiliClient, DEFAULT_OUTBOX_OPTIONS, IndexMaintenance, SearchOutboxWorker, SupplierIndex, supplierIndexUid } from '#libs/search';
import { Taxonomy } from '#libs/taxonomy';
import { ENTITIES } from '../../api/src/entities.js';
import { startConfiguredInfrastructure } from '../../api/src/runtime.js';

/** What the worker and the commands need: PostgreSQL, Meilisearch, the taxonomy and the services built on them. */
export interface WorkerContext {
  config: AppConfig;
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
 * to the embedded ones that `npm start` keeps under DATA_DIR, starting them if needed.
 */
export async function createWorkerContext(applicationName: string): Promise<WorkerContext> {
  const config = loadConfig();
  logger.setLevel(config.LOG_LEVEL);
  let infra: Infrastructure | undefined;
  try {
    infra = await startConfiguredInfrastructure(config);
    const dataSource = new DataSource(
      buildDataSourceOptions(
        { url: infra.databaseUrl, poolSize: config.OUTBOX_CONCURRENCY + 2, connectTimeoutMs: config.DB_CONNECT_TIMEOUT_MS, statementTimeoutMs: 600000, applicationName },
        ENTITIES,
      ),
    );
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    const taxonomy = Taxonomy.load();
    const index = new SupplierIndex(createMeiliClient({ url: infra.meiliUrl, apiKey: infra.meiliMasterKey, timeoutMs: 30000 }), supplierIndexUid(config.MEILI_INDEX_PREFIX));
    const worker = new SearchOutboxWorker(dataSource, taxonomy, index, {
      ...DEFAULT_OUTBOX_OPTIONS,
      batchSize: config.OUTBOX_BATCH_SIZE,
      pollIntervalMs: config.OUTBOX_POLL_MS,
      maxBackoffMs: config.OUTBOX_MAX_BACKOFF_MS,
      concurrency: config.OUTBOX_CONCURRENCY,
      listenUrl: infra.databaseUrl,
    });
    const started = infra;
    return {
      config,
      dataSource,
      index,
      taxonomy,
      worker,
      maintenance: new IndexMaintenance(dataSource, taxonomy, index),
      snapshots: new SupplySnapshotService(dataSource, new AnalyticsRepository(dataSource), taxonomy),
      async close() {
        await worker.stop();
        await dataSource.destroy().catch(() => undefined);
        await started.stop();
      },
    };
  } catch (error) {
    await infra?.stop();
    throw error;
  }
}

/** Runs a command: prints one line for known failures, exits non-zero on any failure. */
export function runCommand(main: () => Promise<number | void>): void {
  main()
    .then((code) => process.exit(code ?? 0))
    .catch((error: unknown) => {
      if (error instanceof ConfigError || error instanceof LocalInfraError) process.stderr.write(`${error.message}\n`);
      else logger.emit('error', 'command failed', { error }, 'Command');
      process.exit(1);
    });
}

/** A progress line that rewrites itself on a terminal and prints every ~10% otherwise (on stdout unless told). */
export function progressPrinter(label: string, stream: NodeJS.WriteStream = process.stdout): (done: number, total: number) => void {
  const started = Date.now();
  let lastDecile = -1;
  return (done, total) => {
    const rate = Math.round(done / Math.max(0.001, (Date.now() - started) / 1000));
    const line = `${label}: ${done}/${total} (${total ? Math.floor((done / total) * 100) : 100}%, ${rate}/s)`;
    if (stream.isTTY) stream.write(`\r${line}${done >= total ? '\n' : ''}`);
    else {
      const decile = total ? Math.floor((done / total) * 10) : 10;
      if (decile !== lastDecile || done >= total) stream.write(`${line}\n`);
      lastDecile = decile;
    }
  };
}
