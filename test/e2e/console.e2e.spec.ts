import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { taxCodes } from '#libs/demo-data';
import { loginAdmin, registerUser, type SignedIn } from '../support/accounts.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The staff console's queries: the verification queue (unverified suppliers, the longest waiting
 * first), finding users by email, and the search index's health as `index:check` reports it.
 */
describe('console queries', () => {
  let t: TestApp;
  let admin: SignedIn;
  let member: SignedIn;
  const [first, second] = taxCodes('07', 4455661, 2) as [string, string];
  const ids: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    admin = await loginAdmin(t);
    member = await registerUser(t, 'console.member');
    for (const [taxCode, name] of [
      [first, 'Công ty Chờ Duyệt Một'],
      [second, 'Công ty Chờ Duyệt Hai'],
    ] as const) {
      const created = await t.gql<{ createSupplier: { id: string } }>(
        `mutation($input: CreateSupplierInput!) { createSupplier(input: $input) { id } }`,
        { input: { taxCode, nameVi: name, processes: ['STAMPING'] } },
        member.token,
      );
      ids.push(created.data!.createSupplier.id);
    }
  });
  afterAll(async () => t?.close());

  const QUEUE = `{ verificationQueue(first: 200) { waitingSince previouslyVerifiedAt supplier { id version verificationStatus } } }`;
  type Queue = {
    verificationQueue: {
      waitingSince: string;
      previouslyVerifiedAt: string | null;
      supplier: { id: string; version: number; verificationStatus: string };
    }[];
  };

  it('lists unverified suppliers, the longest waiting first, and tells a changed profile from a new one', async () => {
    const db = t.app.get(DataSource);
    // The second was verified once, then changed and un-verified; make it the older of the two.
    await db.query(`UPDATE suppliers SET verification_status = 'VERIFIED' WHERE id = $1`, [ids[1]]);
    await db.query(`UPDATE suppliers SET verification_status = 'UNVERIFIED', updated_at = now() - interval '3 days' WHERE id = $1`, [
      ids[1],
    ]);
    await db.query(
      `INSERT INTO search_outbox (aggregate, aggregate_id, reason, replica_id) SELECT 'supplier', $1, 'test', id FROM search_replicas`,
      [ids[1]],
    );
    const queue = (await t.gql<Queue>(QUEUE, {}, admin.token)).data!.verificationQueue;
    const waiting = queue.map((item) => item.waitingSince);
    expect(waiting).toEqual([...waiting].sort());
    expect(queue.every((item) => item.supplier.verificationStatus === 'UNVERIFIED')).toBe(true);
    const mine = queue.filter((item) => ids.includes(item.supplier.id));
    expect(mine.map((item) => item.supplier.id)).toEqual([ids[1], ids[0]]);
    expect(mine[0].previouslyVerifiedAt).not.toBeNull();
    expect(mine[1].previouslyVerifiedAt).toBeNull();
    // Verified from the queue with the version seen: it leaves the queue.
    const verified = await t.gql(
      `mutation($id: ID!, $v: Int!) { setVerificationStatus(input: { supplierId: $id, status: VERIFIED, version: $v }) { verificationStatus } }`,
      { id: ids[0], v: mine[1].supplier.version },
      admin.token,
    );
    expect(verified.errors).toBeUndefined();
    const after = (await t.gql<Queue>(QUEUE, {}, admin.token)).data!.verificationQueue;
    expect(after.map((item) => item.supplier.id)).not.toContain(ids[0]);
  });

  it('pages through the whole queue, the longest waiting first, each supplier once, refusing a cursor that is not one', async () => {
    const db = t.app.get(DataSource);
    // Three more waiting, with distinct and equal change times (the id breaks the tie).
    const more = taxCodes('07', 4455800, 3);
    for (const [i, taxCode] of more.entries()) {
      const created = await t.gql<{ createSupplier: { id: string } }>(
        `mutation($input: CreateSupplierInput!) { createSupplier(input: $input) { id } }`,
        { input: { taxCode, nameVi: `Công ty Chờ Trang ${i}`, processes: ['STAMPING'] } },
        member.token,
      );
      await db.query(`UPDATE suppliers SET updated_at = now() - interval '2 days' + $2 * interval '1 hour' WHERE id = $1`, [
        created.data!.createSupplier.id,
        Math.min(i, 1),
      ]);
      // Written behind the API's back: queued for the worker as the API would (the index holds the change
      // time; without this the worker may have indexed the row before the update, and the health check
      // below rightly calls it stale).
      await db.query(
        `INSERT INTO search_outbox (aggregate, aggregate_id, reason, replica_id) SELECT 'supplier', $1, 'test', id FROM search_replicas`,
        [created.data!.createSupplier.id],
      );
    }
    const PAGE = `query($after: String) { verificationQueuePage(first: 2, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { cursor node { waitingSince supplier { id verificationStatus } } } } }`;
    type Page = {
      verificationQueuePage: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        edges: { cursor: string; node: { waitingSince: string; supplier: { id: string } } }[];
      };
    };
    const seen: string[] = [];
    const waiting: string[] = [];
    let after: string | null = null;
    let pages = 0;
    let total = 0;
    do {
      const answer: Page = (await t.gql<Page>(PAGE, { after }, admin.token)).data!;
      const page = answer.verificationQueuePage;
      total = page.totalCount;
      expect(page.edges.length).toBeLessThanOrEqual(2);
      for (const edge of page.edges) {
        seen.push(edge.node.supplier.id);
        waiting.push(edge.node.waitingSince);
      }
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages += 1;
    } while (after && pages < 50);
    const all = (await t.gql<Queue>(QUEUE, {}, admin.token)).data!.verificationQueue.map((item) => item.supplier.id);
    expect(seen).toEqual(all); // the same order as the one-shot list, nobody twice, nobody left out
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(total);
    expect(total).toBeGreaterThanOrEqual(4);
    expect(pages).toBe(Math.ceil(total / 2));
    expect(waiting).toEqual([...waiting].sort());
    const bad = await t.gql(PAGE, { after: 'not-a-cursor' }, admin.token);
    expect(bad.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect((await t.gql(PAGE, {}, member.token)).errors![0].extensions!.code).toBe('FORBIDDEN');
  });

  it('finds users by part of their email, ignoring case, and treats % and _ as plain characters', async () => {
    const found = await t.gql<{ usersByEmail: { id: string; role: string }[] }>(
      `query($e: String!) { usersByEmail(email: $e) { id email role } }`,
      { e: 'CONSOLE.MEMBER' },
      admin.token,
    );
    expect(found.data!.usersByEmail.map((u) => u.id)).toEqual([member.userId]);
    const wildcard = await t.gql<{ usersByEmail: unknown[] }>(`{ usersByEmail(email: "%") { id } }`, {}, admin.token);
    expect(wildcard.data!.usersByEmail).toEqual([]);
    const empty = await t.gql(`{ usersByEmail(email: "  ") { id } }`, {}, admin.token);
    expect(empty.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ field: 'email', reason: 'must not be empty' }],
    });
  });

  it('reports the index against PostgreSQL as index:check does, and names a document that went missing', async () => {
    const HEALTH = `{ searchIndexHealth { postgresCount indexCount pending missing extra stale ok oldestPendingAt } }`;
    type Health = {
      searchIndexHealth: {
        postgresCount: number;
        indexCount: number;
        pending: number;
        missing: string[];
        ok: boolean;
        oldestPendingAt: string | null;
      };
    };
    const db = t.app.get(DataSource);
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM suppliers`);
    // A re-index scheduled for a certificate's expiry next month is not a backlog.
    await db.query(
      `INSERT INTO search_outbox (aggregate, aggregate_id, reason, available_at, replica_id) SELECT 'supplier', $1, 'certificate-validity', now() + interval '30 days', id FROM search_replicas`,
      [ids[0]],
    );
    // The worker runs in the test app: wait for it to drain what the tests above wrote.
    let health: Health['searchIndexHealth'] | undefined;
    for (let i = 0; i < 60; i += 1) {
      health = (await t.gql<Health>(HEALTH, {}, admin.token)).data!.searchIndexHealth;
      if (health.pending === 0 && health.ok) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(health).toMatchObject({ postgresCount: n, indexCount: n, pending: 0, ok: true, oldestPendingAt: null });
    // A supplier written behind the worker's back (no outbox entry) is missing from the index.
    await db.query(`INSERT INTO suppliers (tax_code, name_vi) VALUES ($1, 'Công ty Bỏ Qua Chỉ Mục')`, [taxCodes('07', 4455700, 1)[0]]);
    const drifted = (await t.gql<Health>(HEALTH, {}, admin.token)).data!.searchIndexHealth;
    expect(drifted.ok).toBe(false);
    expect(drifted.missing).toHaveLength(1);
    // However far the index drifts, the answer lists 100 ids per kind and counts the rest.
    await db.query(`INSERT INTO suppliers (tax_code, name_vi) SELECT unnest($1::text[]), 'Công ty Ngoài Chỉ Mục'`, [
      taxCodes('07', 4456000, 120),
    ]);
    const far = await t.gql<{ searchIndexHealth: { missingCount: number; missing: string[]; extraCount: number; extra: string[] } }>(
      `{ searchIndexHealth { missingCount missing extraCount extra } }`,
      {},
      admin.token,
    );
    expect(far.data!.searchIndexHealth.missingCount).toBe(121);
    expect(far.data!.searchIndexHealth.missing).toHaveLength(100);
    expect(far.data!.searchIndexHealth.missing).toEqual([...far.data!.searchIndexHealth.missing].sort());
    expect(far.data!.searchIndexHealth).toMatchObject({ extraCount: 0, extra: [] });
  });

  it('refuses every console query to a company member and to an analyst', async () => {
    const analyst = await registerUser(t, 'console.analyst');
    await t.gql(`mutation($id: ID!) { setUserRole(userId: $id, role: ANALYST) { id } }`, { id: analyst.userId }, admin.token);
    const analystToken = (
      await t.gql<{ login: { accessToken: string } }>(
        `mutation($e: String!) { login(email: $e, password: "correct horse battery") { accessToken } }`,
        { e: (await t.gql<{ me: { email: string } }>(`{ me { email } }`, {}, analyst.token)).data!.me.email },
      )
    ).data!.login.accessToken;
    for (const token of [member.token, analystToken]) {
      for (const query of [QUEUE, `{ usersByEmail(email: "a") { id } }`, `{ searchIndexHealth { ok } }`]) {
        const res = await t.gql(query, {}, token);
        expect({ query, data: res.data ?? null, code: res.errors?.[0]?.extensions?.code }).toEqual({
          query,
          data: null,
          code: 'FORBIDDEN',
        });
      }
    }
  });
});
