import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { taxCodes } from '#libs/demo-data';
import { DataSource } from 'typeorm';
import { plainToInstance } from 'class-transformer';
import { Meilisearch, SearchSuppliersInput, SupplierSearchService } from '#libs/search';
import { todayInVietnam } from '#libs/core';
import { loginAdmin, registerUser, type SignedIn } from '../support/accounts.js';
import { SEARCH, type SearchResult, waitForIndex } from '../support/search.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const CREATE = `mutation($input: CreateSupplierInput!) { createSupplier(input: $input) { id } }`;

function shiftDay(days: number): string {
  const d = new Date(`${todayInVietnam()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Valid, distinct tax codes for this file's suppliers. */
const taxCodeQueue = taxCodes('02', 3000000, 200);
function nextTaxCode(): string {
  return taxCodeQueue.shift()!;
}

type Fixture = Record<string, unknown> & { nameVi: string };

const FIXTURES: Record<string, Fixture> = {
  cnc1: {
    nameVi: 'Công ty TNHH Phay Tiện Bạch Đằng',
    processes: ['CNC_MILLING', 'CNC_TURNING'],
    zoneCode: 'VSIP_HP',
    address: { street: 'Lô C2', ward: 'P. Thủy Nguyên' },
    descriptionVi: 'Gia công chi tiết nhôm cho máy in.',
  },
  cnc2: {
    nameVi: 'Công ty CP Cơ khí Lạch Tray',
    processes: ['CNC_MACHINING'],
    zoneCode: 'NOMURA_HP',
    descriptionEn: 'Precision parts for Japanese customers.',
  },
  cnc3: { nameVi: 'Công ty TNHH Kỹ thuật Hồng Bàng', processes: ['MULTI_AXIS_MACHINING', 'GRINDING'], zoneCode: 'DAI_AN' },
  mould1: {
    nameVi: 'Công ty TNHH Nhựa Cát Bi',
    processes: ['INJECTION_MOULDING'],
    materials: ['ABS', 'PC'],
    zoneCode: 'TRANG_DUE',
    descriptionVi: 'Ép phun vỏ thiết bị điện tử.',
  },
  mould2: { nameVi: 'Công ty CP Nhựa Đình Vũ', processes: ['INSERT_MOULDING'], zoneCode: 'DEEP_C_1' },
  stamp1: {
    nameVi: 'Công ty TNHH Đột Dập Minh Khai',
    processes: ['STAMPING', 'PROGRESSIVE_DIE_STAMPING'],
    zoneCode: 'AN_DUONG',
    certifications: [{ code: 'IATF_16949', validFrom: shiftDay(-700), validUntil: shiftDay(-1) }],
  },
  stamp2: {
    nameVi: 'Công ty TNHH Cơ khí Kiến An',
    processes: ['STAMPING'],
    zoneCode: 'TRANG_DUE',
    certifications: [{ code: 'IATF_16949', validFrom: shiftDay(-300), validUntil: shiftDay(400) }],
  },
  plating: {
    nameVi: 'Công ty TNHH Xi Mạ Tiên Lãng',
    processes: ['ZINC_PLATING'],
    zoneCode: 'TIEN_THANH',
    location: { latitude: 20.71, longitude: 106.6 },
  },
  suspended: { nameVi: 'Công ty TNHH Cơ khí Bị Đình Chỉ', processes: ['CNC_MILLING'], zoneCode: 'VSIP_HP' },
};

describe('supplier search (real Meilisearch)', () => {
  let t: TestApp;
  let owner: SignedIn;
  let admin: SignedIn;
  const ids: Record<string, string> = {};
  const search = async (input: Record<string, unknown>, token?: string) => {
    const result = await t.gql<SearchResult>(SEARCH, { input: { hitsPerPage: 50, ...input } }, token);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data!.searchSuppliers;
  };
  const idsOf = (result: SearchResult['searchSuppliers']) => result.hits.map((h) => h.supplier.id);

  beforeAll(async () => {
    t = await startTestApp();
    owner = await registerUser(t, 'search-owner');
    admin = await loginAdmin(t);
    for (const [key, fixture] of Object.entries(FIXTURES)) {
      const input = {
        taxCode: nextTaxCode(),
        contact: { email: `secret-${key}@hidden.example`, phone: '+84 225 111 2222' },
        customers: [
          { name: `Private Customer ${key}`, isPublic: false },
          { name: `Public Customer ${key}`, isPublic: true },
        ],
        ...fixture,
      };
      const created = await t.gql<{ createSupplier: { id: string } }>(CREATE, { input }, owner.token);
      if (created.errors) throw new Error(JSON.stringify(created.errors));
      ids[key] = created.data!.createSupplier.id;
    }
    await t.gql(
      `mutation($id: ID!) { setVerificationStatus(input: { supplierId: $id, status: SUSPENDED }) { id } }`,
      { id: ids.suspended },
      admin.token,
    );
    await t.gql(
      `mutation($id: ID!) { setVerificationStatus(input: { supplierId: $id, status: VERIFIED }) { id } }`,
      { id: ids.cnc1 },
      admin.token,
    );
    await waitForIndex(t);
  });
  afterAll(async () => t?.close());

  it.each(['gia công CNC', 'gia cong cnc', 'CNC machining', '切削加工', 'CNC 가공'])(
    '"%s" finds the CNC-machining suppliers first',
    async (query) => {
      const result = await search({ query });
      const cnc = [ids.cnc1, ids.cnc2, ids.cnc3];
      expect(idsOf(result).slice(0, 3).sort()).toEqual(cnc.sort());
      expect(idsOf(result)).not.toContain(ids.suspended);
    },
  );

  it('tolerates typos: "injecton molding" finds the injection moulders', async () => {
    const result = await search({ query: 'injecton molding' });
    expect(idsOf(result).slice(0, 2).sort()).toEqual([ids.mould1, ids.mould2].sort());
  });

  it('matches without diacritics: "dap kim loai" finds the stamping shops', async () => {
    const result = await search({ query: 'dap kim loai' });
    expect(idsOf(result).slice(0, 2).sort()).toEqual([ids.stamp1, ids.stamp2].sort());
  });

  it('highlights what matched', async () => {
    const result = await search({ query: 'ép phun' });
    const hit = result.hits.find((h) => h.supplier.id === ids.mould1)!;
    expect(hit.highlights.some((h) => h.snippet.includes('<mark>'))).toBe(true);
    expect(hit.score).toBeGreaterThan(0);
  });

  it('requires certifications to be valid: an IATF 16949 that expired yesterday does not count', async () => {
    const result = await search({ certifications: ['IATF_16949'] });
    expect(idsOf(result)).toEqual([ids.stamp2]);
    const facet = (await search({ facets: ['certifications'] })).facets.find((f) => f.field === 'certifications')!;
    expect(facet.values).toEqual([{ code: 'IATF_16949', label: 'IATF 16949', count: 1 }].map((v) => ({ ...v, label: expect.any(String) })));
  });

  it('reads a certification and a zone named in the query, says what it understood, and searches literally on request', async () => {
    const query = `query($input: SearchSuppliersInput!) { searchSuppliers(input: $input) { hits { supplier { id } } understood { query summary certifications { code } zone { code } processes { code } } } }`;
    type Understood = {
      searchSuppliers: {
        hits: { supplier: { id: string } }[];
        understood: {
          query: string | null;
          summary: string;
          certifications: { code: string }[];
          zone: { code: string } | null;
          processes: { code: string }[];
        };
      };
    };
    const run = async (input: Record<string, unknown>) =>
      (await t.gql<Understood>(query, { input: { hitsPerPage: 50, lang: 'en', ...input } })).data!.searchSuppliers;
    // the valid IATF 16949 holder only (the other stamping shop's expired yesterday)
    const cert = await run({ query: 'dập kim loại có IATF 16949' });
    expect(cert.hits.map((h) => h.supplier.id)).toEqual([ids.stamp2]);
    expect(cert.understood).toMatchObject({
      query: 'dập kim loại',
      certifications: [{ code: 'IATF_16949' }],
      zone: null,
      processes: [{ code: 'STAMPING' }],
    });
    expect(cert.understood.summary).toBe('searching for: Metal stamping · with IATF 16949');
    expect((await run({ query: 'dập kim loại có IATF 16949', lang: 'ja' })).understood.summary).toBe(
      '検索条件：プレス加工 · IATF 16949取得',
    );
    expect((await run({ query: 'dập kim loại có IATF 16949', lang: 'ko' })).understood.summary).toBe(
      '검색 조건: 프레스 가공 · IATF 16949 보유',
    );
    // a zone is a place to be near, not words to match: both moulders, the one in Tràng Duệ first
    const place = await run({ query: 'ép nhựa Tràng Duệ' });
    expect(place.understood).toMatchObject({ query: 'ép nhựa', zone: { code: 'TRANG_DUE' } });
    expect(place.hits.map((h) => h.supplier.id).slice(0, 2)).toEqual([ids.mould1, ids.mould2]);
    // literal: the words as typed, no filter
    const literal = await run({ query: 'dập kim loại có IATF 16949', literal: true });
    expect(literal.understood).toMatchObject({ query: 'dập kim loại có IATF 16949', certifications: [] });
    // a part named without a process: the processes that make it, shown and filtered on; no word left to match
    // (neither stamping shop's profile says "bracket")
    const part = await run({ query: 'metal brackets' });
    expect(part.understood).toMatchObject({ query: null, processes: [{ code: 'STAMPING' }] });
    expect(part.understood.summary).toBe('searching for: Metal stamping');
    expect(part.hits.map((h) => h.supplier.id).sort()).toEqual([ids.stamp1, ids.stamp2].sort());
  });

  it('filters on process families through the taxonomy (MACHINING covers milling, turning, 5-axis)', async () => {
    const result = await search({ processesAnyOf: ['MACHINING'] });
    expect(idsOf(result).sort()).toEqual([ids.cnc1, ids.cnc2, ids.cnc3].sort());
    const all = await search({ processesAllOf: ['CNC_MILLING', 'CNC_TURNING'] });
    expect(idsOf(all)).toEqual([ids.cnc1]);
  });

  it('agrees with a haversine check for the radius filter, and sorts by distance', async () => {
    const centre = { lat: 20.8574, lng: 106.5716 }; // Tràng Duệ
    const radiusKm = 20;
    const rows: { id: string; latitude: number; longitude: number }[] = await t.app
      .get(DataSource)
      .query(`SELECT id, latitude, longitude FROM suppliers WHERE verification_status <> 'SUSPENDED' AND latitude IS NOT NULL`);
    const haversine = (lat: number, lng: number) => {
      const rad = Math.PI / 180;
      const a =
        Math.sin(((lat - centre.lat) * rad) / 2) ** 2 +
        Math.cos(centre.lat * rad) * Math.cos(lat * rad) * Math.sin(((lng - centre.lng) * rad) / 2) ** 2;
      return 2 * 6371.0088 * Math.asin(Math.sqrt(a));
    };
    const expected = rows
      .filter((r) => haversine(r.latitude, r.longitude) <= radiusKm)
      .map((r) => r.id)
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(rows.length);
    const result = await search({ near: { ...centre, radiusKm }, sort: 'DISTANCE' });
    expect(idsOf(result).sort()).toEqual(expected);
    const distances = result.hits.map((h) => h.distanceKm);
    expect(distances.every((d) => typeof d === 'number')).toBe(true);
    expect(distances).toEqual([...distances].sort((a, b) => a! - b!));
    const byZone = await search({ nearZone: { zone: 'TRANG_DUE', radiusKm } });
    expect(idsOf(byZone).sort()).toEqual(expected);
  });

  it("returns each hit's distance from the centre, sorted by distance or not, and none without a centre", async () => {
    const rows: { id: string; latitude: number; longitude: number }[] = await t.app
      .get(DataSource)
      .query(`SELECT id, latitude, longitude FROM suppliers WHERE latitude IS NOT NULL`);
    const where = new Map(rows.map((r) => [r.id, r]));
    const fromTrangDue = (id: string) => {
      const { latitude, longitude } = where.get(id)!;
      const centre = { lat: 20.8574, lng: 106.5716 }; // the TRANG_DUE zone's coordinates in the taxonomy
      const rad = Math.PI / 180;
      const a =
        Math.sin(((latitude - centre.lat) * rad) / 2) ** 2 +
        Math.cos(centre.lat * rad) * Math.cos(latitude * rad) * Math.sin(((longitude - centre.lng) * rad) / 2) ** 2;
      return 2 * 6371.0088 * Math.asin(Math.sqrt(a));
    };
    for (const input of [
      { nearZone: { zone: 'TRANG_DUE', radiusKm: 60 }, sort: 'DISTANCE' },
      { nearZone: { zone: 'TRANG_DUE', radiusKm: 60 } },
      { near: { lat: 20.8574, lng: 106.5716, radiusKm: 60 }, query: 'CNC' },
    ]) {
      const result = await search(input);
      expect(result.hits.length).toBeGreaterThan(2);
      for (const hit of result.hits) expect(hit.distanceKm).toBeCloseTo(fromTrangDue(hit.supplier.id), 1);
      if (input.sort === 'DISTANCE') {
        const distances = result.hits.map((h) => h.distanceKm!);
        expect(distances).toEqual([...distances].sort((a, b) => a - b));
        expect(new Set(distances).size).toBeGreaterThan(1);
      }
    }
    expect((await search({ query: 'CNC' })).hits.every((h) => h.distanceKm === null)).toBe(true);
  });

  it('gives facet counts that agree with PostgreSQL, only for the facets asked for', async () => {
    expect((await search({})).facets).toEqual([]);
    const result = await search({ facets: ['processes', 'zone'] });
    expect(result.facets.map((f) => f.field)).toEqual(['processes', 'zone']);
    const db = t.app.get(DataSource);
    const processRows: { code: string; n: number }[] = await db.query(
      `SELECT p AS code, count(*)::int AS n FROM suppliers, unnest(processes) p WHERE verification_status <> 'SUSPENDED' GROUP BY p`,
    );
    const processFacet = result.facets.find((f) => f.field === 'processes')!;
    expect(Object.fromEntries(processFacet.values.map((v) => [v.code, v.count]))).toEqual(
      Object.fromEntries(processRows.map((r) => [r.code, r.n])),
    );
    const zoneRows: { code: string; n: number }[] = await db.query(
      `SELECT zone_code AS code, count(*)::int AS n FROM suppliers WHERE verification_status <> 'SUSPENDED' GROUP BY zone_code`,
    );
    const zoneFacet = result.facets.find((f) => f.field === 'zone')!;
    expect(Object.fromEntries(zoneFacet.values.map((v) => [v.code, v.count]))).toEqual(
      Object.fromEntries(zoneRows.map((r) => [r.code, r.n])),
    );
    expect(result.totalHits).toBe(Object.keys(FIXTURES).length - 1);
    const english = (await search({ lang: 'en', facets: ['zone'] })).facets.find((f) => f.field === 'zone')!;
    expect(english.values.find((v) => v.code === 'VSIP_HP')!.label).toBe('VSIP Hai Phong Industrial Park');
  });

  it('cannot be steered by hostile filter strings', async () => {
    const everyone = (await search({})).totalHits;
    for (const hostile of [
      '" OR id EXISTS',
      'x\\" OR verificationStatus = "SUSPENDED',
      "' OR 1=1 --",
      'P. Thủy Nguyên" OR zone EXISTS OR "',
    ]) {
      const result = await search({ wards: [hostile], query: hostile });
      expect(result.totalHits).toBeLessThan(everyone);
      expect(idsOf(result)).not.toContain(ids.suspended);
    }
    const badCode = await t.gql(SEARCH, { input: { zones: ['VSIP_HP" OR id EXISTS'] } });
    expect(badCode.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ field: 'input.zones' }] });
    const unknownCode = await t.gql(SEARCH, { input: { processesAnyOf: ['NOT_A_PROCESS'] } });
    expect(unknownCode.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ field: 'input.processesAnyOf.0' }] });
    // A real ward still works: wards are compared as keys without diacritics or prefixes.
    const ward = await search({ wards: ['thuy nguyen'] });
    expect(idsOf(ward)).toContain(ids.cnc1);
  });

  it('never puts contact details or private customers in the index, nor shows them to strangers', async () => {
    const meili = t.app.get(Meilisearch);
    const documents = await meili.index(`${t.indexPrefix}_suppliers`).getDocuments({ limit: 100 });
    const raw = JSON.stringify(documents.results);
    expect(documents.results.length).toBe(Object.keys(FIXTURES).length);
    expect(raw).not.toMatch(/secret-|hidden\.example|111 2222|Private Customer/);
    expect(raw).toMatch(/Public Customer/);
    const asStranger = await search({ query: 'Bạch Đằng' });
    expect(asStranger.hits[0].supplier.contact).toBeNull();
    expect(asStranger.hits[0].supplier.customers.map((c) => c.name)).toEqual(['Public Customer cnc1']);
    const asOwner = await search({ query: 'Bạch Đằng' }, owner.token);
    expect(asOwner.hits[0].supplier.contact).toEqual({ email: 'secret-cnc1@hidden.example' });
  });

  it('retrieves from the index only the supplier fields a query selects, with the values the whole profile has', async () => {
    const FULL = `id taxCode nameVi tradeNameEn descriptionVi descriptionEn address { street ward province oldDistrict }
      zone { code label } location { latitude longitude } website employees foundedYear ownership { type country }
      sectors { code } processes { code label } materials { code } productGroups { code }
      certifications { code certificateNumber issuingBody scope validFrom validUntil isValid }
      equipment { kind maker model count pressTonnage clampForceTonnes bedSize axes notes }
      monthlyCapacity { value unit } minimumOrderQuantity leadTimeDays bestToleranceMm exportExperience exportMarkets
      customers { name } languages verificationStatus version createdAt updatedAt`;
    const run = async (selection: string, fragments = '') => {
      const result = await t.gql<{ searchSuppliers: { hits: { supplier: Record<string, unknown> }[] } }>(
        `query($input: SearchSuppliersInput!) { searchSuppliers(input: $input) { hits { supplier { ${selection} } } } } ${fragments}`,
        { input: { query: 'CNC', hitsPerPage: 20 } },
      );
      expect(result.errors).toBeUndefined();
      return result.data!.searchSuppliers.hits.map((h) => h.supplier);
    };
    const full = await run(FULL);
    const few = await run(
      'id nameVi ...Card ... on Supplier { updatedAt zone { label } }',
      'fragment Card on Supplier { processes { code label } certifications { code isValid } }',
    );
    expect(full.length).toBeGreaterThanOrEqual(3);
    expect(few).toEqual(
      full.map((s) => ({
        id: s.id,
        nameVi: s.nameVi,
        processes: s.processes,
        certifications: (s.certifications as { code: string; isValid: boolean }[]).map(({ code, isValid }) => ({ code, isValid })),
        updatedAt: s.updatedAt,
        zone: { label: (s.zone as { label: string }).label },
      })),
    );
    // What Meilisearch is asked for, and answers: the selected profile fields alone.
    const service = t.app.get(SupplierSearchService);
    const input = plainToInstance(SearchSuppliersInput, { query: 'CNC', page: 1, hitsPerPage: 20, sort: 'RELEVANCE', lang: 'vi' });
    const request = service.request(input, undefined, undefined, new Set(['id', 'nameVi', 'processes', 'contact', '__typename']));
    expect(request.attributesToRetrieve).toEqual(['id', 'profile.nameVi', 'profile.processes']);
    const answer = await t.app.get(Meilisearch).index(`${t.indexPrefix}_suppliers`).search(request.q, request);
    expect(answer.hits.length).toBe(full.length);
    for (const hit of answer.hits) expect(Object.keys(hit.profile as object).sort()).toEqual(['nameVi', 'processes']);
  });

  it('follows updates and deletions through the outbox', async () => {
    const version = (
      await t.gql<{ supplier: { version: number } }>(`query($id: ID!) { supplier(id: $id) { version } }`, { id: ids.plating }, owner.token)
    ).data!.supplier.version;
    await t.gql(
      `mutation($input: UpdateSupplierInput!) { updateSupplier(input: $input) { id } }`,
      { input: { id: ids.plating, version, nameVi: 'Công ty TNHH Anot Hóa Tiên Lãng', processes: ['ANODISING'] } },
      owner.token,
    );
    await waitForIndex(t);
    expect(idsOf(await search({ query: 'anot hoa' }))).toContain(ids.plating);
    const deleted = await t.gql(
      `mutation($id: ID!) { deleteSupplier(id: $id, version: ${version + 1}) }`,
      { id: ids.plating },
      owner.token,
    );
    expect(deleted.errors).toBeUndefined();
    await waitForIndex(t);
    expect(idsOf(await search({}))).not.toContain(ids.plating);
  });

  it('schedules a re-index for the day a certificate starts or stops counting', async () => {
    const db = t.app.get(DataSource);
    const rows: { available_at: Date }[] = await db.query(
      `SELECT available_at FROM search_outbox WHERE aggregate_id = $1 AND reason = 'certificate-validity' AND processed_at IS NULL`,
      [ids.stamp2],
    );
    expect(rows.map((r) => r.available_at.toISOString())).toEqual([
      new Date(Date.parse(`${shiftDay(400)}T00:00:00Z`) - 7 * 3600000).toISOString(),
    ]);
  });

  it('re-creates its search-only key when Meilisearch no longer knows it', async () => {
    const meili = t.app.get(Meilisearch);
    const keys = await meili.getKeys({ limit: 100 });
    const searchKey = keys.results.find(
      (k) => k.actions.length === 1 && k.actions[0] === 'search' && k.indexes.includes(`${t.indexPrefix}_suppliers`),
    )!;
    expect(searchKey).toBeDefined();
    await meili.deleteKey(searchKey.uid);
    expect((await search({ query: 'CNC' })).totalHits).toBeGreaterThan(0);
    expect((await meili.getKeys({ limit: 100 })).results.some((k) => k.uid === searchKey.uid)).toBe(true);
  });

  it('rejects a distance sort without a centre, and unknown zones as centre', async () => {
    const noCentre = await t.gql(SEARCH, { input: { sort: 'DISTANCE' } });
    expect(noCentre.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ field: 'input.sort' }] });
    const badZone = await t.gql(SEARCH, { input: { nearZone: { zone: 'HP_CORE', radiusKm: 5 } } });
    expect(badZone.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ field: 'input.nearZone.zone' }] });
  });
  it('returns highlights as escaped text with <mark> inserted after escaping, whatever markup a profile holds', async () => {
    const created = await t.gql<{ createSupplier: { id: string } }>(
      CREATE,
      {
        input: {
          taxCode: nextTaxCode(),
          processes: ['GRINDING'],
          zoneCode: 'DAI_AN',
          nameVi: '<img src=x onerror=alert(1)> Xưởng Đúc <mark>Thử</mark> & "Nghiệm"',
          descriptionVi: 'Đúc thử <script>alert("x")</script> cho khách &amp; đối tác.',
        },
      },
      owner.token,
    );
    expect(created.errors).toBeUndefined();
    await waitForIndex(t);
    const hit = (await search({ query: 'xưởng đúc thử' })).hits.find((h) => h.supplier.id === created.data!.createSupplier.id)!;
    const byField = Object.fromEntries(hit.highlights.map((h) => [h.field, h.snippet]));
    expect(byField.nameVi).toContain('<mark>Xưởng</mark> <mark>Đúc</mark>');
    expect(byField.nameVi.replace(/<\/?mark>/g, '')).toBe(
      '&lt;img src=x onerror=alert(1)&gt; Xưởng Đúc &lt;mark&gt;Thử&lt;/mark&gt; &amp; &quot;Nghiệm&quot;',
    );
    expect(byField.descriptionVi).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(byField.descriptionVi).toContain('&amp;amp;');
    // Outside the marks no tag is left, and no raw & that is not an entity.
    for (const snippet of Object.values(byField))
      expect(snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>"']|&(?!(amp|lt|gt|quot|#39);)/);
  });
});
