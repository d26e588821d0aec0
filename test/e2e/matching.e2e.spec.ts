import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { SupplierRepository } from '#libs/companies';
import { todayInVietnam } from '#libs/core';
import { haversineKm } from '#libs/matching';
import {
  CANDIDATE_FIELDS,
  candidateFromAggregate,
  type CandidateProfile,
  candidateFromProfile,
  cutAtReach,
  retrievalFilter,
  retrievalQueries,
  radiusQueries,
  withinReach,
} from '#libs/matchmaking';
import { Meilisearch, SearchClientProvider, SupplierIndex } from '#libs/search';
import type { SourcingNeedEntity } from '#libs/sourcing';
import { loginAdmin, registerUser, type SignedIn } from '../support/accounts.js';
import { waitForIndex } from '../support/search.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

function shiftDay(days: number): string {
  const d = new Date(`${todayInVietnam()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const MATCH = `query($needId: ID!, $weights: MatchWeightsInput, $lang: Language) { matchSuppliers(needId: $needId, weights: $weights, lang: $lang) {
  candidates relaxed relaxedConstraints
  matches { rank score missing supplier { id nameVi contact { name } } criteria { key weight score explanation } } } }`;

interface Match {
  rank: number;
  score: number;
  missing: string[];
  supplier: { id: string; nameVi: string; contact: unknown };
  criteria: { key: string; weight: number; score: number; explanation: string }[];
}

describe('matching suppliers to needs and needs to suppliers', () => {
  let t: TestApp;
  let buyerUser: SignedIn;
  let admin: SignedIn;
  let supplierUser: SignedIn;
  let needId: string;
  let privateNeedId: string;
  let buyerId: string;
  const ids: Record<string, string> = {};
  const validUntil = shiftDay(300);

  beforeAll(async () => {
    t = await startTestApp();
    admin = await loginAdmin(t);
    buyerUser = await registerUser(t, 'match-buyer');
    supplierUser = await registerUser(t, 'match-supplier');
    const otherOwner = await registerUser(t, 'match-other-suppliers');
    const buyer = await t.gql<{ createBuyer: { id: string } }>(
      `mutation($input: CreateBuyerInput!) { createBuyer(input: $input) { id } }`,
      {
        input: {
          taxCode: '0100112437',
          name: 'Kaisei Office Systems Vietnam',
          countryOfOrigin: 'JP',
          languages: ['ja', 'en'],
          plants: [{ name: 'Tràng Duệ plant', zoneCode: 'TRANG_DUE' }],
        },
      },
      buyerUser.token,
    );
    await t.gql(
      `mutation($id: ID!) { setBuyerVerificationStatus(input: { buyerId: $id, status: VERIFIED }) { id } }`,
      { id: buyer.data!.createBuyer.id },
      admin.token,
    );
    const suppliers: Record<string, Record<string, unknown>> = {
      full: {
        taxCode: '0100109106',
        nameVi: 'Công ty TNHH Dập Đủ Chuẩn',
        processes: ['STAMPING'],
        zoneCode: 'TRANG_DUE',
        certifications: [{ code: 'IATF_16949', validFrom: shiftDay(-200), validUntil }],
        monthlyCapacity: { value: 80000, unit: 'PCS' },
        languages: ['vi', 'en'],
      },
      small: {
        taxCode: '0100233488',
        nameVi: 'Công ty TNHH Dập Liên Hoàn Nhỏ',
        processes: ['PROGRESSIVE_DIE_STAMPING'],
        zoneCode: 'AN_DUONG',
        certifications: [{ code: 'IATF_16949', validFrom: shiftDay(-200), validUntil }],
        monthlyCapacity: { value: 20000, unit: 'PCS' },
        languages: ['vi'],
      },
      expired: {
        taxCode: '0314409058',
        nameVi: 'Công ty TNHH Dập Hết Hạn',
        processes: ['STAMPING'],
        zoneCode: 'DAI_AN',
        certifications: [{ code: 'IATF_16949', validFrom: shiftDay(-800), validUntil: shiftDay(-1) }],
        monthlyCapacity: { value: 90000, unit: 'PCS' },
      },
      machining: {
        taxCode: '0314409058-001',
        nameVi: 'Công ty TNHH Phay CNC',
        processes: ['CNC_MILLING'],
        zoneCode: 'TRANG_DUE',
        certifications: [{ code: 'IATF_16949', validFrom: shiftDay(-200), validUntil }],
      },
    };
    for (const [key, input] of Object.entries(suppliers)) {
      const owner = key === 'full' ? supplierUser : otherOwner;
      const created = await t.gql<{ createSupplier: { id: string } }>(
        `mutation($input: CreateSupplierInput!) { createSupplier(input: $input) { id } }`,
        { input: { ...input, contact: { name: `Contact ${key}` } } },
        owner.token,
      );
      if (created.errors) throw new Error(JSON.stringify(created.errors));
      ids[key] = created.data!.createSupplier.id;
      await t.gql(
        `mutation($id: ID!) { setVerificationStatus(input: { supplierId: $id, status: VERIFIED }) { id } }`,
        { id: ids[key] },
        admin.token,
      );
    }
    buyerId = buyer.data!.createBuyer.id;
    const create = `mutation($input: CreateSourcingNeedInput!) { createSourcingNeed(input: $input) { id version } }`;
    const publish = `mutation($id: ID!, $version: Int!) { publishSourcingNeed(id: $id, version: $version) { id } }`;
    const need = await t.gql<{ createSourcingNeed: { id: string; version: number } }>(
      create,
      {
        input: {
          buyerId: buyer.data!.createBuyer.id,
          title: 'Giá đỡ dập SPCC cho khung máy in',
          processes: ['STAMPING'],
          certifications: ['IATF_16949'],
          quantityPerMonth: { value: 50000, unit: 'PCS' },
          delivery: { plant: 'Tràng Duệ plant' },
          maxDistanceKm: 25,
          targetPrice: { min: 1000, max: 1400, currency: 'VND' },
        },
      },
      buyerUser.token,
    );
    needId = need.data!.createSourcingNeed.id;
    await t.gql(publish, { id: needId, version: 1 }, buyerUser.token);
    const hidden = await t.gql<{ createSourcingNeed: { id: string } }>(
      create,
      { input: { buyerId: buyer.data!.createBuyer.id, title: 'Dập bí mật', processes: ['STAMPING'], visibility: 'PRIVATE' } },
      buyerUser.token,
    );
    privateNeedId = hidden.data!.createSourcingNeed.id;
    await t.gql(publish, { id: privateNeedId, version: 1 }, buyerUser.token);
    await waitForIndex(t);
  });
  afterAll(async () => t?.close());

  it('ranks the suppliers who can make it, explains each criterion from the records, and says what was relaxed', async () => {
    const result = await t.gql<{
      matchSuppliers: { candidates: number; relaxed: string[]; relaxedConstraints: string[]; matches: Match[] };
    }>(MATCH, { needId, lang: 'en' }, buyerUser.token);
    expect(result.errors).toBeUndefined();
    const { matches, relaxedConstraints } = result.data!.matchSuppliers;
    // fewer than asked after relaxing: the best text matches join, scored the same way and ranked below
    expect(matches.map((m) => m.supplier.id)).toEqual([ids.full, ids.small, ids.expired, ids.machining]);
    expect(matches.map((m) => m.rank)).toEqual([1, 2, 3, 4]);
    // the expired shop, 33 km away, is let in by dropping both the distance limit and the certificate;
    // stamping widened to its family let in nobody (the CNC shop joins as a text match, through no filter)
    expect(relaxedConstraints).toEqual(['maxDistance', 'certifications']);
    const [full, small, expired, machining] = matches as [Match, Match, Match, Match];
    expect(machining.missing).toContain('Metal stamping is not offered');
    const criterion = (m: Match, key: string) => m.criteria.find((c) => c.key === key)!;
    expect(full.missing).toEqual([]);
    expect(criterion(full, 'certifications').explanation).toContain(`IATF 16949 valid until ${validUntil.split('-').reverse().join('/')}`);
    expect(criterion(full, 'capacity').score).toBe(1);
    expect(criterion(small, 'capacity').explanation).toBe('capacity 20,000 pcs/month is below the 50,000 needed');
    expect(criterion(small, 'processes').score).toBeLessThan(1);
    expect(criterion(expired, 'certifications').score).toBe(0);
    expect(expired.missing.join(' ')).toMatch(/IATF 16949/);
    expect(full.score).toBeGreaterThan(small.score);
    expect(full.criteria.map((c) => c.key)).toEqual([
      'processes',
      'materials',
      'certifications',
      'capacity',
      'leadTime',
      'tolerance',
      'distance',
      'text',
      'verification',
      'languages',
      'freshness',
    ]);
    // contacts stay confidential before an introduction
    expect(matches.every((m) => m.supplier.contact === null)).toBe(true);
  });

  it('names only the relaxations that let in a supplier listed missing what was relaxed', async () => {
    const create = `mutation($input: CreateSourcingNeedInput!) { createSourcingNeed(input: $input) { id } }`;
    const publish = `mutation($id: ID!) { publishSourcingNeed(id: $id, version: 1) { id } }`;
    const matchOf = async (input: Record<string, unknown>) => {
      const created = await t.gql<{ createSourcingNeed: { id: string } }>(
        create,
        // PRIVATE: no supplier's open needs (matchNeeds, below) hold it
        { input: { buyerId, title: 'Dập liên hoàn giá đỡ', processes: ['PROGRESSIVE_DIE_STAMPING'], visibility: 'PRIVATE', ...input } },
        buyerUser.token,
      );
      if (created.errors) throw new Error(JSON.stringify(created.errors));
      await t.gql(publish, { id: created.data!.createSourcingNeed.id }, buyerUser.token);
      const result = await t.gql<{ matchSuppliers: { relaxed: string[]; relaxedConstraints: string[]; matches: Match[] } }>(
        MATCH,
        { needId: created.data!.createSourcingNeed.id, lang: 'en' },
        buyerUser.token,
      );
      expect(result.errors).toBeUndefined();
      const { matches, relaxed, relaxedConstraints } = result.data!.matchSuppliers;
      return { told: { relaxedConstraints, relaxed }, listed: Object.fromEntries(matches.map((m) => [m.supplier.id, m.missing])) };
    };
    // Only the small shop offers progressive die stamping: the process is widened to stamping, which
    // lets in the two stamping shops. Stamping partly covers it (the more general process): neither
    // misses it, so the buyer is told of no relaxation.
    const widened = await matchOf({});
    expect(widened.listed).toEqual({ [ids.small]: [], [ids.full]: [], [ids.expired]: [] });
    expect(widened.told).toEqual({ relaxedConstraints: [], relaxed: [] });
    // With IATF 16949 too, the certificate is dropped as well: the shop whose certificate has expired
    // misses it, and only that relaxation is named.
    const certified = await matchOf({ certifications: ['IATF_16949'] });
    expect(certified.listed).toEqual({
      [ids.small]: [],
      [ids.full]: [],
      [ids.expired]: [expect.stringMatching(/^IATF 16949 expired on /)],
    });
    expect(certified.told).toEqual({ relaxedConstraints: ['certifications'], relaxed: ['the required certifications were dropped'] });
  });

  it('is never empty when a supplier shares a word of the need, and says why when it is', async () => {
    const create = `mutation($input: CreateSourcingNeedInput!) { createSourcingNeed(input: $input) { id } }`;
    const publish = `mutation($id: ID!) { publishSourcingNeed(id: $id, version: 1) { id } }`;
    const needOf = async (title: string) => {
      const created = await t.gql<{ createSourcingNeed: { id: string } }>(
        create,
        { input: { buyerId, title, processes: ['WIRE_EDM'], delivery: { plant: 'Tràng Duệ plant' } } },
        buyerUser.token,
      );
      if (created.errors) throw new Error(JSON.stringify(created.errors));
      await t.gql(publish, { id: created.data!.createSourcingNeed.id }, buyerUser.token);
      return created.data!.createSourcingNeed.id;
    };
    const query = `query($needId: ID!) { matchSuppliers(needId: $needId, lang: en) { emptyReason matches { missing supplier { id } } } }`;
    // No supplier offers wire EDM or anything of its family; the stamping shops share the word "dập".
    const shared = await t.gql<{
      matchSuppliers: { emptyReason: string | null; matches: { missing: string[]; supplier: { id: string } }[] };
    }>(query, { needId: await needOf('Cắt dây EDM cho khuôn dập') }, buyerUser.token);
    expect(shared.errors).toBeUndefined();
    expect(shared.data!.matchSuppliers.emptyReason).toBeNull();
    expect(shared.data!.matchSuppliers.matches.map((m) => m.supplier.id)).toEqual(expect.arrayContaining([ids.full, ids.expired]));
    expect(shared.data!.matchSuppliers.matches.every((m) => m.missing.includes('Wire EDM is not offered'))).toBe(true);
    // Nothing shared at all: empty, and the answer says which of the two happened.
    const nothing = await t.gql<{ matchSuppliers: { emptyReason: string | null; matches: unknown[] } }>(
      query,
      { needId: await needOf('Zqxw vbnmq') },
      buyerUser.token,
    );
    expect(nothing.data!.matchSuppliers.matches).toEqual([]);
    expect(nothing.data!.matchSuppliers.emptyReason).toBe(
      'No supplier offers a process of the families asked for, and no profile shares a word of the need.',
    );
  });

  it('asks each word on its own, all at the same time, when the words together find nothing', async () => {
    // "Hết" and "Nhỏ" each name one supplier ("Dập Hết Hạn", "Dập Liên Hoàn Nhỏ"): equally rare, so Meilisearch
    // keeps both and no profile has both. No supplier offers wire EDM: only the text over all suppliers answers.
    const created = await t.gql<{ createSourcingNeed: { id: string } }>(
      `mutation($input: CreateSourcingNeedInput!) { createSourcingNeed(input: $input) { id } }`,
      { input: { buyerId, title: 'Hết Nhỏ', processes: ['WIRE_EDM'], delivery: { plant: 'Tràng Duệ plant' }, visibility: 'PRIVATE' } },
      buyerUser.token,
    );
    const id = created.data!.createSourcingNeed.id;
    await t.gql(`mutation($id: ID!) { publishSourcingNeed(id: $id, version: 1) { id } }`, { id }, buyerUser.token);
    type Sent = { queries: { q?: string; matchingStrategy?: string }[] };
    const original = Meilisearch.prototype.multiSearch;
    const events: string[] = [];
    const spy = jest.spyOn(Meilisearch.prototype, 'multiSearch').mockImplementation(async function (this: Meilisearch, ...args) {
      const { queries } = args[0] as unknown as Sent;
      const label = queries.map((query) => `${query.matchingStrategy ?? '-'}:${query.q ?? ''}`).join(' + ');
      events.push(`sent ${label}`);
      const answer = await original.apply(this, args);
      events.push(`answered ${label}`);
      return answer;
    });
    try {
      const result = await t.gql<{ matchSuppliers: { matches: { supplier: { id: string } }[] } }>(
        `query($needId: ID!) { matchSuppliers(needId: $needId, lang: en) { matches { supplier { id } } } }`,
        { needId: id },
        buyerUser.token,
      );
      expect(result.errors).toBeUndefined();
      expect(events).toContain('answered frequency:Hết Nhỏ');
      // each word its own search, both sent before either is answered
      const words = ['all:Hết', 'all:Nhỏ'];
      for (const word of words) expect(events).toContain(`sent ${word}`);
      expect(Math.max(...words.map((w) => events.indexOf(`sent ${w}`)))).toBeLessThan(
        Math.min(...words.map((w) => events.indexOf(`answered ${w}`))),
      );
      expect(result.data!.matchSuppliers.matches.map((m) => m.supplier.id).sort()).toEqual([ids.expired, ids.small].sort());
    } finally {
      spy.mockRestore();
    }
  });

  it('retrieves by what the text reads only softly: a process named in other words brings its suppliers in, never filters', async () => {
    const created = await t.gql<{ createSourcingNeed: { id: string } }>(
      `mutation($input: CreateSourcingNeedInput!) { createSourcingNeed(input: $input) { id } }`,
      // text only: "metal stamping" is named (a hard requirement), "machined" only in other words (weak)
      {
        input: {
          buyerId,
          title: 'Metal stamping of brackets, holes machined after',
          delivery: { plant: 'Tràng Duệ plant' },
          visibility: 'PRIVATE',
        },
      },
      buyerUser.token,
    );
    const id = created.data!.createSourcingNeed.id;
    await t.gql(`mutation($id: ID!) { publishSourcingNeed(id: $id, version: 1) { id } }`, { id }, buyerUser.token);
    const result = await t.gql<{ matchSuppliers: { matches: { missing: string[]; supplier: { id: string } }[] } }>(
      `query($needId: ID!) { matchSuppliers(needId: $needId, first: 50, lang: en) { matches { missing supplier { id } } } }`,
      { needId: id },
      buyerUser.token,
    );
    expect(result.errors).toBeUndefined();
    const matches = result.data!.matchSuppliers.matches;
    // the CNC shop joins (the hard filter on stamping alone would not bring it), ranked below the stampers with what it misses
    const miller = matches.findIndex((m) => m.supplier.id === ids.machining);
    expect(miller).toBeGreaterThan(matches.findIndex((m) => m.supplier.id === ids.full));
    expect(matches[miller].missing).toContain('Metal stamping is not offered');
  });

  it('explains in Vietnamese on request', async () => {
    const result = await t.gql<{ matchSuppliers: { matches: Match[] } }>(MATCH, { needId, lang: 'vi' }, buyerUser.token);
    const small = result.data!.matchSuppliers.matches.find((m) => m.supplier.id === ids.small)!;
    expect(small.criteria.find((c) => c.key === 'capacity')!.explanation).toBe('năng lực 20.000 chiếc/tháng thấp hơn 50.000 cần');
  });

  it("explains in Japanese and Korean on request, numbers and dates in the reader's format, and in the caller's preferred language by default", async () => {
    const explanations = async (lang?: string) => {
      const result = await t.gql<{ matchSuppliers: { relaxed: string[]; matches: Match[] } }>(MATCH, { needId, lang }, buyerUser.token);
      expect(result.errors).toBeUndefined();
      const byId = new Map(result.data!.matchSuppliers.matches.map((m) => [m.supplier.id, m]));
      const of = (id: string, key: string) => byId.get(id)!.criteria.find((c) => c.key === key)!.explanation;
      return { of, relaxed: result.data!.matchSuppliers.relaxed, missing: (id: string) => byId.get(id)!.missing };
    };
    const ja = await explanations('ja');
    expect(ja.of(ids.small, 'capacity')).toBe('月産能力20,000個は、必要数50,000に届きません');
    expect(ja.missing(ids.small)).toContain('月産能力20,000個は、必要数50,000に届きません');
    expect(ja.of(ids.full, 'certifications')).toBe(`IATF 16949：${validUntil.replaceAll('-', '/')}まで有効`);
    expect(ja.of(ids.full, 'languages')).toMatch(/^共通の業務言語：/);
    expect(ja.relaxed).toContain('距離の上限を外しました');
    const ko = await explanations('ko');
    expect(ko.of(ids.small, 'capacity')).toBe('월 생산 능력 20,000개, 필요 수량 50,000에 미달');
    expect(ko.relaxed).toContain('거리 한도 조건을 제외함');
    // no lang: the buyer's member registered without a preference, so Vietnamese (the platform's default), not English
    expect((await explanations()).of(ids.small, 'capacity')).toBe('năng lực 20.000 chiếc/tháng thấp hơn 50.000 cần');
    // a user who prefers Japanese gets Japanese without asking
    const registered = await t.gql<{ register: { accessToken: string } }>(
      `mutation($input: RegisterInput!) { register(input: $input) { accessToken } }`,
      {
        input: {
          email: `match-ja.${Date.now()}@example.vn`,
          password: 'correct horse battery',
          displayName: 'Sato',
          preferredLanguage: 'ja',
        },
      },
    );
    const token = registered.data!.register.accessToken;
    const buyer = await t.gql<{ createBuyer: { id: string } }>(
      `mutation($input: CreateBuyerInput!) { createBuyer(input: $input) { id } }`,
      {
        input: {
          taxCode: '0100112437-001',
          name: 'Sato Seiki Vietnam',
          countryOfOrigin: 'JP',
          plants: [{ name: 'Nomura plant', zoneCode: 'NOMURA_HP' }],
        },
      },
      token,
    );
    const need = await t.gql<{ createSourcingNeed: { id: string } }>(
      `mutation($input: CreateSourcingNeedInput!) { createSourcingNeed(input: $input) { id } }`,
      { input: { buyerId: buyer.data!.createBuyer.id, title: 'Dập giá đỡ', processes: ['STAMPING'], delivery: { plant: 'Nomura plant' } } },
      token,
    );
    const preferred = await t.gql<{ matchSuppliers: { matches: Match[] } }>(MATCH, { needId: need.data!.createSourcingNeed.id }, token);
    expect(preferred.errors).toBeUndefined();
    expect(preferred.data!.matchSuppliers.matches[0].criteria.find((c) => c.key === 'processes')!.explanation).toMatch(
      /：(対応可|一部対応|対応不可)/,
    );
  });

  it('lets weight overrides change the order, and rejects invalid weights', async () => {
    const result = await t.gql<{ matchSuppliers: { matches: Match[] } }>(
      MATCH,
      { needId, lang: 'en', weights: { capacity: 100, certifications: 0, processes: 0, distance: 0 } },
      buyerUser.token,
    );
    const order = result.data!.matchSuppliers.matches.map((m) => m.supplier.id);
    expect(order.indexOf(ids.expired)).toBeLessThan(order.indexOf(ids.small));
    const bad = await t.gql(MATCH, { needId, weights: { processes: -1 } }, buyerUser.token);
    expect(bad.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('finds the relaxed step by counting each step once, not by retrieving step after step', async () => {
    type Sent = { queries: { filter?: string[]; hitsPerPage?: number; sort?: string[]; q?: string }[] };
    const original = Meilisearch.prototype.multiSearch;
    const sent: Sent[] = [];
    const events: string[] = [];
    const kind = (s: Sent) =>
      s.queries[0].hitsPerPage === 0 ? 'counts' : s.queries[0].sort ? 'nearest' : s.queries[0].filter?.length === 1 ? 'over all' : 'text';
    const spy = jest.spyOn(Meilisearch.prototype, 'multiSearch').mockImplementation(async function (this: Meilisearch, ...args) {
      const params = args[0] as unknown as Sent;
      sent.push(params);
      events.push(`sent ${kind(params)} ${sent.length}`);
      const answer = await original.apply(this, args);
      events.push(`answered ${kind(params)} ${sent.indexOf(params) + 1}`);
      return answer;
    });
    try {
      const result = await t.gql<{ matchSuppliers: { relaxedConstraints: string[] } }>(MATCH, { needId, lang: 'en' }, buyerUser.token);
      expect(result.errors).toBeUndefined();
      const counts = sent.filter((s) => kind(s) === 'counts');
      const nearest = sent.filter((s) => kind(s) === 'nearest');
      // too few at the first step (five suppliers): every later step counted in one request...
      expect(counts).toHaveLength(1);
      const later = counts[0].queries.length;
      expect(later).toBeGreaterThanOrEqual(2);
      // ...and only the first step and the one chosen retrieved (here the last: no step keeps ten)
      expect(nearest).toHaveLength(2);
      expect(nearest[1].queries[0].filter).toEqual(counts[0].queries[later - 1].filter);
      // the chosen step keeps fewer than asked: the text matches over all suppliers leave beside its retrieval
      const finalNearest = sent.indexOf(nearest[1]) + 1;
      const overAll = sent.findIndex((s) => kind(s) === 'over all') + 1;
      expect(overAll).toBeGreaterThan(0);
      expect(events.indexOf(`sent over all ${overAll}`)).toBeLessThan(events.indexOf(`answered nearest ${finalNearest}`));
      expect(result.data!.matchSuppliers.relaxedConstraints).toEqual(expect.arrayContaining(['maxDistance', 'certifications']));
    } finally {
      spy.mockRestore();
    }
  });

  it('lets only the buyer (or ADMIN) match suppliers to its need', async () => {
    expect((await t.gql(MATCH, { needId }, supplierUser.token)).errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await t.gql(MATCH, { needId: privateNeedId }, supplierUser.token)).errors![0].extensions!.code).toBe('NOT_FOUND');
    expect((await t.gql(MATCH, { needId })).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(MATCH, { needId }, admin.token)).errors).toBeUndefined();
  });

  it('retrieves only the parts of a profile scoring reads, and loses none of them', async () => {
    const supplierIds = Object.values(ids);
    const client = await t.app.get(SearchClientProvider).get();
    const search = (attributesToRetrieve: string[]) =>
      client
        .index<{ id: string; profile: CandidateProfile }>(t.app.get(SupplierIndex).uid)
        .search('', { filter: [`id IN [${supplierIds.map((id) => `"${id}"`).join(', ')}]`], attributesToRetrieve, limit: 10 });
    const compact = await search(CANDIDATE_FIELDS);
    const whole = await search(['id', 'profile']);
    expect(compact.hits.map((h) => h.id).sort()).toEqual([...supplierIds].sort());
    // a few hundred bytes per candidate, not the whole profile
    expect(JSON.stringify(compact.hits).length).toBeLessThan(JSON.stringify(whole.hits).length / 2);
    const live = new Map(
      (await t.app.get(SupplierRepository).loadAggregates(supplierIds)).map((a) => [
        a.supplier.id,
        candidateFromAggregate(a, todayInVietnam()),
      ]),
    );
    // the same candidate as from the live profile (PostgreSQL), empty lists and absent values included
    for (const hit of compact.hits) expect(candidateFromProfile(hit.id, hit.profile, null)).toEqual(live.get(hit.id));
  });

  /** The search client and index, with a filter keeping this file's suppliers (other files' share the index). */
  async function ourSuppliersInTheIndex() {
    const only = `id IN [${Object.values(ids)
      .map((id) => `"${id}"`)
      .join(', ')}]`;
    return { client: await t.app.get(SearchClientProvider).get(), uid: t.app.get(SupplierIndex).uid, today: todayInVietnam(), only };
  }

  it('cuts the nearest at the distance limit itself: the suppliers a _geoRadius filter keeps, in the same order', async () => {
    const { client, uid, today, only } = await ourSuppliersInTheIndex();
    type Near = { id: string; _geoDistance?: number; _geo?: { lat: number; lng: number } };
    const search = async ({ filter, sort, attributesToRetrieve }: { filter: string[]; sort?: string[]; attributesToRetrieve?: string[] }) =>
      (await client.index<Near>(uid).search('', { filter: [...filter, only], sort, attributesToRetrieve, limit: 120 })).hits;
    // a delivery point a little north of Tràng Duệ, so that no supplier sits on it
    const [anyHit] = await search({ filter: [], attributesToRetrieve: ['id', '_geo'] });
    const { lat, lng } = anyHit._geo!;
    const delivery = { lat: lat + 0.003, lng };
    const need = { title: 'dập', description: null } as unknown as SourcingNeedEntity;
    const constraints = (maxDistanceKm: number | null) => ({
      processes: [],
      certifications: [],
      maxDistanceKm,
      maxLeadTimeDays: null,
      toleranceMm: null,
    });
    const [unbounded] = retrievalQueries(uid, need, delivery, constraints(12.5), today);
    // asked without the limit, nearest first, each with its distance
    expect(unbounded.filter.join(' ')).not.toContain('_geoRadius');
    const nearest = await search(unbounded);
    expect(nearest.length).toBe(Object.keys(ids).length);
    const distances = nearest.map((h) => h._geoDistance!);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    let cuts = 0;
    for (const reach of [...new Set(distances.flatMap((d) => [d - 1, d, d + 1]))].filter((m) => m > 0)) {
      const bounded = await search({ ...unbounded, filter: retrievalFilter(constraints(reach / 1000), delivery, today) });
      const within = withinReach(nearest, reach);
      // at a hit's own metre, rounding cannot tell: the service asks again with the filter
      if (distances.includes(reach)) expect(within).toBeNull();
      else {
        expect(within!.map((h) => h.id)).toEqual(bounded.map((h) => h.id));
        cuts += within!.length < nearest.length ? 1 : 0;
      }
    }
    expect(cuts).toBeGreaterThan(0);
  });

  it("cuts the text matches asked within the limit's box at the limit: the suppliers a _geoRadius filter keeps, in the same order", async () => {
    const { client, uid, today, only } = await ourSuppliersInTheIndex();
    type Hit = { id: string; _geo?: { lat: number; lng: number } };
    const search = async ({
      indexUid: _,
      q,
      ...query
    }: {
      indexUid?: string;
      q?: string;
      filter: string[];
      limit: number;
      attributesToRetrieve: string[];
    }) => (await client.index<Hit>(uid).search(q, { ...query, filter: [...query.filter, only] })).hits;
    const [anyHit] = (await client.index<Hit>(uid).search('', { filter: only, attributesToRetrieve: ['id', '_geo'], limit: 1 })).hits;
    const delivery = { lat: anyHit._geo!.lat + 0.003, lng: anyHit._geo!.lng };
    const need = { title: 'dập', description: null } as unknown as SourcingNeedEntity;
    const constraints = (maxDistanceKm: number) => ({
      processes: [],
      certifications: [],
      maxDistanceKm,
      maxLeadTimeDays: null,
      toleranceMm: null,
    });
    const everywhere = await search({ q: 'dập', filter: [], limit: 100, attributesToRetrieve: ['id', '_geo'] });
    expect(everywhere.length).toBeGreaterThan(2);
    const distances = [...new Set(everywhere.map((h) => Math.round(haversineKm(delivery, h._geo!) * 1000)))];
    let dropped = 0;
    let unsure = 0;
    for (const reach of distances.flatMap((d) => [d - 20, d + 2, d + 20]).filter((m) => m > 0)) {
      const queries = retrievalQueries(uid, need, delivery, constraints(reach / 1000), today);
      const [, text] = queries;
      expect(text.filter.join(' ')).toContain('_geoBoundingBox');
      expect(text.filter.join(' ')).not.toContain('_geoRadius');
      const inBox = await search(text);
      const byRadius = await search(radiusQueries(queries, constraints(reach / 1000), delivery, today)[1]);
      const [, cut] = cutAtReach([], inBox, constraints(reach / 1000), delivery);
      if (cut === null) {
        // a hit 2 m inside the limit: the service asks with the `_geoRadius` filter instead
        unsure++;
        continue;
      }
      expect(cut.map((h) => h.id)).toEqual(byRadius.map((h) => h.id));
      dropped += inBox.length - cut.length;
    }
    expect(unsure).toBe(distances.length);
    // the box kept suppliers beyond the limit, and the cut removed them
    expect(dropped).toBeGreaterThan(0);
  });

  it('shows a supplier the open needs it could serve, never a private one it was not invited to, and no prices', async () => {
    const query = `query($id: ID!) { matchNeeds(supplierId: $id) { rank score missing need { id title targetPrice { min } buyer { name } } criteria { key explanation } } }`;
    const result = await t.gql<{ matchNeeds: { need: { id: string; targetPrice: unknown } }[] }>(
      query,
      { id: ids.full },
      supplierUser.token,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.matchNeeds.map((m) => m.need.id)).toEqual([needId]);
    expect(JSON.stringify(result.data)).not.toMatch(/1000|1400|Dập bí mật/);
    expect((await t.gql(query, { id: ids.small }, supplierUser.token)).errors![0].extensions!.code).toBe('FORBIDDEN');
  });
  it('sees at once a need created, edited or closed through another API process (open needs held in memory by version)', async () => {
    const query = `query($id: ID!) { matchNeeds(supplierId: $id) { need { id title } } }`;
    const needsOf = async () => {
      const result = await t.gql<{ matchNeeds: { need: { id: string; title: string } }[] }>(query, { id: ids.full }, supplierUser.token);
      expect(result.errors).toBeUndefined();
      return result.data!.matchNeeds.map((m) => m.need);
    };
    expect((await needsOf()).map((n) => n.id)).toEqual([needId]); // this process now holds the open needs
    const other = await startTestApp({ DATABASE_URL: t.databaseUrl });
    try {
      const otherAdmin = await loginAdmin(other);
      const write = async <T>(mutation: string, variables: Record<string, unknown>): Promise<T> => {
        const result = await other.gql<T>(mutation, variables, otherAdmin.token);
        if (result.errors) throw new Error(JSON.stringify(result.errors));
        return result.data!;
      };
      const { createSourcingNeed: created } = await write<{ createSourcingNeed: { id: string } }>(
        `mutation($input: CreateSourcingNeedInput!) { createSourcingNeed(input: $input) { id } }`,
        { input: { buyerId, title: 'Khung dập thép cho tủ điện', processes: ['STAMPING'] } },
      );
      await write(`mutation($id: ID!) { publishSourcingNeed(id: $id, version: 1) { id } }`, { id: created.id });
      expect((await needsOf()).map((n) => n.id).sort()).toEqual([needId, created.id].sort());
      await write(`mutation($input: UpdateSourcingNeedInput!) { updateSourcingNeed(input: $input) { id } }`, {
        input: { id: created.id, version: 2, title: 'Khung dập thép cho tủ điện, bản sửa' },
      });
      expect((await needsOf()).find((n) => n.id === created.id)?.title).toBe('Khung dập thép cho tủ điện, bản sửa');
      await write(`mutation($id: ID!) { closeSourcingNeed(id: $id, version: 3) { id } }`, { id: created.id });
      expect((await needsOf()).map((n) => n.id)).toEqual([needId]);
    } finally {
      await other.close();
    }
  });

  it("learns from decisions only where the buyer may: another buyer's PRIVATE or ANONYMOUS need never shows in the history criterion", async () => {
    const must = async <T>(query: string, variables: Record<string, unknown>, token: string): Promise<T> => {
      const result = await t.gql<T>(query, variables, token);
      if (result.errors) throw new Error(JSON.stringify(result.errors));
      return result.data!;
    };
    const create = `mutation($input: CreateSourcingNeedInput!) { createSourcingNeed(input: $input) { id version } }`;
    const publish = `mutation($id: ID!, $version: Int!) { publishSourcingNeed(id: $id, version: $version) { id version } }`;
    const invite = `mutation($input: InviteSuppliersInput!) { inviteSuppliers(input: $input) { id } }`;
    const respond = `mutation($input: RespondToInvitationInput!) { respondToInvitation(input: $input) { id } }`;
    const decide = async (need: string, input: Record<string, unknown>) => {
      const [intro] = (
        await must<{ inviteSuppliers: { id: string }[] }>(invite, { input: { needId: need, supplierIds: [ids.full] } }, buyerUser.token)
      ).inviteSuppliers;
      await must(respond, { input: { introductionId: intro.id, ...input } }, supplierUser.token);
    };
    // Buyer A (Kaisei): the supplier declines its PRIVATE need as not its process, wins its ANONYMOUS one
    // (with a target price), and declines its PUBLIC one for capacity.
    await decide(privateNeedId, { accept: false, reason: 'NOT_OUR_PROCESS' });
    const anonymous = (
      await must<{ createSourcingNeed: { id: string; version: number } }>(
        create,
        {
          input: {
            buyerId,
            title: 'Khung dập ẩn danh 7777',
            processes: ['PROGRESSIVE_DIE_STAMPING'],
            visibility: 'ANONYMOUS',
            targetPrice: { min: 8888, max: 9999, currency: 'VND' },
          },
        },
        buyerUser.token,
      )
    ).createSourcingNeed;
    const published = (
      await must<{ publishSourcingNeed: { version: number } }>(publish, { id: anonymous.id, version: anonymous.version }, buyerUser.token)
    ).publishSourcingNeed;
    await decide(anonymous.id, { accept: true });
    await must(
      `mutation($needId: ID!, $supplierId: ID!, $version: Int!) { awardSourcingNeed(needId: $needId, supplierId: $supplierId, version: $version) { status } }`,
      { needId: anonymous.id, supplierId: ids.full, version: published.version },
      buyerUser.token,
    );
    await decide(needId, { accept: false, reason: 'CAPACITY' });

    // Buyer B posts a similar (stamping) need and asks for the history criterion.
    const otherUser = await registerUser(t, 'match-buyer-b');
    const otherBuyer = await must<{ createBuyer: { id: string } }>(
      `mutation($input: CreateBuyerInput!) { createBuyer(input: $input) { id } }`,
      {
        input: {
          taxCode: '0100109106-002',
          name: 'Other Buyer Vietnam',
          countryOfOrigin: 'KR',
          languages: ['ko', 'en'],
          plants: [{ name: 'Plant B', zoneCode: 'TRANG_DUE' }],
        },
      },
      otherUser.token,
    );
    const other = (
      await must<{ createSourcingNeed: { id: string; version: number } }>(
        create,
        {
          input: { buyerId: otherBuyer.createBuyer.id, title: 'Stamped brackets', processes: ['STAMPING'], delivery: { plant: 'Plant B' } },
        },
        otherUser.token,
      )
    ).createSourcingNeed;
    await must(publish, { id: other.id, version: other.version }, otherUser.token);
    const historyOf = async (need: string, token: string, lang = 'en') => {
      const result = await must<{ matchSuppliers: { matches: Match[] } }>(MATCH, { needId: need, lang, weights: { history: 1 } }, token);
      return {
        full: result.matchSuppliers.matches.find((m) => m.supplier.id === ids.full)!.criteria.find((c) => c.key === 'history'),
        text: JSON.stringify(result),
      };
    };
    // B sees the PUBLIC decision only: A's private and anonymous needs move neither the count nor the score.
    const seenByB = await historyOf(other.id, otherUser.token);
    expect(seenByB.full).toEqual({ key: 'history', weight: 1, score: 0.375, explanation: 'on 1 similar need: declined 1 (no capacity)' });
    expect(seenByB.text).not.toMatch(/Dập bí mật|ẩn danh|7777|8888|9999|1000|1400|Kaisei/);
    expect((await historyOf(other.id, otherUser.token, 'vi')).full!.explanation).toBe(
      'với 1 nhu cầu tương tự: từ chối 1 (không đủ năng lực)',
    );
    // A itself, matching its public need (never counted for itself), sees its own private and anonymous decisions.
    expect((await historyOf(needId, buyerUser.token)).full).toEqual({
      key: 'history',
      weight: 1,
      score: 0.5,
      explanation: 'on 2 similar needs: awarded 1, declined 1 (not its process)',
    });
    // without the weight the criterion is not there at all
    const plain = await must<{ matchSuppliers: { matches: Match[] } }>(MATCH, { needId: other.id, lang: 'en' }, otherUser.token);
    expect(plain.matchSuppliers.matches.every((m) => m.criteria.every((c) => c.key !== 'history'))).toBe(true);
  });
});
