import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { demoInputs } from '#libs/demo-data';
import { Taxonomy } from '#libs/taxonomy';
import { loginAdmin, type SignedIn } from '../support/accounts.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The demo data as `npm start` loads it gives both upgrade features something real to show: the demo
 * supplier account's rubber plant (RUBBER_MOULDING, no certificate) is one IATF 16949 certificate away
 * from the three rubber needs that ask it, and after the first snapshot the centre's coaching targets
 * list demo suppliers under certification gaps.
 */
describe('upgrade paths and coaching targets on the demo data', () => {
  let t: TestApp;
  let admin: SignedIn;
  let demoSupplierId: string;

  beforeAll(async () => {
    t = await startTestApp({ SEED_DEMO_DATA: 'true' });
    admin = await loginAdmin(t);
    const db = new pg.Client({ connectionString: t.databaseUrl });
    await db.connect();
    const first = demoInputs(Taxonomy.load()).suppliers[0];
    demoSupplierId = (await db.query<{ id: string }>(`SELECT id FROM suppliers WHERE tax_code = $1`, [first.taxCode])).rows[0].id;
    await db.end();
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  it('shows the demo supplier account IATF 16949 first, unlocking the three rubber needs', async () => {
    const { data, errors } = await t.gql<{
      upgradePaths: { paths: { changes: { kind: string; term: { code: string } | null }[]; additionalNeeds: number }[] };
    }>(
      `query($id: ID!) { upgradePaths(supplierId: $id, lang: en) { paths { changes { kind term { code } } additionalNeeds } } }`,
      { id: demoSupplierId },
      admin.token,
    );
    expect(errors).toBeUndefined();
    expect(data!.upgradePaths.paths[0]).toEqual({ changes: [{ kind: 'CERTIFICATION', term: { code: 'IATF_16949' } }], additionalNeeds: 3 });
  });

  it('lists demo suppliers one certificate away under the certification gaps after the first snapshot', async () => {
    expect((await t.gql(`mutation { refreshSupplySnapshot { openNeeds } }`, {}, admin.token)).errors).toBeUndefined();
    const { data, errors } = await t.gql<{ coachingTargets: { gaps: { term: { code: string }; targets: { needs: number }[] }[] } }>(
      `{ coachingTargets(by: CERTIFICATION) { gaps { term { code } targets { needs } } } }`,
      {},
      admin.token,
    );
    expect(errors).toBeUndefined();
    const iatf = data!.coachingTargets.gaps.find((g) => g.term.code === 'IATF_16949');
    expect(iatf?.targets.length).toBeGreaterThanOrEqual(3);
  });
});
