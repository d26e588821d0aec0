import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { taxCodes } from '#libs/demo-data';
import { findFreePort, LocalMeilisearch } from '#libs/local-infra';
import { IndexMaintenance, SupplierIndex, supplierIndexUid } from '#libs/search';
import { registerSearchReplicas, RetiredReplicaError, retireSearchReplica } from '#libs/search-outbox';
import { loginAdmin, registerUser, type SignedIn } from '../support/accounts.js';
import { SEARCH, type SearchResult, waitForIndex } from '../support/search.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const CREATE = `mutation($input: CreateSupplierInput!) { createSupplier(input: $input) { id version } }`;
const UPDATE = `mutation($input: UpdateSupplierInput!) { updateSupplier(input: $input) { id version } }`;
const HEALTH = `{ searchIndexHealth { ok pending indexCount missingCount replicas { url ok error indexCount missingCount pending } } }`;
const cli = (name: string) => resolve('dist', 'apps', 'worker', 'src', 'cli', `${name}.js`);

const taxCodeQueue = taxCodes('02', 4300000, 100);
/** Seconds on a quiet machine; a busy one (three suites and a benchmark on two cores) took 20 s and more for a first index task. */
const SLOW_MS = 60000;

/** A Meilisearch of this file's own, restartable on the same port and data. */
class Replica {
  server!: LocalMeilisearch;
  readonly dir = mkdtempSync(join(tmpdir(), 'hp-replica-'));
  port = 0;

  async start(masterKey?: string): Promise<this> {
    chmodSync(this.dir, 0o755);
    this.port ||= await findFreePort();
    this.server = await LocalMeilisearch.start({ dataDir: this.dir, port: this.port, masterKey });
    return this;
  }

  get url(): string {
    return this.server.url;
  }

