import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { SignedIn } from '../support/accounts.js';
import { BUYER_NAME, BUYER_PLANT, buildConfidentialFixture, type ConfidentialFixture, SECRETS } from '../support/confidential-fixture.js';
import { schemaOperations } from '../support/schema-operations.js';
import { waitForIndex } from '../support/search.js';
import { type GqlResult, startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The authorization sweep: every query and mutation the served schema has is called by an
 * anonymous caller, by a member of other companies (an unrelated supplier and buyer), and by the
 * owner of the target (or the staff an operation is for), and must answer as ACCESS says. Every
 * answer of every caller is searched for the confidential values the caller may not read.
 *
 * An operation of the schema without an entry in OPERATIONS fails the suite: a new resolver needs
 * an access decision here before it ships. An entry whose operation is gone fails it too.
 */

type Access =
  | 'PUBLIC' // everyone gets data (confidential fields stay hidden)
  | 'SIGNED_IN' // anonymous: UNAUTHENTICATED; any signed-in user gets data about itself or what it may see
  | 'OWNER_ONLY' // anonymous: UNAUTHENTICATED; others: FORBIDDEN or NOT_FOUND; the target's company members: data
  | 'STAFF_ONLY' // anonymous: UNAUTHENTICATED; company members: FORBIDDEN; ADMIN and ANALYST: data
  | 'ADMIN_ONLY'; // anonymous: UNAUTHENTICATED; company members and ANALYST: FORBIDDEN; ADMIN: data

type CallerName = 'anonymous' | 'outsider' | 'supplierOwner' | 'buyerOwner' | 'analyst' | 'admin';

interface Call {
  query: string;
  variables?: Record<string, unknown>;
  /** A file for a multipart request (Upload variables named `file`). */
  upload?: { content: string; name: string };
}

interface Entry {
  access: Access;
  /** Who gets data: the member of the target's company, or the staff it is for. */
  owner: Exclude<CallerName, 'anonymous' | 'outsider'>;
  /** Valid arguments against the fixture's objects; called afresh for each caller (mutations get their own target). */
  call: (f: ConfidentialFixture) => Call | Promise<Call>;
  /** Confidential values the owner's answer must show: proof that the others' answers reach the same data. */
  ownerSees?: (keyof typeof SECRETS)[];
  /** Further values no caller may read here (analytics never name a buyer). */
  neverShown?: string[];
}

const SUPPLIER = `id nameVi version contact { name email phone } customers { name isPublic }`;
const BUYER = `id name version contact { name email phone } plants { name location { latitude longitude } }`;
const NEED = `id title visibility status targetPrice { min max currency } delivery { plant location { latitude longitude } } buyer { ${BUYER} }`;
const INTRODUCTION = `id needId needTitle supplierId supplierName buyerId buyerName message declineText buyerRevealed status`;
const PERIOD = { from: '2020-01-01', to: '2029-12-31' };

const registerFresh = async (f: ConfidentialFixture) => {
  const email = `sweep.${Date.now()}.${Math.random().toString(36).slice(2)}@example.vn`;
  const data = await f.must<{ register: { refreshToken: string; user: { id: string } } }>(`mutation($input: RegisterInput!) { register(input: $input) { refreshToken user { id } } }`, { input: { email, password: 'sweep password 123', displayName: 'Sweep' } });
  return { email, refreshToken: data.register.refreshToken, userId: data.register.user.id };
};

const OPERATIONS: Record<string, Entry> = {
  // ---- queries
  taxonomy: { access: 'PUBLIC', owner: 'supplierOwner', call: () => ({ query: `{ taxonomy(kind: PROCESS, search: "dập") { code label } }` }) },
  taxonomyVersion: { access: 'PUBLIC', owner: 'supplierOwner', call: () => ({ query: `{ taxonomyVersion }` }) },
  suggestCapabilities: { access: 'PUBLIC', owner: 'supplierOwner', call: () => ({ query: `{ suggestCapabilities(text: "dập liên hoàn SPCC, IATF 16949") { processes { code } certifications { code } } }` }) },
  supplier: { access: 'PUBLIC', owner: 'supplierOwner', ownerSees: ['supplierContactEmail', 'privateCustomer'], call: (f) => ({ query: `query($id: ID!) { supplier(id: $id) { ${SUPPLIER} } }`, variables: { id: f.supplierId } }) },
  suppliers: { access: 'PUBLIC', owner: 'supplierOwner', ownerSees: ['supplierContactPhone', 'privateCustomer'], call: () => ({ query: `{ suppliers(first: 100) { edges { node { ${SUPPLIER} } } } }` }) },
  searchSuppliers: {
    access: 'PUBLIC', owner: 'supplierOwner', ownerSees: ['supplierContactEmail', 'privateCustomer'],
    call: () => ({ query: `{ searchSuppliers(input: { query: "dập", hitsPerPage: 50 }) { hits { highlights { snippet } supplier { ${SUPPLIER} } } } }` }),
  },
  buyer: { access: 'PUBLIC', owner: 'buyerOwner', ownerSees: ['buyerContactEmail'], call: (f) => ({ query: `query($id: ID!) { buyer(id: $id) { ${BUYER} } }`, variables: { id: f.buyerId } }) },
  buyers: { access: 'PUBLIC', owner: 'buyerOwner', ownerSees: ['buyerContactPhone'], call: () => ({ query: `{ buyers(first: 100) { edges { node { ${BUYER} } } } }` }) },
  me: { access: 'SIGNED_IN', owner: 'supplierOwner', call: () => ({ query: `{ me { id email displayName role memberships { companyId companyKind } } }` }) },
  inbox: { access: 'SIGNED_IN', owner: 'supplierOwner', ownerSees: ['privateNeedTitle'], call: () => ({ query: `{ inbox(first: 200) { ${INTRODUCTION} } }` }) },
  sourcingNeeds: {
    access: 'SIGNED_IN', owner: 'buyerOwner', ownerSees: ['privateNeedTitle', 'privateNeedMin', 'anonymousNeedMax', 'publicNeedMin', 'buyerContactEmail'],
    call: () => ({ query: `{ sourcingNeeds(first: 100) { edges { node { ${NEED} } } } }` }),
  },
  sourcingNeed: { access: 'OWNER_ONLY', owner: 'buyerOwner', ownerSees: ['privateNeedTitle', 'privateNeedMax'], call: (f) => ({ query: `query($id: ID!) { sourcingNeed(id: $id) { ${NEED} } }`, variables: { id: f.privateNeed.id } }) },
  needHistory: { access: 'OWNER_ONLY', owner: 'buyerOwner', call: (f) => ({ query: `query($id: ID!) { needHistory(needId: $id) { action actorId details at } }`, variables: { id: f.privateNeed.id } }) },
  needIntroductions: { access: 'OWNER_ONLY', owner: 'buyerOwner', ownerSees: ['privateNeedTitle'], call: (f) => ({ query: `query($id: ID!) { needIntroductions(needId: $id) { ${INTRODUCTION} } }`, variables: { id: f.privateNeed.id } }) },
  matchSuppliers: {
    // B accepted A's answer on this need, so B sees A's contact (never its private customers).
    access: 'OWNER_ONLY', owner: 'buyerOwner', ownerSees: ['supplierContactEmail'],
    call: (f) => ({ query: `query($id: ID!) { matchSuppliers(needId: $id, first: 100) { candidates matches { supplier { ${SUPPLIER} } criteria { explanation } } } }`, variables: { id: f.privateNeed.id } }),
  },
  matchNeeds: {
    // A was invited to the private need: it sees its title, never its target price.
    access: 'OWNER_ONLY', owner: 'supplierOwner', ownerSees: ['privateNeedTitle'],
    call: (f) => ({ query: `query($id: ID!) { matchNeeds(supplierId: $id, first: 100) { missing criteria { explanation } need { ${NEED} } } }`, variables: { id: f.supplierId } }),
  },
  supplyCoverage: { access: 'STAFF_ONLY', owner: 'analyst', neverShown: [BUYER_NAME], call: () => ({ query: `{ supplyCoverage(by: PROCESS) { asOf rows { term { code label } verifiedSuppliers monthlyCapacity { unit total } } } }` }) },
  supplyGaps: {
    access: 'STAFF_ONLY', owner: 'analyst', neverShown: [BUYER_NAME],
    call: () => ({ query: `{ supplyGaps(first: 500) { openNeeds gapNeeds needs { needId title visibility buyerSectors { label } qualifiedSuppliers bottleneck { term { label } } } capabilities { label suppliers } bottlenecks { term { label } } } }` }),
  },
  certificationExpiry: { access: 'STAFF_ONLY', owner: 'analyst', neverShown: [BUYER_NAME], call: () => ({ query: `{ certificationExpiry(withinDays: 730) { total certificates { supplierId supplierName validUntil } byCertification { expiring } } }` }) },
  matchingFunnel: { access: 'STAFF_ONLY', owner: 'analyst', neverShown: [BUYER_NAME], call: () => ({ query: `query($from: String!, $to: String!) { matchingFunnel(from: $from, to: $to, groupBy: [MONTH, SECTOR]) { rows { period sector { label } needs matched invited accepted awarded declineReasons { reason count } } } }`, variables: PERIOD }) },
  localisation: { access: 'STAFF_ONLY', owner: 'analyst', neverShown: [BUYER_NAME], call: () => ({ query: `query($from: String!, $to: String!) { localisation(from: $from, to: $to) { rows { month sector { label } openNeeds wellSuppliedShare awardedLocalShare } } }`, variables: PERIOD }) },
  supplierGrowth: { access: 'STAFF_ONLY', owner: 'analyst', neverShown: [BUYER_NAME], call: () => ({ query: `query($from: String!, $to: String!) { supplierGrowth(from: $from, to: $to) { rows { month zone { label } registered verified } } }`, variables: PERIOD }) },

  // ---- mutations (each caller acts on a target of its own, so a denied call cannot spoil the owner's)
  register: {
    access: 'PUBLIC', owner: 'supplierOwner',
    call: () => ({ query: `mutation($input: RegisterInput!) { register(input: $input) { user { id email role } } }`, variables: { input: { email: `sweep.${Date.now()}.${Math.random().toString(36).slice(2)}@example.vn`, password: 'sweep password 123', displayName: 'Sweep' } } }),
  },
  login: { access: 'PUBLIC', owner: 'supplierOwner', call: async (f) => ({ query: `mutation($email: String!) { login(email: $email, password: "sweep password 123") { user { id } } }`, variables: { email: (await registerFresh(f)).email } }) },
  refreshTokens: { access: 'PUBLIC', owner: 'supplierOwner', call: async (f) => ({ query: `mutation($token: String!) { refreshTokens(refreshToken: $token) { user { id } } }`, variables: { token: (await registerFresh(f)).refreshToken } }) },
  logout: { access: 'PUBLIC', owner: 'supplierOwner', call: async (f) => ({ query: `mutation($token: String!) { logout(refreshToken: $token) }`, variables: { token: (await registerFresh(f)).refreshToken } }) },
  createSupplier: { access: 'SIGNED_IN', owner: 'supplierOwner', call: (f) => ({ query: `mutation($input: CreateSupplierInput!) { createSupplier(input: $input) { ${SUPPLIER} } }`, variables: { input: { taxCode: f.nextTaxCode(), nameVi: 'Công ty TNHH Quét Quyền', processes: ['STAMPING'] } } }) },
  createBuyer: { access: 'SIGNED_IN', owner: 'buyerOwner', call: (f) => ({ query: `mutation($input: CreateBuyerInput!) { createBuyer(input: $input) { ${BUYER} } }`, variables: { input: { taxCode: f.nextTaxCode(), name: 'Sweep Buyer', countryOfOrigin: 'JP' } } }) },
  updateSupplier: {
    access: 'OWNER_ONLY', owner: 'supplierOwner', ownerSees: ['supplierContactEmail', 'privateCustomer'],
    call: async (f) => ({ query: `mutation($input: UpdateSupplierInput!) { updateSupplier(input: $input) { ${SUPPLIER} } }`, variables: { input: { id: f.supplierId, version: await f.supplierVersion(f.supplierId), descriptionVi: 'Dập liên hoàn' } } }),
  },
  deleteSupplier: { access: 'OWNER_ONLY', owner: 'supplierOwner', call: async (f) => ({ query: `mutation($id: ID!, $version: Int!) { deleteSupplier(id: $id, version: $version) }`, variables: await f.createSupplier(f.supplierOwner) }) },
  setVerificationStatus: { access: 'ADMIN_ONLY', owner: 'admin', call: (f) => ({ query: `mutation($id: ID!) { setVerificationStatus(input: { supplierId: $id, status: VERIFIED }) { ${SUPPLIER} } }`, variables: { id: f.supplierId } }) },
  updateBuyer: {
    access: 'OWNER_ONLY', owner: 'buyerOwner', ownerSees: ['buyerContactName'],
    call: async (f) => ({ query: `mutation($input: UpdateBuyerInput!) { updateBuyer(input: $input) { ${BUYER} } }`, variables: { input: { id: f.buyerId, version: await f.buyerVersion(f.buyerId), description: 'Màn hình' } } }),
  },
  createSourcingNeed: {
    access: 'OWNER_ONLY', owner: 'buyerOwner',
    call: (f) => ({ query: `mutation($input: CreateSourcingNeedInput!) { createSourcingNeed(input: $input) { ${NEED} } }`, variables: { input: { buyerId: f.buyerId, title: 'Sweep need', visibility: 'PRIVATE', targetPrice: { min: 1, max: 2, currency: 'USD' } } } }),
  },
  updateSourcingNeed: {
    access: 'OWNER_ONLY', owner: 'buyerOwner',
    call: async (f) => ({ query: `mutation($input: UpdateSourcingNeedInput!) { updateSourcingNeed(input: $input) { ${NEED} } }`, variables: { input: { ...(await f.createNeed('PRIVATE', { publish: false })), description: 'Sweep' } } }),
  },
  publishSourcingNeed: { access: 'OWNER_ONLY', owner: 'buyerOwner', call: async (f) => ({ query: `mutation($id: ID!, $version: Int!) { publishSourcingNeed(id: $id, version: $version) { ${NEED} } }`, variables: await f.createNeed('PRIVATE', { publish: false }) }) },
  closeSourcingNeed: { access: 'OWNER_ONLY', owner: 'buyerOwner', call: async (f) => ({ query: `mutation($id: ID!, $version: Int!) { closeSourcingNeed(id: $id, version: $version) { ${NEED} } }`, variables: await f.createNeed('PRIVATE') }) },
  shortlistSuppliers: {
    access: 'OWNER_ONLY', owner: 'buyerOwner',
    call: async (f) => ({ query: `mutation($input: InviteSuppliersInput!) { shortlistSuppliers(input: $input) { ${INTRODUCTION} } }`, variables: { input: { needId: (await f.createNeed('PRIVATE')).id, supplierIds: [f.supplierId] } } }),
  },
  inviteSuppliers: {
    access: 'OWNER_ONLY', owner: 'buyerOwner',
    call: async (f) => ({ query: `mutation($input: InviteSuppliersInput!) { inviteSuppliers(input: $input) { ${INTRODUCTION} } }`, variables: { input: { needId: (await f.createNeed('ANONYMOUS')).id, supplierIds: [f.supplierId], message: 'Xin báo giá' } } }),
  },
  respondToInvitation: {
    access: 'OWNER_ONLY', owner: 'supplierOwner',
    call: async (f) => ({ query: `mutation($input: RespondToInvitationInput!) { respondToInvitation(input: $input) { ${INTRODUCTION} } }`, variables: { input: { introductionId: await f.invite((await f.createNeed('PRIVATE')).id), accept: false, reason: 'PRICE' } } }),
  },
  revealBuyer: { access: 'OWNER_ONLY', owner: 'buyerOwner', call: async (f) => ({ query: `mutation($id: ID!) { revealBuyer(introductionId: $id) { ${INTRODUCTION} } }`, variables: { id: await f.invite((await f.createNeed('ANONYMOUS')).id) } }) },
  awardSourcingNeed: {
    access: 'OWNER_ONLY', owner: 'buyerOwner',
    call: async (f) => {
      const need = await f.createNeed('PRIVATE');
      const introductionId = await f.invite(need.id);
      await f.must(`mutation($id: ID!) { respondToInvitation(input: { introductionId: $id, accept: true }) { id } }`, { id: introductionId }, f.supplierOwner.token);
      return { query: `mutation($needId: ID!, $supplierId: ID!, $version: Int!) { awardSourcingNeed(needId: $needId, supplierId: $supplierId, version: $version) { ${INTRODUCTION} } }`, variables: { needId: need.id, supplierId: f.supplierId, version: need.version } };
    },
  },
  setUserRole: { access: 'ADMIN_ONLY', owner: 'admin', call: async (f) => ({ query: `mutation($id: ID!) { setUserRole(userId: $id, role: MEMBER) { id role } }`, variables: { id: (await registerFresh(f)).userId } }) },
  refreshSupplySnapshot: { access: 'STAFF_ONLY', owner: 'analyst', call: () => ({ query: `mutation { refreshSupplySnapshot { day openNeeds verifiedSuppliers } }` }) },
  importSupplierRegistry: {
    access: 'ADMIN_ONLY', owner: 'admin',
    call: (f) => ({ query: `mutation($file: Upload!) { importSupplierRegistry(file: $file, dryRun: true) { total created rejected problems { reason } } }`, upload: { content: `tax_code,name_vi\n${f.nextTaxCode()},Công ty TNHH Nhập Thử\n`, name: 'registry.csv' } }),
  },
};

/** What each caller may read of SECRETS (everything else must never reach it). */
const MAY_READ: Record<CallerName, ReadonlySet<keyof typeof SECRETS>> = {
  anonymous: new Set(),
  outsider: new Set(),
  analyst: new Set(),
  admin: new Set(Object.keys(SECRETS) as (keyof typeof SECRETS)[]),
  // A's own data; B's contact after A accepted B's invitation; the title of the private need A was invited to.
  supplierOwner: new Set(['supplierContactName', 'supplierContactEmail', 'supplierContactPhone', 'privateCustomer', 'buyerContactName', 'buyerContactEmail', 'buyerContactPhone', 'privateNeedTitle']),
  // B's own data; A's contact after A accepted; never A's private customers.
  buyerOwner: new Set(['buyerContactName', 'buyerContactEmail', 'buyerContactPhone', 'privateNeedTitle', 'privateNeedMin', 'privateNeedMax', 'anonymousNeedMin', 'anonymousNeedMax', 'publicNeedMin', 'publicNeedMax', 'supplierContactName', 'supplierContactEmail', 'supplierContactPhone']),
};

/** Callers on the buyer's side of B's anonymous need (who may see who posted it). */
const BUYER_SIDE: ReadonlySet<CallerName> = new Set(['buyerOwner', 'admin']);

/**
 * The same arguments made invalid for the validation pipe: every string but enum values (which
 * GraphQL itself checks before any resolver runs) gets a control character, which no text, id or
 * code field accepts.
 */
function spoiled(value: unknown): Record<string, unknown> | undefined {
  const spoil = (v: unknown): unknown =>
    typeof v === 'string' ? (/^[A-Z][A-Z0-9_]*$/.test(v) ? v : `${v}\u0001`) : Array.isArray(v) ? v.map(spoil) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, spoil(x)])) : v;
  return spoil(value) as Record<string, unknown> | undefined;
}

