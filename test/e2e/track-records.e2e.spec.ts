import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { taxCodes } from '#libs/demo-data';
import { loginAdmin, registerUser, type SignedIn } from '../support/accounts.js';
import { waitForIndex } from '../support/search.js';
import { type GqlResult, startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Track records on a fixture worked out by hand.
 *   SME    stamping shop (its member: `sme`); OTHER another stamping shop (its member: `otherSupplier`)
 *   CAR    buyer (member `car`); HIDDEN buyer (member `hidden`); STRANGER buyer (member `stranger`, no dealings with SME)
 * Needs: n1 CAR → SME, PUBLIC, PCS; n2 HIDDEN → SME, ANONYMOUS, PCS, the buyer never revealed itself;
 *        n3 CAR, OPEN (not awarded); n4 STRANGER → OTHER, PCS; n5 CAR → SME, PUBLIC, KG.
 * Deliveries (promised → delivered, quantity, defects):
 *   n1  d1 10-01 → 09-30  1 000 pcs  0        on time
 *       d2 10-08 → 10-08  1 000 pcs  2        on time
 *       d3 10-15 → 10-17  1 000 pcs  1 000 ppm = 1 pc   late
 *       d4 10-22 → 10-22  2 000 pcs  0        on time
 *   n5  d5 10-29 → 11-02    500 kg   5 kg     late
 *   n2  d6 11-01 → 11-01    400 pcs  0        on time
 *       d7 11-05 → 11-04    600 pcs  0        on time
 * CAR:    5 deliveries, on time 3/5 = 0.6; pcs 3/5 000 = 600 ppm (4 deliveries), kg 5/500 = 10 000 ppm (1):
 *         ppm = (4 × 600 + 1 × 10 000) / 5 = 2 480
 * HIDDEN: 2 deliveries: not enough (null rates), 1 000 pcs
 * Overall: 7 deliveries, on time 5/7 = 0.7143; pcs 3/6 000 = 500 ppm (6), kg 10 000 ppm (1):
 *         ppm = (6 × 500 + 10 000) / 7 = 1 857.1; volume KG 500 (1), PCS 6 000 (6)
 */
const [TAX1, TAX2] = taxCodes('02', 7300001, 2);
const S = { sme: 'a2000000-0000-4000-8000-000000000001', other: 'a2000000-0000-4000-8000-000000000002' };
const B = {
  car: 'b2000000-0000-4000-8000-000000000001',
  hidden: 'b2000000-0000-4000-8000-000000000002',
  stranger: 'b2000000-0000-4000-8000-000000000003',
};
const HIDDEN_NAME = 'Hidden Optics Vina';
const N = Object.fromEntries([1, 2, 3, 4, 5].map((n) => [`n${n}`, `c2000000-0000-4000-8000-00000000000${n}`])) as Record<string, string>;

async function loadFixture(db: pg.Client): Promise<void> {
  await db.query(
    `INSERT INTO suppliers (id, tax_code, name_vi, verification_status, zone_code, processes, monthly_capacity_value, monthly_capacity_unit, verified_at)
     VALUES ($1, $2, 'Dập Tiến Phát', 'VERIFIED', 'TRANG_DUE', '{STAMPING}', 50000, 'PCS', now()),
            ($3, $4, 'Dập Lạch Tray', 'VERIFIED', 'TRANG_DUE', '{STAMPING}', 50000, 'PCS', now())`,
    [S.sme, TAX1, S.other, TAX2],
  );
  await db.query(
    `INSERT INTO buyers (id, tax_code, name, country_of_origin, sectors, verification_status) VALUES
       ($1, '0230000001', 'Car Maker Vina', 'JP', '{AUTOMOTIVE}', 'VERIFIED'),
       ($2, '0230000002', '${HIDDEN_NAME}', 'KR', '{ELECTRONICS}', 'VERIFIED'),
       ($3, '0230000003', 'Stranger Buyer', 'TW', '{MOTORCYCLES}', 'VERIFIED')`,
    [B.car, B.hidden, B.stranger],
  );
  const need = (id: string, buyer: string, status: string, visibility: string, supplier: string | null, unit: string) =>
    db.query(
      `INSERT INTO sourcing_needs (id, buyer_id, title, status, visibility, processes, materials, certifications, quantity_value, quantity_unit, awarded_supplier_id, published_at)
       VALUES ($1, $2, 'Stamped brackets', $3, $4, '{STAMPING}', '{}', '{}', 5000, $6, $5, now())`,
      [id, buyer, status, visibility, supplier, unit],
    );
  await need(N.n1, B.car, 'AWARDED', 'PUBLIC', S.sme, 'PCS');
  await need(N.n2, B.hidden, 'AWARDED', 'ANONYMOUS', S.sme, 'PCS');
  await need(N.n3, B.car, 'OPEN', 'PUBLIC', null, 'PCS');
  await need(N.n4, B.stranger, 'AWARDED', 'PUBLIC', S.other, 'PCS');
  await need(N.n5, B.car, 'AWARDED', 'PUBLIC', S.sme, 'KG');
  await db.query(
    `INSERT INTO introductions (need_id, supplier_id, status, invited_at, responded_at) VALUES
       ($1, $4, 'ACCEPTED', now(), now()), ($2, $4, 'ACCEPTED', now(), now()), ($3, $4, 'ACCEPTED', now(), now())`,
    [N.n1, N.n2, N.n5, S.sme],
  );
}

const DELIVERY = `id needId supplierId promisedOn deliveredOn onTime quantity unit defectiveQuantity defectsPpm version recordedBy updatedBy`;
const FIGURES = `deliveries onTimeRate defectsPpm volume { unit quantity deliveries }`;
const SCORECARD = `query($id: ID!) { supplierScorecard(supplierId: $id) { supplierId published minimumDeliveries overall { ${FIGURES} } byBuyer { buyerId buyerName figures { ${FIGURES} } } } }`;
const RECORD = `mutation($input: RecordDeliveryInput!) { recordDelivery(input: $input) { ${DELIVERY} } }`;

type Figures = {
  deliveries: number;
  onTimeRate: number | null;
  defectsPpm: number | null;
  volume: { unit: string; quantity: number; deliveries: number }[];
};
type Scorecard = {
  supplierScorecard: {
    supplierId: string;
    published: boolean;
    minimumDeliveries: number;
    overall: Figures;
    byBuyer: { buyerId: string | null; buyerName: string | null; figures: Figures }[];
  } | null;
};
type Delivery = { id: string; version: number; onTime: boolean; defectiveQuantity: number; defectsPpm: number; updatedBy: string | null };

const OVERALL: Figures = {
  deliveries: 7,
  onTimeRate: 0.7143,
  defectsPpm: 1857.1,
  volume: [
    { unit: 'KG', quantity: 500, deliveries: 1 },
    { unit: 'PCS', quantity: 6000, deliveries: 6 },
  ],
};
const CAR_ROW = {
  buyerId: B.car,
  buyerName: 'Car Maker Vina',
  figures: {
    deliveries: 5,
    onTimeRate: 0.6,
    defectsPpm: 2480,
    volume: [
      { unit: 'KG', quantity: 500, deliveries: 1 },
      { unit: 'PCS', quantity: 5000, deliveries: 4 },
    ],
  },
};
const HIDDEN_FIGURES: Figures = {
  deliveries: 2,
  onTimeRate: null,
  defectsPpm: null,
  volume: [{ unit: 'PCS', quantity: 1000, deliveries: 2 }],
};

describe('track records: deliveries, scorecards, opt-in', () => {
  let t: TestApp;
  let db: pg.Client;
  let admin: SignedIn, sme: SignedIn, otherSupplier: SignedIn, car: SignedIn, hidden: SignedIn, stranger: SignedIn, analyst: SignedIn;

  const codes = (r: GqlResult) => (r.errors ?? []).map((e) => e.extensions?.code);
  const fields = (r: GqlResult) =>
    (r.errors ?? []).flatMap((e) =>
      ((e.extensions?.fieldErrors as { field: string; reason: string }[] | undefined) ?? []).map((f) => f.field),
    );
  const scorecard = async (token?: string) => {
    const r = await t.gql<Scorecard>(SCORECARD, { id: S.sme }, token);
    expect(r.errors).toBeUndefined();
    return r.data!.supplierScorecard;
  };
  const record = (input: Record<string, unknown>, token = car.token) => t.gql<{ recordDelivery: Delivery }>(RECORD, { input }, token);
  const deliveryCount = async () => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM deliveries')).rows[0].n;

  beforeAll(async () => {
    t = await startTestApp();
    db = new pg.Client({ connectionString: t.databaseUrl });
    await db.connect();
    await loadFixture(db);
    admin = await loginAdmin(t);
    [sme, otherSupplier, car, hidden, stranger, analyst] = [
      await registerUser(t, 'sme'),
      await registerUser(t, 'other-supplier'),
      await registerUser(t, 'car'),
      await registerUser(t, 'hidden'),
      await registerUser(t, 'stranger'),
      await registerUser(t, 'analyst'),
    ];
    await db.query(
      `INSERT INTO company_memberships (user_id, supplier_id, buyer_id) VALUES ($1, $2, NULL), ($3, $4, NULL), ($5, NULL, $6), ($7, NULL, $8), ($9, NULL, $10)`,
      [sme.userId, S.sme, otherSupplier.userId, S.other, car.userId, B.car, hidden.userId, B.hidden, stranger.userId, B.stranger],
    );
    expect(
      (await t.gql(`mutation($id: ID!) { setUserRole(userId: $id, role: ANALYST) { role } }`, { id: analyst.userId }, admin.token)).errors,
    ).toBeUndefined();
  }, 60000);

  afterAll(async () => {
    await db?.end();
    await t?.close();
  });

  it('records deliveries against its own awards; defects as a count or as ppm', async () => {
    const d1 = await record({ needId: N.n1, promisedOn: '2026-10-01', deliveredOn: '2026-09-30', quantity: 1000, defectiveQuantity: 0 });
    expect(d1.errors).toBeUndefined();
    expect(d1.data!.recordDelivery).toMatchObject({
      needId: N.n1,
      supplierId: S.sme,
      onTime: true,
      unit: 'PCS',
      version: 1,
      recordedBy: car.userId,
      updatedBy: null,
    });
    await record({ needId: N.n1, promisedOn: '2026-10-08', deliveredOn: '2026-10-08', quantity: 1000, defectiveQuantity: 2 });
    const d3 = await record({ needId: N.n1, promisedOn: '2026-10-15', deliveredOn: '2026-10-17', quantity: 1000, defectsPpm: 1000 });
    expect(d3.data!.recordDelivery).toMatchObject({ onTime: false, defectiveQuantity: 1, defectsPpm: 1000 });
    await record({ needId: N.n1, promisedOn: '2026-10-22', deliveredOn: '2026-10-22', quantity: 2000 });
    // the unit is the need's: given, it must be it
    expect(
      (await record({ needId: N.n5, promisedOn: '2026-10-29', deliveredOn: '2026-11-02', quantity: 500, unit: 'KG', defectiveQuantity: 5 }))
        .errors,
    ).toBeUndefined();
    for (const [promisedOn, deliveredOn, quantity] of [
      ['2026-11-01', '2026-11-01', 400],
      ['2026-11-05', '2026-11-04', 600],
    ] as const)
      expect((await record({ needId: N.n2, promisedOn, deliveredOn, quantity }, hidden.token)).errors).toBeUndefined();
    expect(await deliveryCount()).toBe(7);
  });

  it('refuses bad input field by field, and writes nothing', async () => {
    const good = { needId: N.n1, promisedOn: '2026-10-01', deliveredOn: '2026-10-01', quantity: 10 };
    const cases: [Record<string, unknown>, string[]][] = [
      [{ quantity: 0 }, ['input.quantity']],
      [{ quantity: -5 }, ['input.quantity']],
      [{ defectiveQuantity: 11 }, ['input.defectiveQuantity']],
      [{ defectiveQuantity: 1, defectsPpm: 100 }, ['input.defectsPpm']],
      [{ deliveredOn: '2999-01-01' }, ['input.deliveredOn']],
      [{ unit: 'KG' }, ['input.unit']],
      [{ needId: N.n3 }, ['input.needId']],
    ];
    for (const [change, expected] of cases) {
      const r = await record({ ...good, ...change });
      expect({ change, codes: codes(r), fields: fields(r) }).toEqual({ change, codes: ['BAD_USER_INPUT'], fields: expected });
    }
    // a date that is no day at all: the scalar refuses it, naming the field
    const unreal = await record({ ...good, promisedOn: '2026-02-30' });
    expect(codes(unreal)).toEqual(['BAD_USER_INPUT']);
    expect(JSON.stringify(unreal.errors)).toContain('promisedOn');
    expect(await deliveryCount()).toBe(7);
  });

  it("refuses recording against another buyer's award: not found, or forbidden for the awarded supplier", async () => {
    const good = { needId: N.n4, promisedOn: '2026-10-01', deliveredOn: '2026-10-01', quantity: 10 };
    expect(codes(await record(good, car.token))).toEqual(['NOT_FOUND']);
    expect(codes(await record(good, sme.token))).toEqual(['NOT_FOUND']);
    expect(codes(await record(good, otherSupplier.token))).toEqual(['FORBIDDEN']);
    expect(codes(await record({ ...good, needId: N.n1 }, stranger.token))).toEqual(['NOT_FOUND']);
    expect(codes(await record({ ...good, needId: N.n1 }, sme.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(RECORD, { input: good }))).toEqual(['UNAUTHENTICATED']);
    expect(await deliveryCount()).toBe(7);
  });

  it('lists a need’s deliveries to its buyer and its supplier, latest first, and to nobody else', async () => {
    const LIST = `query($id: ID!) { needDeliveries(needId: $id) { deliveredOn } }`;
    const list = async (token: string) => t.gql<{ needDeliveries: { deliveredOn: string }[] }>(LIST, { id: N.n1 }, token);
    const expected = ['2026-10-22', '2026-10-17', '2026-10-08', '2026-09-30'];
    expect((await list(car.token)).data!.needDeliveries.map((d) => d.deliveredOn)).toEqual(expected);
    expect((await list(sme.token)).data!.needDeliveries.map((d) => d.deliveredOn)).toEqual(expected);
    expect((await list(admin.token)).data!.needDeliveries).toHaveLength(4);
    for (const caller of [stranger, otherSupplier, hidden, analyst]) expect(codes(await list(caller.token))).toEqual(['NOT_FOUND']);
  });

  it('corrects and removes a delivery with a version and a trace; only its buyer may', async () => {
    const created = (
      await record({ needId: N.n1, promisedOn: '2026-11-10', deliveredOn: '2026-11-12', quantity: 100, defectiveQuantity: 1 })
    ).data!.recordDelivery;
    const UPDATE = `mutation($input: UpdateDeliveryInput!) { updateDelivery(input: $input) { ${DELIVERY} } }`;
    const REMOVE = `mutation($id: ID!, $version: Int!) { removeDelivery(id: $id, version: $version) }`;
    expect(codes(await t.gql(UPDATE, { input: { id: created.id, version: 1, deliveredOn: '2026-11-10' } }, sme.token))).toEqual([
      'FORBIDDEN',
    ]);
    expect(codes(await t.gql(UPDATE, { input: { id: created.id, version: 1, deliveredOn: '2026-11-10' } }, stranger.token))).toEqual([
      'NOT_FOUND',
    ]);
    // a smaller quantity than the defects already recorded is refused on the quantity
    const tooSmall = await t.gql(UPDATE, { input: { id: created.id, version: 1, quantity: 0.5 } }, car.token);
    expect(fields(tooSmall)).toEqual(['input.quantity']);
    const updated = await t.gql<{ updateDelivery: Delivery }>(
      UPDATE,
      { input: { id: created.id, version: 1, deliveredOn: '2026-11-10', defectsPpm: 20000 } },
      car.token,
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateDelivery).toMatchObject({
      version: 2,
      onTime: true,
      defectiveQuantity: 2,
      defectsPpm: 20000,
      updatedBy: car.userId,
    });
    expect(codes(await t.gql(UPDATE, { input: { id: created.id, version: 1, quantity: 50 } }, car.token))).toEqual(['CONFLICT']);
    expect(codes(await t.gql(REMOVE, { id: created.id, version: 2 }, sme.token))).toEqual(['FORBIDDEN']);
    expect((await t.gql(REMOVE, { id: created.id, version: 2 }, car.token)).data).toEqual({ removeDelivery: true });
    expect(codes(await t.gql(REMOVE, { id: created.id, version: 3 }, car.token))).toEqual(['NOT_FOUND']);
    const [trace] = (
      await db.query('SELECT version, updated_by, removed_by, removed_at IS NOT NULL AS removed FROM deliveries WHERE id = $1', [
        created.id,
      ])
    ).rows;
    expect(trace).toEqual({ version: 3, updated_by: car.userId, removed_by: car.userId, removed: true });
  });

  it('shows the supplier its own scorecard per buyer it knows, figures as worked by hand; under 5 deliveries says so', async () => {
    expect(await scorecard(sme.token)).toEqual({
      supplierId: S.sme,
      published: false,
      minimumDeliveries: 5,
      overall: OVERALL,
      // the anonymous need's buyer never revealed itself: its deliveries count, undisclosed
      byBuyer: [CAR_ROW, { buyerId: null, buyerName: null, figures: HIDDEN_FIGURES }],
    });
    expect(JSON.stringify(await scorecard(sme.token))).not.toContain(HIDDEN_NAME);
    // ADMIN (the support centre) sees every buyer by name
    expect((await scorecard(admin.token))!.byBuyer).toEqual([
      CAR_ROW,
      { buyerId: B.hidden, buyerName: HIDDEN_NAME, figures: HIDDEN_FIGURES },
    ]);
  });

  it('hides the scorecard from everyone else until the supplier opts in; only its members may', async () => {
    for (const token of [undefined, car.token, stranger.token, otherSupplier.token, analyst.token])
      expect(await scorecard(token)).toBeNull();
    const PUBLISH = `mutation($id: ID!, $p: Boolean!) { publishTrackRecord(supplierId: $id, published: $p) { published } }`;
    for (const caller of [car, stranger, otherSupplier, admin])
      expect(codes(await t.gql(PUBLISH, { id: S.sme, p: true }, caller.token))).toEqual(['FORBIDDEN']);
    expect(await scorecard(undefined)).toBeNull();
    expect((await t.gql(PUBLISH, { id: S.sme, p: true }, sme.token)).data).toEqual({ publishTrackRecord: { published: true } });
    for (const token of [undefined, stranger.token, analyst.token])
      expect(await scorecard(token)).toEqual({ supplierId: S.sme, published: true, minimumDeliveries: 5, overall: OVERALL, byBuyer: [] });
  });

  it('names a buyer publicly only when that buyer agreed, and never for an anonymous need', async () => {
    const CONSENT = `mutation($id: ID!, $n: Boolean!) { setBuyerTrackRecordConsent(buyerId: $id, named: $n) { buyerId named } }`;
    expect(codes(await t.gql(CONSENT, { id: B.car, n: true }, sme.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(CONSENT, { id: B.car, n: true }, admin.token))).toEqual(['FORBIDDEN']);
    expect((await t.gql(CONSENT, { id: B.car, n: true }, car.token)).data).toEqual({
      setBuyerTrackRecordConsent: { buyerId: B.car, named: true },
    });
    expect((await t.gql(CONSENT, { id: B.hidden, n: true }, hidden.token)).errors).toBeUndefined();
    const READ = `query($id: ID!) { buyerTrackRecordConsent(buyerId: $id) { named } }`;
    expect((await t.gql(READ, { id: B.car }, car.token)).data).toEqual({ buyerTrackRecordConsent: { named: true } });
    expect(codes(await t.gql(READ, { id: B.car }, stranger.token))).toEqual(['FORBIDDEN']);
    const seen = await scorecard(stranger.token);
    expect(seen!.byBuyer).toEqual([CAR_ROW]);
    expect(JSON.stringify(seen)).not.toContain(HIDDEN_NAME);
    expect(JSON.stringify(await scorecard(undefined))).not.toContain(HIDDEN_NAME);
  });

  it('feeds matching an opted-in aggregate only, explained, and nothing when withdrawn', async () => {
    await db.query(
      `INSERT INTO search_outbox (aggregate, aggregate_id, reason, replica_id) SELECT 'supplier', s, 'test', r.id FROM unnest(ARRAY[$1, $2]::uuid[]) s CROSS JOIN search_replicas r`,
      [S.sme, S.other],
    );
    await waitForIndex(t);
    const MATCH = `query($id: ID!, $w: MatchWeightsInput) { matchSuppliers(needId: $id, weights: $w, lang: en) { matches { supplier { id } criteria { key score explanation } } } }`;
    const criterion = async (weights: Record<string, number> | null, supplierId: string) => {
      const r = await t.gql<{
        matchSuppliers: { matches: { supplier: { id: string }; criteria: { key: string; score: number; explanation: string }[] }[] };
      }>(MATCH, { id: N.n3, w: weights }, car.token);
      expect(r.errors).toBeUndefined();
      return r.data!.matchSuppliers.matches.find((m) => m.supplier.id === supplierId)!.criteria.find((c) => c.key === 'trackRecord');
    };
    // weight 0 by default: not listed
    expect(await criterion(null, S.sme)).toBeUndefined();
    // 0.5 × 0.7143 + 0.5 × (1 − log10(1857.1/50) / log10(200)) = 0.35715 + 0.5 × (1 − 1.56987/2.30103) = 0.35715 + 0.15888 = 0.5160
    expect(await criterion({ trackRecord: 1 }, S.sme)).toEqual({
      key: 'trackRecord',
      score: 0.516,
      explanation: 'on time in 71.4% of 7 deliveries, 1,857 defective ppm',
    });
    expect(await criterion({ trackRecord: 1 }, S.other)).toMatchObject({ score: 0.5, explanation: 'no published delivery record' });
    await t.gql(`mutation($id: ID!) { publishTrackRecord(supplierId: $id, published: false) { published } }`, { id: S.sme }, sme.token);
    expect(await criterion({ trackRecord: 1 }, S.sme)).toMatchObject({ score: 0.5, explanation: 'no published delivery record' });
    expect(await scorecard(car.token)).toBeNull();
  });
});
