import { BUYER_NAME, type ConfidentialFixture, SECRETS } from './confidential-fixture.js';
import type { SignedIn } from './accounts.js';
import type { GqlResult, TestApp } from './test-app.js';
import { acceptedNeed, awardedNeed, DELIVERY, recordedDelivery, SCORECARD } from './track-record-calls.js';

/**
 * The operation list of the authorization sweep: for every query and mutation the schema serves,
 * who may call it and a valid call against the confidential fixture. The sweep
 * (test/e2e/authorization-sweep.e2e.spec.ts) and the indistinguishability test
 * (test/e2e/indistinguishability.e2e.spec.ts) replay it; both fail when an operation has no entry.
 */
export type Access =
  | 'PUBLIC' // everyone gets data (confidential fields stay hidden)
  | 'SIGNED_IN' // anonymous: UNAUTHENTICATED; any signed-in user gets data about itself or what it may see
  | 'OWNER_ONLY' // anonymous: UNAUTHENTICATED; others: FORBIDDEN or NOT_FOUND; the target's company members: data
  | 'STAFF_ONLY' // anonymous: UNAUTHENTICATED; company members and STAFF: FORBIDDEN; ADMIN and ANALYST: data
  | 'CENTRE_STAFF' // anonymous: UNAUTHENTICATED; company members and ANALYST: FORBIDDEN; ADMIN and STAFF: data (assisted onboarding)
  | 'ADMIN_ONLY'; // anonymous: UNAUTHENTICATED; company members, ANALYST and STAFF: FORBIDDEN; ADMIN: data

export type CallerName = 'anonymous' | 'outsider' | 'supplierOwner' | 'buyerOwner' | 'analyst' | 'staff' | 'admin';

export interface Call {
  query: string;
  variables?: Record<string, unknown>;
  /** A file for a multipart request (Upload variables named `file`). */
  upload?: { content: string; name: string };
}

export interface Entry {
  access: Access;
  /** Who gets data: the member of the target's company, or the staff it is for. */
  owner: Exclude<CallerName, 'anonymous' | 'outsider'>;
  /** Valid arguments against the fixture's objects; called afresh for each caller (mutations get their own target). */
  call: (f: ConfidentialFixture) => Call | Promise<Call>;
  /** Confidential values the owner's answer must show: proof that the others' answers reach the same data. */
  ownerSees?: (keyof typeof SECRETS)[];
  /** Further values no caller may read here (analytics never name a buyer). */
  neverShown?: string[];
  /**
   * What the centre's STAFF gets, when its access does not say: an OWNER_ONLY operation on a
   * supplier profile STAFF keeps on SMEs' behalf answers it with data. Otherwise STAFF gets data
   * from PUBLIC, SIGNED_IN and CENTRE_STAFF operations and is refused the others.
   */
  staff?: 'data';
}

export const SUPPLIER = `id nameVi version contact { name email phone } customers { name isPublic }`;
export const BUYER = `id name version contact { name email phone } plants { name location { latitude longitude } }`;
export const NEED = `id title visibility status targetPrice { min max currency } delivery { plant location { latitude longitude } } buyer { ${BUYER} }`;
export const INTRODUCTION = `id needId needTitle supplierId supplierName buyerId buyerName message declineText buyerRevealed status`;
const PERIOD = { from: '2020-01-01', to: '2029-12-31' };

const registerFresh = async (f: ConfidentialFixture) => {
  const email = `sweep.${Date.now()}.${Math.random().toString(36).slice(2)}@example.vn`;
  const data = await f.must<{ register: { refreshToken: string; user: { id: string } } }>(
    `mutation($input: RegisterInput!) { register(input: $input) { refreshToken user { id } } }`,
    { input: { email, password: 'sweep password 123', displayName: 'Sweep' } },
  );
  return { email, refreshToken: data.register.refreshToken, userId: data.register.user.id };
};

