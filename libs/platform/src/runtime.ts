import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type AppConfig } from '#libs/config';
import { logger } from '#libs/core';
import { startInfrastructure, type Infrastructure } from '#libs/local-infra';

/** What the API needs beyond its configuration: where PostgreSQL and Meilisearch actually are. */
export interface Runtime {
  config: AppConfig;
  databaseUrl: string;
  /** MEILI_URL as configured (one URL per search replica, comma-separated), or the embedded one's. */
  meiliUrl: string;
  meiliKey?: string;
}

/**
 * Starts embedded PostgreSQL/Meilisearch for what is not configured and fills in local secrets
 * (JWT key) kept under DATA_DIR, so a fresh clone runs with no set-up.
 */
export async function prepareRuntime(config: AppConfig): Promise<{ runtime: Runtime; infra: Infrastructure }> {
  const infra = await startConfiguredInfrastructure(config);
  config.JWT_SECRET ??= localSecret(config.DATA_DIR, 'jwt.secret');
  return { runtime: { config, databaseUrl: infra.databaseUrl, meiliUrl: infra.meiliUrl, meiliKey: infra.meiliMasterKey }, infra };
}

/** The configured PostgreSQL and Meilisearch, or the embedded ones under DATA_DIR (shared by the API, the worker and the commands). */
export async function startConfiguredInfrastructure(config: AppConfig): Promise<Infrastructure> {
  const infra = await startInfrastructure({
    databaseUrl: config.DATABASE_URL,
    meiliUrl: config.MEILI_URL,
    meiliMasterKey: config.MEILI_MASTER_KEY,
    dataDir: config.DATA_DIR,
    pgPort: config.LOCAL_PG_PORT,
    meiliPort: config.LOCAL_MEILI_PORT,
    meiliMaxIndexingMemory: config.MEILI_MAX_INDEXING_MEMORY,
    database: 'hp_supplier_match',
    onLog: (source, line) => {
      if (/ERROR|FATAL|PANIC/.test(line)) logger.emit('warn', line, { source }, 'LocalInfra');
      else logger.emit('debug', line, { source }, 'LocalInfra');
    },
  });
  if (infra.embedded.postgres || infra.embedded.meilisearch) {
    logger.emit(
      'info',
      'embedded infrastructure started',
      { postgres: infra.embedded.postgres, meilisearch: infra.embedded.meilisearch, dataDir: resolve(config.DATA_DIR) },
      'LocalInfra',
    );
  }
  return infra;
}

/** A random secret generated once and kept (0600) under DATA_DIR, for local use only. */
export function localSecret(dataDir: string, name: string): string {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
