import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { taxCodes } from '#libs/demo-data';
import { DataSource } from 'typeorm';
import { findFreePort, LocalMeilisearch } from '#libs/local-infra';
import { IndexMaintenance, SearchOutboxWorker, SearchReplicas, SupplierIndex, DEFAULT_OUTBOX_OPTIONS } from '#libs/search';
import { Taxonomy } from '#libs/taxonomy';
import { registerUser, type SignedIn } from '../support/accounts.js';
import { SEARCH, type SearchResult, waitForIndex } from '../support/search.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const CREATE = `mutation($input: CreateSupplierInput!) { createSupplier(input: $input) { id version } }`;
const UPDATE = `mutation($input: UpdateSupplierInput!) { updateSupplier(input: $input) { id version } }`;

/** Valid, distinct tax codes for this file's suppliers. */
const taxCodeQueue = taxCodes('02', 4000000, 200);
function taxCode(): string {
  return taxCodeQueue.shift()!;
}

describe('search resilience (own Meilisearch process)', () => {
  let dataDir: string;
  let port: number;
  let meili: LocalMeilisearch;
  let t: TestApp;
  let owner: SignedIn;
  let maintenance: IndexMaintenance;
  const create = async (nameVi: string, processes = ['CNC_MILLING']) => {
    const result = await t.gql<{ createSupplier: { id: string; version: number } }>(
      CREATE,
      { input: { taxCode: taxCode(), nameVi, processes, zoneCode: 'VSIP_HP' } },
      owner.token,
    );
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data!.createSupplier;
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'hp-meili-'));
    chmodSync(dataDir, 0o755);
    port = await findFreePort();
    meili = await LocalMeilisearch.start({ dataDir, port });
    t = await startTestApp({
      MEILI_URL: meili.url,
      MEILI_MASTER_KEY: meili.masterKey,
      OUTBOX_MAX_BACKOFF_MS: '800',
      OUTBOX_POLL_MS: '200',
      DB_POOL_SIZE: '6',
    }); // three workers drain in this process beside five concurrent writers
    owner = await registerUser(t, 'resilience');
    maintenance = t.app.get(IndexMaintenance);
  });
  afterAll(async () => {
    await t?.close();
    await meili?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps accepting writes while Meilisearch is down, and the index converges when it returns', async () => {
    const before = await create('Công ty TNHH Trước Sự Cố');
    await waitForIndex(t);
    meili.signal('SIGKILL');
    await new Promise((r) => setTimeout(r, 300));

    const during = await create('Công ty TNHH Trong Sự Cố');
    const renamed = await t.gql(
      UPDATE,
      { input: { id: before.id, version: before.version, nameVi: 'Công ty TNHH Đổi Tên Trong Sự Cố' } },
      owner.token,
    );
    expect(renamed.errors).toBeUndefined();
    const doomed = await create('Công ty TNHH Sẽ Bị Xóa');
    expect(
      (await t.gql(`mutation($id: ID!) { deleteSupplier(id: $id, version: 1) }`, { id: doomed.id }, owner.token)).errors,
    ).toBeUndefined();

    const unavailable = await t.gql(SEARCH, { input: { query: 'sự cố' } });
    expect(unavailable.errors![0].extensions!.code).toBe('SEARCH_UNAVAILABLE');
    const ready = await t.http().get('/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body.checks.meilisearch.status).toBe('down');
    const [{ n: pending }] = await t.app.get(DataSource).query(`SELECT count(*)::int AS n FROM search_outbox WHERE processed_at IS NULL`);
    expect(pending).toBeGreaterThanOrEqual(4);

    meili = await LocalMeilisearch.start({ dataDir, port, masterKey: meili.masterKey });
    await waitForIndex(t, 30000);
    const report = await maintenance.check();
    expect(report).toMatchObject({ ok: true, missing: [], extra: [], stale: [] });
    const found = await t.gql<SearchResult>(SEARCH, { input: { query: 'sự cố', hitsPerPage: 10 } });
    const names = found.data!.searchSuppliers.hits.map((h) => h.supplier.nameVi).sort();
    expect(names).toEqual(['Công ty TNHH Trong Sự Cố', 'Công ty TNHH Đổi Tên Trong Sự Cố'].sort());
    expect(found.data!.searchSuppliers.hits.map((h) => h.supplier.id)).toContain(during.id);
    expect((await t.http().get('/health/ready')).status).toBe(200);
  });

  it('reindexes into a fresh index and swaps it in while searches keep answering', async () => {
    for (let i = 0; i < 30; i += 1) await create(`Công ty TNHH Tái Lập Chỉ Mục ${i}`, i % 2 ? ['STAMPING'] : ['CNC_TURNING']);
    await waitForIndex(t);
    const total = (await t.gql<SearchResult>(SEARCH, { input: {} })).data!.searchSuppliers.totalHits;
    let searches = 0;
    const failures: unknown[] = [];
    let running = true;
    const searchLoop = async () => {
      while (running) {
        const result = await t.gql<SearchResult>(SEARCH, { input: { query: 'tái lập', hitsPerPage: 5 } });
        searches += 1;
        if (result.errors || result.data!.searchSuppliers.totalHits === 0) failures.push(result.errors ?? 'no hits');
      }
    };
    const loops = [searchLoop(), searchLoop(), searchLoop()];
    const written = create('Công ty TNHH Ghi Trong Lúc Tái Lập');
    const result = await maintenance.reindex();
    await written;
    running = false;
    await Promise.all(loops);
    expect(result.documents).toBeGreaterThanOrEqual(total);
    expect(searches).toBeGreaterThan(3);
    expect(failures).toEqual([]);
    await waitForIndex(t);
    expect(await maintenance.check()).toMatchObject({ ok: true });
  });

  it('lets several workers drain the outbox at once without losing or reordering updates', async () => {
    const suppliers = await Promise.all([0, 1, 2, 3, 4].map((i) => create(`Công ty TNHH Đồng Thời ${i}`)));
    await waitForIndex(t);
    const dataSource = t.app.get(DataSource);
    const index = t.app.get(SupplierIndex);
    const extra = [1, 2].map(
      () => new SearchOutboxWorker(dataSource, Taxonomy.load(), t.app.get(SearchReplicas), { ...DEFAULT_OUTBOX_OPTIONS, batchSize: 3 }),
    );
    const versions = new Map(suppliers.map((s) => [s.id, s.version]));
    let draining = true;
    const drainers = extra.map(async (worker) => {
      while (draining) await worker.drainOnce();
    });
    for (let round = 0; round < 6; round += 1) {
      await Promise.all(
        suppliers.map(async (s) => {
          const result = await t.gql<{ updateSupplier: { version: number } }>(
            UPDATE,
            { input: { id: s.id, version: versions.get(s.id), employees: round * 10 + 1 } },
            owner.token,
          );
          if (result.errors) throw new Error(JSON.stringify(result.errors));
          versions.set(s.id, result.data!.updateSupplier.version);
        }),
      );
    }
    await waitForIndex(t);
    draining = false;
    await Promise.all(drainers);
    const documents = await index.client
      .index<{ id: string; profile: { version: number; employees: number } }>(index.uid)
      .getDocuments({ filter: suppliers.map((s) => `id = "${s.id}"`).join(' OR '), limit: 10 });
    expect(Object.fromEntries(documents.results.map((d) => [d.id, [d.profile.version, d.profile.employees]]))).toEqual(
      Object.fromEntries(suppliers.map((s) => [s.id, [versions.get(s.id), 51]])),
    );
  });

  it('reports drift with ids and repairs it', async () => {
    const victim = await create('Công ty TNHH Lệch Chỉ Mục');
    const stale = await create('Công ty TNHH Tài Liệu Cũ');
    await waitForIndex(t);
    const index = t.app.get(SupplierIndex);
    await index.client.index(index.uid).deleteDocument(victim.id).waitTask();
    await index.client
      .index(index.uid)
      .updateDocuments([{ id: stale.id, checksum: 'tampered' }])
      .waitTask();
    await index.client
      .index(index.uid)
      .addDocuments([{ id: '00000000-0000-4000-8000-000000000001', checksum: 'ghost' }])
      .waitTask();
    const report = await maintenance.check();
    expect(report).toMatchObject({ ok: false, missing: [victim.id], stale: [stale.id], extra: ['00000000-0000-4000-8000-000000000001'] });
    expect(await maintenance.repair(report)).toBe(3);
    await waitForIndex(t);
    expect(await maintenance.check()).toMatchObject({ ok: true });
  });
});
