import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { taxCodes } from '#libs/demo-data';
import { loginAdmin, registerUser, type SignedIn } from '../support/accounts.js';
import { SEARCH, type SearchResult, waitForIndex } from '../support/search.js';
import { sendCall } from '../support/sweep-operations.js';
import { type GqlResult, startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Assisted onboarding (issue 14, item 3) on hand-worked fixtures: the centre's STAFF enter a
 * profile for an SME after a visit, without its consent (nobody else may find it), hand over a
 * claim code, the SME claims it; every change lands in the audit log with its actor, confidential
 * values never do, and only the supplier's members and the centre read it.
 */

const CONTACT = { name: 'Chị Hoa Kín Đáo', phone: '+84 225 3777 001', email: 'hoa.kindao@tanphat.example' };
const PRIVATE_CUSTOMER = 'Khách Riêng ZX-91';
const NAME = 'Công ty TNHH Cơ khí Thử Hồ Sơ Hộ';
const SUPPLIER = `id nameVi version contact { email } onboarding { dataSource maintainedBy published consentRecordedBy claimedAt }`;
const LOG = `query($id: ID!, $first: Int, $after: String) { supplierAuditLog(supplierId: $id, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor }
  edges { node { action actorUserId actorName actorRole at changes { field confidential oldValue newValue } } } } }`;

type Supplier = { id: string; nameVi: string; version: number; contact: { email: string | null } | null; onboarding: Onboarding | null };
type Onboarding = {
  dataSource: string | null;
  maintainedBy: string;
  published: boolean;
  consentRecordedBy: string | null;
  claimedAt: string | null;
};
type Entry = {
  action: string;
  actorUserId: string | null;
  actorName: string | null;
  actorRole: string;
  changes: { field: string; confidential: boolean; oldValue: string | null; newValue: string | null }[];
};

describe('assisted onboarding, claim codes and the supplier audit log', () => {
  let t: TestApp;
  let admin: SignedIn;
  let staff: SignedIn;
  let sme: SignedIn;
  let outsider: SignedIn;
  let buyer: SignedIn;
  let db: DataSource;
  const codes = taxCodes('03', 7_300_000 + Math.floor(Math.random() * 500_000), 50);
  let nextCode = 0;

  const must = async <T>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> => {
    const result = await t.gql<T>(query, variables, token);
    if (result.errors || !result.data) throw new Error(`${query.slice(0, 60)} → ${JSON.stringify(result.errors)}`);
    return result.data;
  };
  const errorOf = (result: GqlResult) => ({
    code: result.errors?.[0]?.extensions?.code,
    fieldErrors: result.errors?.[0]?.extensions?.fieldErrors,
  });
  const onboard = async (consentToPublish = false, extra: Record<string, unknown> = {}) =>
    (
      await must<{ createSupplierOnBehalf: Supplier }>(
        `mutation($input: CreateSupplierInput!, $onboarding: OnboardingInput!) {
           createSupplierOnBehalf(input: $input, onboarding: $onboarding) { ${SUPPLIER} } }`,
        {
          input: {
            taxCode: codes[nextCode++],
            nameVi: NAME,
            processes: ['CNC_TURNING'],
            zoneCode: 'NAM_DINH_VU',
            monthlyCapacity: { value: 40000, unit: 'PCS' },
            contact: CONTACT,
            customers: [{ name: PRIVATE_CUSTOMER, isPublic: false }],
            ...extra,
          },
          onboarding: { dataSource: 'VISIT', consentToPublish },
        },
        staff.token,
      )
    ).createSupplierOnBehalf;
  const issue = async (supplierId: string, token = staff.token) =>
    (
      await must<{ issueSupplierClaimCode: { code: string; expiresAt: string; supplierId: string } }>(
        `mutation($id: ID!) { issueSupplierClaimCode(supplierId: $id) { code expiresAt supplierId } }`,
        { id: supplierId },
        token,
      )
    ).issueSupplierClaimCode;
  const claim = (code: string, token: string) =>
    t.gql<{ claimSupplier: Supplier }>(`mutation($code: String!) { claimSupplier(code: $code) { ${SUPPLIER} } }`, { code }, token);
  const log = async (supplierId: string, token: string) =>
    (await must<{ supplierAuditLog: { totalCount: number; edges: { node: Entry }[] } }>(LOG, { id: supplierId, first: 50 }, token))
      .supplierAuditLog;
  const searchIds = async (query: string, token?: string) => {
    await waitForIndex(t);
    const result = await must<SearchResult>(SEARCH, { input: { query, hitsPerPage: 50 } }, token);
    return result.searchSuppliers.hits.map((h) => h.supplier.id);
  };
  const directoryIds = async (token?: string) =>
    (
      await must<{ suppliers: { edges: { node: { id: string } }[] } }>(
        `{ suppliers(first: 100, filter: { zones: ["NAM_DINH_VU"] }) { edges { node { id } } } }`,
        {},
        token,
      )
    ).suppliers.edges.map((e) => e.node.id);

  beforeAll(async () => {
    t = await startTestApp({ CLAIM_MAX_PER_USER: '6', CLAIM_MAX_PER_ADDRESS: '1000' });
    db = t.app.get(DataSource);
    admin = await loginAdmin(t);
    [staff, sme, outsider, buyer] = [
      await registerUser(t, 'staff'),
      await registerUser(t, 'sme'),
      await registerUser(t, 'outsider'),
      await registerUser(t, 'buyer'),
    ];
    await must(`mutation($id: ID!) { setUserRole(userId: $id, role: STAFF) { id } }`, { id: staff.userId }, admin.token);
  }, 60000);
  afterAll(async () => t?.close());

  it('lets STAFF enter a profile on behalf without becoming its member, and keeps it from everyone else until consent', async () => {
    const profile = await onboard(false);
    expect(profile.onboarding).toEqual({
      dataSource: 'VISIT',
      maintainedBy: 'CENTRE',
      published: false,
      consentRecordedBy: null,
      claimedAt: null,
    });
    expect(profile.contact?.email).toBe(CONTACT.email); // the centre keeps the contact it noted
    const me = await must<{ me: { memberships: { companyId: string }[] } }>(`{ me { memberships { companyId } } }`, {}, staff.token);
    expect(me.me.memberships.map((m) => m.companyId)).not.toContain(profile.id);

    // nobody else: not by id, not in the directory, not in search
    for (const token of [undefined, outsider.token, buyer.token]) {
      expect(errorOf(await t.gql(`query($id: ID!) { supplier(id: $id) { id } }`, { id: profile.id }, token)).code).toBe('NOT_FOUND');
      expect(await directoryIds(token)).not.toContain(profile.id);
    }
    expect(await searchIds('Thử Hồ Sơ Hộ', buyer.token)).not.toContain(profile.id);
    expect(await directoryIds(staff.token)).toContain(profile.id);

    // consent recorded by the centre on the SME's behalf: it appears everywhere
    const published = await must<{ setSupplierPublicationConsent: Supplier }>(
      `mutation($id: ID!, $v: Int!) { setSupplierPublicationConsent(supplierId: $id, version: $v, consent: true) { ${SUPPLIER} } }`,
      { id: profile.id, v: profile.version },
      staff.token,
    );
    expect(published.setSupplierPublicationConsent.onboarding).toMatchObject({ published: true, consentRecordedBy: staff.userId });
    expect(await searchIds('Thử Hồ Sơ Hộ', buyer.token)).toContain(profile.id);
    expect(await directoryIds(buyer.token)).toContain(profile.id);
    expect(
      (await must<{ supplier: Supplier }>(`query($id: ID!) { supplier(id: $id) { ${SUPPLIER} } }`, { id: profile.id })).supplier,
    ).toMatchObject({
      contact: null,
      onboarding: null, // the onboarding record is for members and the centre
    });
  });

  it('keeps a no-consent profile out of matching until consent', async () => {
    const need = async () => {
      const buyerId = (
        await must<{ createBuyer: { id: string } }>(
          `mutation($input: CreateBuyerInput!) { createBuyer(input: $input) { id } }`,
          {
            input: {
              taxCode: codes[nextCode++],
              name: 'Onboarding Test Buyer',
              countryOfOrigin: 'JP',
              plants: [{ name: 'P1', zoneCode: 'NAM_DINH_VU' }],
            },
          },
          buyer.token,
        )
      ).createBuyer.id;
      const created = (
        await must<{ createSourcingNeed: { id: string; version: number } }>(
          `mutation($input: CreateSourcingNeedInput!) { createSourcingNeed(input: $input) { id version } }`,
          {
            input: {
              buyerId,
              title: 'Trục tiện CNC cho máy bơm',
              visibility: 'PUBLIC',
              processes: ['CNC_TURNING'],
              quantityPerMonth: { value: 5000, unit: 'PCS' },
              delivery: { plant: 'P1' },
            },
          },
          buyer.token,
        )
      ).createSourcingNeed;
      await must(`mutation($id: ID!, $version: Int!) { publishSourcingNeed(id: $id, version: $version) { id } }`, created, buyer.token);
      return created.id;
    };
    const needId = await need();
    const hidden = await onboard(false);
    const matched = async () => {
      await waitForIndex(t);
      const result = await must<{ matchSuppliers: { matches: { supplier: { id: string } }[] } }>(
        `query($id: ID!) { matchSuppliers(needId: $id, first: 50) { matches { supplier { id } } } }`,
        { id: needId },
        buyer.token,
      );
      return result.matchSuppliers.matches.map((m) => m.supplier.id);
    };
    expect(await matched()).not.toContain(hidden.id);
    await must(
      `mutation($id: ID!, $v: Int!) { setSupplierPublicationConsent(supplierId: $id, version: $v, consent: true) { id } }`,
      { id: hidden.id, v: hidden.version },
      staff.token,
    );
    expect(await matched()).toContain(hidden.id);
  });

  it('claims a profile once with its code; the SME becomes its member and maintains it; staff edits after that show in its log', async () => {
    const profile = await onboard(false);
    const issued = await issue(profile.id);
    expect(issued.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}$/);
    const days = (Date.parse(issued.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThan(30.1);
    // stored hashed: the code is nowhere in the database
    const stored = await db.query(`SELECT code_hash FROM supplier_claim_codes WHERE supplier_id = $1`, [profile.id]);
    expect(JSON.stringify(stored)).not.toContain(issued.code.replace(/-/g, ''));

    // typed loosely: lower case, spaces instead of dashes
    const claimed = await claim(issued.code.toLowerCase().replace(/-/g, ' '), sme.token);
    expect(claimed.errors).toBeUndefined();
    expect(claimed.data!.claimSupplier.onboarding).toMatchObject({ maintainedBy: 'SELF', published: false });
    expect(claimed.data!.claimSupplier.onboarding!.claimedAt).not.toBeNull();
    const me = await must<{ me: { memberships: { companyId: string }[] } }>(`{ me { memberships { companyId } } }`, {}, sme.token);
    expect(me.me.memberships.map((m) => m.companyId)).toContain(profile.id);

    // used: a second claim fails, for anyone, without naming the supplier
    const again = await claim(issued.code, outsider.token);
    expect(errorOf(again)).toEqual({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ field: 'code', reason: expect.stringContaining('already been used') }],
    });
    expect(JSON.stringify(again)).not.toContain(profile.id);
    expect(JSON.stringify(again)).not.toContain(NAME);
    // claimed: no new code for it
    const reissue = await t.gql(`mutation($id: ID!) { issueSupplierClaimCode(supplierId: $id) { code } }`, { id: profile.id }, staff.token);
    expect(errorOf(reissue)).toEqual({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ field: 'supplierId', reason: expect.stringContaining('already maintained') }],
    });

    // the SME edits, then the centre's staff edit the claimed profile: both in the log, newest first, each with its actor
    const v1 = (
      await must<{ updateSupplier: Supplier }>(
        `mutation($input: UpdateSupplierInput!) { updateSupplier(input: $input) { ${SUPPLIER} } }`,
        {
          input: {
            id: profile.id,
            version: claimed.data!.claimSupplier.version,
            employees: 45,
            contact: { ...CONTACT, email: 'moi.kindao@tanphat.example' },
          },
        },
        sme.token,
      )
    ).updateSupplier;
    await must(
      `mutation($input: UpdateSupplierInput!) { updateSupplier(input: $input) { id } }`,
      { input: { id: profile.id, version: v1.version, leadTimeDays: 12, customers: [{ name: 'Khách Riêng Mới QQ-3', isPublic: false }] } },
      staff.token,
    );
    const entries = (await log(profile.id, sme.token)).edges.map((e) => e.node);
    expect(entries.map((e) => [e.action, e.actorRole, e.actorUserId])).toEqual([
      ['UPDATED', 'STAFF', staff.userId],
      ['UPDATED', 'MEMBER', sme.userId],
      ['CLAIMED', 'MEMBER', sme.userId],
      ['CLAIM_CODE_ISSUED', 'STAFF', staff.userId],
      ['CREATED', 'STAFF', staff.userId],
    ]);
    expect(entries[0].changes).toEqual([
      { field: 'leadTimeDays', confidential: false, oldValue: null, newValue: '12' },
      { field: 'customers', confidential: true, oldValue: null, newValue: null },
    ]);
    expect(entries[1].changes).toEqual([
      { field: 'contact.email', confidential: true, oldValue: null, newValue: null },
      { field: 'employees', confidential: false, oldValue: null, newValue: '45' },
    ]);
    expect(entries[2].changes).toEqual([{ field: 'onboarding.maintainedBy', confidential: false, oldValue: 'CENTRE', newValue: 'SELF' }]);
    expect(entries[4].changes).toEqual(
      expect.arrayContaining([
        { field: 'nameVi', confidential: false, oldValue: null, newValue: NAME },
        { field: 'onboarding.dataSource', confidential: false, oldValue: null, newValue: 'VISIT' },
        { field: 'contact.phone', confidential: true, oldValue: null, newValue: null },
      ]),
    );
    expect(entries[0].actorName).toMatch(/^staff /);
    // confidential values are nowhere in the log (nor in its table)
    const raw = JSON.stringify(await db.query(`SELECT * FROM supplier_audit_log WHERE supplier_id = $1`, [profile.id]));
    for (const secret of [
      CONTACT.name,
      CONTACT.phone,
      CONTACT.email,
      'moi.kindao@tanphat.example',
      PRIVATE_CUSTOMER,
      'Khách Riêng Mới QQ-3',
    ])
      expect(raw).not.toContain(secret);

    // read by the members and the centre; not by another company's member, nor anonymously
    expect((await log(profile.id, staff.token)).totalCount).toBe(5);
    expect((await log(profile.id, admin.token)).totalCount).toBe(5);
    expect(errorOf(await t.gql(LOG, { id: profile.id }, outsider.token)).code).toBe('NOT_FOUND'); // unpublished: not even there
    expect(errorOf(await t.gql(LOG, { id: profile.id })).code).toBe('UNAUTHENTICATED');
  });

  it("lists the centre's profiles for its staff: the pending ones by default (unclaimed or unpublished), all with pending: false", async () => {
    const LIST = `query($pending: Boolean, $after: String) { centreEnteredSuppliers(first: 100, pending: $pending, after: $after) {
      totalCount edges { node { id taxCode createdAt onboarding { dataSource maintainedBy published claimedAt } } } } }`;
    type Listed = { id: string; taxCode: string; onboarding: Onboarding };
    const listed = async (pending: boolean, token = staff.token) =>
      (await must<{ centreEnteredSuppliers: { edges: { node: Listed }[] } }>(LIST, { pending }, token)).centreEnteredSuppliers.edges.map(
        (e) => e.node,
      );
    const waiting = await onboard(false);
    const consented = await onboard(true);
    const claimedLater = await onboard(false);
    const owner = await registerUser(t, 'lister');
    // a profile its SME entered itself is not the centre's
    const own = (
      await must<{ createSupplier: { id: string } }>(
        `mutation($input: CreateSupplierInput!) { createSupplier(input: $input) { id } }`,
        { input: { taxCode: codes[nextCode++], nameVi: 'Công ty Tự Nhập', processes: ['CNC_TURNING'] } },
        owner.token,
      )
    ).createSupplier;

    let pending = await listed(true);
    const ids = pending.map((p) => p.id);
    // newest first; both unclaimed ones, published or not, are waiting for their SME
    expect(ids.indexOf(claimedLater.id)).toBeLessThan(ids.indexOf(consented.id));
    expect(ids.indexOf(consented.id)).toBeLessThan(ids.indexOf(waiting.id));
    expect(ids).not.toContain(own.id);
    expect(pending.find((p) => p.id === consented.id)!.onboarding).toMatchObject({ dataSource: 'VISIT', published: true, claimedAt: null });

    // claimed but not yet published: still pending, shown claimed
    const claimed = await claim((await issue(claimedLater.id)).code, owner.token);
    expect(claimed.errors).toBeUndefined();
    pending = await listed(true);
    expect(pending.find((p) => p.id === claimedLater.id)!.onboarding).toMatchObject({ maintainedBy: 'SELF', published: false });
    expect(pending.find((p) => p.id === claimedLater.id)!.onboarding.claimedAt).not.toBeNull();

    // claimed and published: done, listed only with pending: false
    await must(
      `mutation($id: ID!, $version: Int!) { setSupplierPublicationConsent(supplierId: $id, version: $version, consent: true) { id } }`,
      { id: claimedLater.id, version: claimed.data!.claimSupplier.version },
      owner.token,
    );
    expect((await listed(true)).map((p) => p.id)).not.toContain(claimedLater.id);
    const all = (await listed(false)).map((p) => p.id);
    expect(all).toEqual(expect.arrayContaining([claimedLater.id, consented.id, waiting.id]));
    expect(all).not.toContain(own.id);

    // the centre's staff only: a member (even of a listed profile) and an analyst are refused
    for (const token of [owner.token, outsider.token]) {
      const refused = await t.gql(LIST, { pending: true }, token);
      expect(errorOf(refused).code).toBe('FORBIDDEN');
      expect(refused.data).toBeFalsy();
    }
    expect((await listed(true, admin.token)).map((p) => p.id)).toContain(waiting.id);
  });

  it('refuses an expired code, a replaced code and a wrong code with specific reasons, and nothing changes', async () => {
    const profile = await onboard(false);
    const first = await issue(profile.id);
    const second = await issue(profile.id); // replaces the first
    const replaced = await claim(first.code, sme.token);
    expect(errorOf(replaced).fieldErrors).toEqual([{ field: 'code', reason: expect.stringContaining('replaced by a newer code') }]);
    // time passes: the code's expiry is moved into the past (the check uses the database's clock)
    await db.query(
      `UPDATE supplier_claim_codes SET expires_at = now() - interval '1 second' WHERE supplier_id = $1 AND revoked_at IS NULL`,
      [profile.id],
    );
    const expired = await claim(second.code, sme.token);
    expect(errorOf(expired).fieldErrors).toEqual([{ field: 'code', reason: expect.stringContaining('has expired') }]);
    const wrong = await claim('AAAA-BBBB-CCCC-DDDD-EEEE', sme.token);
    expect(errorOf(wrong).fieldErrors).toEqual([{ field: 'code', reason: expect.stringContaining('matches no claim code') }]);
    const malformed = await claim('12345', sme.token);
    expect(errorOf(malformed).fieldErrors).toEqual([{ field: 'code', reason: expect.stringContaining('is not a claim code') }]);
    for (const answer of [replaced, expired, wrong]) expect(JSON.stringify(answer)).not.toContain(profile.id);
    const after = await must<{ supplier: Supplier }>(
      `query($id: ID!) { supplier(id: $id) { ${SUPPLIER} } }`,
      { id: profile.id },
      staff.token,
    );
    expect(after.supplier.onboarding).toMatchObject({ maintainedBy: 'CENTRE', claimedAt: null });
    // a fresh code still works afterwards
    const fresh = await issue(profile.id, admin.token);
    const ok = await claim(fresh.code, outsider.token);
    expect(ok.errors).toBeUndefined();
  });

  it('rate-limits claim attempts per user (right or wrong), with RATE_LIMITED and Retry-After', async () => {
    const guesser = await registerUser(t, 'guesser');
    const profile = await onboard(false);
    const { code } = await issue(profile.id);
    const answers: GqlResult[] = [];
    for (let i = 0; i < 6; i += 1) answers.push(await claim(`ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZ${i}`, guesser.token));
    expect(answers.map((a) => a.errors?.[0]?.extensions?.code)).toEqual(Array(6).fill('BAD_USER_INPUT'));
    // the seventh attempt is refused even with the right code, before the code is looked at
    const limited = await claim(code, guesser.token);
    expect(limited.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(limited.status).toBe(429);
    const still = await must<{ supplier: Supplier }>(
      `query($id: ID!) { supplier(id: $id) { ${SUPPLIER} } }`,
      { id: profile.id },
      staff.token,
    );
    expect(still.supplier.onboarding!.maintainedBy).toBe('CENTRE');
    // another user is not affected
    expect((await claim(code, sme.token)).errors).toBeUndefined();
  });

  it('limits STAFF to onboarding: no verification, no registry import, no analytics; members cannot onboard', async () => {
    const profile = await onboard(true);
    const denied = async (query: string, variables: Record<string, unknown> = {}, token = staff.token) =>
      errorOf(await t.gql(query, variables, token)).code;
    expect(
      await denied(`mutation($id: ID!) { setVerificationStatus(input: { supplierId: $id, status: VERIFIED }) { id } }`, { id: profile.id }),
    ).toBe('FORBIDDEN');
    expect(await denied(`{ supplyGaps { gapNeeds } }`)).toBe('FORBIDDEN');
    const upload = await sendCall(
      t,
      {
        query: `mutation($file: Upload!) { importSupplierRegistry(file: $file, dryRun: true) { total } }`,
        upload: { content: `tax_code,name_vi\n${codes[nextCode++]},Công ty TNHH X\n`, name: 'registry.csv' },
      },
      staff,
    );
    expect(errorOf(upload).code).toBe('FORBIDDEN');
    expect(
      await denied(
        `mutation { createSupplierOnBehalf(input: { taxCode: "${codes[nextCode++]}", nameVi: "X" }, onboarding: { dataSource: PHONE }) { id } }`,
        {},
        sme.token,
      ),
    ).toBe('FORBIDDEN');
    expect(await denied(`mutation($id: ID!) { issueSupplierClaimCode(supplierId: $id) { code } }`, { id: profile.id }, sme.token)).toBe(
      'FORBIDDEN',
    );
  });

  it('logs verification, a registry import that changes an existing profile, and self-service creation, each with its actor', async () => {
    const own = await registerUser(t, 'self');
    const taxCode = codes[nextCode++];
    const created = (
      await must<{ createSupplier: { id: string; version: number } }>(
        `mutation($input: CreateSupplierInput!) { createSupplier(input: $input) { id version } }`,
        { input: { taxCode, nameVi: 'Công ty TNHH Tự Nhập', employees: 20 } },
        own.token,
      )
    ).createSupplier;
    await must(
      `mutation($id: ID!) { setVerificationStatus(input: { supplierId: $id, status: VERIFIED }) { id } }`,
      { id: created.id },
      admin.token,
    );
    const imported = await sendCall(
      t,
      {
        query: `mutation($file: Upload!) { importSupplierRegistry(file: $file, dryRun: false) { total updated } }`,
        upload: { content: `tax_code,name_vi,employees\n${taxCode},Công ty TNHH Tự Nhập,35\n`, name: 'registry.csv' },
      },
      admin,
    );
    expect(imported.errors).toBeUndefined();
    const entries = (await log(created.id, own.token)).edges.map((e) => e.node);
    expect(entries.map((e) => [e.action, e.actorRole, e.actorUserId])).toEqual([
      ['IMPORTED', 'ADMIN', admin.userId],
      ['VERIFICATION_CHANGED', 'ADMIN', admin.userId],
      ['CREATED', 'MEMBER', own.userId],
    ]);
    expect(entries[0].changes).toContainEqual({ field: 'employees', confidential: false, oldValue: '20', newValue: '35' });
    expect(entries[1].changes).toEqual([
      { field: 'verificationStatus', confidential: false, oldValue: 'UNVERIFIED', newValue: 'VERIFIED' },
    ]);
    // a member of another (published, visible) company may not read it
    expect(errorOf(await t.gql(LOG, { id: created.id }, outsider.token)).code).toBe('FORBIDDEN');
  });
});

describe('claim attempts per client address', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ CLAIM_MAX_PER_USER: '100', CLAIM_MAX_PER_ADDRESS: '3' });
  }, 60000);
  afterAll(async () => t?.close());

  it('counts every user from one address together: a fresh account does not get more guesses', async () => {
    const attempt = async (user: SignedIn) =>
      (await t.gql(`mutation { claimSupplier(code: "ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ") { id } }`, {}, user.token)).errors?.[0]?.extensions?.code;
    const codes: unknown[] = [];
    for (let i = 0; i < 4; i += 1) codes.push(await attempt(await registerUser(t, `guesser${i}`)));
    expect(codes).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT', 'BAD_USER_INPUT', 'RATE_LIMITED']);
  });
});
