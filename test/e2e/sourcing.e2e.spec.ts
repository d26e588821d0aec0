import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { Meilisearch } from '#libs/search';
import { loginAdmin, registerUser, type SignedIn } from '../support/accounts.js';
import { SEARCH, waitForIndex } from '../support/search.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const NEED_FIELDS = `id title status visibility version targetPrice { min max currency } buyer { id name contact { name } } processes { code } delivery { plant location { latitude } }`;
const CREATE_NEED = `mutation($input: CreateSourcingNeedInput!) { createSourcingNeed(input: $input) { ${NEED_FIELDS} } }`;
const PUBLISH = `mutation($id: ID!, $version: Int!) { publishSourcingNeed(id: $id, version: $version) { status version } }`;
const GET_NEED = `query($id: ID!) { sourcingNeed(id: $id) { ${NEED_FIELDS} } }`;
const LIST_NEEDS = `{ sourcingNeeds(first: 50) { totalCount edges { node { id title targetPrice { min } buyer { id } } } } }`;

interface Need {
  id: string;
  version: number;
  status: string;
  targetPrice: { min: number } | null;
  buyer: { id: string; name: string; contact: { name: string } | null } | null;
}

describe('sourcing needs and introductions', () => {
  let t: TestApp;
  let buyerUser: SignedIn;
  let supplierUser: SignedIn;
  let otherSupplierUser: SignedIn;
  let unverifiedSupplierUser: SignedIn;
  let admin: SignedIn;
  let buyerId: string;
  let supplierId: string;
  let otherSupplierId: string;
  const needs: Record<string, Need> = {};

  const createSupplier = async (user: SignedIn, taxCode: string, name: string) => {
    const result = await t.gql<{ createSupplier: { id: string } }>(
      `mutation($input: CreateSupplierInput!) { createSupplier(input: $input) { id } }`,
      {
        input: {
          taxCode,
          nameVi: name,
          processes: ['STAMPING'],
          zoneCode: 'TRANG_DUE',
          contact: { name: `Contact of ${name}`, email: 'sales@supplier.example' },
        },
      },
      user.token,
    );
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data!.createSupplier.id;
  };
  const verify = (id: string) =>
    t.gql(`mutation($id: ID!) { setVerificationStatus(input: { supplierId: $id, status: VERIFIED }) { id } }`, { id }, admin.token);

  const postNeed = async (title: string, visibility: string) => {
    const created = await t.gql<{ createSourcingNeed: Need }>(
      CREATE_NEED,
      {
        input: {
          buyerId,
          title,
          visibility,
          processes: ['STAMPING'],
          certifications: ['ISO_9001'],
          quantityPerMonth: { value: 50000, unit: 'PCS' },
          targetPrice: { min: 1200, max: 1500, currency: 'VND' },
          delivery: { plant: 'Tràng Duệ plant' },
          maxDistanceKm: 40,
        },
      },
      buyerUser.token,
    );
    if (created.errors) throw new Error(JSON.stringify(created.errors));
    const need = created.data!.createSourcingNeed;
    const published = await t.gql<{ publishSourcingNeed: { version: number } }>(
      PUBLISH,
      { id: need.id, version: need.version },
      buyerUser.token,
    );
    return { ...need, version: published.data!.publishSourcingNeed.version };
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await loginAdmin(t);
    buyerUser = await registerUser(t, 'buyer');
    supplierUser = await registerUser(t, 'supplier');
    otherSupplierUser = await registerUser(t, 'other-supplier');
    unverifiedSupplierUser = await registerUser(t, 'unverified');
    const buyer = await t.gql<{ createBuyer: { id: string } }>(
      `mutation($input: CreateBuyerInput!) { createBuyer(input: $input) { id } }`,
      {
        input: {
          taxCode: '0100112437',
          name: 'Hanul Display Vina',
          countryOfOrigin: 'KR',
          contact: { name: 'Kim Buyer' },
          plants: [{ name: 'Tràng Duệ plant', zoneCode: 'TRANG_DUE' }],
        },
      },
      buyerUser.token,
    );
    buyerId = buyer.data!.createBuyer.id;
    await t.gql(
      `mutation($id: ID!) { setBuyerVerificationStatus(input: { buyerId: $id, status: VERIFIED }) { id } }`,
      { id: buyerId },
      admin.token,
    );
    supplierId = await createSupplier(supplierUser, '0100109106', 'Công ty TNHH Dập Mời Được');
    otherSupplierId = await createSupplier(otherSupplierUser, '0100233488', 'Công ty TNHH Dập Không Được Mời');
    await createSupplier(unverifiedSupplierUser, '0314409058', 'Công ty TNHH Chưa Xác Minh');
    await verify(supplierId);
    await verify(otherSupplierId);
    needs.public = await postNeed('Brackets dập SPCC', 'PUBLIC');
    needs.anonymous = await postNeed('Vỏ kim loại máy in (ẩn danh)', 'ANONYMOUS');
    needs.private = await postNeed('Chi tiết dập bí mật', 'PRIVATE');
  });
  afterAll(async () => t?.close());

  it('validates needs field by field and keeps drafts to the buyer', async () => {
    const bad = await t.gql(
      CREATE_NEED,
      { input: { buyerId, title: 'x', processes: ['NOPE'], neededBy: '2020-01-01', targetPrice: { min: 10, max: 5, currency: 'VND' } } },
      buyerUser.token,
    );
    const fields = (bad.errors![0].extensions!.fieldErrors as { field: string }[]).map((e) => e.field).sort();
    expect(fields).toEqual(['input.title']);
    const semantic = await t.gql(
      CREATE_NEED,
      {
        input: {
          buyerId,
          title: 'Valid title',
          processes: ['NOPE'],
          neededBy: '2020-01-01',
          targetPrice: { min: 10, max: 5, currency: 'VND' },
        },
      },
      buyerUser.token,
    );
    expect((semantic.errors![0].extensions!.fieldErrors as { field: string }[]).map((e) => e.field).sort()).toEqual([
      'input.neededBy',
      'input.processes.0',
      'input.targetPrice.max',
    ]);
    const foreign = await t.gql(CREATE_NEED, { input: { buyerId, title: 'Not my buyer' } }, supplierUser.token);
    expect(foreign.errors![0].extensions!.code).toBe('FORBIDDEN');
    const draft = await t.gql<{ createSourcingNeed: Need }>(CREATE_NEED, { input: { buyerId, title: 'A draft' } }, buyerUser.token);
    expect((await t.gql(GET_NEED, { id: draft.data!.createSourcingNeed.id }, supplierUser.token)).errors![0].extensions!.code).toBe(
      'NOT_FOUND',
    );
  });

  it('shows the target price only to the buyer and ADMIN, in every path', async () => {
    expect(
      (await t.gql<{ sourcingNeed: Need }>(GET_NEED, { id: needs.public.id }, buyerUser.token)).data!.sourcingNeed.targetPrice,
    ).toEqual({ min: 1200, max: 1500, currency: 'VND' });
    expect(
      (await t.gql<{ sourcingNeed: Need }>(GET_NEED, { id: needs.public.id }, admin.token)).data!.sourcingNeed.targetPrice,
    ).not.toBeNull();
    const asSupplier = await t.gql<{ sourcingNeed: Need }>(GET_NEED, { id: needs.public.id }, supplierUser.token);
    expect(asSupplier.data!.sourcingNeed.targetPrice).toBeNull();
    const list = await t.gql(LIST_NEEDS, {}, supplierUser.token);
    expect(JSON.stringify(list)).not.toMatch(/1200|1500/);
    // nor in the search index
    const meili = t.app.get(Meilisearch);
    await waitForIndex(t);
    const documents = await meili.index(`${t.indexPrefix}_suppliers`).getDocuments({ limit: 100 });
    expect(JSON.stringify(documents.results)).not.toMatch(/1200|1500|Brackets/);
  });

  it('shows PUBLIC and ANONYMOUS needs to verified suppliers only, and PRIVATE ones to nobody uninvited', async () => {
    const titles = async (user: SignedIn) =>
      (await t.gql<{ sourcingNeeds: { edges: { node: { id: string } }[] } }>(LIST_NEEDS, {}, user.token)).data!.sourcingNeeds.edges.map(
        (e) => e.node.id,
      );
    expect((await titles(otherSupplierUser)).sort()).toEqual([needs.public.id, needs.anonymous.id].sort());
    expect(await titles(unverifiedSupplierUser)).toEqual([]);
    expect((await t.gql(GET_NEED, { id: needs.private.id }, otherSupplierUser.token)).errors![0].extensions!.code).toBe('NOT_FOUND');
    expect((await t.gql(LIST_NEEDS)).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('never reveals the buyer of an ANONYMOUS need before the buyer does', async () => {
    const seen = await t.gql<{ sourcingNeed: Need & { delivery: { plant: string | null } } }>(
      GET_NEED,
      { id: needs.anonymous.id },
      otherSupplierUser.token,
    );
    expect(seen.data!.sourcingNeed.buyer).toBeNull();
    expect(seen.data!.sourcingNeed.delivery.plant).toBeNull();
    expect(JSON.stringify(seen)).not.toMatch(/Hanul|Tràng Duệ plant/);
    const list = await t.gql<{ sourcingNeeds: { edges: { node: { id: string; buyer: unknown } }[] } }>(
      LIST_NEEDS,
      {},
      otherSupplierUser.token,
    );
    const anonymous = list.data!.sourcingNeeds.edges.find((e) => e.node.id === needs.anonymous.id)!;
    expect(anonymous.node.buyer).toBeNull();
  });

  it('runs the whole invitation flow: invite, accept, contacts revealed, award, history', async () => {
    const invite = `mutation($input: InviteSuppliersInput!) { inviteSuppliers(input: $input) { id supplierId status buyerName } }`;
    const invited = await t.gql<{ inviteSuppliers: { id: string; supplierId: string; status: string }[] }>(
      invite,
      { input: { needId: needs.private.id, supplierIds: [supplierId], message: 'Xin báo giá' } },
      buyerUser.token,
    );
    expect(invited.errors).toBeUndefined();
    const introductionId = invited.data!.inviteSuppliers[0].id;
    // a supplier cannot invite, nor can another buyer
    expect(
      (await t.gql(invite, { input: { needId: needs.private.id, supplierIds: [otherSupplierId] } }, supplierUser.token)).errors![0]
        .extensions!.code,
    ).toBe('FORBIDDEN');
    // the invited supplier now sees the private need; the other one still does not
    expect((await t.gql(GET_NEED, { id: needs.private.id }, supplierUser.token)).errors).toBeUndefined();
    expect((await t.gql(GET_NEED, { id: needs.private.id }, otherSupplierUser.token)).errors![0].extensions!.code).toBe('NOT_FOUND');
    const inbox = await t.gql<{ inbox: { id: string; status: string; message: string }[] }>(
      `{ inbox { id status message } }`,
      {},
      supplierUser.token,
    );
    expect(inbox.data!.inbox).toEqual([{ id: introductionId, status: 'INVITED', message: 'Xin báo giá' }]);

    const supplierContact = `query($id: ID!) { supplier(id: $id) { contact { name } } }`;
    const buyerContact = `query($id: ID!) { buyer(id: $id) { contact { name } } }`;
    expect(
      (await t.gql<{ supplier: { contact: unknown } }>(supplierContact, { id: supplierId }, buyerUser.token)).data!.supplier.contact,
    ).toBeNull();
    expect(
      (await t.gql<{ buyer: { contact: unknown } }>(buyerContact, { id: buyerId }, supplierUser.token)).data!.buyer.contact,
    ).toBeNull();

    const respond = `mutation($input: RespondToInvitationInput!) { respondToInvitation(input: $input) { status } }`;
    expect((await t.gql(respond, { input: { introductionId, accept: true } }, otherSupplierUser.token)).errors![0].extensions!.code).toBe(
      'NOT_FOUND',
    );
    expect((await t.gql(respond, { input: { introductionId, accept: false } }, supplierUser.token)).errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ field: 'input.reason' }],
    });
    const accepted = await t.gql<{ respondToInvitation: { status: string } }>(
      respond,
      { input: { introductionId, accept: true, text: 'Đồng ý' } },
      supplierUser.token,
    );
    expect(accepted.data!.respondToInvitation.status).toBe('ACCEPTED');
    expect(
      (await t.gql<{ supplier: { contact: { name: string } } }>(supplierContact, { id: supplierId }, buyerUser.token)).data!.supplier
        .contact,
    ).toEqual({ name: 'Contact of Công ty TNHH Dập Mời Được' });
    expect(
      (await t.gql<{ buyer: { contact: { name: string } } }>(buyerContact, { id: buyerId }, supplierUser.token)).data!.buyer.contact,
    ).toEqual({ name: 'Kim Buyer' });
    // the uninvited supplier's contact stays hidden from the buyer
    expect(
      (await t.gql<{ supplier: { contact: unknown } }>(supplierContact, { id: otherSupplierId }, buyerUser.token)).data!.supplier.contact,
    ).toBeNull();
    const search = await t.gql<{ searchSuppliers: { hits: { supplier: { id: string; contact: unknown } }[] } }>(
      SEARCH,
      { input: { query: 'dập', hitsPerPage: 10 } },
      buyerUser.token,
    );
    const byId = Object.fromEntries(search.data!.searchSuppliers.hits.map((h) => [h.supplier.id, h.supplier.contact]));
    expect(byId[supplierId]).toMatchObject({ email: 'sales@supplier.example' });
    expect(byId[otherSupplierId]).toBeNull();

    const buyerInbox = await t.gql<{ inbox: { status: string }[] }>(`{ inbox { status } }`, {}, buyerUser.token);
    expect(buyerInbox.data!.inbox).toEqual([{ status: 'ACCEPTED' }]);
    // a second supplier, invited too, has not answered when the need is awarded
    const second = await t.gql<{ inviteSuppliers: { id: string; supplierId: string }[] }>(
      invite,
      { input: { needId: needs.private.id, supplierIds: [otherSupplierId] } },
      buyerUser.token,
    );
    const secondId = second.data!.inviteSuppliers.find((i) => i.supplierId === otherSupplierId)!.id;

    const award = `mutation($needId: ID!, $supplierId: ID!, $version: Int!) { awardSourcingNeed(needId: $needId, supplierId: $supplierId, version: $version) { status } }`;
    expect(
      (await t.gql(award, { needId: needs.private.id, supplierId: otherSupplierId, version: needs.private.version }, buyerUser.token))
        .errors![0].extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ field: 'supplierId' }] });
    expect(
      (await t.gql(award, { needId: needs.private.id, supplierId, version: needs.private.version }, buyerUser.token)).errors,
    ).toBeUndefined();
    expect((await t.gql<{ sourcingNeed: Need }>(GET_NEED, { id: needs.private.id }, buyerUser.token)).data!.sourcingNeed.status).toBe(
      'AWARDED',
    );
    // each supplier's inbox says how the need ended; the late invitation takes no more answers
    const ended = `{ inbox { id status needStatus awarded } }`;
    type Ended = { inbox: { id: string; status: string; needStatus: string; awarded: boolean }[] };
    expect((await t.gql<Ended>(ended, {}, supplierUser.token)).data!.inbox).toEqual([
      { id: introductionId, status: 'ACCEPTED', needStatus: 'AWARDED', awarded: true },
    ]);
    expect((await t.gql<Ended>(ended, {}, otherSupplierUser.token)).data!.inbox).toEqual([
      { id: secondId, status: 'INVITED', needStatus: 'AWARDED', awarded: false },
    ]);
    expect(
      (await t.gql(respond, { input: { introductionId: secondId, accept: true } }, otherSupplierUser.token)).errors![0].extensions,
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ field: 'input.introductionId', reason: 'the need is AWARDED; its invitations take no more answers' }],
    });
    const history = await t.gql<{ needHistory: { action: string; actorId: string }[] }>(
      `query($id: ID!) { needHistory(needId: $id) { action actorId } }`,
      { id: needs.private.id },
      buyerUser.token,
    );
    expect(history.data!.needHistory.map((e) => e.action)).toEqual(['CREATED', 'PUBLISHED', 'INVITED', 'ACCEPTED', 'INVITED', 'AWARDED']);
    expect(history.data!.needHistory[3].actorId).toBe(supplierUser.userId);
    // A bounded list: the latest changes, still oldest first.
    const latest = await t.gql<{ needHistory: { action: string }[] }>(
      `query($id: ID!) { needHistory(needId: $id, last: 2) { action } }`,
      { id: needs.private.id },
      buyerUser.token,
    );
    expect(latest.data!.needHistory.map((e) => e.action)).toEqual(['INVITED', 'AWARDED']);
    const tooLong = await t.gql(
      `query($id: ID!) { needHistory(needId: $id, last: 501) { action } }`,
      { id: needs.private.id },
      buyerUser.token,
    );
    expect(tooLong.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ field: 'last' }] });
  });

  it('reveals the buyer of an anonymous need to one invited supplier only, and keeps decline reasons', async () => {
    const invite = `mutation($input: InviteSuppliersInput!) { inviteSuppliers(input: $input) { id supplierId } }`;
    const invited = await t.gql<{ inviteSuppliers: { id: string; supplierId: string }[] }>(
      invite,
      { input: { needId: needs.anonymous.id, supplierIds: [supplierId, otherSupplierId] } },
      buyerUser.token,
    );
    const toSupplier = invited.data!.inviteSuppliers.find((i) => i.supplierId === supplierId)!.id;
    const toOther = invited.data!.inviteSuppliers.find((i) => i.supplierId === otherSupplierId)!.id;
    const inboxBefore = await t.gql<{ inbox: { needId: string; buyerName: string | null }[] }>(
      `{ inbox { needId buyerName } }`,
      {},
      otherSupplierUser.token,
    );
    const anonymousOnes = inboxBefore.data!.inbox.filter((i) => i.needId === needs.anonymous.id);
    expect(anonymousOnes.length).toBeGreaterThan(0);
    expect(anonymousOnes.every((i) => i.buyerName === null)).toBe(true);
    await t.gql(`mutation($id: ID!) { revealBuyer(introductionId: $id) { buyerRevealed } }`, { id: toSupplier }, buyerUser.token);
    expect(
      (await t.gql<{ sourcingNeed: Need }>(GET_NEED, { id: needs.anonymous.id }, supplierUser.token)).data!.sourcingNeed.buyer!.name,
    ).toBe('Hanul Display Vina');
    expect(
      (await t.gql<{ sourcingNeed: Need }>(GET_NEED, { id: needs.anonymous.id }, otherSupplierUser.token)).data!.sourcingNeed.buyer,
    ).toBeNull();
    await t.gql(
      `mutation($input: RespondToInvitationInput!) { respondToInvitation(input: $input) { status } }`,
      { input: { introductionId: toOther, accept: false, reason: 'CAPACITY', text: 'Hết công suất' } },
      otherSupplierUser.token,
    );
    const [row] = await t.app
      .get(DataSource)
      .query('SELECT status, decline_reason, decline_text FROM introductions WHERE id = $1', [toOther]);
    expect(row).toEqual({ status: 'DECLINED', decline_reason: 'CAPACITY', decline_text: 'Hết công suất' });
    // A bounded list: at most `first` introductions, first invited first.
    const introductions = `query($id: ID!, $first: Int!) { needIntroductions(needId: $id, first: $first) { supplierId } }`;
    const all = await t.gql<{ needIntroductions: { supplierId: string }[] }>(
      introductions,
      { id: needs.anonymous.id, first: 500 },
      buyerUser.token,
    );
    expect(all.data!.needIntroductions.map((i) => i.supplierId).sort()).toEqual([supplierId, otherSupplierId].sort());
    const one = await t.gql<{ needIntroductions: { supplierId: string }[] }>(
      introductions,
      { id: needs.anonymous.id, first: 1 },
      buyerUser.token,
    );
    expect(one.data!.needIntroductions).toEqual(all.data!.needIntroductions.slice(0, 1));
    const tooMany = await t.gql(introductions, { id: needs.anonymous.id, first: 501 }, buyerUser.token);
    expect(tooMany.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ field: 'first' }] });
  });
});
