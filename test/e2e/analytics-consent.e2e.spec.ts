import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { taxCodes } from '#libs/demo-data';
import { loginAdmin, registerUser, type SignedIn } from '../support/accounts.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Supply analytics count only what matching can propose: a profile the centre entered without the
 * SME's consent to publish stays out of the search index, so it is not supply — not in coverage, not
 * among a need's qualified suppliers, not a coaching target (issue 14, item 5 of the web brief).
 * A city worked out by hand, all verified, all in VSIP Hải Phòng:
 *   PUBLISHED   CNC milling, IATF 16949, 1 000 pcs/month                 (its SME's own profile)
 *   HIDDEN      CNC milling, IATF 16949, 1 000 pcs/month, no consent     (entered by the centre on a visit)
 *   ALMOST      CNC milling, no IATF 16949, 1 000 pcs/month, no consent  (one certificate away)
 * One open need: CNC milling + IATF 16949, 500 pcs a month.
 * Counted as supply, HIDDEN would double the qualified suppliers and ALMOST would be a coaching target.
 */
const [TAX1, TAX2, TAX3] = taxCodes('02', 7400001, 3);
const S = {
  published: 'a2000000-0000-4000-8000-000000000001',
  hidden: 'a2000000-0000-4000-8000-000000000002',
  almost: 'a2000000-0000-4000-8000-000000000003',
};
const BUYER = 'b2000000-0000-4000-8000-000000000001';
const NEED = 'c2000000-0000-4000-8000-000000000001';

async function loadFixture(db: pg.Client): Promise<void> {
  const supplier = (id: string, tax: string, name: string, published: boolean) =>
    db.query(
      `INSERT INTO suppliers (id, tax_code, name_vi, verification_status, zone_code, processes, monthly_capacity_value, monthly_capacity_unit,
                              lead_time_days, verified_at, published, maintained_by, data_source)
       VALUES ($1, $2, $3, 'VERIFIED', 'VSIP_HP', '{CNC_MILLING}', 1000, 'PCS', 20, now(), $4,
               CASE WHEN $4 THEN 'SELF' ELSE 'CENTRE' END, CASE WHEN $4 THEN NULL ELSE 'VISIT' END)`,
      [id, tax, name, published],
    );
  await supplier(S.published, TAX1, 'Cơ khí Công Khai', true);
  await supplier(S.hidden, TAX2, 'Cơ khí Chưa Đồng Ý', false);
  await supplier(S.almost, TAX3, 'Cơ khí Gần Đạt', false);
  await db.query(
    `INSERT INTO supplier_certifications (supplier_id, position, code, valid_from, valid_until) VALUES ($1, 0, 'IATF_16949', NULL, NULL), ($2, 0, 'IATF_16949', NULL, NULL)`,
    [S.published, S.hidden],
  );
  await db.query(
    `INSERT INTO buyers (id, tax_code, name, country_of_origin, sectors, verification_status) VALUES ($1, '0220000001', 'Car Maker', 'JP', '{AUTOMOTIVE}', 'VERIFIED')`,
    [BUYER],
  );
  await db.query(
    `INSERT INTO sourcing_needs (id, buyer_id, title, status, visibility, processes, materials, certifications, quantity_value, quantity_unit, published_at)
     VALUES ($1, $2, 'Milled brackets', 'OPEN', 'PUBLIC', '{CNC_MILLING}', '{}', '{IATF_16949}', 500, 'PCS', now())`,
    [NEED, BUYER],
  );
}

describe('supply analytics leave out profiles not published', () => {
  let t: TestApp;
  let analyst: SignedIn;

  beforeAll(async () => {
    t = await startTestApp();
    const db = new pg.Client({ connectionString: t.databaseUrl });
    await db.connect();
    await loadFixture(db);
    await db.end();
    const admin = await loginAdmin(t);
    analyst = await registerUser(t, 'analyst');
    const granted = await t.gql(
      `mutation($id: ID!) { setUserRole(userId: $id, role: ANALYST) { role } }`,
      { id: analyst.userId },
      admin.token,
    );
    expect(granted.errors).toBeUndefined();
  }, 60000);

  afterAll(async () => {
    await t?.close();
  });

  it('counts only the published supplier in the snapshot, coverage and the need’s qualified suppliers; an unpublished one is no coaching target', async () => {
    const refreshed = await t.gql<{ refreshSupplySnapshot: { openNeeds: number; verifiedSuppliers: number } }>(
      `mutation { refreshSupplySnapshot { openNeeds verifiedSuppliers } }`,
      {},
      analyst.token,
    );
    expect(refreshed.data?.refreshSupplySnapshot).toEqual({ openNeeds: 1, verifiedSuppliers: 1 });

    const coverage = async (by: string, code: string) => {
      const { data, errors } = await t.gql<{ supplyCoverage: { rows: { term: { code: string }; verifiedSuppliers: number }[] } }>(
        `query($by: CoverageDimension!) { supplyCoverage(by: $by) { rows { term { code } verifiedSuppliers } } }`,
        { by },
        analyst.token,
      );
      expect(errors).toBeUndefined();
      return data!.supplyCoverage.rows.find((r) => r.term.code === code)!.verifiedSuppliers;
    };
    expect(await coverage('PROCESS', 'CNC_MILLING')).toBe(1);
    expect(await coverage('CERTIFICATION', 'IATF_16949')).toBe(1);
    expect(await coverage('ZONE', 'VSIP_HP')).toBe(1);

    const gaps = await t.gql<{ supplyGaps: { needs: { needId: string; qualifiedSuppliers: number; capableSuppliers: number }[] } }>(
      `{ supplyGaps(threshold: 3) { needs { needId qualifiedSuppliers capableSuppliers } } }`,
      {},
      analyst.token,
    );
    expect(gaps.errors).toBeUndefined();
    expect(gaps.data!.supplyGaps.needs).toEqual([{ needId: NEED, qualifiedSuppliers: 1, capableSuppliers: 1 }]);

    const coaching = await t.gql<{ coachingTargets: { gaps: { term: { code: string }; targets: { supplierId: string }[] }[] } }>(
      `{ coachingTargets(by: CERTIFICATION, threshold: 3) { gaps { term { code } targets { supplierId } } } }`,
      {},
      analyst.token,
    );
    expect(coaching.errors).toBeUndefined();
    const targets = coaching.data!.coachingTargets.gaps.flatMap((g) => g.targets.map((x) => x.supplierId));
    expect(targets).not.toContain(S.almost);
    expect(targets).toEqual([]);
  });

  it('counts a profile once its SME consents', async () => {
    const db = new pg.Client({ connectionString: t.databaseUrl });
    await db.connect();
    await db.query(`UPDATE suppliers SET published = true WHERE id IN ($1, $2)`, [S.hidden, S.almost]);
    await db.end();
    const refreshed = await t.gql<{ refreshSupplySnapshot: { verifiedSuppliers: number } }>(
      `mutation { refreshSupplySnapshot { verifiedSuppliers } }`,
      {},
      analyst.token,
    );
    expect(refreshed.data?.refreshSupplySnapshot).toEqual({ verifiedSuppliers: 3 });
    const gaps = await t.gql<{ supplyGaps: { needs: { qualifiedSuppliers: number }[] } }>(
      `{ supplyGaps(threshold: 3) { needs { qualifiedSuppliers } } }`,
      {},
      analyst.token,
    );
    expect(gaps.data!.supplyGaps.needs).toEqual([{ qualifiedSuppliers: 2 }]);
    const coaching = await t.gql<{ coachingTargets: { gaps: { targets: { supplierId: string }[] }[] } }>(
      `{ coachingTargets(by: CERTIFICATION, threshold: 3) { gaps { targets { supplierId } } } }`,
      {},
      analyst.token,
    );
    expect(coaching.data!.coachingTargets.gaps.flatMap((g) => g.targets.map((x) => x.supplierId))).toEqual([S.almost]);
  });
});
