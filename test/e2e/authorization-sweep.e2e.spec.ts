import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { SignedIn } from '../support/accounts.js';
import { BUYER_NAME, BUYER_PLANT, buildConfidentialFixture, type ConfidentialFixture, SECRETS } from '../support/confidential-fixture.js';
import { schemaOperations } from '../support/schema-operations.js';
import { type CallerName, type Entry, OPERATIONS, sendCall } from '../support/sweep-operations.js';
import { waitForIndex } from '../support/search.js';
import { type GqlResult, startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The authorization sweep: every query and mutation the served schema has is called by an
 * anonymous caller, by a member of other companies (an unrelated supplier and buyer), by the
 * centre's field staff (STAFF), and by the owner of the target (or the staff an operation is for),
 * and must answer as ACCESS says. Every
 * answer of every caller is searched for the confidential values the caller may not read.
 *
 * An operation of the schema without an entry in OPERATIONS fails the suite: a new resolver needs
 * an access decision here before it ships. An entry whose operation is gone fails it too.
 */

/** What each caller may read of SECRETS (everything else must never reach it). */
const MAY_READ: Record<CallerName, ReadonlySet<keyof typeof SECRETS>> = {
  anonymous: new Set(),
  outsider: new Set(),
  analyst: new Set(),
  // the centre's field staff keep supplier profiles on SMEs' behalf: suppliers' contacts and customers, nothing of buyers
  staff: new Set(['supplierContactName', 'supplierContactEmail', 'supplierContactPhone', 'privateCustomer']),
  admin: new Set(Object.keys(SECRETS) as (keyof typeof SECRETS)[]),
  // A's own data; B's contact after A accepted B's invitation; the title of the private need A was invited to.
  supplierOwner: new Set([
    'supplierContactName',
    'supplierContactEmail',
    'supplierContactPhone',
    'privateCustomer',
    'buyerContactName',
    'buyerContactEmail',
    'buyerContactPhone',
    'privateNeedTitle',
  ]),
  // B's own data; A's contact after A accepted; never A's private customers.
  buyerOwner: new Set([
    'buyerContactName',
    'buyerContactEmail',
    'buyerContactPhone',
    'privateNeedTitle',
    'privateNeedMin',
    'privateNeedMax',
    'anonymousNeedMin',
    'anonymousNeedMax',
    'publicNeedMin',
    'publicNeedMax',
    'supplierContactName',
    'supplierContactEmail',
    'supplierContactPhone',
  ]),
};

/** Callers on the buyer's side of B's anonymous need (who may see who posted it). */
const BUYER_SIDE: ReadonlySet<CallerName> = new Set(['buyerOwner', 'admin']);

/**
 * The same arguments made invalid for the validation pipe: every string but enum values (which
 * GraphQL itself checks before any resolver runs) gets a control character, which no text, id or
 * code field accepts.
 */
function spoiled(value: unknown): Record<string, unknown> | undefined {
  // Enum values and LocalDate days are left as they are: GraphQL itself refuses a bad one, before
  // any resolver runs (for every caller alike), so they say nothing about the order of checks.
  const spoil = (v: unknown): unknown =>
    typeof v === 'string'
      ? /^[A-Z][A-Z0-9_]*$/.test(v) || /^\d{4}-\d{2}-\d{2}$/.test(v)
        ? v
        : `${v}\u0001`
      : Array.isArray(v)
        ? v.map(spoil)
        : v && typeof v === 'object'
          ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, spoil(x)]))
          : v;
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
    callers = {
      anonymous: null,
      outsider: f.outsider,
      supplierOwner: f.supplierOwner,
      buyerOwner: f.buyerOwner,
      analyst: f.analyst,
      staff: f.staff,
      admin: f.admin,
    };
    // indexed first: the in-process search worker's batches and the snapshot would share a small test pool
    await waitForIndex(t);
    await f.must(`mutation { refreshSupplySnapshot { day } }`, {}, f.analyst.token);
    plantLocation = (
      await f.must<{ buyer: { plants: { location: { latitude: number; longitude: number } }[] } }>(
        `query($id: ID!) { buyer(id: $id) { plants { location { latitude longitude } } } }`,
        { id: f.buyerId },
      )
    ).buyer.plants[0].location;
  }, 120000);
  afterAll(async () => t?.close());

  /** Confidential values in an answer that this caller may not read, by name. */
  const leaks = (answer: GqlResult, caller: CallerName, entry: Entry): string[] => {
    const text = JSON.stringify({ data: answer.data, errors: answer.errors });
    const found = Object.entries(SECRETS)
      .filter(([name, value]) => !MAY_READ[caller].has(name as keyof typeof SECRETS) && text.includes(value))
      .map(([name]) => name);
    found.push(...(entry.neverShown ?? []).filter((value) => text.includes(value)));
    if (!BUYER_SIDE.has(caller)) {
      // Whatever reaches the anonymous need (the need itself, an introduction to it) must not say who posted it, nor where its plant is.
      walk(answer.data, (node) => {
        if (node.id !== f.anonymousNeed.id && node.needId !== f.anonymousNeed.id) return;
        const json = JSON.stringify(node);
        if (json.includes(f.buyerId) || json.includes(BUYER_NAME)) found.push('anonymous need → its buyer');
        if (json.includes(BUYER_PLANT)) found.push('anonymous need → its plant');
        if (json.includes(`"latitude":${plantLocation.latitude},"longitude":${plantLocation.longitude}`))
          found.push("anonymous need → its plant's location");
      });
    }
    return found;
  };

  const codes = (answer: GqlResult) => (answer.errors ?? []).map((e) => e.extensions?.code);

  it('has an access decision for every operation the schema serves, and for no other', () => {
    const served = schemaOperations(t)
      .map((op) => op.name)
      .sort();
    const decided = Object.keys(OPERATIONS).sort();
    expect({
      withoutAccessDecision: served.filter((name) => !decided.includes(name)),
      noLongerServed: decided.filter((name) => !served.includes(name)),
    }).toEqual({ withoutAccessDecision: [], noLongerServed: [] });
  });

  it.each(Object.entries(OPERATIONS))('%s answers each caller as its access says, and leaks nothing', async (name, entry) => {
    const denied: Record<CallerName, string[]> = {
      anonymous: ['UNAUTHENTICATED'],
      outsider: entry.access === 'OWNER_ONLY' ? ['FORBIDDEN', 'NOT_FOUND'] : ['FORBIDDEN'],
      analyst: ['FORBIDDEN'],
      staff: entry.access === 'OWNER_ONLY' ? ['FORBIDDEN', 'NOT_FOUND'] : ['FORBIDDEN'],
      supplierOwner: [],
      buyerOwner: [],
      admin: [],
    };
    const staffGetsData = entry.staff === 'data' || ['PUBLIC', 'SIGNED_IN', 'CENTRE_STAFF'].includes(entry.access);
    const expectations: [CallerName, 'data' | 'denied'][] = [
      ['anonymous', entry.access === 'PUBLIC' ? 'data' : 'denied'],
      ['outsider', entry.access === 'PUBLIC' || entry.access === 'SIGNED_IN' ? 'data' : 'denied'],
      ...(entry.access === 'ADMIN_ONLY' || entry.access === 'CENTRE_STAFF' ? [['analyst', 'denied'] as [CallerName, 'denied']] : []),
      ...(entry.owner === 'staff' ? [] : [['staff', staffGetsData ? 'data' : 'denied'] as [CallerName, 'data' | 'denied']]),
      ...(entry.access === 'CENTRE_STAFF' ? [['admin', 'data'] as [CallerName, 'data']] : []),
      [entry.owner, 'data'],
    ];
    const report: string[] = [];
    for (const [caller, expected] of expectations) {
      const answer = await sendCall(t, await entry.call(f), callers[caller]);
      if (expected === 'data') {
        if (answer.errors || answer.data?.[name] === undefined)
          report.push(`${caller}: expected data, got ${JSON.stringify(answer.errors)}`);
      } else if (
        answer.data?.[name] != null ||
        !codes(answer).length ||
        !codes(answer).every((code) => denied[caller].includes(code as string))
      ) {
        report.push(
          `${caller}: expected ${denied[caller].join(' or ')}, got ${JSON.stringify(answer.errors ?? answer.data).slice(0, 300)}`,
        );
      }
      if (answer.status >= 500) report.push(`${caller}: HTTP ${answer.status}`);
      const leaked = leaks(answer, caller, entry);
      if (leaked.length) report.push(`${caller} can read ${leaked.join(', ')}`);
      if (caller === entry.owner) {
        const text = JSON.stringify(answer.data);
        const unseen = (entry.ownerSees ?? []).filter((secret) => !text.includes(SECRETS[secret]));
        if (unseen.length)
          report.push(`${caller} (owner) should see ${unseen.join(', ')}: the others' answers do not reach the confidential data`);
      }
    }
    if (entry.access !== 'PUBLIC') {
      // Authentication comes before validation: invalid arguments must not turn UNAUTHENTICATED into BAD_USER_INPUT.
      const call = await entry.call(f);
      const answer = await sendCall(t, { ...call, variables: spoiled(call.variables) }, null);
      if (codes(answer).join() !== 'UNAUTHENTICATED')
        report.push(
          `anonymous with invalid arguments: expected UNAUTHENTICATED, got ${JSON.stringify(answer.errors ?? answer.data).slice(0, 300)}`,
        );
    }
    expect(report).toEqual([]);
  });

  it('keeps a private need private when an update leaves its visibility out (the update input used to default it to PUBLIC)', async () => {
    const draft = await f.createNeed('PRIVATE', { publish: false, title: 'Chi tiết riêng tư cập nhật' });
    const updated = await f.must<{ updateSourcingNeed: { visibility: string; version: number } }>(
      `mutation($input: UpdateSourcingNeedInput!) { updateSourcingNeed(input: $input) { visibility version } }`,
      { input: { ...draft, description: 'Thêm mô tả' } },
      f.buyerOwner.token,
    );
    expect(updated.updateSourcingNeed.visibility).toBe('PRIVATE');
    await f.must(
      `mutation($id: ID!, $version: Int!) { publishSourcingNeed(id: $id, version: $version) { id } }`,
      { id: draft.id, version: updated.updateSourcingNeed.version },
      f.buyerOwner.token,
    );
    // the outsider's verified supplier sees every open PUBLIC need: not this one
    const seen = await t.gql(`query($id: ID!) { sourcingNeed(id: $id) { title } }`, { id: draft.id }, f.outsider.token);
    expect(codes(seen)).toEqual(['NOT_FOUND']);
  });
});
