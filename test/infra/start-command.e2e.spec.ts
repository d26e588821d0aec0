import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { findFreePort } from '#libs/local-infra';

const MAIN = new URL('../../dist/apps/api/src/main.js', import.meta.url).pathname;

interface Running {
  child: ChildProcess;
  output: () => string;
  exit: Promise<number | null>;
}

function start(env: Record<string, string>): Running {
  let output = '';
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH!, HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exit };
}

async function waitFor(running: Running, pattern: RegExp, timeoutMs = 90000): Promise<RegExpMatchArray> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const match = running.output().match(pattern);
    if (match) return match;
    if (running.child.exitCode !== null) throw new Error(`exited early:\n${running.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${pattern}:\n${running.output().slice(-3000)}`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function serverPids(dataDir: string): number[] {
  const pgPid = Number(readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
  const meiliPid = Number(readFileSync(join(dataDir, 'meilisearch', 'meilisearch.pid'), 'utf8').split(' ')[0]);
  return [pgPid, meiliPid];
}

async function graphql(port: number, query: string, token?: string) {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return (await res.json()) as { data?: Record<string, any>; errors?: unknown[] };
}

describe('the start command (dist/apps/api/src/main.js, as `npm start` runs it)', () => {
  jest.setTimeout(120000);
  let dataDir: string;
  let env: Record<string, string>;
  let port: number;

  beforeAll(async () => {
    if (!existsSync(MAIN)) throw new Error('dist/ is missing: `npm test` builds it before running jest');
    dataDir = mkdtempSync(join(tmpdir(), 'hp-start-'));
    chmodSync(dataDir, 0o755);
    port = await findFreePort();
    env = {
      DATA_DIR: dataDir,
      PORT: String(port),
      LOCAL_PG_PORT: String(await findFreePort()),
      LOCAL_MEILI_PORT: String(await findFreePort()),
      LOG_LEVEL: 'info',
    };
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts everything with demo data, prints the admin password once, and SIGTERM leaves no process', async () => {
    const first = start(env);
    await waitFor(first, /GraphQL API ready/);
    const password = (await waitFor(first, /Administrator admin@hp-support\.local created with password: (\S+)/))[1];
    const demo = await graphql(port, '{ suppliers(first: 1) { totalCount } buyers(first: 1) { totalCount } }');
    expect(demo.data!.suppliers.totalCount).toBeGreaterThanOrEqual(150);
    expect(demo.data!.buyers.totalCount).toBeGreaterThanOrEqual(12);
    // the line that sends a person to the web app comes once the directory has the demo suppliers
    await waitFor(first, new RegExp(`web app ready at http://localhost:${port}/ \\(demo data searchable\\)`));
    const directory = await graphql(port, '{ searchSuppliers(input: { hitsPerPage: 1 }) { totalHits } }');
    expect(directory.data!.searchSuppliers.totalHits).toBeGreaterThanOrEqual(100);
    const login = await graphql(port, `mutation { login(email: "admin@hp-support.local", password: "${password}") { accessToken } }`);
    expect(login.errors).toBeUndefined();
    const pids = serverPids(dataDir);
    expect(pids.every(alive)).toBe(true);
    first.child.kill('SIGTERM');
    expect(await first.exit).toBe(0);
    expect(pids.filter(alive)).toEqual([]);
  });

  it('keeps the data on a second start, without printing a password again', async () => {
    const second = start(env);
    await waitFor(second, /GraphQL API ready/);
    const demo = await graphql(port, '{ suppliers(first: 1) { totalCount } }');
    expect(demo.data!.suppliers.totalCount).toBeGreaterThanOrEqual(150);
    expect(second.output()).not.toMatch(/created with password/);
    const pids = serverPids(dataDir);
    second.child.kill('SIGINT');
    expect(await second.exit).toBe(0);
    expect(pids.filter(alive)).toEqual([]);
  });

  it('leaves no orphan even when the API is killed with SIGKILL', async () => {
    const third = start(env);
    await waitFor(third, /GraphQL API ready/);
    const pids = serverPids(dataDir);
    third.child.kill('SIGKILL');
    await third.exit;
    const deadline = Date.now() + 10000;
    while (pids.some(alive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(pids.filter(alive)).toEqual([]);
  });

  it('exits with a message naming the variable when the configuration is invalid', async () => {
    const bad = start({ ...env, PORT: 'eighty', JWT_ISSUER: '' });
    expect(await bad.exit).toBe(2);
    expect(bad.output()).toMatch(/Invalid configuration: .*PORT/);
  });
});
