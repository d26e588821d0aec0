import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server } from 'node:net';
import { afterAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import {
  DEFAULT_INDEXING_MEMORY,
  findFreePort,
  LocalInfraError,
  LocalMeilisearch,
  LocalPostgres,
  MEILISEARCH_BINARY_SHA256,
  meilisearchBinary,
  startInfrastructure,
} from '#libs/local-infra';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hp-infra-'));
  chmodSync(dir, 0o755);
  dirs.push(dir);
  return dir;
}
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function alive(pid: number | undefined): boolean {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function commandLine(pid: number | undefined): string {
  return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
}

describe('local infrastructure launcher', () => {
  it('keeps PostgreSQL and Meilisearch data across a restart, and stops both', async () => {
    const dataDir = tempDir();
    const ports = { pgPort: await findFreePort(), meiliPort: await findFreePort() };
    const first = await startInfrastructure({ dataDir, ...ports, database: 'keep' });
    const client = new pg.Client({ connectionString: first.databaseUrl });
    await client.connect();
    await client.query('CREATE TABLE kept (v int); INSERT INTO kept VALUES (42)');
    await client.end();
    const headers = { Authorization: `Bearer ${first.meiliMasterKey}`, 'Content-Type': 'application/json' };
    const task = (await (
      await fetch(`${first.meiliUrl}/indexes`, { method: 'POST', headers, body: JSON.stringify({ uid: 'kept' }) })
    ).json()) as { taskUid: number };
    for (
      let i = 0;
      i < 100 &&
      ((await (await fetch(`${first.meiliUrl}/tasks/${task.taskUid}`, { headers })).json()) as { status: string }).status !== 'succeeded';
      i += 1
    )
      await new Promise((r) => setTimeout(r, 50));
    const meiliCommand = commandLine(first.meilisearch!.pid);
    const pids = [first.postgres!.pid, first.meilisearch!.pid];
    await first.stop();
    // Meilisearch's own default (two thirds of the RAM) costs it more time zeroing pages than indexing.
    expect(meiliCommand).toContain(`--max-indexing-memory ${process.env.MEILI_MAX_INDEXING_MEMORY || DEFAULT_INDEXING_MEMORY}`);
    expect(pids.map(alive)).toEqual([false, false]);

    const second = await startInfrastructure({ dataDir, ...ports, database: 'keep' });
    try {
      const again = new pg.Client({ connectionString: second.databaseUrl });
      await again.connect();
      expect((await again.query('SELECT v FROM kept')).rows).toEqual([{ v: 42 }]);
      await again.end();
      expect(second.meiliMasterKey).toBe(first.meiliMasterKey);
      expect((await fetch(`${second.meiliUrl}/indexes/kept`, { headers })).status).toBe(200);
    } finally {
      await second.stop();
    }
  });

  it('says in one line what to do when a port is taken, and leaves nothing running', async () => {
    const blocker: Server = createServer();
    const port = await findFreePort();
    await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve));
    try {
      const attempt = startInfrastructure({ dataDir: tempDir(), pgPort: port, meiliPort: await findFreePort(), database: 'x' });
      await expect(attempt).rejects.toThrow(LocalInfraError);
      await expect(attempt).rejects.toThrow(
        /^Port \d+ for the embedded PostgreSQL is already in use: set LOCAL_PG_PORT to a free port, or set DATABASE_URL/,
      );
    } finally {
      blocker.close();
    }
  });

  it('reports a Meilisearch that will not start and stops the PostgreSQL it already started', async () => {
    const dataDir = tempDir();
    mkdirSync(join(dataDir, 'meilisearch'), { recursive: true });
    writeFileSync(join(dataDir, 'meilisearch', 'data.ms'), 'not a directory');
    const before = await findFreePort();
    const attempt = startInfrastructure({ dataDir, pgPort: before, meiliPort: await findFreePort(), database: 'x' });
    await expect(attempt).rejects.toThrow(/^The embedded Meilisearch exited during start-up .*set MEILI_URL/);
    // PostgreSQL, started in parallel, was stopped again: its port is free.
    const probe = createServer();
    await new Promise<void>((resolve, reject) => probe.once('error', reject).listen(before, '127.0.0.1', resolve));
    probe.close();
  });

  it('says in one line what to set on a platform the embedded binaries do not ship for', async () => {
    const dataDir = join(tempDir(), 'never-created');
    const request = { dataDir, pgPort: 1, meiliPort: 1, database: 'x', platform: 'darwin-arm64' };
    const attempt = startInfrastructure(request);
    await expect(attempt).rejects.toThrow(LocalInfraError);
    const message = await attempt.catch((error: Error) => error.message);
    expect(message).toMatch(/linux-x64 only, and this is darwin-arm64: set DATABASE_URL and MEILI_URL .*docker compose/);
    expect(message).not.toContain('\n');
    await expect(startInfrastructure({ ...request, databaseUrl: 'postgres://x' })).rejects.toThrow(/set MEILI_URL to/);
    const external = await startInfrastructure({ ...request, databaseUrl: 'postgres://db/x', meiliUrl: 'http://search:7700' });
    expect(external.embedded).toEqual({ postgres: false, meilisearch: false });
  });

  it('runs the Meilisearch binary whose checksum is pinned', () => {
    expect(createHash('sha256').update(readFileSync(meilisearchBinary())).digest('hex')).toBe(MEILISEARCH_BINARY_SHA256);
  });

  it('uses a configured server instead of starting one', async () => {
    const infra = await startInfrastructure({
      databaseUrl: 'postgres://u:p@db.invalid:5432/x',
      meiliUrl: 'http://search.invalid:7700',
      dataDir: tempDir(),
      pgPort: 1,
      meiliPort: 1,
      database: 'x',
    });
    expect(infra.embedded).toEqual({ postgres: false, meilisearch: false });
    expect(infra.databaseUrl).toBe('postgres://u:p@db.invalid:5432/x');
    await infra.stop();
  });

  it('exposes single servers for fault tests', async () => {
    const pgServer = await LocalPostgres.start({ dataDir: join(tempDir(), 'pg'), port: await findFreePort(), database: 'solo' });
    const meili = await LocalMeilisearch.start({ dataDir: join(tempDir(), 'ms'), port: await findFreePort(), maxIndexingMemory: '512MiB' });
    expect(alive(pgServer.pid) && alive(meili.pid)).toBe(true);
    const meiliCommand = commandLine(meili.pid);
    await Promise.all([pgServer.stop(), meili.stop()]);
    expect(meiliCommand).toContain('--max-indexing-memory 512MiB');
    expect(alive(pgServer.pid) || alive(meili.pid)).toBe(false);
  });
});
