import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { taxCodes } from '#libs/demo-data';
import { loginAdmin, registerUser, type SignedIn } from '../support/accounts.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Upgrade paths and coaching targets on a city small enough to work out by hand (the comments do).
 *   SME     CNC milling, ISO 9001, 1 000 pcs/month, 20 days; no IATF 16949
 *   MILLER  CNC milling, 600 pcs/month; no IATF 16949
 *   STAMPER stamping with IATF 16949 (another supplier: its member is the outsider here)
 * Open needs, all CNC milling + IATF 16949 unless said otherwise:
 *   n1 500 pcs, n2 800 pcs (PUBLIC, the car maker); n3 300 pcs (ANONYMOUS, the hidden buyer)
 *   n4 900 pcs, PRIVATE need of an unrelated buyer (the SME was not invited: it may not see it)
 *   n5 CNC turning + IATF 16949 (PUBLIC): the SME misses two things
 *   n6 a DRAFT like n1
 */
const [TAX1, TAX2, TAX3] = taxCodes('02', 7100001, 3);
const S = {
  sme: 'a1000000-0000-4000-8000-000000000001',
  miller: 'a1000000-0000-4000-8000-000000000002',
  stamper: 'a1000000-0000-4000-8000-000000000003',
};
const B = {
  auto: 'b1000000-0000-4000-8000-000000000001',
  hidden: 'b1000000-0000-4000-8000-000000000002',
  other: 'b1000000-0000-4000-8000-000000000003',
};
const HIDDEN_NAME = 'Hidden Electronics Co';
const N = Object.fromEntries([1, 2, 3, 4, 5, 6].map((n) => [`n${n}`, `c1000000-0000-4000-8000-00000000000${n}`])) as Record<string, string>;

async function loadFixture(db: pg.Client): Promise<void> {
  const supplier = (id: string, tax: string, name: string, processes: string[], capacity: number, lead: number) =>
    db.query(
      `INSERT INTO suppliers (id, tax_code, name_vi, verification_status, zone_code, processes, monthly_capacity_value, monthly_capacity_unit, lead_time_days, verified_at)
       VALUES ($1, $2, $3, 'VERIFIED', 'VSIP_HP', $4, $5, 'PCS', $6, now())`,
      [id, tax, name, processes, capacity, lead],
    );
  await supplier(S.sme, TAX1, 'Cơ khí Tiến Đạt', ['CNC_MILLING'], 1000, 20);
  await supplier(S.miller, TAX2, 'Phay Hồng Bàng', ['CNC_MILLING'], 600, 20);
  await supplier(S.stamper, TAX3, 'Dập Lạch Tray', ['STAMPING'], 9000, 20);
  await db.query(
    `INSERT INTO supplier_certifications (supplier_id, position, code, valid_from, valid_until) VALUES ($1, 0, 'ISO_9001', NULL, NULL), ($2, 0, 'IATF_16949', NULL, NULL)`,
    [S.sme, S.stamper],
  );
  await db.query(
    `INSERT INTO buyers (id, tax_code, name, country_of_origin, sectors, verification_status) VALUES
       ($1, '0210000001', 'Car Maker', 'JP', '{AUTOMOTIVE}', 'VERIFIED'),
       ($2, '0210000002', '${HIDDEN_NAME}', 'KR', '{ELECTRONICS}', 'VERIFIED'),
       ($3, '0210000003', 'Unrelated Buyer', 'TW', '{MOTORCYCLES}', 'VERIFIED')`,
    [B.auto, B.hidden, B.other],
  );
  const need = (
    id: string,
    buyer: string,
    title: string,
    status: string,
    visibility: string,
    processes: string[],
    quantity: number | null,
  ) =>
    db.query(
      `INSERT INTO sourcing_needs (id, buyer_id, title, status, visibility, processes, materials, certifications, quantity_value, quantity_unit, published_at)
       VALUES ($1, $2, $3, $4, $5, $6, '{}', '{IATF_16949}', $7, CASE WHEN $7::numeric IS NULL THEN NULL ELSE 'PCS' END, now())`,
      [id, buyer, title, status, visibility, processes, quantity],
    );
  await need(N.n1, B.auto, 'Milled brackets', 'OPEN', 'PUBLIC', ['CNC_MILLING'], 500);
  await need(N.n2, B.auto, 'Milled housings', 'OPEN', 'PUBLIC', ['CNC_MILLING'], 800);
  await need(N.n3, B.hidden, 'Milled heat sinks', 'OPEN', 'ANONYMOUS', ['CNC_MILLING'], 300);
  await need(N.n4, B.other, 'Secret milled hubs', 'OPEN', 'PRIVATE', ['CNC_MILLING'], 900);
  await need(N.n5, B.auto, 'Turned shafts', 'OPEN', 'PUBLIC', ['CNC_TURNING'], 400);
  await need(N.n6, B.auto, 'Draft', 'DRAFT', 'PUBLIC', ['CNC_MILLING'], 500);
}