export const OPERATIONS: Record<string, Entry> = {
  // ---- queries
  taxonomy: {
    access: 'PUBLIC',
    owner: 'supplierOwner',
    call: () => ({ query: `{ taxonomy(kind: PROCESS, search: "dập") { code label } }` }),
  },
  taxonomyVersion: { access: 'PUBLIC', owner: 'supplierOwner', call: () => ({ query: `{ taxonomyVersion }` }) },
  suggestCapabilities: {
    access: 'PUBLIC',
    owner: 'supplierOwner',
    call: () => ({
      query: `{ suggestCapabilities(text: "dập liên hoàn SPCC, IATF 16949") { processes { code } certifications { code } } }`,
    }),
  },
  suggestNeedSpec: {
    access: 'PUBLIC',
    owner: 'supplierOwner',
    call: () => ({
      query: `{ suggestNeedSpec(text: "dập liên hoàn SPCC 300.000 chiếc/tháng") { processes { code } quantityPerMonth { value unit } } }`,
    }),
  },
  supplier: {
    access: 'PUBLIC',
    owner: 'supplierOwner',
    ownerSees: ['supplierContactEmail', 'privateCustomer'],
    call: (f) => ({ query: `query($id: ID!) { supplier(id: $id) { ${SUPPLIER} } }`, variables: { id: f.supplierId } }),
  },
  suppliers: {
    access: 'PUBLIC',
    owner: 'supplierOwner',
    ownerSees: ['supplierContactPhone', 'privateCustomer'],
    call: () => ({ query: `{ suppliers(first: 100) { edges { node { ${SUPPLIER} } } } }` }),
  },
  searchSuppliers: {
    access: 'PUBLIC',
    owner: 'supplierOwner',
    ownerSees: ['supplierContactEmail', 'privateCustomer'],
    call: () => ({
      query: `{ searchSuppliers(input: { query: "dập", hitsPerPage: 50 }) { hits { highlights { snippet } supplier { ${SUPPLIER} } } } }`,
    }),
  },
  buyer: {
    access: 'PUBLIC',
    owner: 'buyerOwner',
    ownerSees: ['buyerContactEmail'],
    call: (f) => ({ query: `query($id: ID!) { buyer(id: $id) { ${BUYER} } }`, variables: { id: f.buyerId } }),
  },
  buyers: {
    access: 'PUBLIC',
    owner: 'buyerOwner',
    ownerSees: ['buyerContactPhone'],
    call: () => ({ query: `{ buyers(first: 100) { edges { node { ${BUYER} } } } }` }),
  },
  me: {
    access: 'SIGNED_IN',
    owner: 'supplierOwner',
    call: () => ({ query: `{ me { id email displayName role memberships { companyId companyKind } } }` }),
  },
  inbox: {
    access: 'SIGNED_IN',
    owner: 'supplierOwner',
    ownerSees: ['privateNeedTitle'],
    call: () => ({ query: `{ inbox(first: 200) { ${INTRODUCTION} } }` }),
  },
  sourcingNeeds: {
    access: 'SIGNED_IN',
    owner: 'buyerOwner',
    ownerSees: ['privateNeedTitle', 'privateNeedMin', 'anonymousNeedMax', 'publicNeedMin', 'buyerContactEmail'],
    call: () => ({ query: `{ sourcingNeeds(first: 100) { edges { node { ${NEED} } } } }` }),
  },
  sourcingNeed: {
    access: 'OWNER_ONLY',
    owner: 'buyerOwner',
    ownerSees: ['privateNeedTitle', 'privateNeedMax'],
    call: (f) => ({ query: `query($id: ID!) { sourcingNeed(id: $id) { ${NEED} } }`, variables: { id: f.privateNeed.id } }),
  },
  needHistory: {
    access: 'OWNER_ONLY',
    owner: 'buyerOwner',
    call: (f) => ({
      query: `query($id: ID!) { needHistory(needId: $id) { action actorId details at } }`,
      variables: { id: f.privateNeed.id },
    }),
  },
  needIntroductions: {
    access: 'OWNER_ONLY',
    owner: 'buyerOwner',
    ownerSees: ['privateNeedTitle'],
    call: (f) => ({ query: `query($id: ID!) { needIntroductions(needId: $id) { ${INTRODUCTION} } }`, variables: { id: f.privateNeed.id } }),
  },
  matchSuppliers: {
    // B accepted A's answer on this need, so B sees A's contact (never its private customers).
    access: 'OWNER_ONLY',
    owner: 'buyerOwner',
    ownerSees: ['supplierContactEmail'],
    call: (f) => ({
      query: `query($id: ID!) { matchSuppliers(needId: $id, first: 100) { candidates matches { supplier { ${SUPPLIER} } criteria { explanation } } } }`,
      variables: { id: f.privateNeed.id },
    }),
  },
  matchNeeds: {
    // A was invited to the private need: it sees its title, never its target price.
    access: 'OWNER_ONLY',
    owner: 'supplierOwner',
    ownerSees: ['privateNeedTitle'],
    call: (f) => ({
      query: `query($id: ID!) { matchNeeds(supplierId: $id, first: 100) { missing criteria { explanation } need { ${NEED} } } }`,
      variables: { id: f.supplierId },
    }),
  },
  supplierAuditLog: {
    access: 'OWNER_ONLY',
    owner: 'supplierOwner',
    staff: 'data',
    // the log records that the contact and customers changed, never their values: not even for the owner
    neverShown: [SECRETS.supplierContactName, SECRETS.supplierContactEmail, SECRETS.supplierContactPhone, SECRETS.privateCustomer],
    call: (f) => ({
      query: `query($id: ID!) { supplierAuditLog(supplierId: $id, first: 50) { totalCount edges { node { action actorRole changes { field confidential oldValue newValue } } } } }`,
      variables: { id: f.supplierId },
    }),
  },
  upgradePaths: {
    // what A may see, counted: its invitation to the anonymous need counts, the buyer is never named
    access: 'OWNER_ONLY',
    owner: 'supplierOwner',
    staff: 'data',
    neverShown: [BUYER_NAME],
    call: (f) => ({
      query: `query($id: ID!) { upgradePaths(supplierId: $id, lang: en) { openNeedsSeen qualifiedNow paths { changes { kind term { code } value unit } needIds monthlyVolume { unit total } buyerSectors { sector { code label } needs } stillMissing { kind needs } explanation } combinations { needIds explanation } } }`,
      variables: { id: f.supplierId },
    }),
  },
  needDeliveries: {
    access: 'OWNER_ONLY',
    owner: 'buyerOwner',
    call: async (f) => ({
      query: `query($id: ID!) { needDeliveries(needId: $id) { ${DELIVERY} } }`,
      variables: { id: (await recordedDelivery(f)).needId },
    }),
  },
  supplierScorecard: {
    // null for others until A publishes it (A never does here: publishTrackRecord acts on a supplier of its own)
    access: 'PUBLIC',
    owner: 'supplierOwner',
    call: (f) => ({ query: `query($id: ID!) { supplierScorecard(supplierId: $id) { ${SCORECARD} } }`, variables: { id: f.supplierId } }),
  },
  buyerTrackRecordConsent: {
    access: 'OWNER_ONLY',
    owner: 'buyerOwner',
    call: (f) => ({ query: `query($id: ID!) { buyerTrackRecordConsent(buyerId: $id) { buyerId named } }`, variables: { id: f.buyerId } }),
  },
  supplyCoverage: {
    access: 'STAFF_ONLY',
    owner: 'analyst',
    neverShown: [BUYER_NAME],
    call: () => ({
      query: `{ supplyCoverage(by: PROCESS) { asOf rows { term { code label } verifiedSuppliers monthlyCapacity { unit total } } } }`,
    }),
  },
  supplyGaps: {
    access: 'STAFF_ONLY',
    owner: 'analyst',
    neverShown: [BUYER_NAME],
    call: () => ({
      query: `{ supplyGaps(first: 500) { openNeeds gapNeeds needs { needId title visibility buyerSectors { label } qualifiedSuppliers bottleneck { term { label } } } capabilities { label suppliers } bottlenecks { term { label } } } }`,
    }),
  },
  coachingTargets: {
    access: 'STAFF_ONLY',
    owner: 'analyst',
    neverShown: [BUYER_NAME],
    call: () => ({
      query: `{ coachingTargets(by: CERTIFICATION, first: 50, perGap: 50) { computedAt gaps { term { code label } openNeeds suppliers targets { supplierId supplierName needs monthlyVolume { unit total } } } } }`,
    }),
  },
  certificationExpiry: {
    access: 'STAFF_ONLY',
    owner: 'analyst',
    neverShown: [BUYER_NAME],
    call: () => ({
      query: `{ certificationExpiry(withinDays: 730) { total certificates { supplierId supplierName validUntil } byCertification { expiring } } }`,
    }),
  },
  matchingFunnel: {
    access: 'STAFF_ONLY',
    owner: 'analyst',
    neverShown: [BUYER_NAME],
    call: () => ({
      query: `query($from: LocalDate!, $to: LocalDate!) { matchingFunnel(from: $from, to: $to, groupBy: [MONTH, SECTOR]) { rows { period sector { label } needs matched invited accepted awarded declineReasons { reason count } } } }`,
      variables: PERIOD,
    }),
  },
  localisation: {
    access: 'STAFF_ONLY',
    owner: 'analyst',
    neverShown: [BUYER_NAME],
    call: () => ({
      query: `query($from: LocalDate!, $to: LocalDate!) { localisation(from: $from, to: $to) { rows { month sector { label } openNeeds wellSuppliedShare awardedLocalShare } } }`,
      variables: PERIOD,
    }),
  },
  supplierGrowth: {
    access: 'STAFF_ONLY',
    owner: 'analyst',
    neverShown: [BUYER_NAME],
    call: () => ({
      query: `query($from: LocalDate!, $to: LocalDate!) { supplierGrowth(from: $from, to: $to) { rows { month zone { label } registered verified } } }`,
      variables: PERIOD,
    }),
  },

  usersByEmail: {
    access: 'ADMIN_ONLY',
    owner: 'admin',
    call: () => ({ query: `{ usersByEmail(email: "@") { id email role memberships { companyId companyKind } } }` }),
  },
  verificationQueue: {
    access: 'ADMIN_ONLY',
    owner: 'admin',
    call: () => ({ query: `{ verificationQueue(first: 5) { waitingSince previouslyVerifiedAt supplier { ${SUPPLIER} } } }` }),
  },
  verificationQueuePage: {
    access: 'ADMIN_ONLY',
    owner: 'admin',
    call: () => ({
      query: `{ verificationQueuePage(first: 5) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { waitingSince supplier { ${SUPPLIER} } } } } }`,
    }),
  },
  searchIndexHealth: {
    access: 'ADMIN_ONLY',
    owner: 'admin',
    call: () => ({ query: `{ searchIndexHealth { postgresCount indexCount pending ok } }` }),
  },

  // ---- mutations (each caller acts on a target of its own, so a denied call cannot spoil the owner's)
  register: {
    access: 'PUBLIC',
    owner: 'supplierOwner',
    call: () => ({
      query: `mutation($input: RegisterInput!) { register(input: $input) { user { id email role } } }`,
      variables: {
        input: {
          email: `sweep.${Date.now()}.${Math.random().toString(36).slice(2)}@example.vn`,
          password: 'sweep password 123',
          displayName: 'Sweep',
        },
      },
    }),
  },
  login: {
    access: 'PUBLIC',
    owner: 'supplierOwner',
    call: async (f) => ({
      query: `mutation($email: String!) { login(email: $email, password: "sweep password 123") { user { id } } }`,
      variables: { email: (await registerFresh(f)).email },
    }),
  },
  refreshTokens: {
    access: 'PUBLIC',
    owner: 'supplierOwner',
    call: async (f) => ({
      query: `mutation($token: String!) { refreshTokens(refreshToken: $token) { user { id } } }`,
      variables: { token: (await registerFresh(f)).refreshToken },
    }),
  },
  logout: {
    access: 'PUBLIC',
    owner: 'supplierOwner',
    call: async (f) => ({
      query: `mutation($token: String!) { logout(refreshToken: $token) }`,
      variables: { token: (await registerFresh(f)).refreshToken },
    }),
  },
  createSupplier: {
    access: 'SIGNED_IN',
    owner: 'supplierOwner',
    call: (f) => ({
      query: `mutation($input: CreateSupplierInput!) { createSupplier(input: $input) { ${SUPPLIER} } }`,
      variables: { input: { taxCode: f.nextTaxCode(), nameVi: 'Công ty TNHH Quét Quyền', processes: ['STAMPING'] } },
    }),
  },
  createBuyer: {
    access: 'SIGNED_IN',
    owner: 'buyerOwner',
    call: (f) => ({
      query: `mutation($input: CreateBuyerInput!) { createBuyer(input: $input) { ${BUYER} } }`,
      variables: { input: { taxCode: f.nextTaxCode(), name: 'Sweep Buyer', countryOfOrigin: 'JP' } },
    }),
  },
  updateSupplier: {
    access: 'OWNER_ONLY',
    owner: 'supplierOwner',
    staff: 'data',
    ownerSees: ['supplierContactEmail', 'privateCustomer'],
    call: async (f) => ({
      query: `mutation($input: UpdateSupplierInput!) { updateSupplier(input: $input) { ${SUPPLIER} } }`,
      variables: { input: { id: f.supplierId, version: await f.supplierVersion(f.supplierId), descriptionVi: 'Dập liên hoàn' } },
    }),
  },
  deleteSupplier: {
    access: 'OWNER_ONLY',
    owner: 'supplierOwner',
    call: async (f) => ({
      query: `mutation($id: ID!, $version: Int!) { deleteSupplier(id: $id, version: $version) }`,
      variables: await f.createSupplier(f.supplierOwner),
    }),
  },
  createSupplierOnBehalf: {
    access: 'CENTRE_STAFF',
    owner: 'staff',
    call: (f) => ({
      query: `mutation($input: CreateSupplierInput!, $onboarding: OnboardingInput!) { createSupplierOnBehalf(input: $input, onboarding: $onboarding) { ${SUPPLIER} onboarding { dataSource maintainedBy published } } }`,
      variables: {
        input: { taxCode: f.nextTaxCode(), nameVi: 'Công ty TNHH Nhập Hộ Quét', processes: ['STAMPING'] },
        onboarding: { dataSource: 'PHONE', consentToPublish: false },
      },
    }),
  },
  issueSupplierClaimCode: {
    access: 'CENTRE_STAFF',
    owner: 'staff',
    call: async (f) => ({
      query: `mutation($id: ID!) { issueSupplierClaimCode(supplierId: $id) { supplierId code expiresAt } }`,
      variables: { id: await f.onboardSupplier() },
    }),
  },
  centreEnteredSuppliers: {
    // the staff's onboarding page: the profiles the centre keeps, unpublished ones included
    access: 'CENTRE_STAFF',
    owner: 'staff',
    call: async (f) => {
      await f.onboardSupplier();
      return {
        query: `query { centreEnteredSuppliers(first: 100) { totalCount edges { node { ${SUPPLIER} onboarding { dataSource maintainedBy published claimedAt } } } } }`,
      };
    },
  },
  claimSupplier: {
    // every signed-in user may claim with a code the centre handed over; each caller gets a fresh code
    access: 'SIGNED_IN',
    owner: 'supplierOwner',
    call: async (f) => ({
      query: `mutation($code: String!) { claimSupplier(code: $code) { ${SUPPLIER} onboarding { maintainedBy } } }`,
      variables: { code: await f.freshClaimCode() },
    }),
  },
  setSupplierPublicationConsent: {
    access: 'OWNER_ONLY',
    owner: 'supplierOwner',
    staff: 'data',
    ownerSees: ['supplierContactEmail', 'privateCustomer'],
    call: async (f) => ({
      query: `mutation($id: ID!, $version: Int!) { setSupplierPublicationConsent(supplierId: $id, version: $version, consent: true) { ${SUPPLIER} onboarding { published } } }`,
      variables: { id: f.supplierId, version: await f.supplierVersion(f.supplierId) },
    }),
  },
  setBuyerVerificationStatus: {
    access: 'ADMIN_ONLY',
    owner: 'admin',
    ownerSees: ['buyerContactEmail'],
    call: (f) => ({
      query: `mutation($id: ID!) { setBuyerVerificationStatus(input: { buyerId: $id, status: VERIFIED }) { ${BUYER} verificationStatus } }`,
      variables: { id: f.buyerId },
    }),
  },
  setVerificationStatus: {
    access: 'ADMIN_ONLY',
    owner: 'admin',
    call: (f) => ({
      query: `mutation($id: ID!) { setVerificationStatus(input: { supplierId: $id, status: VERIFIED }) { ${SUPPLIER} } }`,
      variables: { id: f.supplierId },
    }),
  },
  updateBuyer: {
    access: 'OWNER_ONLY',
    owner: 'buyerOwner',
    ownerSees: ['buyerContactName'],
    call: async (f) => ({
      query: `mutation($input: UpdateBuyerInput!) { updateBuyer(input: $input) { ${BUYER} } }`,
      variables: { input: { id: f.buyerId, version: await f.buyerVersion(f.buyerId), description: 'Màn hình' } },
    }),
  },
  createSourcingNeed: {
    access: 'OWNER_ONLY',
    owner: 'buyerOwner',
    call: (f) => ({
      query: `mutation($input: CreateSourcingNeedInput!) { createSourcingNeed(input: $input) { ${NEED} } }`,
      variables: {
        input: { buyerId: f.buyerId, title: 'Sweep need', visibility: 'PRIVATE', targetPrice: { min: 1, max: 2, currency: 'USD' } },
      },
    }),
  },
  updateSourcingNeed: {
    access: 'OWNER_ONLY',
    owner: 'buyerOwner',
    call: async (f) => ({
      query: `mutation($input: UpdateSourcingNeedInput!) { updateSourcingNeed(input: $input) { ${NEED} } }`,
      variables: { input: { ...(await f.createNeed('PRIVATE', { publish: false })), description: 'Sweep' } },
    }),
  },
  publishSourcingNeed: {
    access: 'OWNER_ONLY',
    owner: 'buyerOwner',
    call: async (f) => ({
      query: `mutation($id: ID!, $version: Int!) { publishSourcingNeed(id: $id, version: $version) { ${NEED} } }`,
      variables: await f.createNeed('PRIVATE', { publish: false }),
    }),
  },
  closeSourcingNeed: {
    access: 'OWNER_ONLY',
    owner: 'buyerOwner',
    call: async (f) => ({
      query: `mutation($id: ID!, $version: Int!) { closeSourcingNeed(id: $id, version: $version) { ${NEED} } }`,
      variables: await f.createNeed('PRIVATE'),
    }),
  },
  shortlistSuppliers: {
    access: 'OWNER_ONLY',
    owner: 'buyerOwner',
    call: async (f) => ({
      query: `mutation($input: InviteSuppliersInput!) { shortlistSuppliers(input: $input) { ${INTRODUCTION} } }`,
      variables: { input: { needId: (await f.createNeed('PRIVATE')).id, supplierIds: [f.supplierId] } },
    }),
  },
  inviteSuppliers: {
    access: 'OWNER_ONLY',
    owner: 'buyerOwner',
    call: async (f) => ({
      query: `mutation($input: InviteSuppliersInput!) { inviteSuppliers(input: $input) { ${INTRODUCTION} } }`,
      variables: { input: { needId: (await f.createNeed('ANONYMOUS')).id, supplierIds: [f.supplierId], message: 'Xin báo giá' } },
    }),
  },
  respondToInvitation: {
    access: 'OWNER_ONLY',
    owner: 'supplierOwner',
    call: async (f) => ({
      query: `mutation($input: RespondToInvitationInput!) { respondToInvitation(input: $input) { ${INTRODUCTION} } }`,
      variables: { input: { introductionId: await f.invite((await f.createNeed('PRIVATE')).id), accept: false, reason: 'PRICE' } },
    }),
  },
  revealBuyer: {
    access: 'OWNER_ONLY',
    owner: 'buyerOwner',
    call: async (f) => ({
      query: `mutation($id: ID!) { revealBuyer(introductionId: $id) { ${INTRODUCTION} } }`,
      variables: { id: await f.invite((await f.createNeed('ANONYMOUS')).id) },
    }),
  },
  awardSourcingNeed: {
    access: 'OWNER_ONLY',
    owner: 'buyerOwner',
    call: async (f) => {
      const need = await acceptedNeed(f);
      return {
        query: `mutation($needId: ID!, $supplierId: ID!, $version: Int!) { awardSourcingNeed(needId: $needId, supplierId: $supplierId, version: $version) { ${INTRODUCTION} } }`,
        variables: { needId: need.id, supplierId: f.supplierId, version: need.version },
      };
    },
  },
  recordDelivery: {
    access: 'OWNER_ONLY',
    owner: 'buyerOwner',
    call: async (f) => ({
      query: `mutation($input: RecordDeliveryInput!) { recordDelivery(input: $input) { ${DELIVERY} } }`,
      variables: {
        input: { needId: await awardedNeed(f), promisedOn: '2026-10-01', deliveredOn: '2026-09-30', quantity: 50, defectsPpm: 2000 },
      },
    }),
  },
  updateDelivery: {
    access: 'OWNER_ONLY',
    owner: 'buyerOwner',
    call: async (f) => {
      const { id, version } = await recordedDelivery(f);
      return {
        query: `mutation($input: UpdateDeliveryInput!) { updateDelivery(input: $input) { ${DELIVERY} } }`,
        variables: { input: { id, version, deliveredOn: '2026-10-01' } },
      };
    },
  },
  removeDelivery: {
    access: 'OWNER_ONLY',
    owner: 'buyerOwner',
    call: async (f) => ({
      query: `mutation($id: ID!, $version: Int!) { removeDelivery(id: $id, version: $version) }`,
      variables: await recordedDelivery(f).then(({ id, version }) => ({ id, version })),
    }),
  },
  publishTrackRecord: {
    access: 'OWNER_ONLY',
    owner: 'supplierOwner',
    call: async (f) => ({
      query: `mutation($id: ID!) { publishTrackRecord(supplierId: $id, published: true) { ${SCORECARD} } }`,
      variables: { id: (await f.createSupplier(f.supplierOwner)).id },
    }),
  },
  setBuyerTrackRecordConsent: {
    access: 'OWNER_ONLY',
    owner: 'buyerOwner',
    call: (f) => ({
      query: `mutation($id: ID!) { setBuyerTrackRecordConsent(buyerId: $id, named: false) { buyerId named } }`,
      variables: { id: f.buyerId },
    }),
  },
  setUserRole: {
    access: 'ADMIN_ONLY',
    owner: 'admin',
    call: async (f) => ({
      query: `mutation($id: ID!) { setUserRole(userId: $id, role: MEMBER) { id role } }`,
      variables: { id: (await registerFresh(f)).userId },
    }),
  },
  refreshSupplySnapshot: {
    access: 'STAFF_ONLY',
    owner: 'analyst',
    call: () => ({ query: `mutation { refreshSupplySnapshot { day openNeeds verifiedSuppliers } }` }),
  },
  importSupplierRegistry: {
    access: 'ADMIN_ONLY',
    owner: 'admin',
    call: (f) => ({
      query: `mutation($file: Upload!) { importSupplierRegistry(file: $file, dryRun: true) { total created rejected problems { reason } } }`,
      upload: { content: `tax_code,name_vi\n${f.nextTaxCode()},Công ty TNHH Nhập Thử\n`, name: 'registry.csv' },
    }),
  },
};

/** Sends a call as `caller` (anonymous when null); a call with an upload goes as a multipart request. */
export async function sendCall(t: TestApp, call: Call, caller: SignedIn | null): Promise<GqlResult> {
  if (!call.upload) return t.gql(call.query, call.variables, caller?.token);
  const req = t.http().post('/graphql').set('apollo-require-preflight', 'true');
  if (caller) req.set('authorization', `Bearer ${caller.token}`);
  const res = await req
    .field('operations', JSON.stringify({ query: call.query, variables: { ...call.variables, file: null } }))
    .field('map', JSON.stringify({ 0: ['variables.file'] }))
    .attach('0', Buffer.from(call.upload.content), call.upload.name);
  return { status: res.status, data: res.body?.data, errors: res.body?.errors };
}
