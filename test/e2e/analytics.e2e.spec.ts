import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { addDays, todayInVietnam } from '#libs/core';
import { taxCodes } from '#libs/demo-data';
import { loginAdmin, registerUser, type SignedIn } from '../support/accounts.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * A small city, built row by row so that every expected figure below can be worked out by hand
 * (the comments do). Certificate dates are relative to today so the figures hold any day; the
 * calendar-based figures (growth, funnel) use fixed 2026 dates.
 */
const T = todayInVietnam();
const day = (offset: number) => addDays(T, offset);
const [TAX1, TAX2, TAX3, TAX4, TAX5, TAX6] = taxCodes('02', 7000001, 6);
const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
const S = { s1: id(1), s2: id(2), s3: id(3), s4: id(4), s5: id(5), s6: id(6) };
const B = { auto: 'b0000000-0000-4000-8000-000000000001', elec: 'b0000000-0000-4000-8000-000000000002' };
const N = Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 8].map((n) => [`n${n}`, `c0000000-0000-4000-8000-00000000000${n}`])) as Record<
  string,
  string
>;

async function loadFixture(url: string): Promise<void> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const supplier = (
    sid: string,
    tax: string,
    name: string,
    status: string,
    zone: string | null,
    processes: string[],
    sectors: string[],
    capacity: [number, string] | null,
    lead: number | null,
    created: string,
    verified: string | null,
    ownership = 'DOMESTIC',
  ) =>
    db.query(
      `INSERT INTO suppliers (id, tax_code, name_vi, verification_status, zone_code, processes, sectors, monthly_capacity_value, monthly_capacity_unit, lead_time_days, created_at, updated_at, verified_at, ownership_type, contact_email)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, $12, $13, 'secret-contact@example.vn')`,
      [sid, tax, name, status, zone, processes, sectors, capacity?.[0] ?? null, capacity?.[1] ?? null, lead, created, verified, ownership],
    );
  // S1: CNC milling in VSIP, IATF lapsing in 20 days; S2: stamping, IATF for 100 days; S3: progressive stamping,
  // IATF expired yesterday, ISO 9001 lapsing in 10 days but already renewed; S4: unverified moulder; S5: suspended;
  // S6: generic machining outside the zones, no certificate, registered 01:00 on 1 March in Vietnam (still February in UTC).
  await supplier(
    S.s1,
    TAX1,
    'Cơ khí An Phát',
    'VERIFIED',
    'VSIP_HP',
    ['CNC_MILLING'],
    ['AUTOMOTIVE'],
    [1000, 'PCS'],
    10,
    '2026-01-15T03:00:00Z',
    '2026-02-03T03:00:00Z',
  );
  await supplier(
    S.s2,
    TAX2,
    'Dập Bình Minh',
    'VERIFIED',
    'VSIP_HP',
    ['STAMPING'],
    ['AUTOMOTIVE', 'ELECTRONICS'],
    [5000, 'PCS'],
    20,
    '2026-01-20T03:00:00Z',
    '2026-03-10T03:00:00Z',
  );
  await supplier(
    S.s3,
    TAX3,
    'Dập Cát Hải',
    'VERIFIED',
    'DEEP_C_1',
    ['PROGRESSIVE_DIE_STAMPING'],
    [],
    [200, 'KG'],
    30,
    '2026-02-05T03:00:00Z',
    '2026-02-20T03:00:00Z',
  );
  await supplier(S.s4, TAX4, 'Nhựa Đông Á', 'UNVERIFIED', null, ['INJECTION_MOULDING'], [], null, null, '2026-02-10T03:00:00Z', null);
  await supplier(
    S.s5,
    TAX5,
    'Gia công Đồ Sơn',
    'SUSPENDED',
    'VSIP_HP',
    ['MACHINING'],
    [],
    null,
    null,
    '2026-03-01T03:00:00Z',
    '2026-03-02T03:00:00Z',
  );
  await supplier(
    S.s6,
    TAX6,
    'Cơ khí Phú Long',
    'VERIFIED',
    null,
    ['MACHINING'],
    ['CONSUMER_ELECTRONICS'],
    [300, 'PCS'],
    5,
    '2026-02-28T18:00:00Z',
    '2026-03-16T03:00:00Z',
    'FDI',
  );
  const cert = (sid: string, position: number, code: string, from: string | null, until: string | null) =>
    db.query(`INSERT INTO supplier_certifications (supplier_id, position, code, valid_from, valid_until) VALUES ($1, $2, $3, $4, $5)`, [
      sid,
      position,
      code,
      from,
      until,
    ]);
  await cert(S.s1, 0, 'IATF_16949', null, day(20));
  await cert(S.s1, 1, 'ISO_9001', null, day(400));
  await cert(S.s2, 0, 'IATF_16949', null, day(100));
  await cert(S.s3, 0, 'IATF_16949', null, day(-1));
  await cert(S.s3, 1, 'ISO_9001', null, day(10));
  await cert(S.s3, 2, 'ISO_9001', day(10), day(1100));
  await cert(S.s4, 0, 'ISO_9001', null, day(5));
  await cert(S.s4, 1, 'ISO_14001', null, day(30)); // on the window's last day: listed
  await cert(S.s4, 2, 'IATF_16949', null, T); // lapses today: no longer counts, not listed
  await cert(S.s5, 0, 'IATF_16949', null, day(3)); // suspended supplier: not listed

  await db.query(
    `INSERT INTO buyers (id, tax_code, name, country_of_origin, sectors) VALUES ($1, '0200000001', 'Auto Assembler (confidential name)', 'JP', '{AUTOMOTIVE}'), ($2, '0200000002', 'Electronics Assembler', 'KR', '{ELECTRONICS}')`,
    [B.auto, B.elec],
  );
  const need = (
    nid: string,
    buyer: string,
    title: string,
    status: string,
    visibility: string,
    processes: string[],
    certs: string[],
    published: string | null,
    extra: { qty?: number; lead?: number; closed?: string; awarded?: string } = {},
  ) =>
    db.query(
      `INSERT INTO sourcing_needs (id, buyer_id, title, status, visibility, processes, certifications, quantity_value, quantity_unit, max_lead_time_days, published_at, closed_at, awarded_supplier_id, price_min, price_max, price_currency)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, CASE WHEN $8::numeric IS NULL THEN NULL ELSE 'PCS' END, $9, $10, $11, $12, 111, 999, 'USD')`,
      [
        nid,
        buyer,
        title,
        status,
        visibility,
        processes,
        certs,
        extra.qty ?? null,
        extra.lead ?? null,
        published,
        extra.closed ?? null,
        extra.awarded ?? null,
      ],
    );
  // qualified today: N1 {S2} (S3's IATF expired), N2 {S6} (S1 takes 10 > 7 days; MACHINING covers CNC milling),
  // N3 {} (no verified moulder), N4 {S1, S6} (CNC milling is a kind of machining; S5 suspended), N8 {S2}
  await need(N.n1, B.auto, 'Stamped brackets', 'OPEN', 'PUBLIC', ['STAMPING'], ['IATF_16949'], '2026-09-10T03:00:00Z', { qty: 1000 });
  await need(N.n2, B.auto, 'Secret milled housing', 'OPEN', 'PRIVATE', ['CNC_MILLING'], [], '2026-09-20T03:00:00Z', { lead: 7 });
  await need(N.n3, B.elec, 'Moulded covers', 'OPEN', 'ANONYMOUS', ['INJECTION_MOULDING'], ['ISO_9001'], '2026-10-05T03:00:00Z');
  await need(N.n4, B.elec, 'Machined pins', 'OPEN', 'PUBLIC', ['MACHINING'], [], '2026-10-06T03:00:00Z');
  await need(N.n5, B.auto, 'Stamped clips', 'AWARDED', 'PUBLIC', ['STAMPING'], [], '2026-09-12T03:00:00Z', {
    closed: '2026-10-15T03:00:00Z',
    awarded: S.s2,
  });
  await need(N.n6, B.elec, 'Cancelled frames', 'CLOSED', 'PUBLIC', ['MACHINING'], [], '2026-10-01T03:00:00Z', {
    closed: '2026-10-20T03:00:00Z',
  });
  await need(N.n7, B.auto, 'Draft', 'DRAFT', 'PUBLIC', ['STAMPING'], [], null);
  await need(N.n8, B.auto, 'Stamped shields', 'OPEN', 'PUBLIC', ['STAMPING'], ['IATF_16949'], '2026-10-10T03:00:00Z');
  const intro = (nid: string, sid: string, status: string, invited: boolean, reason: string | null = null) =>
    db.query(`INSERT INTO introductions (need_id, supplier_id, status, invited_at, decline_reason) VALUES ($1, $2, $3, $4, $5)`, [
      nid,
      sid,
      status,
      invited ? '2026-10-01T00:00:00Z' : null,
      reason,
    ]);
  await intro(N.n1, S.s2, 'ACCEPTED', true);
  await intro(N.n1, S.s3, 'DECLINED', true, 'CAPACITY');
  await intro(N.n1, S.s1, 'SHORTLISTED', false);
  await intro(N.n5, S.s2, 'ACCEPTED', true);
  await intro(N.n5, S.s1, 'DECLINED', true, 'PRICE');
  await intro(N.n6, S.s1, 'DECLINED', true, 'PRICE');
  await intro(N.n6, S.s6, 'DECLINED', true, 'TIMING');
  // a snapshot taken on 30 September: of the two open automotive needs, one had no qualified supplier, one had three
  await db.query(
    `INSERT INTO need_supply_history (day, sector, qualified_suppliers, needs) VALUES ('2026-09-30', 'AUTOMOTIVE', 0, 1), ('2026-09-30', 'AUTOMOTIVE', 3, 1)`,
  );
  await db.end();
}