function walk(value: unknown, visit: (node: Record<string, unknown>) => void): void {
  if (Array.isArray(value)) value.forEach((v) => walk(v, visit));
  else if (value && typeof value === 'object') {
    visit(value as Record<string, unknown>);
    Object.values(value).forEach((v) => walk(v, visit));
  }
}

describe('authorization sweep: every operation, three callers', () => {
  let t: TestApp;
  let f: ConfidentialFixture;
  let callers: Record<CallerName, SignedIn | null>;
  let plantLocation: { latitude: number; longitude: number };

  beforeAll(async () => {
    // A fourth connection: refreshSupplySnapshot holds two while the in-process search worker may hold one;
    // with three, a loaded machine timed out waiting for the pool (the base branch too).
    t = await startTestApp({ SEARCH_MAX_PER_USER: '100000', SEARCH_MAX_PER_ADDRESS: '100000', DB_POOL_SIZE: '4' });
    f = await buildConfidentialFixture(t);
    callers = { anonymous: null, outsider: f.outsider, supplierOwner: f.supplierOwner, buyerOwner: f.buyerOwner, analyst: f.analyst, admin: f.admin };
    await f.must(`mutation { refreshSupplySnapshot { day } }`, {}, f.analyst.token);
    plantLocation = (await f.must<{ buyer: { plants: { location: { latitude: number; longitude: number } }[] } }>(`query($id: ID!) { buyer(id: $id) { plants { location { latitude longitude } } } }`, { id: f.buyerId })).buyer.plants[0]!.location;
    await waitForIndex(t);
  }, 120000);
  afterAll(async () => t?.close());

  const send = async (call: Call, caller: SignedIn | null): Promise<GqlResult> => {
    if (!call.upload) return t.gql(call.query, call.variables, caller?.token);
    const req = t.http().post('/graphql').set('apollo-require-preflight', 'true');
    if (caller) req.set('authorization', `Bearer ${caller.token}`);
    const res = await req
      .field('operations', JSON.stringify({ query: call.query, variables: { ...call.variables, file: null } }))
      .field('map', JSON.stringify({ 0: ['variables.file'] }))
      .attach('0', Buffer.from(call.upload.content), call.upload.name);
    return { status: res.status, data: res.body?.data, errors: res.body?.errors };
  };

  /** Confidential values in an answer that this caller may not read, by name. */
  const leaks = (answer: GqlResult, caller: CallerName, entry: Entry): string[] => {
    const text = JSON.stringify({ data: answer.data, errors: answer.errors });
    const found = Object.entries(SECRETS).filter(([name, value]) => !MAY_READ[caller].has(name as keyof typeof SECRETS) && text.includes(value)).map(([name]) => name);
    found.push(...(entry.neverShown ?? []).filter((value) => text.includes(value)));
    if (!BUYER_SIDE.has(caller)) {
      // Whatever reaches the anonymous need (the need itself, an introduction to it) must not say who posted it, nor where its plant is.
      walk(answer.data, (node) => {
        if (node.id !== f.anonymousNeed.id && node.needId !== f.anonymousNeed.id) return;
        const json = JSON.stringify(node);
        if (json.includes(f.buyerId) || json.includes(BUYER_NAME)) found.push('anonymous need → its buyer');
        if (json.includes(BUYER_PLANT)) found.push('anonymous need → its plant');
        if (json.includes(`"latitude":${plantLocation.latitude},"longitude":${plantLocation.longitude}`)) found.push('anonymous need → its plant\'s location');
      });
    }
    return found;
  };

  const codes = (answer: GqlResult) => (answer.errors ?? []).map((e) => e.extensions?.code);

  it('has an access decision for every operation the schema serves, and for no other', () => {
    const served = schemaOperations(t).map((op) => op.name).sort();
    const decided = Object.keys(OPERATIONS).sort();
    expect({ withoutAccessDecision: served.filter((name) => !decided.includes(name)), noLongerServed: decided.filter((name) => !served.includes(name)) }).toEqual({ withoutAccessDecision: [], noLongerServed: [] });
  });

  it.each(Object.entries(OPERATIONS))('%s answers each caller as its access says, and leaks nothing', async (name, entry) => {
    const denied: Record<CallerName, string[]> = { anonymous: ['UNAUTHENTICATED'], outsider: entry.access === 'OWNER_ONLY' ? ['FORBIDDEN', 'NOT_FOUND'] : ['FORBIDDEN'], analyst: ['FORBIDDEN'], supplierOwner: [], buyerOwner: [], admin: [] };
    const expectations: [CallerName, 'data' | 'denied'][] = [
      ['anonymous', entry.access === 'PUBLIC' ? 'data' : 'denied'],
      ['outsider', entry.access === 'PUBLIC' || entry.access === 'SIGNED_IN' ? 'data' : 'denied'],
      ...(entry.access === 'ADMIN_ONLY' ? [['analyst', 'denied'] as [CallerName, 'denied']] : []),
      [entry.owner, 'data'],
    ];
    const report: string[] = [];
    for (const [caller, expected] of expectations) {
      const answer = await send(await entry.call(f), callers[caller]);
      if (expected === 'data') {
        if (answer.errors || answer.data?.[name] === undefined) report.push(`${caller}: expected data, got ${JSON.stringify(answer.errors)}`);
      } else if (answer.data?.[name] != null || !codes(answer).length || !codes(answer).every((code) => denied[caller].includes(code as string))) {
        report.push(`${caller}: expected ${denied[caller].join(' or ')}, got ${JSON.stringify(answer.errors ?? answer.data).slice(0, 300)}`);
      }
      if (answer.status >= 500) report.push(`${caller}: HTTP ${answer.status}`);
      const leaked = leaks(answer, caller, entry);
      if (leaked.length) report.push(`${caller} can read ${leaked.join(', ')}`);
      if (caller === entry.owner) {
        const text = JSON.stringify(answer.data);
        const unseen = (entry.ownerSees ?? []).filter((secret) => !text.includes(SECRETS[secret]));
        if (unseen.length) report.push(`${caller} (owner) should see ${unseen.join(', ')}: the others' answers do not reach the confidential data`);
      }
    }
    if (entry.access !== 'PUBLIC') {
      // Authentication comes before validation: invalid arguments must not turn UNAUTHENTICATED into BAD_USER_INPUT.
      const call = await entry.call(f);
      const answer = await send({ ...call, variables: spoiled(call.variables) }, null);
      if (codes(answer).join() !== 'UNAUTHENTICATED') report.push(`anonymous with invalid arguments: expected UNAUTHENTICATED, got ${JSON.stringify(answer.errors ?? answer.data).slice(0, 300)}`);
    }
    expect(report).toEqual([]);
  });

  it('keeps a private need private when an update leaves its visibility out (the update input used to default it to PUBLIC)', async () => {
    const draft = await f.createNeed('PRIVATE', { publish: false, title: 'Chi tiết riêng tư cập nhật' });
    const updated = await f.must<{ updateSourcingNeed: { visibility: string; version: number } }>(
      `mutation($input: UpdateSourcingNeedInput!) { updateSourcingNeed(input: $input) { visibility version } }`, { input: { ...draft, description: 'Thêm mô tả' } }, f.buyerOwner.token,
    );
    expect(updated.updateSourcingNeed.visibility).toBe('PRIVATE');
    await f.must(`mutation($id: ID!, $version: Int!) { publishSourcingNeed(id: $id, version: $version) { id } }`, { id: draft.id, version: updated.updateSourcingNeed.version }, f.buyerOwner.token);
    // the outsider's verified supplier sees every open PUBLIC need: not this one
    const seen = await t.gql(`query($id: ID!) { sourcingNeed(id: $id) { title } }`, { id: draft.id }, f.outsider.token);
    expect(codes(seen)).toEqual(['NOT_FOUND']);
  });
});
