import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { taxCodes } from '#libs/demo-data';
import { loginAdmin, registerUser, type SignedIn } from '../support/accounts.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** A valid tax code no other test of this file uses. */
const FRESH_TAX_CODE = taxCodes('05', 1234567, 1)[0];

const SUPPLIER_FIELDS = `id taxCode nameVi version verificationStatus processes { code label(lang: en) } zone { code label }
  location { latitude longitude } contact { name phone email } customers { name isPublic }
  certifications { code validUntil isValid } equipment { kind pressTonnage count } monthlyCapacity { value unit }`;
const CREATE = `mutation($input: CreateSupplierInput!) { createSupplier(input: $input) { ${SUPPLIER_FIELDS} } }`;
const UPDATE = `mutation($input: UpdateSupplierInput!) { updateSupplier(input: $input) { ${SUPPLIER_FIELDS} } }`;
const GET = `query($id: ID!) { supplier(id: $id) { ${SUPPLIER_FIELDS} } }`;

interface Supplier {
  id: string;
  version: number;
  nameVi: string;
  contact: { name: string } | null;
  customers: { name: string; isPublic: boolean }[];
  location: { latitude: number; longitude: number } | null;
  certifications: { code: string; isValid: boolean }[];
  verificationStatus: string;
  processes: { code: string; label: string }[];
}

export function supplierInput(taxCode: string, overrides: Record<string, unknown> = {}) {
  return {
    taxCode,
    nameVi: 'Công ty TNHH Cơ khí Chính xác Thử Nghiệm',
    tradeNameEn: 'Test Precision Co., Ltd',
    address: { street: '12 Lê Hồng Phong', ward: 'P. Thủy Nguyên', province: 'Hải Phòng', oldDistrict: 'Thủy Nguyên' },
    zoneCode: 'VSIP_HP',
    contact: { name: 'Nguyễn Văn A', phone: '+84 225 3812 345', email: 'sales@thunghiem.vn' },
    employees: 85,
    processes: ['CNC_MILLING'],
    certifications: [
      { code: 'ISO_9001', certificateNumber: 'VN-QMS-1', issuingBody: 'Bureau Veritas', validFrom: '2024-01-01', validUntil: '2099-01-01' },
      { code: 'IATF_16949', validFrom: '2020-01-01', validUntil: '2021-01-01' },
    ],
    equipment: [{ kind: 'PRESS', maker: 'Amada', pressTonnage: 200, count: 3 }],
    monthlyCapacity: { value: 50000, unit: 'PCS' },
    customers: [
      { name: 'Public Customer Co.', isPublic: true },
      { name: 'Secret Customer Co.', isPublic: false },
    ],
    ...overrides,
  };
}

