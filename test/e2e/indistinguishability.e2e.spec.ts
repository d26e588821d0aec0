import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { registerUser, type SignedIn } from '../support/accounts.js';
import { BUYER_PLANT, buildConfidentialFixture, type ConfidentialFixture } from '../support/confidential-fixture.js';
import { schemaOperations } from '../support/schema-operations.js';
import { waitForIndex } from '../support/search.js';
import { BUYER, type Call, INTRODUCTION, NEED, OPERATIONS, sendCall } from '../support/sweep-operations.js';
import { type GqlResult, startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Indistinguishability: two worlds, built alike through the API, differ only in
 *  - which buyer posted one ANONYMOUS need (buyer B at its plant, or buyer E at a plant 1 km away),
 *    to which supplier A is invited and which it accepted (the buyer never revealed itself), and
 *  - whether B has a PRIVATE need on which A is only shortlisted (world "B") or none (world "E").
 * Every query and mutation, called by the supplier-side callers (A's member, and an outsider who is
 * the member of another verified supplier and of another buyer), must answer the same in both
 * worlds once generated ids, times and e-mail addresses are named alike. The calls are the
 * authorization sweep's (OPERATIONS) plus, per operation, PROBES aimed at the hidden needs and at
 * both candidate buyers. An operation of the schema without a PROBES entry fails the suite.
 */

const SECOND_PLANT = 'Nhà máy Tràng Duệ số 9';
/** 0.8 km from the fixture's plant (Tràng Duệ's zone point), in the same 0.1° cell. */
const SECOND_PLANT_LOCATION = { latitude: 20.8612, longitude: 106.5788 };
const TAX_CODE_BASE = 5_713_000;
/** The private need's id in the world where it does not exist. */
const ABSENT_ID = '7f3a9c1e-2b4d-4e6f-8a0b-1c2d3e4f5a6b';

interface World {
  t: TestApp;
  f: ConfidentialFixture;
  secondBuyerId: string;
  secondBuyerOwner: SignedIn;
  hiddenNeed: { id: string; version: number };
  hiddenIntroductionId: string;
  privateNeed: { id: string; version: number };
  privateShortlistId: string;
  /** Known ids → names alike in both worlds. */
  names: Map<string, string>;
}

const needVersion = (q: string) => `mutation($id: ID!, $version: Int!) { ${q}(id: $id, version: $version) { ${NEED} } }`;
const invite = (q: string) => `mutation($input: InviteSuppliersInput!) { ${q}(input: $input) { ${INTRODUCTION} } }`;
/** The hidden anonymous need, the hidden (or absent) private need. */
const hidden = (w: World) => [w.hiddenNeed, w.privateNeed];
const bothBuyers = (w: World) => [w.f.buyerId, w.secondBuyerId];

/**
 * Calls aimed at what must stay hidden, per operation. [] = the operation takes nothing that could
 * point at a need or a buyer: the sweep's call covers it.
 */
const PROBES: Record<string, (w: World) => Call[]> = {
  taxonomy: () => [],
  taxonomyVersion: () => [],
  suggestCapabilities: () => [],
  suggestNeedSpec: () => [],
  me: () => [],
  inbox: () => [],
  supplier: () => [],
  suppliers: () => [],
  searchSuppliers: () => [],
  supplyCoverage: () => [],
  supplyGaps: () => [],
  coachingTargets: () => [],
  certificationExpiry: () => [],
  matchingFunnel: () => [],
  localisation: () => [],
  supplierGrowth: () => [],
  // ADMIN-only console queries: no need, buyer or introduction in their answers
  usersByEmail: () => [],
  verificationQueue: () => [],
  verificationQueuePage: () => [],
  searchIndexHealth: () => [],
  register: () => [],
  login: () => [],
  refreshTokens: () => [],
  logout: () => [],
  createSupplier: () => [],
  createBuyer: () => [],
  updateSupplier: () => [],
  deleteSupplier: () => [],
  setVerificationStatus: () => [],
  setUserRole: () => [],
  refreshSupplySnapshot: () => [],
  importSupplierRegistry: () => [],
  // take a delivery or a supplier of the caller's own: nothing that could point at a hidden need or buyer
  updateDelivery: () => [],
  removeDelivery: () => [],
  publishTrackRecord: () => [],
  needDeliveries: (w) =>
    hidden(w).map(({ id }) => ({ query: `query($id: ID!) { needDeliveries(needId: $id) { id quantity } }`, variables: { id } })),
  recordDelivery: (w) =>
    hidden(w).map(({ id }) => ({
      query: `mutation($input: RecordDeliveryInput!) { recordDelivery(input: $input) { id } }`,
      variables: { input: { needId: id, promisedOn: '2026-10-01', deliveredOn: '2026-10-01', quantity: 1 } },
    })),
  supplierScorecard: (w) =>
    [w.f.supplierId, w.f.outsiderSupplierId].map((id) => ({
      query: `query($id: ID!) { supplierScorecard(supplierId: $id) { published overall { deliveries } byBuyer { buyerId buyerName } } }`,
      variables: { id },
    })),
  buyerTrackRecordConsent: (w) =>
    bothBuyers(w).map((id) => ({ query: `query($id: ID!) { buyerTrackRecordConsent(buyerId: $id) { named } }`, variables: { id } })),
  setBuyerTrackRecordConsent: (w) =>
    bothBuyers(w).map((id) => ({
      query: `mutation($id: ID!) { setBuyerTrackRecordConsent(buyerId: $id, named: true) { named } }`,
      variables: { id },
    })),
  createSupplierOnBehalf: () => [],
  issueSupplierClaimCode: () => [],
  centreEnteredSuppliers: () => [],
  claimSupplier: () => [],
  setSupplierPublicationConsent: () => [],
  supplierAuditLog: () => [],
  buyer: (w) =>
    bothBuyers(w).map((id) => ({ query: `query($id: ID!) { buyer(id: $id) { ${BUYER} verificationStatus } }`, variables: { id } })),
  buyers: (_w) => [{ query: `{ buyers(first: 100) { totalCount edges { node { ${BUYER} } } } }` }],
  sourcingNeed: (w) => hidden(w).map(({ id }) => ({ query: `query($id: ID!) { sourcingNeed(id: $id) { ${NEED} } }`, variables: { id } })),
  sourcingNeeds: (w) => [
    ...bothBuyers(w).map((buyerId) => ({
      query: `query($b: ID!) { sourcingNeeds(first: 100, filter: { buyerId: $b }) { totalCount edges { node { ${NEED} } } } }`,
      variables: { b: buyerId },
    })),
    {
      query: `{ sourcingNeeds(first: 100, filter: { statuses: [OPEN, DRAFT], process: "STAMPING" }) { totalCount edges { node { ${NEED} maxDistanceKm quantityPerMonth { value unit } } } } }`,
    },
  ],
  needHistory: (w) =>
    hidden(w).map(({ id }) => ({ query: `query($id: ID!) { needHistory(needId: $id) { action actorId details } }`, variables: { id } })),
  needIntroductions: (w) =>
    hidden(w).map(({ id }) => ({ query: `query($id: ID!) { needIntroductions(needId: $id) { ${INTRODUCTION} } }`, variables: { id } })),
  matchSuppliers: (w) =>
    hidden(w).map(({ id }) => ({
      query: `query($id: ID!) { matchSuppliers(needId: $id) { candidates matches { supplier { id } } } }`,
      variables: { id },
    })),
  matchNeeds: (w) =>
    [w.f.supplierId, w.f.outsiderSupplierId].map((id) => ({
      query: `query($id: ID!) { matchNeeds(supplierId: $id, first: 100, lang: vi) { rank score missing criteria { key score explanation } need { ${NEED} } } }`,
      variables: { id },
    })),
  upgradePaths: (w) =>
    [w.f.supplierId, w.f.outsiderSupplierId].map((id) => ({
      query: `query($id: ID!) { upgradePaths(supplierId: $id, lang: vi) { openNeedsSeen qualifiedNow paths { changes { kind term { code label } value unit description } additionalNeeds needIds onlyTogether monthlyVolume { unit total } buyerSectors { sector { code label } needs } nearMisses stillMissing { kind term { code } needs description } explanation } combinations { changes { kind } needIds onlyTogether explanation } } }`,
      variables: { id },
    })),
  createSourcingNeed: (w) =>
    bothBuyers(w).map((buyerId) => ({
      query: `mutation($input: CreateSourcingNeedInput!) { createSourcingNeed(input: $input) { id } }`,
      variables: { input: { buyerId, title: 'Thăm dò', delivery: { plant: BUYER_PLANT } } },
    })),
  updateSourcingNeed: (w) =>
    hidden(w).flatMap(({ id, version }) =>
      [{ plant: BUYER_PLANT }, { plant: SECOND_PLANT }, { plant: 'Không có nhà máy này' }, { zoneCode: 'NO_SUCH_ZONE' }].map(
        (delivery) => ({
          query: `mutation($input: UpdateSourcingNeedInput!) { updateSourcingNeed(input: $input) { id } }`,
          variables: { input: { id, version, delivery, processes: ['NO_SUCH_PROCESS'] } },
        }),
      ),
    ),
  publishSourcingNeed: (w) => hidden(w).map((need) => ({ query: needVersion('publishSourcingNeed'), variables: need })),
  closeSourcingNeed: (w) => hidden(w).map((need) => ({ query: needVersion('closeSourcingNeed'), variables: need })),
  shortlistSuppliers: (w) =>
    hidden(w).map(({ id }) => ({
      query: invite('shortlistSuppliers'),
      variables: { input: { needId: id, supplierIds: [w.f.supplierId] } },
    })),
  inviteSuppliers: (w) =>
    hidden(w).map(({ id }) => ({
      query: invite('inviteSuppliers'),
      variables: { input: { needId: id, supplierIds: [w.f.outsiderSupplierId], message: 'x' } },
    })),
  respondToInvitation: (w) =>
    [w.hiddenIntroductionId, w.privateShortlistId].map((id) => ({
      query: `mutation($input: RespondToInvitationInput!) { respondToInvitation(input: $input) { ${INTRODUCTION} } }`,
      variables: { input: { introductionId: id, accept: true } },
    })),
  revealBuyer: (w) =>
    [w.hiddenIntroductionId, w.privateShortlistId].map((id) => ({
      query: `mutation($id: ID!) { revealBuyer(introductionId: $id) { ${INTRODUCTION} } }`,
      variables: { id },
    })),
  awardSourcingNeed: (w) =>
    hidden(w).map(({ id, version }) => ({
      query: `mutation($n: ID!, $s: ID!, $v: Int!) { awardSourcingNeed(needId: $n, supplierId: $s, version: $v) { ${INTRODUCTION} } }`,
      variables: { n: id, s: w.f.supplierId, v: version },
    })),
  updateBuyer: (w) =>
    bothBuyers(w).map((id) => ({
      query: `mutation($input: UpdateBuyerInput!) { updateBuyer(input: $input) { ${BUYER} } }`,
      variables: { input: { id, version: 2, description: 'x', plants: [{ name: SECOND_PLANT, location: SECOND_PLANT_LOCATION }] } },
    })),
  setBuyerVerificationStatus: (w) =>
    bothBuyers(w).map((buyerId) => ({
      query: `mutation($input: SetBuyerVerificationStatusInput!) { setBuyerVerificationStatus(input: $input) { id } }`,
      variables: { input: { buyerId, status: 'SUSPENDED' } },
    })),
};

async function buildWorld(poster: 'B' | 'E'): Promise<World> {
  const t = await startTestApp();
  const f = await buildConfidentialFixture(t, { taxCodeBase: TAX_CODE_BASE });
  const secondBuyerOwner = await registerUser(t, 'buyer-e');
  const secondBuyerId = (
    await f.must<{ createBuyer: { id: string } }>(
      `mutation($input: CreateBuyerInput!) { createBuyer(input: $input) { id } }`,
      {
        input: {
          taxCode: f.nextTaxCode(),
          name: 'Daewon Precision Vina',
          countryOfOrigin: 'JP',
          languages: ['ja', 'en'],
          plants: [{ name: SECOND_PLANT, zoneCode: 'TRANG_DUE', location: SECOND_PLANT_LOCATION }],
        },
      },
      secondBuyerOwner.token,
    )
  ).createBuyer.id;
  await f.must(
    `mutation($id: ID!) { setBuyerVerificationStatus(input: { buyerId: $id, status: VERIFIED }) { id } }`,
    { id: secondBuyerId },
    f.admin.token,
  );

  // the one need that differs: who posted it, and so where it goes
  const [owner, buyerId, plant] = poster === 'B' ? [f.buyerOwner, f.buyerId, BUYER_PLANT] : [secondBuyerOwner, secondBuyerId, SECOND_PLANT];
  const draft = (
    await f.must<{ createSourcingNeed: { id: string; version: number } }>(
      `mutation($input: CreateSourcingNeedInput!) { createSourcingNeed(input: $input) { id version } }`,
      {
        input: {
          buyerId,
          title: 'Vỏ thép dập cho bộ nguồn',
          visibility: 'ANONYMOUS',
          processes: ['STAMPING'],
          quantityPerMonth: { value: 30000, unit: 'PCS' },
          maxLeadTimeDays: 30,
          delivery: { plant },
          maxDistanceKm: 40,
          targetPrice: { min: 5, max: 9, currency: 'USD' },
        },
      },
      owner.token,
    )
  ).createSourcingNeed;
  const hiddenNeed = (
    await f.must<{ publishSourcingNeed: { id: string; version: number } }>(
      `mutation($id: ID!, $version: Int!) { publishSourcingNeed(id: $id, version: $version) { id version } }`,
      draft,
      owner.token,
    )
  ).publishSourcingNeed;
  const hiddenIntroductionId = (
    await f.must<{ inviteSuppliers: { id: string }[] }>(
      `mutation($input: InviteSuppliersInput!) { inviteSuppliers(input: $input) { id } }`,
      { input: { needId: hiddenNeed.id, supplierIds: [f.supplierId], message: 'Mời báo giá' } },
      owner.token,
    )
  ).inviteSuppliers[0].id;
  await f.must(
    `mutation($id: ID!) { respondToInvitation(input: { introductionId: $id, accept: true }) { id } }`,
    { id: hiddenIntroductionId },
    f.supplierOwner.token,
  );

  // a private need A is only shortlisted on, or none
  let privateNeed = { id: ABSENT_ID, version: 2 };
  let privateShortlistId = '0c9e8d7f-6a5b-4c3d-8e2f-1a0b9c8d7e6f';
  if (poster === 'B') {
    // not f.createNeed: its title counter would differ between the worlds from then on
    const privateDraft = (
      await f.must<{ createSourcingNeed: { id: string; version: number } }>(
        `mutation($input: CreateSourcingNeedInput!) { createSourcingNeed(input: $input) { id version } }`,
        {
          input: {
            buyerId: f.buyerId,
            title: 'Khuôn riêng tư chưa mời ai',
            visibility: 'PRIVATE',
            processes: ['STAMPING'],
            delivery: { plant: BUYER_PLANT },
          },
        },
        f.buyerOwner.token,
      )
    ).createSourcingNeed;
    privateNeed = (
      await f.must<{ publishSourcingNeed: { id: string; version: number } }>(
        `mutation($id: ID!, $version: Int!) { publishSourcingNeed(id: $id, version: $version) { id version } }`,
        privateDraft,
        f.buyerOwner.token,
      )
    ).publishSourcingNeed;
    privateShortlistId = (
      await f.must<{ shortlistSuppliers: { id: string; supplierId: string }[] }>(
        `mutation($input: InviteSuppliersInput!) { shortlistSuppliers(input: $input) { id supplierId } }`,
        { input: { needId: privateNeed.id, supplierIds: [f.supplierId] } },
        f.buyerOwner.token,
      )
    ).shortlistSuppliers.find((i) => i.supplierId === f.supplierId)!.id;
  }
  await waitForIndex(t, 120000);
  await f.must(`mutation { refreshSupplySnapshot { day } }`, {}, f.analyst.token);

  const names = new Map<string, string>([
    [f.supplierId, 'supplier A'],
    [f.buyerId, 'buyer B'],
    [secondBuyerId, 'buyer E'],
    [f.outsiderSupplierId, 'supplier C'],
    [f.outsiderBuyerId, 'buyer D'],
    [f.publicNeed.id, 'public need'],
    [f.anonymousNeed.id, 'anonymous need'],
    [f.privateNeed.id, 'private need'],
    [f.privateIntroductionId, 'private introduction'],
    [f.anonymousIntroductionId, 'anonymous introduction'],
    [hiddenNeed.id, 'HIDDEN anonymous need'],
    [hiddenIntroductionId, 'HIDDEN introduction'],
    [privateNeed.id, 'HIDDEN private need'],
    [privateShortlistId, 'HIDDEN shortlist'],
    [f.admin.userId, 'admin'],
    [f.analyst.userId, 'analyst'],
    [f.supplierOwner.userId, 'user A'],
    [f.buyerOwner.userId, 'user B'],
    [f.outsider.userId, 'outsider'],
    [secondBuyerOwner.userId, 'user E'],
  ]);
  return { t, f, secondBuyerId, secondBuyerOwner, hiddenNeed, hiddenIntroductionId, privateNeed, privateShortlistId, names };
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const TIME = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g;
const EMAIL = /[A-Za-z0-9._+-]+@example\.vn/g;
/** Test users' display names carry a counter of the whole test process. */
const DISPLAY_NAME = /"displayName":"[^"]*"/g;

/** The answer with known ids named, other ids numbered in order of appearance, times, e-mails and request ids blanked. */
function normalise(answer: GqlResult, names: Map<string, string>): unknown {
  const fresh = new Map<string, string>();
  const errors = answer.errors?.map(({ message, extensions }) => ({
    message,
    code: extensions?.code,
    fieldErrors: extensions?.fieldErrors,
    id: extensions?.id,
  }));
  const text = JSON.stringify({ status: answer.status, data: answer.data ?? null, errors: errors ?? null })
    .replace(UUID, (id) => names.get(id) ?? fresh.get(id) ?? (fresh.set(id, `new id #${fresh.size + 1}`), fresh.get(id)!))
    .replace(TIME, '<time>')
    .replace(EMAIL, '<email>')
    .replace(DISPLAY_NAME, '"displayName":"<name>"');
  return JSON.parse(text);
}

describe('indistinguishability: a supplier-side caller cannot tell who posted an anonymous need, nor whether a private need exists', () => {
  const worlds: World[] = [];

  beforeAll(async () => {
    worlds.push(await buildWorld('B'));
    worlds.push(await buildWorld('E'));
  }, 400000);
  afterAll(async () => {
    for (const w of worlds) await w.t.close();
  });

  it('has probes for every operation the schema serves, and for no other', () => {
    const served = schemaOperations(worlds[0].t)
      .map((op) => op.name)
      .sort();
    const probed = Object.keys(PROBES).sort();
    expect({ withoutProbes: served.filter((n) => !probed.includes(n)), noLongerServed: probed.filter((n) => !served.includes(n)) }).toEqual(
      { withoutProbes: [], noLongerServed: [] },
    );
  });

  /** Every call of an operation: the sweep's, then the probes. */
  const callsOf = async (name: string, w: World): Promise<Call[]> => [await OPERATIONS[name].call(w.f), ...(PROBES[name]?.(w) ?? [])];

  // queries first: the sweep's mutations create needs and suppliers (alike in both worlds), which later lists would show
  const ordered = () => {
    const operations = schemaOperations(worlds[0].t);
    return [...operations.filter((op) => op.kind === 'query'), ...operations.filter((op) => op.kind !== 'query')].map((op) => op.name);
  };

  it("answers every call of every operation the same in both worlds, for A's member and for an outsider", async () => {
    const differences: string[] = [];
    for (const name of ordered()) {
      for (const caller of ['supplierOwner', 'outsider'] as const) {
        const [callsB, callsE] = [await callsOf(name, worlds[0]), await callsOf(name, worlds[1])];
        for (const [index, callB] of callsB.entries()) {
          const answerB = normalise(await sendCall(worlds[0].t, callB, worlds[0].f[caller]), worlds[0].names);
          const answerE = normalise(await sendCall(worlds[1].t, callsE[index], worlds[1].f[caller]), worlds[1].names);
          if (JSON.stringify(answerB) !== JSON.stringify(answerE)) {
            differences.push(
              `${name} #${index} as ${caller}:\n  world B: ${JSON.stringify(answerB).slice(0, 1500)}\n  world E: ${JSON.stringify(answerE).slice(0, 1500)}`,
            );
          }
        }
      }
    }
    expect(differences).toEqual([]);
  }, 600000);
});
