import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { DEMO_AWARDS, demoInputs } from '#libs/demo-data';
import { Taxonomy } from '#libs/taxonomy';
import { loginAdmin, type SignedIn } from '../support/accounts.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The demo data as `npm start` loads it gives both upgrade features something real to show: the demo
 * supplier account's rubber plant (RUBBER_MOULDING, no certificate) is one IATF 16949 certificate away
 * from the three rubber needs that ask it, and after the first snapshot the centre's coaching targets
 * list demo suppliers under certification gaps. Its awarded needs went through the introduction
 * workflow (invited, accepted, awarded), so the analysts' funnel reads them as it reads real ones.
 */
describe('the demo data: awards, upgrade paths and coaching targets', () => {
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

  it('awards its needs through the workflow, so the matching funnel narrows at every step', async () => {
    const db = new pg.Client({ connectionString: t.databaseUrl });
    await db.connect();
    try {
      // each awarded need: its supplier invited, then accepted, then awarded, in the need's history
      const awards = await db.query<{ title: string; steps: string[]; accepted: boolean }>(
        `SELECT n.title, array(SELECT e.action FROM sourcing_events e WHERE e.need_id = n.id ORDER BY e.id) AS steps,
                EXISTS (SELECT 1 FROM introductions i WHERE i.need_id = n.id AND i.supplier_id = n.awarded_supplier_id
                          AND i.status = 'ACCEPTED' AND i.invited_at IS NOT NULL) AS accepted
           FROM sourcing_needs n WHERE n.status = 'AWARDED'`,
      );
      // (a supplier that also accepted comes first: invited and accepted too, then the award went elsewhere)
      const byTitle = (a: { title: string }, b: { title: string }) => (a.title < b.title ? -1 : 1);
      const expected = DEMO_AWARDS.map((a) => ({
        title: a.title,
        steps: ['CREATED', 'PUBLISHED', ...(a.alsoAccepted ?? []).flatMap(() => ['INVITED', 'ACCEPTED']), 'INVITED', 'ACCEPTED', 'AWARDED'],
        accepted: true,
      })).sort(byTitle);
      expect(awards.rows.sort(byTitle)).toEqual(expected);
      // and the open needs' invitations: one waiting, one accepted, one declined
      const answers = await db.query<{ status: string; n: number }>(
        `SELECT i.status, count(*)::int AS n FROM introductions i JOIN sourcing_needs n ON n.id = i.need_id WHERE n.status = 'OPEN' GROUP BY 1 ORDER BY 1`,
      );
      expect(answers.rows).toEqual([
        { status: 'ACCEPTED', n: 1 },
        { status: 'DECLINED', n: 1 },
        { status: 'INVITED', n: 1 },
      ]);
    } finally {
      await db.end();
    }
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const { data, errors } = await t.gql<{
      matchingFunnel: {
        rows: (Record<'needs' | 'matched' | 'invited' | 'accepted' | 'awarded', number> & {
          declineReasons: { reason: string; count: number }[];
        })[];
      };
    }>(
      `query($f: LocalDate!, $t: LocalDate!) { matchingFunnel(from: $f, to: $t, groupBy: []) { rows { needs matched invited accepted awarded declineReasons { reason count } } } }`,
      { f: '2020-01-01', t: today },
      admin.token,
    );
    expect(errors).toBeUndefined();
    const [all] = data!.matchingFunnel.rows;
    expect(all.awarded).toBe(DEMO_AWARDS.length);
    expect(all.accepted).toBe(DEMO_AWARDS.length + 1);
    expect(all.declineReasons).toEqual([{ reason: 'CAPACITY', count: 1 }]);
    const steps = [all.needs, all.matched, all.invited, all.accepted, all.awarded];
    expect(steps).toEqual([...steps].sort((a, b) => b - a));
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
