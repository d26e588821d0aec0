import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { SignedIn } from '../support/accounts.js';
import { registerUser } from '../support/accounts.js';
import { BUYER_PLANT, buildConfidentialFixture, type ConfidentialFixture, SECRETS } from '../support/confidential-fixture.js';
import { type GqlResult, startTestApp, type TestApp } from '../support/test-app.js';

/**
 * What an outside probe did to learn who posted an ANONYMOUS need (issue 16), each replayed as a
 * test: the buyer filter, an error message of updateSourcingNeed, the contact disclosed by an
 * accepted invitation, exact distances in matchNeeds; and the smaller findings around them.
 */
describe('anonymous needs stay anonymous', () => {
  let t: TestApp;
  let f: ConfidentialFixture;

  const codes = (answer: GqlResult) => (answer.errors ?? []).map((e) => e.extensions?.code);
  const verifySupplier = (id: string) =>
    f.must(`mutation($id: ID!) { setVerificationStatus(input: { supplierId: $id, status: VERIFIED }) { id } }`, { id }, f.admin.token);
  /** A fresh verified supplier with its own member. */
  const newSupplier = async (prefix: string): Promise<{ owner: SignedIn; id: string }> => {
    const owner = await registerUser(t, prefix);
    const { id } = await f.createSupplier(owner);
    await verifySupplier(id);
    return { owner, id };
  };

  beforeAll(async () => {
    t = await startTestApp();
    f = await buildConfidentialFixture(t);
  }, 120000);
  afterAll(async () => t?.close());

  it('finding 1: filtering needs by buyer never counts an anonymous need under its buyer', async () => {
    const list = `query($buyerId: ID) { sourcingNeeds(first: 100, filter: { buyerId: $buyerId }) { totalCount edges { node { id } } } }`;
    for (const caller of [f.outsider, f.supplierOwner]) {
      const byBuyer = await f.must<{ sourcingNeeds: { totalCount: number; edges: { node: { id: string } }[] } }>(
        list,
        { buyerId: f.buyerId },
        caller.token,
      );
      const ids = byBuyer.sourcingNeeds.edges.map((e) => e.node.id);
      expect(ids).toContain(f.publicNeed.id);
      expect(ids).not.toContain(f.anonymousNeed.id);
      expect(byBuyer.sourcingNeeds.totalCount).toBe(ids.length);
      // it is still listed without the filter
      const all = await f.must<{ sourcingNeeds: { edges: { node: { id: string } }[] } }>(list, {}, caller.token);
      expect(all.sourcingNeeds.edges.map((e) => e.node.id)).toContain(f.anonymousNeed.id);
    }
    // the buyer's own members see it under their buyer
    const own = await f.must<{ sourcingNeeds: { edges: { node: { id: string } }[] } }>(list, { buyerId: f.buyerId }, f.buyerOwner.token);
    expect(own.sourcingNeeds.edges.map((e) => e.node.id)).toContain(f.anonymousNeed.id);
  });

  it('finding 1: once the buyer reveals itself to a supplier, that supplier finds the need under its buyer', async () => {
    const { owner, id } = await newSupplier('revealed');
    const need = await f.createNeed('ANONYMOUS');
    const introductionId = await f.invite(need.id, [id]);
    const list = `query($buyerId: ID) { sourcingNeeds(first: 100, filter: { buyerId: $buyerId }) { edges { node { id } } } }`;
    const before = await f.must<{ sourcingNeeds: { edges: { node: { id: string } }[] } }>(list, { buyerId: f.buyerId }, owner.token);
    expect(before.sourcingNeeds.edges.map((e) => e.node.id)).not.toContain(need.id);
    await f.must(`mutation($id: ID!) { revealBuyer(introductionId: $id) { id } }`, { id: introductionId }, f.buyerOwner.token);
    const after = await f.must<{ sourcingNeeds: { edges: { node: { id: string } }[] } }>(list, { buyerId: f.buyerId }, owner.token);
    expect(after.sourcingNeeds.edges.map((e) => e.node.id)).toContain(need.id);
  });

  it('finding 2: updateSourcingNeed answers a caller who may not change the need the same, whatever the input', async () => {
    const update = `mutation($input: UpdateSourcingNeedInput!) { updateSourcingNeed(input: $input) { id } }`;
    const inputs = [
      { delivery: { plant: BUYER_PLANT } },
      { delivery: { plant: 'Không phải nhà máy của ai' } },
      { delivery: { plant: 'Outsider plant' } },
      { processes: ['NO_SUCH_PROCESS'] },
      { neededBy: '2001-01-01' },
      { title: 'Hijack' },
    ];
    const answers = async (needId: string, version: number) => {
      const seen = new Set<string>();
      for (const extra of inputs) {
        const answer = await t.gql(update, { input: { id: needId, version, ...extra } }, f.outsider.token);
        seen.add(JSON.stringify({ codes: codes(answer), message: answer.errors?.[0]?.message.replace(needId, '<id>') }));
      }
      return [...seen].map((s) => JSON.parse(s));
    };
    // the outsider's verified supplier sees the anonymous need, so it may know it exists: FORBIDDEN, always
    expect(await answers(f.anonymousNeed.id, f.anonymousNeed.version)).toEqual([{ codes: ['FORBIDDEN'], message: expect.any(String) }]);
    // it does not see the private need: NOT_FOUND, always, as for a need that does not exist
    expect(await answers(f.privateNeed.id, f.privateNeed.version)).toEqual([{ codes: ['NOT_FOUND'], message: expect.any(String) }]);
    expect(await answers('0b7c6a1e-58d6-4f0e-9a51-3c7e2b1d9f40', 1)).toEqual([{ codes: ['NOT_FOUND'], message: expect.any(String) }]);
  });

  it('finding 2: the buyer still gets its validation errors', async () => {
    const draft = await f.createNeed('ANONYMOUS', { publish: false });
    const answer = await t.gql(
      `mutation($input: UpdateSourcingNeedInput!) { updateSourcingNeed(input: $input) { id } }`,
      { input: { ...draft, delivery: { plant: 'Không có' } } },
      f.buyerOwner.token,
    );
    expect(answer.errors?.[0]?.extensions?.fieldErrors).toEqual([
      { field: 'input.delivery.plant', reason: expect.stringContaining('is not a plant of this buyer') },
    ]);
  });

  it('finding 3: accepting an invitation to an anonymous need discloses no contact of its buyer until it reveals itself', async () => {
    const { owner, id } = await newSupplier('accepts-anonymous');
    const need = await f.createNeed('ANONYMOUS');
    const introductionId = await f.invite(need.id, [id]);
    await f.must(
      `mutation($id: ID!) { respondToInvitation(input: { introductionId: $id, accept: true }) { id } }`,
      { id: introductionId },
      owner.token,
    );
    const contacts = async () => {
      const data = await f.must<{ buyers: { edges: { node: { id: string; contact: unknown } }[] } }>(
        `{ buyers(first: 100) { edges { node { id contact { name email phone } } } } }`,
        {},
        owner.token,
      );
      return data.buyers.edges.filter((e) => e.node.contact !== null).map((e) => e.node.id);
    };
    expect(await contacts()).toEqual([]);
    expect(
      (
        await f.must<{ buyer: { contact: unknown } }>(
          `query($id: ID!) { buyer(id: $id) { contact { name } } }`,
          { id: f.buyerId },
          owner.token,
        )
      ).buyer.contact,
    ).toBeNull();
    const inbox = await f.must<{ inbox: { needId: string; buyerId: string | null }[] }>(`{ inbox { needId buyerId } }`, {}, owner.token);
    expect(inbox.inbox.find((i) => i.needId === need.id)?.buyerId).toBeNull();
    // revealed: the contact follows
    await f.must(`mutation($id: ID!) { revealBuyer(introductionId: $id) { id } }`, { id: introductionId }, f.buyerOwner.token);
    expect(await contacts()).toEqual([f.buyerId]);
    expect(
      JSON.stringify(await f.must(`query($id: ID!) { buyer(id: $id) { contact { email } } }`, { id: f.buyerId }, owner.token)),
    ).toContain(SECRETS.buyerContactEmail);
  });

  it('finding 4: matchNeeds gives the distance to an anonymous need in bands from a point that moving the plant 150 m does not change', async () => {
    const need = await f.createNeed('ANONYMOUS', { title: 'Giá đỡ ẩn danh đo khoảng cách' });
    const publicNeed = await f.createNeed('PUBLIC', { title: 'Giá đỡ công khai đo khoảng cách' });
    const match = `query($id: ID!) { matchNeeds(supplierId: $id, first: 100, lang: en) { score missing need { id } criteria { key score explanation } } }`;
    type Match = {
      score: number;
      missing: string[];
      need: { id: string };
      criteria: { key: string; score: number; explanation: string }[];
    };
    const seenBySupplier = async (needId: string) =>
      (await f.must<{ matchNeeds: Match[] }>(match, { id: f.supplierId }, f.supplierOwner.token)).matchNeeds.find(
        (m) => m.need.id === needId,
      )!;
    const distanceOf = (m: Match) => m.criteria.find((c) => c.key === 'distance')!;
    const moveTo = async (needId: string, latitude: number) => {
      const { sourcingNeed } = await f.must<{ sourcingNeed: { version: number } }>(
        `query($id: ID!) { sourcingNeed(id: $id) { version } }`,
        { id: needId },
        f.buyerOwner.token,
      );
      await f.must(
        `mutation($input: UpdateSourcingNeedInput!) { updateSourcingNeed(input: $input) { id } }`,
        { input: { id: needId, version: sourcingNeed.version, delivery: { location: { latitude, longitude: 106.612 } } } },
        f.buyerOwner.token,
      );
    };
    // two delivery points 145 m apart, some 12–13 km from the supplier (Tràng Duệ)
    const answers: Match[] = [];
    for (const latitude of [20.965, 20.9663]) {
      await moveTo(need.id, latitude);
      await moveTo(publicNeed.id, latitude);
      const hidden = await seenBySupplier(need.id);
      expect(distanceOf(hidden).explanation).toMatch(/^\d+–\d+ km from the delivery area \(approximate: the buyer is not shown\)$/);
      expect(distanceOf(hidden).explanation).not.toMatch(/\d\.\d km/);
      answers.push(hidden);
      // a need whose buyer is shown keeps its exact distance
      expect(distanceOf(await seenBySupplier(publicNeed.id)).explanation).toMatch(/^1\d\.\d km from the delivery plant$/);
    }
    expect(answers[1]).toEqual(answers[0]);
    // the same answer on every call
    expect(await seenBySupplier(need.id)).toEqual(answers[1]);
  });

  it("finding 11: revealBuyer on another buyer's introduction says nothing about its need", async () => {
    for (const caller of [f.outsider, f.supplierOwner]) {
      const answer = await t.gql(
        `mutation($id: ID!) { revealBuyer(introductionId: $id) { id } }`,
        { id: f.anonymousIntroductionId },
        caller.token,
      );
      expect(answer.data?.revealBuyer ?? null).toBeNull();
      expect(JSON.stringify(answer.errors)).not.toContain(f.anonymousNeed.id);
    }
    const outsider = await t.gql(
      `mutation($id: ID!) { revealBuyer(introductionId: $id) { id } }`,
      { id: f.anonymousIntroductionId },
      f.outsider.token,
    );
    expect(codes(outsider)).toEqual(['NOT_FOUND']);
  });

  it('finding 11: a shortlisted supplier cannot learn it was shortlisted', async () => {
    const { owner, id } = await newSupplier('shortlisted');
    const need = await f.createNeed('PRIVATE');
    const shortlist = await f.must<{ shortlistSuppliers: { id: string }[] }>(
      `mutation($input: InviteSuppliersInput!) { shortlistSuppliers(input: $input) { id } }`,
      { input: { needId: need.id, supplierIds: [id] } },
      f.buyerOwner.token,
    );
    const missing = '5d1f3c2a-9b8e-4f7a-8c6d-2e1b0a9f8c7d';
    // answering it was "already answered (SHORTLISTED)" (found by the indistinguishability test)
    for (const introductionId of [shortlist.shortlistSuppliers[0].id, missing]) {
      const answer = await t.gql(
        `mutation($input: RespondToInvitationInput!) { respondToInvitation(input: $input) { id } }`,
        { input: { introductionId, accept: true } },
        owner.token,
      );
      expect({ codes: codes(answer), message: answer.errors?.[0]?.message.replace(introductionId, '<id>') }).toEqual({
        codes: ['NOT_FOUND'],
        message: 'Invitation <id> was not found',
      });
    }
    for (const query of [
      `query($id: ID!) { needIntroductions(needId: $id) { id } }`,
      `query($id: ID!) { needHistory(needId: $id) { action } }`,
      `query($id: ID!) { sourcingNeed(id: $id) { id } }`,
    ]) {
      const shortlisted = await t.gql(query, { id: need.id }, owner.token);
      const unknown = await t.gql(query, { id: missing }, owner.token);
      expect(codes(shortlisted)).toEqual(['NOT_FOUND']);
      expect(shortlisted.errors![0].message.replace(need.id, '<id>')).toBe(unknown.errors![0].message.replace(missing, '<id>'));
    }
  });

  it('finding 11: a SUSPENDED supplier gets no matching needs and no invited needs', async () => {
    const { owner, id } = await newSupplier('suspended');
    const privateNeed = await f.createNeed('PRIVATE', { title: 'Riêng tư cho nhà cung cấp bị đình chỉ' });
    await f.invite(privateNeed.id, [id]);
    const matchNeeds = `query($id: ID!) { matchNeeds(supplierId: $id, first: 100) { need { id } } }`;
    expect((await f.must<{ matchNeeds: unknown[] }>(matchNeeds, { id }, owner.token)).matchNeeds.length).toBeGreaterThan(0);
    await f.must(
      `mutation($id: ID!) { setVerificationStatus(input: { supplierId: $id, status: SUSPENDED }) { id } }`,
      { id },
      f.admin.token,
    );
    // its members still see their own profile (SUSPENDED), but no work
    expect((await f.must<{ matchNeeds: unknown[] }>(matchNeeds, { id }, owner.token)).matchNeeds).toEqual([]);
    expect((await f.must<{ matchNeeds: unknown[] }>(matchNeeds, { id }, f.admin.token)).matchNeeds).toEqual([]);
    expect((await f.must<{ inbox: unknown[] }>(`{ inbox { id } }`, {}, owner.token)).inbox).toEqual([]);
    expect(
      (await f.must<{ sourcingNeeds: { totalCount: number } }>(`{ sourcingNeeds(first: 100) { totalCount } }`, {}, owner.token))
        .sourcingNeeds.totalCount,
    ).toBe(0);
    expect(codes(await t.gql(`query($id: ID!) { sourcingNeed(id: $id) { id } }`, { id: privateNeed.id }, owner.token))).toEqual([
      'NOT_FOUND',
    ]);
  });

  it('finding 6: a new buyer is UNVERIFIED, and its needs reach no supplier until ADMIN verifies it (at the version seen)', async () => {
    const owner = await registerUser(t, 'new-buyer');
    const created = await f.must<{ createBuyer: { id: string; version: number; verificationStatus: string } }>(
      `mutation($input: CreateBuyerInput!) { createBuyer(input: $input) { id version verificationStatus } }`,
      {
        input: {
          taxCode: f.nextTaxCode(),
          name: 'Samsong Electro-Mechanics Vina (claimed)',
          countryOfOrigin: 'KR',
          plants: [{ name: 'Yên Phong', zoneCode: 'TRANG_DUE' }],
        },
      },
      owner.token,
    );
    const buyer = created.createBuyer;
    expect(buyer.verificationStatus).toBe('UNVERIFIED');
    const draft = await f.must<{ createSourcingNeed: { id: string; version: number } }>(
      `mutation($input: CreateSourcingNeedInput!) { createSourcingNeed(input: $input) { id version } }`,
      {
        input: {
          buyerId: buyer.id,
          title: 'Giá đỡ dập của bên mua chưa xác minh',
          processes: ['STAMPING'],
          delivery: { plant: 'Yên Phong' },
        },
      },
      owner.token,
    );
    const need = (
      await f.must<{ publishSourcingNeed: { id: string; version: number } }>(
        `mutation($id: ID!, $version: Int!) { publishSourcingNeed(id: $id, version: $version) { id version } }`,
        draft.createSourcingNeed,
        owner.token,
      )
    ).publishSourcingNeed;
    const seenBy = async (caller: SignedIn) => ({
      one: codes(await t.gql(`query($id: ID!) { sourcingNeed(id: $id) { id } }`, { id: need.id }, caller.token)),
      listed: (
        await f.must<{ sourcingNeeds: { edges: { node: { id: string } }[] } }>(
          `{ sourcingNeeds(first: 100) { edges { node { id } } } }`,
          {},
          caller.token,
        )
      ).sourcingNeeds.edges.some((e) => e.node.id === need.id),
    });
    const matched = async () =>
      (
        await f.must<{ matchNeeds: { need: { id: string } }[] }>(
          `query($id: ID!) { matchNeeds(supplierId: $id, first: 100) { need { id } } }`,
          { id: f.supplierId },
          f.supplierOwner.token,
        )
      ).matchNeeds.some((m) => m.need.id === need.id);
    expect(await seenBy(f.outsider)).toEqual({ one: ['NOT_FOUND'], listed: false });
    expect(await matched()).toBe(false);
    expect(await seenBy(owner)).toEqual({ one: [], listed: true });
    expect(await seenBy(f.admin)).toEqual({ one: [], listed: true });
    // it cannot invite suppliers either (an invitation would show them the need)
    const invite = await t.gql(
      `mutation($input: InviteSuppliersInput!) { inviteSuppliers(input: $input) { id } }`,
      { input: { needId: need.id, supplierIds: [f.supplierId] } },
      owner.token,
    );
    expect(invite.errors?.[0]?.extensions?.fieldErrors).toEqual([
      { field: 'input.needId', reason: expect.stringContaining('not verified') },
    ]);

    const set = `mutation($input: SetBuyerVerificationStatusInput!) { setBuyerVerificationStatus(input: $input) { id version verificationStatus } }`;
    expect(codes(await t.gql(set, { input: { buyerId: buyer.id, status: 'VERIFIED', version: buyer.version } }, owner.token))).toEqual([
      'FORBIDDEN',
    ]);
    expect(codes(await t.gql(set, { input: { buyerId: buyer.id, status: 'VERIFIED', version: buyer.version } }, f.analyst.token))).toEqual([
      'FORBIDDEN',
    ]);
    expect(codes(await t.gql(set, { input: { buyerId: buyer.id, status: 'VERIFIED', version: buyer.version } }))).toEqual([
      'UNAUTHENTICATED',
    ]);
    const stale = await t.gql(set, { input: { buyerId: buyer.id, status: 'VERIFIED', version: buyer.version + 5 } }, f.admin.token);
    expect(stale.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      expectedVersion: buyer.version + 5,
      currentVersion: buyer.version,
    });
    const verified = await f.must<{ setBuyerVerificationStatus: { version: number; verificationStatus: string } }>(
      set,
      { input: { buyerId: buyer.id, status: 'VERIFIED', version: buyer.version } },
      f.admin.token,
    );
    expect(verified.setBuyerVerificationStatus).toEqual({ id: buyer.id, version: buyer.version + 1, verificationStatus: 'VERIFIED' });
    expect(await seenBy(f.outsider)).toEqual({ one: [], listed: true });
    expect(await matched()).toBe(true);
    await f.must(
      `mutation($input: InviteSuppliersInput!) { inviteSuppliers(input: $input) { id } }`,
      { input: { needId: need.id, supplierIds: [f.supplierId] } },
      owner.token,
    );
    const invited = async () =>
      (await f.must<{ inbox: { needId: string }[] }>(`{ inbox(first: 200) { needId } }`, {}, f.supplierOwner.token)).inbox.some(
        (i) => i.needId === need.id,
      );
    expect(await invited()).toBe(true);
    // suspended (without a version: as for suppliers, it is optional): gone again, invitations included
    await f.must(
      `mutation($input: SetBuyerVerificationStatusInput!) { setBuyerVerificationStatus(input: $input) { id } }`,
      { input: { buyerId: buyer.id, status: 'SUSPENDED' } },
      f.admin.token,
    );
    expect(await seenBy(f.outsider)).toEqual({ one: ['NOT_FOUND'], listed: false });
    expect(await seenBy(f.supplierOwner)).toEqual({ one: ['NOT_FOUND'], listed: false });
    expect(await invited()).toBe(false);
  });
});