const PATHS = `query($id: ID!, $lang: Language) { upgradePaths(supplierId: $id, lang: $lang) {
  supplierId openNeedsSeen qualifiedNow
  paths { changes { kind term { code label } value unit description } additionalNeeds needIds onlyTogether
          monthlyVolume { unit total } buyerSectors { sector { code label } needs } nearMisses
          stillMissing { kind term { code } needs description } explanation }
  combinations { changes { kind term { code } } additionalNeeds needIds onlyTogether explanation } } }`;

type Paths = {
  upgradePaths: {
    openNeedsSeen: number;
    qualifiedNow: number;
    paths: {
      changes: { kind: string; term: { code: string; label: string } | null; value: number | null; description: string }[];
      additionalNeeds: number;
      needIds: string[];
      monthlyVolume: { unit: string; total: number }[];
      buyerSectors: { sector: { code: string; label: string }; needs: number }[];
      nearMisses: number;
      stillMissing: { kind: string; term: { code: string } | null; needs: number }[];
      explanation: string;
    }[];
    combinations: {
      changes: { kind: string; term: { code: string } | null }[];
      needIds: string[];
      onlyTogether: number;
      explanation: string;
    }[];
  };
};

describe('upgrade paths and coaching targets', () => {
  let t: TestApp;
  let db: pg.Client;
  let member: SignedIn;
  let outsider: SignedIn;
  let analyst: SignedIn;
  let admin: SignedIn;

  beforeAll(async () => {
    t = await startTestApp();
    db = new pg.Client({ connectionString: t.databaseUrl });
    await db.connect();
    await loadFixture(db);
    admin = await loginAdmin(t);
    [member, outsider, analyst] = [await registerUser(t, 'sme'), await registerUser(t, 'stamper'), await registerUser(t, 'analyst')];
    await db.query(`INSERT INTO company_memberships (user_id, supplier_id) VALUES ($1, $2), ($3, $4)`, [
      member.userId,
      S.sme,
      outsider.userId,
      S.stamper,
    ]);
    const granted = await t.gql(
      `mutation($id: ID!) { setUserRole(userId: $id, role: ANALYST) { role } }`,
      { id: analyst.userId },
      admin.token,
    );
    expect(granted.errors).toBeUndefined();
  }, 60000);

  afterAll(async () => {
    await db?.end();
    await t?.close();
  });

  const paths = async (token: string, id = S.sme, lang = 'en') => t.gql<Paths>(PATHS, { id, lang }, token);

  it('shows the SME the IATF 16949 path first, with the three needs it may see whose only gap that is', async () => {
    const { data, errors } = await paths(member.token);
    expect(errors).toBeUndefined();
    const answer = data!.upgradePaths;
    // n1, n2, n3, n5 (n4 is another buyer's PRIVATE need, n6 a draft)
    expect(answer.openNeedsSeen).toBe(4);
    expect(answer.qualifiedNow).toBe(0);
    const [first] = answer.paths;
    expect(first.changes).toEqual([
      {
        kind: 'CERTIFICATION',
        term: { code: 'IATF_16949', label: 'IATF 16949' },
        value: null,
        unit: null,
        description: 'Get IATF 16949 certified',
      },
    ]);
    expect(first.additionalNeeds).toBe(3);
    expect(first.needIds).toEqual([N.n1, N.n2, N.n3]);
    expect(first.monthlyVolume).toEqual([{ unit: 'PCS', total: 1600 }]);
    expect(first.buyerSectors).toEqual([
      { sector: { code: 'AUTOMOTIVE', label: expect.any(String) }, needs: 2 },
      { sector: { code: 'UNDISCLOSED', label: 'Undisclosed' }, needs: 1 },
    ]);
    // n5 would still miss CNC turning
    expect(first.nearMisses).toBe(1);
    expect(first.stillMissing).toEqual([{ kind: 'PROCESS', term: { code: 'CNC_TURNING' }, needs: 1, description: expect.any(String) }]);
    expect(first.explanation).toMatch(/^Get IATF 16949 certified: qualifies for 3 more open needs \(1,600 pcs a month in total\)\./);
  });

  it('offers two changes together when they unlock a need neither unlocks alone', async () => {
    const { data } = await paths(member.token);
    expect(data!.upgradePaths.combinations).toEqual([
      {
        changes: [
          { kind: 'CERTIFICATION', term: { code: 'IATF_16949' } },
          { kind: 'PROCESS', term: { code: 'CNC_TURNING' } },
        ],
        needIds: [N.n1, N.n2, N.n3, N.n5].sort(),
        onlyTogether: 1,
        additionalNeeds: 4,
        explanation: expect.stringContaining('1 of them only with both changes'),
      },
    ]);
  });

  it('explains in Vietnamese', async () => {
    const { data } = await paths(member.token, S.sme, 'vi');
    expect(data!.upgradePaths.paths[0].explanation).toMatch(/^Đạt chứng nhận IATF 16949: đủ điều kiện cho thêm 3 nhu cầu đang mở/);
  });

  it('never counts a PRIVATE need the SME may not see, nor names a hidden buyer, whoever asks', async () => {
    const before = await paths(member.token);
    const text = JSON.stringify(before.data);
    expect(text).not.toContain(N.n4);
    expect(text).not.toContain(HIDDEN_NAME);
    expect(text).not.toContain('ELECTRONICS');
    // ADMIN asks about the SME: the same answer (what the SME may see), not what ADMIN may see
    expect((await paths(admin.token)).data).toEqual(before.data);
    // the PRIVATE need made to look exactly like n1 changes nothing; closing it neither
    await db.query(`UPDATE sourcing_needs SET quantity_value = 500 WHERE id = $1`, [N.n4]);
    expect((await paths(member.token)).data).toEqual(before.data);
    await db.query(`UPDATE sourcing_needs SET status = 'CLOSED' WHERE id = $1`, [N.n4]);
    expect((await paths(member.token)).data).toEqual(before.data);
    await db.query(`UPDATE sourcing_needs SET status = 'OPEN', quantity_value = 900 WHERE id = $1`, [N.n4]);
    // made PUBLIC, it counts: the comparison above could have seen it
    await db.query(`UPDATE sourcing_needs SET visibility = 'PUBLIC' WHERE id = $1`, [N.n4]);
    try {
      expect((await paths(member.token)).data!.upgradePaths.paths[0].needIds).toEqual([N.n1, N.n2, N.n3, N.n4]);
    } finally {
      await db.query(`UPDATE sourcing_needs SET visibility = 'PRIVATE' WHERE id = $1`, [N.n4]);
    }
  });

  it('answers only the supplier’s members and ADMIN', async () => {
    const code = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;
    expect(code(await t.gql(PATHS, { id: S.sme }))).toBe('UNAUTHENTICATED');
    expect(code(await paths(outsider.token))).toBe('FORBIDDEN');
    expect(code(await paths(analyst.token))).toBe('FORBIDDEN');
    expect(code(await paths(member.token, 'a1000000-0000-4000-8000-0000000000ff'))).toBe('NOT_FOUND');
    // a suspended supplier is NOT_FOUND to outsiders, as elsewhere
    await db.query(`UPDATE suppliers SET verification_status = 'SUSPENDED' WHERE id = $1`, [S.miller]);
    try {
      expect(code(await paths(outsider.token, S.miller))).toBe('NOT_FOUND');
    } finally {
      await db.query(`UPDATE suppliers SET verification_status = 'VERIFIED' WHERE id = $1`, [S.miller]);
    }
    expect((await paths(outsider.token, S.stamper)).errors).toBeUndefined();
  });

  describe('coaching targets', () => {
    const COACHING = `query($by: CoachingGapKind) { coachingTargets(by: $by, lang: en) { threshold by gaps { kind term { code label } openNeeds suppliers targets { supplierId supplierName zone { code } needs monthlyVolume { unit total } } } } }`;

    beforeAll(async () => {
      const refreshed = await t.gql(`mutation { refreshSupplySnapshot { openNeeds } }`, {}, analyst.token);
      expect(refreshed.errors).toBeUndefined();
    });

    it('lists the SME under the IATF 16949 gap, most needs first', async () => {
      const { data, errors } = await t.gql<{ coachingTargets: { gaps: unknown[] } }>(COACHING, { by: 'CERTIFICATION' }, analyst.token);
      expect(errors).toBeUndefined();
      // gaps (no qualified supplier): n1–n4 blocked most by IATF (1 holder vs 2 CNC millers); n5 by CNC turning (no one).
      // The SME misses only IATF for n1–n4 (the centre sees every need); the miller for n1 and n3 (600 pcs a month)
      expect(data!.coachingTargets.gaps).toEqual([
        {
          kind: 'CERTIFICATION',
          term: { code: 'IATF_16949', label: 'IATF 16949' },
          openNeeds: 4,
          suppliers: 1,
          targets: [
            {
              supplierId: S.sme,
              supplierName: 'Cơ khí Tiến Đạt',
              zone: { code: 'VSIP_HP' },
              needs: 4,
              monthlyVolume: [{ unit: 'PCS', total: 2500 }],
            },
            {
              supplierId: S.miller,
              supplierName: 'Phay Hồng Bàng',
              zone: { code: 'VSIP_HP' },
              needs: 2,
              monthlyVolume: [{ unit: 'PCS', total: 800 }],
            },
          ],
        },
      ]);
      const byProcess = await t.gql<{
        coachingTargets: { gaps: { term: { code: string }; targets: { supplierId: string; needs: number }[] }[] };
      }>(COACHING, { by: 'PROCESS' }, analyst.token);
      // CNC turning blocks n5; only the stamper (IATF, 9 000 pcs) misses nothing else: the SME and the miller lack IATF too
      expect(byProcess.data!.coachingTargets.gaps.map((g) => [g.term.code, g.targets.map((x) => [x.supplierId, x.needs])])).toEqual([
        ['CNC_TURNING', [[S.stamper, 1]]],
      ]);
    });

    it('is for ADMIN and ANALYST only, and downloads as CSV', async () => {
      const code = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;
      expect(code(await t.gql(COACHING, {}))).toBe('UNAUTHENTICATED');
      expect(code(await t.gql(COACHING, {}, member.token))).toBe('FORBIDDEN');
      expect((await t.gql(COACHING, {}, admin.token)).errors).toBeUndefined();
      const csv = await t
        .http()
        .get('/analytics/coaching-targets.csv?by=CERTIFICATION&lang=en')
        .set('authorization', `Bearer ${analyst.token}`);
      expect(csv.status).toBe(200);
      const lines = csv.text
        .replace(/^\uFEFF/, '')
        .trim()
        .split(/\r?\n/);
      expect(lines[0]).toBe('kind,code,label,gap_needs,suppliers_with_it,supplier_id,supplier_name,zone,needs_unlocked,monthly_volume');
      // the zone and the unit named in the file's language, as the figure shows them, not by their codes
      expect(lines[1]).toBe(`CERTIFICATION,IATF_16949,IATF 16949,4,1,${S.sme},Cơ khí Tiến Đạt,VSIP Hai Phong Industrial Park,4,2500 pcs`);
      const vi = await t.http().get('/analytics/coaching-targets.csv?by=CERTIFICATION').set('authorization', `Bearer ${analyst.token}`);
      expect(vi.text.split('\r\n')[1]).toBe(
        `CERTIFICATION,IATF_16949,IATF 16949,4,1,${S.sme},Cơ khí Tiến Đạt,KCN VSIP Hải Phòng,4,2500 chiếc`,
      );
      expect(lines).toHaveLength(3);
      expect((await t.http().get('/analytics/coaching-targets.csv').set('authorization', `Bearer ${member.token}`)).status).toBe(403);
    });
  });
});
