import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findFreePort } from '#libs/local-infra';

/** A built app (`dist/apps/<app>/src/main.js`) running as its own process, as deployed. */
export interface ServiceProcess {
  child: ChildProcess;
  pid: number;
  /** What it printed so far (for failure messages). */
  output(): string;
  /** Resolves with the exit code (or the signal) once it has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface ApiProcess extends ServiceProcess {
  url: string;
  port: number;
}

/**
 * Starts `node dist/apps/<app>/src/main.js` with only `env` (plus PATH and a throw-away DATA_DIR):
 * the suite's `npm test` builds dist first; a single file needs `npm run build` before it.
 */
export function spawnBuiltApp(app: 'api' | 'worker', env: Record<string, string>): ServiceProcess {
  const entry = resolve('dist', 'apps', app, 'src', 'main.js');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` first`);
  const dataDir = mkdtempSync(join(tmpdir(), `hp-${app}-`)); // configured servers only: it stays empty
  const child = spawn(process.execPath, [entry], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH, DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...env },
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-20000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once('exit', (code, signal) => {
      rmSync(dataDir, { recursive: true, force: true });
      done({ code, signal });
    }),
  );
  return { child, pid: child.pid!, output: () => output, exited };
}

/** Settings a production-mode API or worker of the tests needs, on the suite's Meilisearch with a fresh index prefix. */
export function serviceEnv(databaseUrl: string, env: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    MEILI_URL: process.env.TEST_MEILI_URL!,
    MEILI_MASTER_KEY: process.env.TEST_MEILI_MASTER_KEY!,
    MEILI_INDEX_PREFIX: `p${randomBytes(4).toString('hex')}`,
    JWT_SECRET: randomBytes(32).toString('hex'),
    ADMIN_EMAIL: 'admin@test.local',
    ADMIN_PASSWORD: 'admin-password-for-tests',
    REGISTER_MAX_ATTEMPTS: '10000',
    ...env,
  };
}

/** The API as a production process on a free loopback port, once it answers /health/live. */
export async function startApiProcess(env: Record<string, string>): Promise<ApiProcess> {
  const port = await findFreePort();
  const api = spawnBuiltApp('api', { HOST: '127.0.0.1', PORT: String(port), ...env });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60000;
  for (;;) {
    if (api.child.exitCode !== null || api.child.signalCode !== null)
      throw new Error(`the API process exited during start-up:\n${api.output()}`);
    if (
      await fetch(`${url}/health/live`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (Date.now() > deadline) {
      api.child.kill('SIGKILL');
      throw new Error(`the API process did not answer within 60 s:\n${api.output()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { ...api, url, port };
}

/** Ends a process of ours if it still runs (SIGKILL: for clean-up after a failed test). */
export async function killIfRunning(service: ServiceProcess | undefined): Promise<void> {
  if (!service || service.child.exitCode !== null || service.child.signalCode !== null) return;
  service.child.kill('SIGKILL');
  await service.exited;
}

export interface Answer<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
  /** The raw body, to check what a client sees. */
  text: string;
  ms: number;
  /** The Retry-After header, when the answer has one. */
  retryAfter: string | null;
}

/** One GraphQL request over HTTP, timed. */
export async function gqlOver<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  token?: string,
): Promise<Answer<T>> {
  const started = Date.now();
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  let body: { data?: T; errors?: Answer['errors'] } = {};
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON: kept in text */
  }
  return {
    status: res.status,
    data: body.data ?? undefined,
    errors: body.errors,
    text,
    ms: Date.now() - started,
    retryAfter: res.headers.get('retry-after'),
  };
}
