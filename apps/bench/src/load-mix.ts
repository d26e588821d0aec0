import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BuyersService } from '#libs/companies';
import { todayInVietnam } from '#libs/core';
import { generateInto, SeededRandom, taxCodes } from '#libs/demo-data';
import { progressPrinter } from '#libs/platform';
import { SupplierIndex, supplierIndexSettings } from '#libs/search';
import { Taxonomy } from '#libs/taxonomy';
import { applyVerificationMix, ensureDemoBuyers, generateNeeds, insertNeeds } from './match-needs.js';
import { SEARCH_MIX, SEARCH_SELECTION } from './search-queries.js';

/** The requests of the load benchmarks' mix (bench:load, bench:scale). */
export const MATCH = `query($needId: ID!) { matchSuppliers(needId: $needId, first: 10) {
  relaxed matches { rank score missing supplier { id nameVi } criteria { key score explanation } } } }`;
export const PROFILE = `query($id: ID!) { supplier(id: $id) { id nameVi tradeNameEn verificationStatus version employees leadTimeDays bestToleranceMm
  processes { code label } materials { code label } certifications { code validUntil isValid } monthlyCapacity { value unit }
  equipment { kind maker count } address { street ward province } } }`;
export const UPDATE = `mutation($input: UpdateSupplierInput!) { updateSupplier(input: $input) { id version } }`;

export type Kind = 'search' | 'match' | 'profile' | 'write';
/** 20 slots: 14 search, 3 match, 2 profile, 1 write. */
export const MIX: Kind[] = [...Array<Kind>(14).fill('search'), ...Array<Kind>(3).fill('match'), ...Array<Kind>(2).fill('profile'), 'write'];

/** The load benchmarks' writers: members of their own suppliers, each updating it at the version it last saw. */
const MEMBERS = 16;
const MEMBER_PASSWORD = 'bench-member-password';

export interface Member {
  token: string;
  supplierId: string;
  version: number;
  busy: boolean;
}

export async function gql<T>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  token?: string,
): Promise<{ data?: T; errors?: unknown[] }> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: T; errors?: unknown[] };
}

export async function login(url: string, email: string, password: string): Promise<string | undefined> {
  const result = await gql<{ login: { accessToken: string } }>(
    url,
    `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`,
    { e: email, p: password },
  );
  return result.data?.login.accessToken;
}

/** Bench members, each the member of its own supplier (registered and created once per data folder). */
export async function ensureMembers(url: string, dataSource: DataSource): Promise<Member[]> {
  const codes = taxCodes('05', 5000000, MEMBERS);
  const members: Member[] = [];
  for (let i = 0; i < MEMBERS; i += 1) {
    const email = `load-member-${i}@bench.local`;
    let token = await login(url, email, MEMBER_PASSWORD);
    if (!token) {
      const registered = await gql<{ register: { accessToken: string } }>(
        url,
        `mutation($input: RegisterInput!) { register(input: $input) { accessToken } }`,
        {
          input: { email, password: MEMBER_PASSWORD, displayName: `Load member ${i}` },
        },
      );
      token = registered.data?.register.accessToken;
      if (!token) throw new Error(`registering ${email} failed: ${JSON.stringify(registered.errors)}`);
    }
    const owned: { id: string; version: number }[] = await dataSource.query(
      `SELECT s.id, s.version FROM suppliers s JOIN company_memberships m ON m.supplier_id = s.id JOIN users u ON u.id = m.user_id WHERE u.email = $1 LIMIT 1`,
      [email],
    );
    if (!owned.length) {
      const created = await gql<{ createSupplier: { id: string; version: number } }>(
        url,
        `mutation($input: CreateSupplierInput!) { createSupplier(input: $input) { id version } }`,
        {
          input: {
            taxCode: codes[i],
            nameVi: `Công ty TNHH Tải Thử ${i}`,
            processes: ['CNC_MILLING', 'STAMPING'],
            zoneCode: 'VSIP_HP',
            employees: 50,
          },
        },
        token,
      );
      if (!created.data) throw new Error(`creating the supplier of ${email} failed: ${JSON.stringify(created.errors)}`);
      owned.push(created.data.createSupplier);
    }
    members.push({ token, supplierId: owned[0].id, version: owned[0].version, busy: false });
  }
  return members;
}

const SUPPLIER_SEED = 42; // the search and match benchmarks' data set: BENCH_DATA_DIR can be shared
const NEED_SEED = 20261127;

/** What the mix sends: its writers, and the bodies of its reads. */
export interface MixData {
  members: Member[];
  searches: string[];
  matches: string[];
  profiles: string[];
}

/**
 * The data set of the load benchmarks (kept in BENCH_DATA_DIR for re-runs): the generated suppliers
 * with the demo's verification mix, open needs of the demo buyers, the writers; and the request
 * bodies: the search benchmark's 40 searches, 300 needs to match, 2 000 profiles to read.
 */