describe('analytics', () => {
  let t: TestApp;
  let analyst: SignedIn;
  let member: SignedIn;
  let admin: SignedIn;

  beforeAll(async () => {
    t = await startTestApp();
    await loadFixture(t.databaseUrl);
    admin = await loginAdmin(t);
    analyst = await registerUser(t, 'analyst');
    const granted = await t.gql(
      `mutation($id: ID!) { setUserRole(userId: $id, role: ANALYST) { role } }`,
      { id: analyst.userId },
      admin.token,
    );
    expect(granted.errors).toBeUndefined();
    member = await registerUser(t, 'member');
    const db = new pg.Client({ connectionString: t.databaseUrl });
    await db.connect();
    await db.query(`INSERT INTO company_memberships (user_id, supplier_id) VALUES ($1, $2)`, [member.userId, S.s1]);
    await db.end();
    const refreshed = await t.gql<{ refreshSupplySnapshot: { day: string; openNeeds: number; verifiedSuppliers: number } }>(
      `mutation { refreshSupplySnapshot { day openNeeds verifiedSuppliers } }`,
      {},
      analyst.token,
    );
    expect(refreshed.data?.refreshSupplySnapshot).toEqual({ day: T, openNeeds: 5, verifiedSuppliers: 4 });
  }, 60000);

  afterAll(async () => {
    await t?.close();
  });

  const COVERAGE = `query($by: CoverageDimension!) { supplyCoverage(by: $by, lang: en) { asOf rows { term { code label } parent verifiedSuppliers withValidCertification monthlyCapacity { unit total } } } }`;
  type Coverage = {
    supplyCoverage: {
      asOf: string;
      rows: {
        term: { code: string; label: string };
        parent: string | null;
        verifiedSuppliers: number;
        withValidCertification: number;
        monthlyCapacity: { unit: string; total: number }[];
      }[];
    };
  };
  const row = (rows: Coverage['supplyCoverage']['rows'], code: string) => {
    const found = rows.find((r) => r.term.code === code)!;
    return [found.verifiedSuppliers, found.withValidCertification, Object.fromEntries(found.monthlyCapacity.map((c) => [c.unit, c.total]))];
  };

  it('supplyCoverage by process rolls specific processes up to their parents, verified suppliers only', async () => {
    const { data, errors } = await t.gql<Coverage>(COVERAGE, { by: 'PROCESS' }, analyst.token);
    expect(errors).toBeUndefined();
    const rows = data!.supplyCoverage.rows;
    expect(data!.supplyCoverage.asOf).toBe(T);
    expect(row(rows, 'MACHINING')).toEqual([2, 1, { PCS: 1300 }]); // S1 (via CNC milling) + S6; only S1 holds a valid certificate
    expect(row(rows, 'CNC_MACHINING')).toEqual([1, 1, { PCS: 1000 }]);
    expect(row(rows, 'METAL_FORMING')).toEqual([2, 2, { PCS: 5000, KG: 200 }]); // S2 + S3 (S3's ISO 9001 still counts)
    expect(row(rows, 'PROGRESSIVE_DIE_STAMPING')).toEqual([1, 1, { KG: 200 }]);
    expect(row(rows, 'INJECTION_MOULDING')).toEqual([0, 0, {}]); // S4 is not verified: a gap the city has
    expect(rows.find((r) => r.term.code === 'CNC_MILLING')!.parent).toBe('CNC_MACHINING');
    expect(rows.reduce((sum, r) => sum + (r.parent === null ? r.verifiedSuppliers : 0), 0)).toBe(4); // each verified supplier once among the roots
  });

  it('supplyCoverage by certification, zone and sector', async () => {
    const certs = (await t.gql<Coverage>(COVERAGE, { by: 'CERTIFICATION' }, analyst.token)).data!.supplyCoverage.rows;
    expect(row(certs, 'IATF_16949')).toEqual([3, 2, { PCS: 6000, KG: 200 }]); // S1, S2 valid; S3 expired
    expect(row(certs, 'ISO_9001')).toEqual([2, 2, { PCS: 1000, KG: 200 }]);
    expect(row(certs, 'ISO_14001')).toEqual([0, 0, {}]);
    const zones = (await t.gql<Coverage>(COVERAGE, { by: 'ZONE' }, analyst.token)).data!.supplyCoverage.rows;
    expect(row(zones, 'VSIP_HP')).toEqual([2, 2, { PCS: 6000 }]); // S5 is suspended
    expect(row(zones, 'HP_CORE')).toEqual([3, 3, { PCS: 6000, KG: 200 }]);
    expect(row(zones, 'OUTSIDE_ZONES')).toEqual([1, 0, { PCS: 300 }]);
    expect(zones.find((r) => r.term.code === 'OUTSIDE_ZONES')!.term.label).toBe('Outside industrial zones');
    const sectors = (await t.gql<Coverage>(COVERAGE, { by: 'SECTOR' }, analyst.token)).data!.supplyCoverage.rows;
    expect(row(sectors, 'AUTOMOTIVE')).toEqual([2, 2, { PCS: 6000 }]);
    expect(row(sectors, 'ELECTRONICS')).toEqual([2, 1, { PCS: 5300 }]); // S2 directly, S6 via consumer electronics
    expect(row(sectors, 'CONSUMER_ELECTRONICS')).toEqual([1, 0, { PCS: 300 }]);
  });

  it('supplyGaps ranks open needs by qualified suppliers and names the capabilities that block them', async () => {
    const { data, errors } = await t.gql<{ supplyGaps: Record<string, unknown> & { needs: Record<string, unknown>[] } }>(
      `{ supplyGaps(lang: en) { threshold openNeeds gapNeeds computedAt
          needs { needId title visibility buyerSectors { code } processes { code } certifications { code } qualifiedSuppliers capableSuppliers bottleneck { kind term { code } suppliers } }
          capabilities { label processes { code } certifications { code } openNeeds suppliers }
          bottlenecks { kind term { code } openNeeds suppliers } } }`,
      {},
      analyst.token,
    );
    expect(errors).toBeUndefined();
    const gaps = data!.supplyGaps;
    expect(gaps).toMatchObject({ threshold: 3, openNeeds: 5, gapNeeds: 5 });
    expect(gaps.computedAt).not.toBeNull();
    expect(gaps.needs.map((n) => [n.needId, n.title, n.qualifiedSuppliers, n.capableSuppliers])).toEqual([
      [N.n3, 'Moulded covers', 0, 0],
      [N.n1, 'Stamped brackets', 1, 1],
      [N.n2, null, 1, 2], // PRIVATE: no title
      [N.n8, 'Stamped shields', 1, 1],
      [N.n4, 'Machined pins', 2, 2],
    ]);
    // STAMPING is covered by S2 and S3, a valid IATF by S1 and S2: a tie goes to the certification
    expect(gaps.needs[1].bottleneck).toEqual({ kind: 'CERTIFICATION', term: { code: 'IATF_16949' }, suppliers: 2 });
    expect(gaps.needs[0].bottleneck).toEqual({ kind: 'PROCESS', term: { code: 'INJECTION_MOULDING' }, suppliers: 0 });
    expect(gaps.capabilities).toEqual([
      {
        label: 'IATF 16949 + Metal stamping',
        processes: [{ code: 'STAMPING' }],
        certifications: [{ code: 'IATF_16949' }],
        openNeeds: 2,
        suppliers: 1,
      },
      {
        label: expect.stringContaining('ISO 9001'),
        processes: [{ code: 'INJECTION_MOULDING' }],
        certifications: [{ code: 'ISO_9001' }],
        openNeeds: 1,
        suppliers: 0,
      },
      { label: expect.any(String), processes: [{ code: 'CNC_MILLING' }], certifications: [], openNeeds: 1, suppliers: 2 },
      { label: expect.any(String), processes: [{ code: 'MACHINING' }], certifications: [], openNeeds: 1, suppliers: 2 },
    ]);
    expect(gaps.bottlenecks).toEqual([
      { kind: 'CERTIFICATION', term: { code: 'IATF_16949' }, openNeeds: 2, suppliers: 2 },
      { kind: 'PROCESS', term: { code: 'INJECTION_MOULDING' }, openNeeds: 1, suppliers: 0 },
      { kind: 'PROCESS', term: { code: 'CNC_MILLING' }, openNeeds: 1, suppliers: 2 },
      { kind: 'PROCESS', term: { code: 'MACHINING' }, openNeeds: 1, suppliers: 2 },
    ]);
    const strict = await t.gql<{ supplyGaps: { gapNeeds: number } }>(`{ supplyGaps(threshold: 2) { gapNeeds } }`, {}, analyst.token);
    expect(strict.data!.supplyGaps.gapNeeds).toBe(4);
  });

  it('certificationExpiry lists certificates lapsing in the window without a renewal, suspended suppliers aside', async () => {
    const query = `query($d: Int!) { certificationExpiry(withinDays: $d, lang: en) { today total byCertification { certification { code } expiring } certificates { supplierId certification { code } validUntil daysLeft } } }`;
    const month = await t.gql<{ certificationExpiry: Record<string, unknown> }>(query, { d: 30 }, analyst.token);
    expect(month.errors).toBeUndefined();
    expect(month.data!.certificationExpiry).toEqual({
      today: T,
      total: 3,
      byCertification: [
        { certification: { code: 'IATF_16949' }, expiring: 1 },
        { certification: { code: 'ISO_14001' }, expiring: 1 },
        { certification: { code: 'ISO_9001' }, expiring: 1 },
      ],
      certificates: [
        { supplierId: S.s4, certification: { code: 'ISO_9001' }, validUntil: day(5), daysLeft: 5 },
        { supplierId: S.s1, certification: { code: 'IATF_16949' }, validUntil: day(20), daysLeft: 20 },
        { supplierId: S.s4, certification: { code: 'ISO_14001' }, validUntil: day(30), daysLeft: 30 },
      ],
    });
    const longer = await t.gql<{ certificationExpiry: { total: number; byCertification: unknown[] } }>(query, { d: 120 }, analyst.token);
    expect(longer.data!.certificationExpiry.total).toBe(4); // + S2's IATF in 100 days
    expect(longer.data!.certificationExpiry.byCertification[0]).toEqual({ certification: { code: 'IATF_16949' }, expiring: 2 });
  });

  const FUNNEL = `query($g: [FunnelDimension!]!) { matchingFunnel(from: "2026-09-01", to: "2026-10-31", groupBy: $g, lang: en) { rows { period sector { code } needs matched invited accepted awarded declineReasons { reason count } } } }`;

  it('matchingFunnel follows published needs to awards, by month, by sector, or in one row', async () => {
    const byMonth = await t.gql<{ matchingFunnel: { rows: unknown[] } }>(FUNNEL, { g: ['MONTH'] }, analyst.token);
    expect(byMonth.errors).toBeUndefined();
    expect(byMonth.data!.matchingFunnel.rows).toEqual([
      // N1, N2, N5: N1 and N5 have introductions, both invited and accepted, N5 awarded
      {
        period: '2026-09',
        sector: null,
        needs: 3,
        matched: 2,
        invited: 2,
        accepted: 2,
        awarded: 1,
        declineReasons: [
          { reason: 'CAPACITY', count: 1 },
          { reason: 'PRICE', count: 1 },
        ],
      },
      // N3, N4, N6, N8: only N6 got as far as invitations, both declined
      {
        period: '2026-10',
        sector: null,
        needs: 4,
        matched: 1,
        invited: 1,
        accepted: 0,
        awarded: 0,
        declineReasons: [
          { reason: 'PRICE', count: 1 },
          { reason: 'TIMING', count: 1 },
        ],
      },
    ]);
    const bySector = await t.gql<{ matchingFunnel: { rows: unknown[] } }>(FUNNEL, { g: ['SECTOR'] }, analyst.token);
    expect(bySector.data!.matchingFunnel.rows).toEqual([
      {
        period: null,
        sector: { code: 'AUTOMOTIVE' },
        needs: 4,
        matched: 2,
        invited: 2,
        accepted: 2,
        awarded: 1,
        declineReasons: [
          { reason: 'CAPACITY', count: 1 },
          { reason: 'PRICE', count: 1 },
        ],
      },
      {
        period: null,
        sector: { code: 'ELECTRONICS' },
        needs: 3,
        matched: 1,
        invited: 1,
        accepted: 0,
        awarded: 0,
        declineReasons: [
          { reason: 'PRICE', count: 1 },
          { reason: 'TIMING', count: 1 },
        ],
      },
    ]);
    const all = await t.gql<{ matchingFunnel: { rows: unknown[] } }>(FUNNEL, { g: [] }, analyst.token);
    expect(all.data!.matchingFunnel.rows).toEqual([
      {
        period: null,
        sector: null,
        needs: 7,
        matched: 3,
        invited: 3,
        accepted: 2,
        awarded: 1,
        declineReasons: [
          { reason: 'PRICE', count: 2 },
          { reason: 'CAPACITY', count: 1 },
          { reason: 'TIMING', count: 1 },
        ],
      },
    ]);
    const both = await t.gql(FUNNEL, { g: ['MONTH', 'QUARTER'] }, analyst.token);
    expect(both.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ field: 'groupBy', reason: 'group by MONTH or by QUARTER, not both' }],
    });
  });

  it("localisation: well-supplied share from the month's last snapshot, local awards from the needs that ended", async () => {
    const { data, errors } = await t.gql<{ localisation: { rows: unknown[] } }>(
      `query($to: LocalDate!) { localisation(from: "2026-09-01", to: $to, enough: 2, lang: en) { enough rows { month sector { code } openNeeds wellSuppliedNeeds wellSuppliedShare endedNeeds awardedLocal awardedLocalShare awardedDomestic } } }`,
      { to: T },
      analyst.token,
    );
    expect(errors).toBeUndefined();
    const thisMonth = T.slice(0, 7);
    expect(data!.localisation.rows).toEqual([
      {
        month: '2026-09',
        sector: { code: 'AUTOMOTIVE' },
        openNeeds: 2,
        wellSuppliedNeeds: 1,
        wellSuppliedShare: 0.5,
        endedNeeds: 0,
        awardedLocal: 0,
        awardedLocalShare: null,
        awardedDomestic: 0,
      },
      {
        month: '2026-10',
        sector: { code: 'AUTOMOTIVE' },
        openNeeds: 0,
        wellSuppliedNeeds: 0,
        wellSuppliedShare: null,
        endedNeeds: 1,
        awardedLocal: 1,
        awardedLocalShare: 1,
        awardedDomestic: 1,
      },
      {
        month: '2026-10',
        sector: { code: 'ELECTRONICS' },
        openNeeds: 0,
        wellSuppliedNeeds: 0,
        wellSuppliedShare: null,
        endedNeeds: 1,
        awardedLocal: 0,
        awardedLocalShare: 0,
        awardedDomestic: 0,
      },
      // today's snapshot: N1, N2, N8 have one qualified supplier each; N3 none, N4 two
      {
        month: thisMonth,
        sector: { code: 'AUTOMOTIVE' },
        openNeeds: 3,
        wellSuppliedNeeds: 0,
        wellSuppliedShare: 0,
        endedNeeds: 0,
        awardedLocal: 0,
        awardedLocalShare: null,
        awardedDomestic: 0,
      },
      {
        month: thisMonth,
        sector: { code: 'ELECTRONICS' },
        openNeeds: 2,
        wellSuppliedNeeds: 1,
        wellSuppliedShare: 0.5,
        endedNeeds: 0,
        awardedLocal: 0,
        awardedLocalShare: null,
        awardedDomestic: 0,
      },
    ]);
  });

  it('supplierGrowth counts registrations and first verifications per Vietnamese month and zone, with running totals', async () => {
    const { data, errors } = await t.gql<{ supplierGrowth: { rows: unknown[] } }>(
      `{ supplierGrowth(from: "2026-02-01", to: "2026-03-31", lang: en) { rows { month zone { code } registered verified registeredTotal verifiedTotal } } }`,
      {},
      analyst.token,
    );
    expect(errors).toBeUndefined();
    expect(data!.supplierGrowth.rows).toEqual([
      { month: '2026-02', zone: { code: 'DEEP_C_1' }, registered: 1, verified: 1, registeredTotal: 1, verifiedTotal: 1 },
      { month: '2026-02', zone: { code: 'OUTSIDE_ZONES' }, registered: 1, verified: 0, registeredTotal: 1, verifiedTotal: 0 },
      { month: '2026-02', zone: { code: 'VSIP_HP' }, registered: 0, verified: 1, registeredTotal: 2, verifiedTotal: 1 },
      { month: '2026-03', zone: { code: 'DEEP_C_1' }, registered: 0, verified: 0, registeredTotal: 1, verifiedTotal: 1 },
      { month: '2026-03', zone: { code: 'OUTSIDE_ZONES' }, registered: 1, verified: 1, registeredTotal: 2, verifiedTotal: 1 },
      { month: '2026-03', zone: { code: 'VSIP_HP' }, registered: 1, verified: 2, registeredTotal: 3, verifiedTotal: 3 },
    ]);
  });

  it('rejects impossible periods with the field and the reason', async () => {
    const bad = await t.gql(`{ supplierGrowth(from: "2026-02-30", to: "2026-01-01") { rows { month } } }`, {}, analyst.token);
    expect(bad.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ field: 'from', reason: 'is not a real calendar date' }],
    });
    const reversed = await t.gql(`{ supplierGrowth(from: "2026-03-01", to: "2026-01-01") { rows { month } } }`, {}, analyst.token);
    expect(reversed.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ field: 'to', reason: 'must not be before from' }],
    });
  });

  it('refreshes the snapshot once at a time: a refresh while another holds the lock answers null and writes nothing', async () => {
    const holder = new pg.Client({ connectionString: t.databaseUrl });
    await holder.connect();
    try {
      await holder.query(`SELECT pg_advisory_lock(hashtext('analytics:need_supply'))`);
      const [before] = (await holder.query(`SELECT max(computed_at) AS at FROM need_supply`)).rows;
      const blocked = await t.gql<{ refreshSupplySnapshot: unknown }>(`mutation { refreshSupplySnapshot { day } }`, {}, analyst.token);
      expect(blocked.errors).toBeUndefined();
      expect(blocked.data!.refreshSupplySnapshot).toBeNull();
      const [after] = (await holder.query(`SELECT max(computed_at) AS at FROM need_supply`)).rows;
      expect(after.at).toEqual(before.at);
      await holder.query(`SELECT pg_advisory_unlock(hashtext('analytics:need_supply'))`);
      const done = await t.gql<{ refreshSupplySnapshot: { openNeeds: number } }>(
        `mutation { refreshSupplySnapshot { openNeeds } }`,
        {},
        analyst.token,
      );
      expect(done.data!.refreshSupplySnapshot).toEqual({ openNeeds: 5 });
    } finally {
      await holder.end();
    }
  });

  describe('access', () => {
    const QUERIES = [
      `{ supplyCoverage(by: PROCESS) { asOf } }`,
      `{ supplyGaps { openNeeds } }`,
      `{ certificationExpiry(withinDays: 30) { total } }`,
      `{ matchingFunnel(from: "2026-01-01", to: "2026-12-31") { from } }`,
      `{ localisation(from: "2026-01-01", to: "2026-12-31") { from } }`,
      `{ supplierGrowth(from: "2026-01-01", to: "2026-12-31") { from } }`,
      `mutation { refreshSupplySnapshot { day } }`,
    ];

    it('lets ADMIN and ANALYST read every report; a company member gets FORBIDDEN, an anonymous caller UNAUTHENTICATED', async () => {
      for (const query of QUERIES) {
        expect((await t.gql(query, {}, analyst.token)).errors).toBeUndefined();
        expect((await t.gql(query, {}, admin.token)).errors).toBeUndefined();
        const asMember = await t.gql(query, {}, member.token);
        expect([query, asMember.errors?.[0]?.extensions?.code, Object.values(asMember.data ?? {}).filter((v) => v !== null)]).toEqual([
          query,
          'FORBIDDEN',
          [],
        ]);
        expect((await t.gql(query, {})).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      }
    });

    it('never lets a confidential field out: no contact, price, buyer name or private title in any answer', async () => {
      const answers = await Promise.all([
        t.gql(`{ supplyGaps { needs { title } capabilities { label } bottlenecks { kind } } }`, {}, analyst.token),
        t.gql(`{ certificationExpiry(withinDays: 365) { certificates { supplierName } } }`, {}, analyst.token),
        t.http().get('/analytics/supply-gaps.csv').set('authorization', `Bearer ${analyst.token}`),
        t.http().get('/analytics/certification-expiry.csv?withinDays=365').set('authorization', `Bearer ${analyst.token}`),
      ]);
      const text = JSON.stringify(answers.map((a) => ('text' in a ? a.text : a)));
      for (const secret of ['secret-contact@example.vn', 'Secret milled housing', 'Auto Assembler (confidential name)', '999'])
        expect(text).not.toContain(secret);
      expect(text).toContain('Stamped brackets');
    });
  });

  describe('CSV downloads', () => {
    const csv = (path: string, token?: string) => {
      const req = t.http().get(path);
      return token ? req.set('authorization', `Bearer ${token}`) : req;
    };

    it('serve the same figures as GraphQL, with the same access rules', async () => {
      const growth = await csv('/analytics/supplier-growth.csv?from=2026-02-01&to=2026-03-31&lang=en', analyst.token);
      expect(growth.status).toBe(200);
      expect(growth.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(growth.headers['content-disposition']).toBe('attachment; filename="supplier-growth.csv"');
      expect(growth.text.split('\r\n').slice(0, 3)).toEqual([
        '\uFEFFmonth,zone,registered,verified,registered_total,verified_total',
        '2026-02,Deep C 1,1,1,1,1'.replace('Deep C 1', growth.text.split('\r\n')[1].split(',')[1]),
        '2026-02,Outside industrial zones,1,0,1,0',
      ]);
      const funnel = await csv('/analytics/matching-funnel.csv?from=2026-09-01&to=2026-10-31&groupBy=MONTH', analyst.token);
      // decline reasons named in the file's language (Vietnamese unless asked) as the web names them, counts as they are
      expect(funnel.text.split('\r\n').slice(1, 3)).toEqual([
        '2026-09,,3,2,2,2,1,"Không đủ công suất: 1; Giá không phù hợp: 1"',
        '2026-10,,4,1,1,0,0,"Giá không phù hợp: 1; Thời gian không phù hợp: 1"',
      ]);
      const funnelJa = await csv('/analytics/matching-funnel.csv?from=2026-09-01&to=2026-10-31&groupBy=MONTH&lang=ja', analyst.token);
      expect(funnelJa.text.split('\r\n').slice(1, 3)).toEqual([
        '2026-09,,3,2,2,2,1,"生産能力が足りない: 1; 価格が合わない: 1"',
        '2026-10,,4,1,1,0,0,"価格が合わない: 1; 納期が合わない: 1"',
      ]);
      // a need's visibility and a supplier's verification status named too, never by their codes
      const needLine = (text: string, id: string) => text.split('\r\n').find((line) => line.startsWith(`${id},`));
      const needsVi = await csv('/analytics/supply-gaps.csv', analyst.token);
      expect(needLine(needsVi.text, N.n1)).toMatch(new RegExp(`^${N.n1},Stamped brackets,Công khai,`));
      expect(needLine(needsVi.text, N.n2)).toMatch(new RegExp(`^${N.n2},,Riêng tư,`));
      const needsJa = await csv('/analytics/supply-gaps.csv?part=needs&lang=ja', analyst.token);
      expect(needLine(needsJa.text, N.n3)).toMatch(new RegExp(`^${N.n3},Moulded covers,匿名,`));
      expect(needLine(needsJa.text, N.n2)).toMatch(new RegExp(`^${N.n2},,非公開,`));
      const expiryVi = await csv('/analytics/certification-expiry.csv?withinDays=30', analyst.token);
      const status = (text: string) =>
        text
          .split('\r\n')
          .slice(1, -1)
          .map((line) => line.split(',')[3]);
      expect(status(expiryVi.text)).toEqual(['Chưa xác minh', 'Đã được trung tâm hỗ trợ xác minh', 'Chưa xác minh']);
      const expiryJa = await csv('/analytics/certification-expiry.csv?withinDays=30&lang=ja', analyst.token);
      expect(status(expiryJa.text)).toEqual(['未確認', '支援センターによる確認済み', '未確認']);
      for (const { text } of [funnel, funnelJa, needsVi, needsJa, expiryVi, expiryJa])
        expect(text).not.toMatch(
          /\b(PUBLIC|ANONYMOUS|PRIVATE|VERIFIED|UNVERIFIED|SUSPENDED|CAPACITY|PRICE|TIMING|NOT_OUR_PROCESS|OTHER)\b/,
        );
      // capacity totals per unit, each unit named in the file's language (metal forming: in kg and in pieces)
      const coverage = await csv('/analytics/supply-coverage.csv?by=PROCESS&lang=ja', analyst.token);
      expect(coverage.text.split('\r\n').find((line) => line.startsWith('METAL_FORMING,'))).toMatch(/,"200 kg; 5000 個"$/);
      expect(coverage.text).not.toMatch(/\b(PCS|KG|SETS|TONNES)\b/);
      const capabilities = await csv('/analytics/supply-gaps.csv?part=capabilities&lang=en', analyst.token);
      expect(capabilities.text.split('\r\n')[1]).toBe('IATF 16949 + Metal stamping,STAMPING,IATF_16949,2,1');
      for (const path of [
        '/analytics/supply-coverage.csv?by=ZONE',
        '/analytics/certification-expiry.csv?withinDays=30',
        '/analytics/localisation.csv?from=2026-09-01&to=2026-12-31',
      ]) {
        expect((await csv(path, admin.token)).status).toBe(200);
      }
      expect((await csv('/analytics/supply-coverage.csv?by=ZONE', member.token)).status).toBe(403);
      expect((await csv('/analytics/supply-coverage.csv?by=ZONE')).status).toBe(401);
      // Authentication comes before the parameters are read.
      expect((await csv('/analytics/certification-expiry.csv?withinDays=0&colour=red')).status).toBe(401);
    });

    it('answer bad parameters with 400 and the field, unknown reports with 404', async () => {
      const bad = await csv('/analytics/certification-expiry.csv?withinDays=0&colour=red', analyst.token);
      expect(bad.status).toBe(400);
      expect(bad.body.error.code).toBe('BAD_USER_INPUT');
      expect(bad.body.error.fieldErrors).toEqual(
        expect.arrayContaining([
          { field: 'colour', reason: 'is not a parameter of this report' },
          { field: 'withinDays', reason: expect.stringContaining('1') },
        ]),
      );
      expect((await csv('/analytics/everything.csv', analyst.token)).status).toBe(404);
    });
  });
});
