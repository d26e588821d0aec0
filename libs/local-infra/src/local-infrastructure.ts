import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LocalMeilisearch } from './meilisearch.js';
import { LocalPostgres } from './postgres.js';

export interface InfrastructureRequest {
  /** A configured PostgreSQL; when absent an embedded one is started. */
  databaseUrl?: string;
  /** A configured Meilisearch; when absent an embedded one is started. */
  meiliUrl?: string;
  meiliMasterKey?: string;
  /** Parent folder of the embedded servers' data (git-ignored `.data` by default). */
  dataDir: string;
  pgPort: number;
  meiliPort: number;
  database: string;
  onLog?: (source: 'postgres' | 'meilisearch', line: string) => void;
}

export interface Infrastructure {
  databaseUrl: string;
  meiliUrl: string;
  meiliMasterKey?: string;
  embedded: { postgres: boolean; meilisearch: boolean };
  postgres?: LocalPostgres;
  meilisearch?: LocalMeilisearch;
  stop(): Promise<void>;
}

/**
 * Uses the configured PostgreSQL and Meilisearch, and starts embedded ones for whatever is not
 * configured. A failure half-way stops what was already started before rethrowing.
 */
export async function startInfrastructure(request: InfrastructureRequest): Promise<Infrastructure> {
  const dataDir = resolve(request.dataDir);
  mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  let postgres: LocalPostgres | undefined;
  let meilisearch: LocalMeilisearch | undefined;
  const stop = async () => {
    await Promise.allSettled([postgres?.stop(), meilisearch?.stop()]);
  };
  try {
    const [pgResult, meiliResult] = await Promise.allSettled([
      request.databaseUrl
        ? Promise.resolve(undefined)
        : LocalPostgres.start({
            dataDir: join(dataDir, 'postgres'),
            port: request.pgPort,
            database: request.database,
            onLog: (line) => request.onLog?.('postgres', line),
          }),
      request.meiliUrl
        ? Promise.resolve(undefined)
        : LocalMeilisearch.start({
            dataDir: join(dataDir, 'meilisearch'),
            port: request.meiliPort,
            masterKey: request.meiliMasterKey,
            onLog: (line) => request.onLog?.('meilisearch', line),
          }),
    ]);
    if (pgResult.status === 'fulfilled') postgres = pgResult.value;
    if (meiliResult.status === 'fulfilled') meilisearch = meiliResult.value;
    if (pgResult.status === 'rejected') throw pgResult.reason;
    if (meiliResult.status === 'rejected') throw meiliResult.reason;
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    databaseUrl: request.databaseUrl ?? postgres!.url,
    meiliUrl: request.meiliUrl ?? meilisearch!.url,
    meiliMasterKey: meilisearch ? meilisearch.masterKey : request.meiliMasterKey,
    embedded: { postgres: !!postgres, meilisearch: !!meilisearch },
    postgres,
    meilisearch,
    stop,
  };
}