export async function prepareMix(app: INestApplication, url: string, supplierCount: number, needCount: number): Promise<MixData> {
  const dataSource = app.get(DataSource);
  const taxonomy = Taxonomy.load();
  await app.get(SupplierIndex).ensure(supplierIndexSettings(taxonomy));
  const [{ n: existing }] = await dataSource.query(`SELECT count(*)::int AS n FROM suppliers WHERE tax_code LIKE '04%'`);
  if (existing < supplierCount)
    await generateInto(dataSource, taxonomy, supplierCount, SUPPLIER_SEED, 2000, progressPrinter('generating suppliers'));
  await applyVerificationMix(dataSource);
  const buyers = await ensureDemoBuyers(dataSource, app.get(BuyersService), taxonomy);
  const needRows = generateNeeds({ count: needCount, seed: NEED_SEED, buyers, taxonomy, today: todayInVietnam() });
  const [{ n: presentNeeds }] = await dataSource.query('SELECT count(*)::int AS n FROM sourcing_needs WHERE id = ANY($1::uuid[])', [
    needRows.map((r) => r.id),
  ]);
  if (presentNeeds < needRows.length) await insertNeeds(dataSource, needRows, 1000, progressPrinter('inserting needs'));
  const members = await ensureMembers(url, dataSource);
  const random = new SeededRandom(3);
  const profileIds: string[] = (
    await dataSource.query(
      `SELECT id FROM suppliers WHERE tax_code LIKE '04%' AND verification_status <> 'SUSPENDED' ORDER BY tax_code LIMIT $1`,
      [supplierCount],
    )
  ).map((r: { id: string }) => r.id);
  return {
    members,
    profiles: random
      .sample(profileIds, Math.min(2000, profileIds.length))
      .map((id) => JSON.stringify({ query: PROFILE, variables: { id } })),
    matches: random
      .sample(needRows, Math.min(300, needRows.length))
      .map((need) => JSON.stringify({ query: MATCH, variables: { needId: need.id } })),
    searches: SEARCH_MIX.map((input) => JSON.stringify({ query: SEARCH_SELECTION, variables: { input } })),
  };
}

/** Before each phase: versions as stored (a write cut off at the end of a run may still have committed). */
export async function refreshVersions(members: Member[], dataSource: DataSource): Promise<void> {
  await new Promise((r) => setTimeout(r, 1000));
  const rows: { id: string; version: number }[] = await dataSource.query(`SELECT id, version FROM suppliers WHERE id = ANY($1::uuid[])`, [
    members.map((m) => m.supplierId),
  ]);
  for (const member of members) Object.assign(member, { version: rows.find((r) => r.id === member.supplierId)!.version, busy: false });
}

/** One request of the mix; `done` gets the body of a successful answer, or '' after a failure. */
export interface MixRequest {
  kind: Kind;
  path: string;
  body: string;
  headers?: Record<string, string>;
  done?: (body: string) => void;
}

/** A write the API acknowledged: the supplier's row must hold it (or a later one). */
export interface AcknowledgedWrite {
  supplierId: string;
  version: number;
  employees: number;
}

/**
 * The next request of the mix, round the 20 slots of MIX. A writer has one write in flight at a time,
 * at the version its last write produced (a failed write re-reads it, so one failure does not cascade).
 */
export function mixedRequests(
  data: MixData,
  adminToken: string,
  dataSource: DataSource,
  onAcknowledged: (write: AcknowledgedWrite) => void = () => undefined,
): () => MixRequest {
  let slot = 0;
  const counters = { search: 0, match: 0, profile: 0, write: 0 };
  const pick = (list: string[], kind: Kind) => list[counters[kind]++ % list.length];
  return () => {
    let kind = MIX[slot++ % MIX.length];
    const member = kind === 'write' ? data.members.find((m) => !m.busy) : undefined;
    if (kind === 'write' && !member) kind = 'profile'; // every member has a write in flight already
    if (kind === 'search') return { kind, path: '/graphql', body: pick(data.searches, kind) };
    if (kind === 'match')
      return { kind, path: '/graphql', body: pick(data.matches, kind), headers: { authorization: `Bearer ${adminToken}` } };
    if (kind === 'profile') return { kind, path: '/graphql', body: pick(data.profiles, kind) };
    const writer = member!;
    writer.busy = true;
    const employees = 20 + (counters.write++ % 500);
    return {
      kind,
      path: '/graphql',
      body: JSON.stringify({ query: UPDATE, variables: { input: { id: writer.supplierId, version: writer.version, employees } } }),
      headers: { authorization: `Bearer ${writer.token}` },
      done: (body: string) => {
        if (body) {
          writer.version = (JSON.parse(body) as { data: { updateSupplier: { version: number } } }).data.updateSupplier.version;
          writer.busy = false;
          onAcknowledged({ supplierId: writer.supplierId, version: writer.version, employees });
        } else {
          void dataSource.query(`SELECT version FROM suppliers WHERE id = $1`, [writer.supplierId]).then((rows: { version: number }[]) => {
            writer.version = rows[0].version;
            writer.busy = false;
          });
        }
      },
    };
  };
}