  async remove(): Promise<void> {
    await this.server?.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * Issue 15, item 3: two Meilisearch replicas fed from one outbox (MEILI_URL lists both). Every write
 * reaches both; a replica that is down delays only its own entries and catches up when it returns;
 * searches keep answering from the other (a failed one is retried there once, and a replica that
 * failed gets no searches for a while); index:check and the console's index health report each one.
 */
describe('search replicas (two Meilisearch processes)', () => {
  const a = new Replica();
  const b = new Replica();
  let t: TestApp;
  let owner: SignedIn;
  let db: DataSource;
  let index: SupplierIndex;

  const create = async (nameVi: string) => {
    const result = await t.gql<{ createSupplier: { id: string; version: number } }>(
      CREATE,
      { input: { taxCode: taxCodeQueue.shift()!, nameVi, processes: ['CNC_MILLING'], zoneCode: 'VSIP_HP' } },
      owner.token,
    );
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data!.createSupplier;
  };
  /** The ids in one replica's suppliers index. */
  const idsIn = async (replica: Replica) => {
    const response = await fetch(`${replica.url}/indexes/${index.uid}/documents/fetch`, {
      method: 'POST',
      headers: { authorization: `Bearer ${a.server.masterKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ fields: ['id'], limit: 1000 }),
    });
    return ((await response.json()) as { results: { id: string }[] }).results.map((d) => d.id).sort();
  };
  /** Outbox entries still to apply to one replica. */
  const pendingFor = async (replica: { url: string }) =>
    (
      await db.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM search_outbox o JOIN search_replicas r ON r.id = o.replica_id
          WHERE r.url = $1 AND o.processed_at IS NULL AND o.available_at <= now() + interval '5 minutes'`,
        [replica.url],
      )
    )[0].n;
  const until = async (what: string, check: () => Promise<boolean>, timeoutMs = 15000) => {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const search = (query: string) => t.gql<SearchResult>(SEARCH, { input: { query, hitsPerPage: 20 } });

  beforeAll(async () => {
    await a.start();
    await b.start(a.server.masterKey);
    t = await startTestApp({
      MEILI_URL: `${a.url}, ${b.url}/`, // spaces and a trailing slash: normalised
      MEILI_MASTER_KEY: a.server.masterKey,
      OUTBOX_POLL_MS: '100',
      OUTBOX_MAX_BACKOFF_MS: '800',
      DB_POOL_SIZE: '8', // two worker loops per replica drain in this process beside the requests
    });
    db = t.app.get(DataSource);
    index = t.app.get(SupplierIndex);
    expect(index.uid).toBe(supplierIndexUid(t.indexPrefix));
    owner = await registerUser(t, 'replicas');
  }, 60000);
  afterAll(async () => {
    await t?.close();
    await a.remove();
    await b.remove();
  });

  it('registers both replicas and writes every change to both', async () => {
    expect((await db.query(`SELECT url FROM search_replicas ORDER BY id`)).map((r: { url: string }) => r.url)).toEqual([a.url, b.url]);
    const made = [await create('Công ty TNHH Bản Sao Một'), await create('Công ty TNHH Bản Sao Hai')];
    await waitForIndex(t, SLOW_MS);
    const ids = made.map((s) => s.id).sort();
    expect(await idsIn(a)).toEqual(ids);
    expect(await idsIn(b)).toEqual(ids);
    const checks = await t.app.get(IndexMaintenance).checkReplicas();
    expect(checks.map((c) => [c.url, c.report?.ok, c.report?.indexCount])).toEqual([
      [a.url, true, 2],
      [b.url, true, 2],
    ]);
  }, 90000);

  it('keeps indexing and searching with one replica down, and the returning replica catches up', async () => {
    b.server.signal('SIGKILL');
    await new Promise((r) => setTimeout(r, 200));
    const during = await create('Công ty TNHH Trong Khi Bản Sao Nghỉ');
    const renamed = await t.gql(UPDATE, { input: { id: during.id, version: during.version, employees: 42 } }, owner.token);
    expect(renamed.errors).toBeUndefined();
    // the live replica is not held back by the dead one's failing batches
    await until('replica A to apply the writes made while B is down', async () => (await pendingFor(a)) === 0, SLOW_MS);
    expect(await pendingFor(b)).toBeGreaterThanOrEqual(2);
    expect(await idsIn(a)).toContain(during.id);

    for (let i = 0; i < 8; i += 1) {
      const found = await search('bản sao nghỉ');
      expect(found.errors).toBeUndefined(); // a search sent to B is retried on A
      expect(found.data!.searchSuppliers.hits.map((h) => h.supplier.id)).toContain(during.id);
    }
    expect((await t.http().get('/health/ready')).status).toBe(200); // one replica answering is enough to serve

    await b.start(a.server.masterKey);
    await waitForIndex(t, SLOW_MS);
    expect(await idsIn(b)).toEqual(await idsIn(a));
    const checks = await t.app.get(IndexMaintenance).checkReplicas();
    expect(checks.map((c) => c.report?.ok)).toEqual([true, true]);
  }, 150000);

  it('stops sending searches to a replica that hangs, and answers from the other meanwhile', async () => {
    a.server.signal('SIGSTOP'); // accepts connections, answers nothing: each request to it waits for the client's time-out
    try {
      const took: number[] = [];
      for (let i = 0; i < 6; i += 1) {
        const started = Date.now();
        const found = await search('bản sao');
        took.push(Date.now() - started);
        expect(found.errors).toBeUndefined();
        expect(found.data!.searchSuppliers.totalHits).toBeGreaterThanOrEqual(3);
      }
      // at most one search waited for A's time-out (then retried on B); A then rests and gets none
      expect(took.filter((ms) => ms > 2000).length).toBeLessThanOrEqual(1);
    } finally {
      a.server.signal('SIGCONT');
    }
  }, 30000);

  it('reports each replica in index:check (one with --replica) and in the console, and repairs and reindexes one', async () => {
    await waitForIndex(t, SLOW_MS);
    const [victim] = await idsIn(b);
    await fetch(`${b.url}/indexes/${index.uid}/documents/${victim}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${a.server.masterKey}` },
    });
    await until('B to apply the deletion', async () => !(await idsIn(b)).includes(victim), SLOW_MS);

    const all = await indexCheck();
    expect(all.code).toBe(1);
    expect(all.output).toContain(`replica ${a.url}:\n  indexed documents: 3; pending outbox: 0\n  missing from the index: 0\n`);
    expect(all.output).toContain(`replica ${b.url}:\n  indexed documents: 2; pending outbox: 0\n  missing from the index: 1 (${victim})\n`);
    const one = await indexCheck('--replica', `${a.url}/`);
    expect(one.code).toBe(0);
    expect(one.output).toContain(`replica ${a.url}:`);
    expect(one.output).not.toContain(`replica ${b.url}:`);
    const unknown = await indexCheck('--replica', 'http://127.0.0.1:1');
    expect(unknown.code).toBe(1);
    expect(unknown.output).toContain("--replica: http://127.0.0.1:1 is not one of MEILI_URL's replicas");

    const admin = await loginAdmin(t);
    const health = await t.gql<{ searchIndexHealth: Record<string, unknown> }>(HEALTH, {}, admin.token);
    expect(health.errors).toBeUndefined();
    expect(health.data!.searchIndexHealth).toEqual({
      ok: false,
      pending: 0,
      indexCount: 2,
      missingCount: 1,
      replicas: [
        { url: a.url, ok: true, error: null, indexCount: 3, missingCount: 0, pending: 0 },
        { url: b.url, ok: false, error: null, indexCount: 2, missingCount: 1, pending: 0 },
      ],
    });

    const repaired = await indexCheck('--repair', '--replica', b.url);
    // applied by this command or by the API's in-process worker, whichever claims the entry first
    expect(repaired.output).toMatch(new RegExp(`Repaired ${b.url}: queued 1, applied [01] outbox entries; no drift left\\.`));
    expect(repaired.code).toBe(0);
    await waitForIndex(t, SLOW_MS);
    expect(await idsIn(b)).toEqual(await idsIn(a));

    const reindexed = await command('reindex', '--replica', b.url);
    expect(reindexed.output).toContain(`Reindexed 3 suppliers into ${index.uid} on ${b.url}`);
    expect(reindexed.output).not.toContain(`on ${a.url}`);
    expect(reindexed.code).toBe(0);
    expect(await idsIn(b)).toEqual(await idsIn(a));
  }, 120000);

  it('names a registered replica MEILI_URL no longer lists, and index:retire forgets it and what was queued for it', async () => {
    const moved = 'http://127.0.0.1:9';
    await db.transaction((manager) => registerSearchReplicas(manager, [a.url, b.url, moved]));
    await create('Công ty TNHH Bản Sao Bốn');
    const stuck = await pendingFor({ url: moved });
    expect(stuck).toBe(1); // the change made since it was registered, and nothing drains it
    // (waitForIndex would wait for the stray's entries too: nothing drains them)
    await until('A and B to drain', async () => (await pendingFor(a)) === 0 && (await pendingFor(b)) === 0, SLOW_MS);

    const check = await indexCheck();
    expect(check.output).toContain(`registered replica ${moved} is not in MEILI_URL: ${stuck} changes queued for it`);
    expect(check.code).toBe(1);

    const configured = await command('index-retire', '--replica', `${a.url}/`);
    expect(configured.output).toContain(`--replica: ${a.url} is in MEILI_URL`);
    expect(configured.code).toBe(1);
    const unknown = await command('index-retire', '--replica', 'http://127.0.0.1:10');
    expect(unknown.output).toContain('--replica: no replica http://127.0.0.1:10 is registered');
    expect(unknown.code).toBe(1);

    const retired = await command('index-retire', '--replica', `${moved}/`);
    expect(retired.output).toContain(`Retired the search replica ${moved}: ${stuck} queued outbox entries dropped.`);
    expect(retired.code).toBe(0);
    expect(await pendingFor({ url: moved })).toBe(0);
    const active = async () =>
      (await db.query(`SELECT url FROM search_replicas WHERE retired_at IS NULL ORDER BY id`)).map((r: { url: string }) => r.url);
    expect(await active()).toEqual([a.url, b.url]);
    // a process still started with the old MEILI_URL does not register it again: it stops, saying why
    const stale = db.transaction((manager) => registerSearchReplicas(manager, [a.url, b.url, moved]));
    await expect(stale).rejects.toBeInstanceOf(RetiredReplicaError);
    await expect(stale).rejects.toThrow(`MEILI_URL lists the search replica ${moved}, retired on`);
    await expect(stale).rejects.toThrow(`npm run index:retire -- --replica ${moved} --restore`);
    expect(await active()).toEqual([a.url, b.url]);
    const again = await command('index-retire', '--replica', moved);
    expect(again.output).toContain(`--replica: no replica ${moved} is registered (or it is retired already)`);
    expect(again.code).toBe(1);
    // later changes are queued for the two configured replicas only
    const later = await create('Công ty TNHH Bản Sao Năm');
    const [{ n }] = await db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM search_outbox WHERE aggregate_id = $1`, [later.id]);
    expect(n).toBe(2);
    await waitForIndex(t, SLOW_MS);
    const after = await indexCheck();
    expect(after.output).not.toContain('is not in MEILI_URL');
    expect(after.code).toBe(0);

    // --restore lifts the retirement on purpose: the next process listing it fills it from scratch
    const restored = await command('index-retire', '--replica', moved, '--restore');
    expect(restored.output).toContain(`Restored the search replica ${moved}`);
    expect(restored.code).toBe(0);
    const rows = await db.transaction((manager) => registerSearchReplicas(manager, [a.url, b.url, moved]));
    expect(rows.map((r) => [r.url, r.added])).toEqual([
      [a.url, false],
      [b.url, false],
      [moved, true],
    ]);
    const notRetired = await command('index-retire', '--replica', 'http://127.0.0.1:10', '--restore');
    expect(notRetired.output).toContain('--replica: http://127.0.0.1:10 is not a retired replica');
    expect(notRetired.code).toBe(1);
    await db.transaction((manager) => retireSearchReplica(manager, moved));
  }, 120000);

  const indexCheck = (...args: string[]) => command('index-check', ...args);

  /** A worker command (`npm run index:check`, `reindex`) as a process, against this file's database and replicas. */
  function command(name: string, ...args: string[]): Promise<{ code: number | null; output: string }> {
    const dataDir = mkdtempSync(join(tmpdir(), 'hp-index-check-'));
    return new Promise((done) => {
      const child = spawn(process.execPath, [cli(name), ...args], {
        env: {
          PATH: process.env.PATH!,
          HOME: process.env.HOME ?? '/tmp',
          DATA_DIR: dataDir,
          DATABASE_URL: t.databaseUrl,
          MEILI_URL: `${a.url},${b.url}`,
          MEILI_MASTER_KEY: a.server.masterKey,
          MEILI_INDEX_PREFIX: t.indexPrefix,
          LOG_LEVEL: 'error',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.on('exit', (code) => {
        rmSync(dataDir, { recursive: true, force: true });
        done({ code, output });
      });
    });
  }
});