describe('company profiles', () => {
  let t: TestApp;
  let owner: SignedIn;
  let stranger: SignedIn;
  let admin: SignedIn;
  let supplier: Supplier;
  const db = () => t.app.get(DataSource);

  beforeAll(async () => {
    t = await startTestApp();
    owner = await registerUser(t, 'owner');
    stranger = await registerUser(t, 'stranger');
    admin = await loginAdmin(t);
    const created = await t.gql<{ createSupplier: Supplier }>(CREATE, { input: supplierInput('0100109106') }, owner.token);
    expect(created.errors).toBeUndefined();
    supplier = created.data!.createSupplier;
  });
  afterAll(async () => t?.close());

  it('creates a supplier: the creator becomes a member, the location comes from the zone, an outbox entry is written', async () => {
    expect(supplier.version).toBe(1);
    expect(supplier.verificationStatus).toBe('UNVERIFIED');
    expect(supplier.location).toEqual({ latitude: expect.any(Number), longitude: expect.any(Number) });
    expect(supplier.location!.latitude).toBeCloseTo(20.9041, 3);
    expect(supplier.contact).toMatchObject({ name: 'Nguyễn Văn A' });
    expect(supplier.certifications.map((c) => [c.code, c.isValid])).toEqual([
      ['ISO_9001', true],
      ['IATF_16949', false],
    ]);
    expect(supplier.processes[0].label.length).toBeGreaterThan(0);
    const [membership] = await db().query('SELECT count(*)::int AS n FROM company_memberships WHERE user_id = $1 AND supplier_id = $2', [
      owner.userId,
      supplier.id,
    ]);
    expect(membership.n).toBe(1);
    const [outbox] = await db().query(`SELECT count(*)::int AS n FROM search_outbox WHERE aggregate_id = $1`, [supplier.id]);
    expect(outbox.n).toBe(1);
  });

  it('hides contact details and private customers from other callers', async () => {
    for (const token of [stranger.token, undefined]) {
      const seen = await t.gql<{ supplier: Supplier }>(GET, { id: supplier.id }, token);
      expect(seen.data!.supplier.contact).toBeNull();
      expect(seen.data!.supplier.customers).toEqual([{ name: 'Public Customer Co.', isPublic: true }]);
    }
    const asAdmin = await t.gql<{ supplier: Supplier }>(GET, { id: supplier.id }, admin.token);
    expect(asAdmin.data!.supplier.contact).not.toBeNull();
    expect(asAdmin.data!.supplier.customers).toHaveLength(2);
  });

  it('gives an anonymous visitor everything the public profile page shows, with taxonomy labels in vi, en, ja and ko', async () => {
    const PROFILE = `query($id: ID!, $lang: Language!) { supplier(id: $id) {
      nameVi tradeNameEn descriptionVi descriptionEn verificationStatus taxCode website employees foundedYear languages exportMarkets exportExperience
      ownership { type country } address { street ward province oldDistrict } location { latitude longitude } zone { code label(lang: $lang) }
      processes { code label(lang: $lang) } materials { code label(lang: $lang) } productGroups { code label(lang: $lang) } sectors { code label(lang: $lang) }
      certifications { code certificateNumber issuingBody scope validFrom validUntil isValid } equipment { kind maker model count pressTonnage clampForceTonnes axes bedSize notes }
      monthlyCapacity { value unit } minimumOrderQuantity leadTimeDays bestToleranceMm customers { name } contact { email } } }`;
    const labels: Record<string, string> = {};
    for (const lang of ['vi', 'en', 'ja', 'ko']) {
      const seen = await t.gql<{ supplier: Record<string, unknown> & { processes: { label: string }[] } }>(PROFILE, {
        id: supplier.id,
        lang,
      });
      expect(seen.errors).toBeUndefined();
      expect(seen.data!.supplier).toMatchObject({
        nameVi: 'Công ty TNHH Cơ khí Chính xác Thử Nghiệm',
        taxCode: '0100109106',
        location: { latitude: expect.any(Number), longitude: expect.any(Number) },
        certifications: [
          expect.objectContaining({ code: 'ISO_9001', certificateNumber: 'VN-QMS-1', issuingBody: 'Bureau Veritas', isValid: true }),
          expect.objectContaining({ code: 'IATF_16949', isValid: false }),
        ],
        equipment: [expect.objectContaining({ kind: 'PRESS', maker: 'Amada', pressTonnage: 200, count: 3 })],
        monthlyCapacity: { value: 50000, unit: 'PCS' },
        customers: [{ name: 'Public Customer Co.' }],
        contact: null,
      });
      labels[lang] = seen.data!.supplier.processes[0].label;
    }
    // four different labels: ja and ko are real translations, not the English fallback
    expect(new Set(Object.values(labels)).size).toBe(4);
    expect(labels.ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    expect(labels.ko).toMatch(/[\uac00-\ud7af]/);
    // the page groups processes under their parents from the taxonomy, which anonymous callers may read whole
    const tree = await t.gql<{ taxonomy: { code: string; parentCode: string | null; label: string }[] }>(
      `{ taxonomy(kind: PROCESS, lang: ko) { code parentCode label } }`,
    );
    expect(tree.errors).toBeUndefined();
    expect(tree.data!.taxonomy.find((term) => term.code === 'CNC_MILLING')).toMatchObject({
      parentCode: expect.any(String),
      label: labels.ko,
    });
  });

  it('accepts the tax codes 0100233488 and 0314409058-002 and rejects 0100233480 and a 9-digit code', async () => {
    for (const taxCode of ['0100233488', '0314409058-002']) {
      const ok = await t.gql(CREATE, { input: supplierInput(taxCode, { contact: null, customers: [] }) }, owner.token);
      expect(ok.errors).toBeUndefined();
    }
    for (const [taxCode, reason] of [
      ['0100233480', /check digit/],
      ['010010910', /10 digits/],
    ] as const) {
      const before = await db().query('SELECT count(*)::int AS n FROM suppliers');
      const bad = await t.gql(CREATE, { input: supplierInput(taxCode) }, owner.token);
      expect(bad.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fieldErrors: [{ field: 'input.taxCode', reason: expect.stringMatching(reason) }],
      });
      expect(await db().query('SELECT count(*)::int AS n FROM suppliers')).toEqual(before);
    }
  });

  it('rejects a duplicate tax code and writes nothing', async () => {
    const dup = await t.gql(CREATE, { input: supplierInput('0100109106') }, stranger.token);
    expect(dup.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ field: 'input.taxCode' }] });
  });

  it('reports each invalid field with its path and a reason, and writes nothing', async () => {
    const input = supplierInput('0100112437', {
      processes: ['CNC_MILLING', 'NOT_A_PROCESS'],
      zoneCode: 'ATLANTIS',
      location: { latitude: 95, longitude: 106.7 },
      employees: -3,
      contact: { email: 'not-an-email' },
      certifications: [{ code: 'ISO_9001', validFrom: '2025-05-01', validUntil: '2024-05-01' }],
      equipment: [{ kind: 'PRESS', count: 0 }],
      nameVi: 'x'.repeat(201),
      foundedYear: 3000,
    });
    // The worker itself schedules certificate-validity entries at any time: not writes of this mutation.
    const counts = async () =>
      db().query(
        `SELECT (SELECT count(*) FROM suppliers) s, (SELECT count(*) FROM supplier_certifications) c, (SELECT count(*) FROM search_outbox WHERE reason <> 'certificate-validity') o`,
      );
    const before = await counts();
    const result = await t.gql(CREATE, { input }, owner.token);
    const fields = (result.errors![0].extensions!.fieldErrors as { field: string; reason: string }[]).map((e) => e.field);
    expect(result.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    // class-validator catches shapes and ranges first; the taxonomy and date rules run on shape-valid input.
    expect(fields).toEqual(
      expect.arrayContaining([
        'input.location.latitude',
        'input.employees',
        'input.contact.email',
        'input.equipment.0.count',
        'input.nameVi',
        'input.foundedYear',
      ]),
    );
    expect(await counts()).toEqual(before);

    const semantic = await t.gql(
      CREATE,
      {
        input: supplierInput('0100112437', {
          processes: ['CNC_MILLING', 'NOT_A_PROCESS'],
          zoneCode: 'ATLANTIS',
          certifications: [{ code: 'ISO_9001', validFrom: '2025-05-01', validUntil: '2024-05-01' }],
          foundedYear: new Date().getFullYear() + 1,
        }),
      },
      owner.token,
    );
    const semanticFields = (semantic.errors![0].extensions!.fieldErrors as { field: string }[]).map((e) => e.field).sort();
    expect(semanticFields).toEqual(['input.certifications.0.validUntil', 'input.foundedYear', 'input.processes.1', 'input.zoneCode']);
    expect(await counts()).toEqual(before);

    // A LocalDate that is no calendar day is refused by the scalar, reported like any other field.
    for (const [validUntil, reason] of [
      ['2027-02-30', 'is not a real calendar date'],
      ['31/12/2027', 'must be a date YYYY-MM-DD'],
      [20271231, 'must be a date YYYY-MM-DD (a string)'],
    ] as const) {
      const badDay = await t.gql(
        CREATE,
        { input: supplierInput('0100112437', { certifications: [{ code: 'ISO_9001' }, { code: 'ISO_14001', validUntil }] }) },
        owner.token,
      );
      expect(badDay.errors).toHaveLength(1);
      expect(badDay.errors![0].message).toBe(`Invalid value for input.certifications.1.validUntil: ${reason}`);
      expect(badDay.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fieldErrors: [{ field: 'input.certifications.1.validUntil', reason }],
      });
    }
    // Written in the document rather than in a variable: the same error, found by the literal's position.
    const literal = await t.gql(
      `mutation { createSupplier(input: { taxCode: "0100112437", nameVi: "Công ty X", certifications: [{ code: "ISO_9001" }, { code: "ISO_14001", validFrom: "2027-13-01" }] }) { id } }`,
      {},
      owner.token,
    );
    expect(literal.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ field: 'input.certifications.1.validFrom', reason: 'is not a real calendar date' }],
    });
    expect(await counts()).toEqual(before);
  });

  it('refuses invisible and direction-changing characters in names, and direction overrides in descriptions, with a field error', async () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ nameVi: 'Công ty \u202Eabc' }, 'input.nameVi', /bidirectional|invisible/],
      [{ tradeNameEn: 'Acme\u200B Ltd' }, 'input.tradeNameEn', /invisible/],
      [{ contact: { name: 'Chị\u2066 Lan' } }, 'input.contact.name', /invisible/],
      [{ customers: [{ name: 'Toyota\uFEFF', isPublic: true }] }, 'input.customers.0.name', /invisible/],
      [{ descriptionVi: 'Gia công \u202Egnàh' }, 'input.descriptionVi', /bidirectional/],
      [{ equipment: [{ kind: 'PRESS', maker: 'Amada\u2067', count: 1 }] }, 'input.equipment.0.maker', /invisible/],
    ];
    for (const [overrides, field, reason] of cases) {
      const result = await t.gql(CREATE, { input: supplierInput(FRESH_TAX_CODE, overrides) }, owner.token);
      expect({ field, code: result.errors?.[0]?.extensions?.code, errors: result.errors?.[0]?.extensions?.fieldErrors }).toEqual({
        field,
        code: 'BAD_USER_INPUT',
        errors: [{ field, reason: expect.stringMatching(reason) }],
      });
    }
    const buyer = await t.gql(
      `mutation($input: CreateBuyerInput!) { createBuyer(input: $input) { id } }`,
      {
        input: {
          taxCode: '0100112437',
          name: 'Kaisei',
          countryOfOrigin: 'JP',
          plants: [{ name: 'VSIP\u200F plant', zoneCode: 'VSIP_HP' }],
        },
      },
      owner.token,
    );
    expect(buyer.errors?.[0]?.extensions?.fieldErrors).toEqual([
      { field: 'input.plants.0.name', reason: expect.stringMatching(/invisible/) },
    ]);
    // Descriptions keep line breaks, tabs and joiners (emoji, scripts that need them).
    const ok = await t.gql(
      CREATE,
      { input: supplierInput(FRESH_TAX_CODE, { descriptionVi: 'Dòng một\n\tDòng hai 👩\u200D🔧' }) },
      owner.token,
    );
    expect(ok.errors).toBeUndefined();
    await t.gql(
      `mutation($id: ID!) { deleteSupplier(id: $id, version: 1) }`,
      { id: (ok.data as { createSupplier: { id: string } }).createSupplier.id },
      owner.token,
    );
  });

  it('lets a member update at the current version and bumps the version', async () => {
    const updated = await t.gql<{ updateSupplier: Supplier }>(
      UPDATE,
      { input: { id: supplier.id, version: 1, nameVi: 'Công ty TNHH Cơ khí Chính xác Đổi Tên', employees: 90 } },
      owner.token,
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateSupplier).toMatchObject({ nameVi: 'Công ty TNHH Cơ khí Chính xác Đổi Tên', version: 2 });
    // fields left out are unchanged
    expect(updated.data!.updateSupplier.certifications).toHaveLength(2);
  });

  it('answers CONFLICT for a stale version and changes nothing', async () => {
    const stale = await t.gql(UPDATE, { input: { id: supplier.id, version: 1, nameVi: 'Stale edit' } }, owner.token);
    expect(stale.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2, expectedVersion: 1 });
    const [row] = await db().query('SELECT name_vi, version FROM suppliers WHERE id = $1', [supplier.id]);
    expect(row).toEqual({ name_vi: 'Công ty TNHH Cơ khí Chính xác Đổi Tên', version: 2 });
  });

  it('forbids a member of company A from updating company B, and B stays unchanged', async () => {
    const other = await registerUser(t, 'other-owner');
    const b = await t.gql<{ createSupplier: Supplier }>(
      CREATE,
      { input: supplierInput('0100233488-001', { nameVi: 'Công ty B' }) },
      other.token,
    );
    const before = await db().query('SELECT * FROM suppliers WHERE id = $1', [b.data!.createSupplier.id]);
    const attempt = await t.gql(UPDATE, { input: { id: b.data!.createSupplier.id, version: 1, nameVi: 'Hijacked' } }, owner.token);
    expect(attempt.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(await db().query('SELECT * FROM suppliers WHERE id = $1', [b.data!.createSupplier.id])).toEqual(before);
  });

  it('answers UNAUTHENTICATED to every mutation without a token', async () => {
    const calls: [string, Record<string, unknown>][] = [
      [CREATE, { input: supplierInput('0100112437') }],
      [UPDATE, { input: { id: supplier.id, version: 2, nameVi: 'anon' } }],
      [`mutation($id: ID!) { setVerificationStatus(input: { supplierId: $id, status: VERIFIED }) { id } }`, { id: supplier.id }],
      [`mutation { createBuyer(input: { taxCode: "0100112437", name: "X", countryOfOrigin: "JP" }) { id } }`, {}],
    ];
    for (const [query, variables] of calls) {
      const result = await t.gql(query, variables);
      expect(result.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    }
  });

  it('lets only ADMIN change the verification status, and hides suspended suppliers from the public', async () => {
    const mutation = `mutation($id: ID!, $status: VerificationStatus!) { setVerificationStatus(input: { supplierId: $id, status: $status }) { verificationStatus version } }`;
    const byOwner = await t.gql(mutation, { id: supplier.id, status: 'VERIFIED' }, owner.token);
    expect(byOwner.errors![0].extensions!.code).toBe('FORBIDDEN');
    const byAdmin = await t.gql<{ setVerificationStatus: { verificationStatus: string } }>(
      mutation,
      { id: supplier.id, status: 'SUSPENDED' },
      admin.token,
    );
    expect(byAdmin.data!.setVerificationStatus.verificationStatus).toBe('SUSPENDED');
    expect((await t.gql(GET, { id: supplier.id }, stranger.token)).errors![0].extensions!.code).toBe('NOT_FOUND');
    expect((await t.gql(GET, { id: supplier.id }, owner.token)).errors).toBeUndefined();
    await t.gql(mutation, { id: supplier.id, status: 'VERIFIED' }, admin.token);
  });

  it('lists suppliers as a connection with filters and stable cursors', async () => {
    const list = `query($first: Int!, $after: String, $filter: SupplierFilterInput) { suppliers(first: $first, after: $after, filter: $filter) { totalCount edges { cursor node { id taxCode } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
    type Page = {
      suppliers: {
        totalCount: number;
        edges: { cursor: string; node: { id: string; taxCode: string } }[];
        pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string };
      };
    };
    const seen: string[] = [];
    let after: string | undefined;
    let lastCursor = '';
    let total = 0;
    for (;;) {
      const page = await t.gql<Page>(list, { first: 2, after }, stranger.token);
      expect(page.errors).toBeUndefined();
      total = page.data!.suppliers.totalCount;
      seen.push(...page.data!.suppliers.edges.map((e) => e.node.id));
      // Relay's PageInfo: the first page has nothing before it, every later one has the `after` item.
      expect(page.data!.suppliers.pageInfo).toMatchObject({
        hasPreviousPage: after !== undefined,
        startCursor: page.data!.suppliers.edges[0].cursor,
        endCursor: page.data!.suppliers.edges.at(-1)!.cursor,
      });
      lastCursor = page.data!.suppliers.pageInfo.endCursor;
      if (!page.data!.suppliers.pageInfo.hasNextPage) break;
      after = lastCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(total);
    const [count] = await db().query(`SELECT count(*)::int AS n FROM suppliers WHERE verification_status <> 'SUSPENDED'`);
    expect(total).toBe(count.n);

    const byCert = await t.gql<Page>(list, { first: 50, filter: { certification: 'IATF_16949' } });
    expect(byCert.data!.suppliers.totalCount).toBe(0); // every IATF certificate in this file is expired
    const byIso = await t.gql<Page>(list, { first: 50, filter: { certification: 'ISO_9001', zones: ['VSIP_HP'] } });
    expect(byIso.data!.suppliers.totalCount).toBe(total);

    // Past the end: an empty page, with items before it and no cursors.
    const pastEnd = await t.gql<Page>(list, { first: 2, after: lastCursor }, stranger.token);
    expect(pastEnd.data!.suppliers.edges).toEqual([]);
    expect(pastEnd.data!.suppliers.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null });
    // hasPreviousPage counts items of the same filter: none of the (empty) IATF list comes before the newest supplier.
    const newest = (await t.gql<Page>(list, { first: 1 }, stranger.token)).data!.suppliers.edges[0].cursor;
    const filtered = await t.gql<Page>(list, { first: 2, after: newest, filter: { certification: 'IATF_16949' } }, stranger.token);
    expect(filtered.data!.suppliers.pageInfo.hasPreviousPage).toBe(false);

    const tooMany = await t.gql(list, { first: 1000 });
    expect(tooMany.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ field: 'first' }] });
    const badCursor = await t.gql(list, { first: 2, after: 'not-a-cursor' });
    expect(badCursor.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ field: 'after' }] });
  });

  it('creates and updates buyers with plants, guarded like suppliers', async () => {
    const buyerOwner = await registerUser(t, 'buyer');
    const create = `mutation($input: CreateBuyerInput!) { createBuyer(input: $input) { id version contact { name } plants { name zone { code } location { latitude } } } }`;
    const created = await t.gql<{
      createBuyer: { id: string; version: number; contact: unknown; plants: { location: { latitude: number } }[] };
    }>(
      create,
      {
        input: {
          taxCode: '0100112437',
          name: 'Kaisei Office Systems Vietnam',
          countryOfOrigin: 'JP',
          contact: { name: 'Tanaka' },
          plants: [{ name: 'VSIP plant', zoneCode: 'VSIP_HP' }],
        },
      },
      buyerOwner.token,
    );
    expect(created.errors).toBeUndefined();
    expect(created.data!.createBuyer.plants[0].location.latitude).toBeCloseTo(20.9041, 3);
    const get = `query($id: ID!) { buyer(id: $id) { contact { name } } }`;
    expect(
      (await t.gql<{ buyer: { contact: unknown } }>(get, { id: created.data!.createBuyer.id }, stranger.token)).data!.buyer.contact,
    ).toBeNull();
    const update = `mutation($input: UpdateBuyerInput!) { updateBuyer(input: $input) { name version } }`;
    const forbidden = await t.gql(update, { input: { id: created.data!.createBuyer.id, version: 1, name: 'Hijack' } }, stranger.token);
    expect(forbidden.errors![0].extensions!.code).toBe('FORBIDDEN');
    const ok = await t.gql<{ updateBuyer: { version: number } }>(
      update,
      { input: { id: created.data!.createBuyer.id, version: 1, name: 'Kaisei Office Systems VN' } },
      buyerOwner.token,
    );
    expect(ok.data!.updateBuyer.version).toBe(2);
    const stale = await t.gql(update, { input: { id: created.data!.createBuyer.id, version: 1, name: 'Stale' } }, buyerOwner.token);
    expect(stale.errors![0].extensions!.code).toBe('CONFLICT');
  });
});

describe('guarded updates touch only the named company', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('an update by a member of two suppliers changes only the one it names', async () => {
    const owner = await registerUser(t, 'multi');
    const a = await t.gql<{ createSupplier: Supplier }>(
      CREATE,
      { input: supplierInput('0100109106', { nameVi: 'Công ty A' }) },
      owner.token,
    );
    const c = await t.gql<{ createSupplier: Supplier }>(
      CREATE,
      { input: supplierInput('0100233488', { nameVi: 'Công ty C' }) },
      owner.token,
    );
    const buyerCreate = `mutation($input: CreateBuyerInput!) { createBuyer(input: $input) { id } }`;
    const b1 = await t.gql<{ createBuyer: { id: string } }>(
      buyerCreate,
      { input: { taxCode: '0100112437', name: 'Buyer One', countryOfOrigin: 'KR' } },
      owner.token,
    );
    const b2 = await t.gql<{ createBuyer: { id: string } }>(
      buyerCreate,
      { input: { taxCode: '0314409058', name: 'Buyer Two', countryOfOrigin: 'JP' } },
      owner.token,
    );
    expect(b2.errors).toBeUndefined();
    const updated = await t.gql(UPDATE, { input: { id: a.data!.createSupplier.id, version: 1, nameVi: 'Công ty A mới' } }, owner.token);
    expect(updated.errors).toBeUndefined();
    await t.gql(
      `mutation($input: UpdateBuyerInput!) { updateBuyer(input: $input) { id } }`,
      { input: { id: b1.data!.createBuyer.id, version: 1, name: 'Buyer One Renamed' } },
      owner.token,
    );
    const rows = await t.app
      .get(DataSource)
      .query(`SELECT name_vi AS name, version FROM suppliers UNION ALL SELECT name, version FROM buyers ORDER BY 1`);
    expect(rows).toEqual([
      { name: 'Buyer One Renamed', version: 2 },
      { name: 'Buyer Two', version: 1 },
      { name: 'Công ty A mới', version: 2 },
      { name: 'Công ty C', version: 1 },
    ]);
    expect(c.data!.createSupplier.version).toBe(1);
  });
});
