import { describe, expect, it } from '@jest/globals';
import { SuppliersService } from '#libs/companies';
import { Taxonomy } from '#libs/taxonomy';
import { type ColumnKey, mapHeaders, REGISTRY_COLUMNS, headerKey } from './columns.js';
import { parseCsv } from './csv.js';
import { planRow } from './plan.js';
import type { StoredSupplier } from './record.js';
import { decodeUtf8, readRegistryFile } from './read-file.js';
import { RegistryRowParser, type SourceRow } from './row-parser.js';
import { COLUMN_DEFAULTS } from './record.js';

const taxonomy = Taxonomy.load();
// problemsOf uses only the taxonomy: the API's own extra checks, without a database.
const service = new SuppliersService(undefined as never, undefined as never, taxonomy);
const check = (input: Parameters<SuppliersService['problemsOf']>[0]) => service.problemsOf(input);

function parserFor(keys: ColumnKey[]) {
  return new RegistryRowParser(taxonomy, new Set(keys), check);
}
function row(cells: Partial<Record<ColumnKey, string | number | boolean | string[]>>, line = 2): SourceRow {
  return { line, cells: new Map(Object.entries(cells) as [ColumnKey, string][]) };
}

describe('registry headers', () => {
  it('reads Vietnamese headers with or without diacritics, English headers and column keys alike', () => {
    const variants = [
      ['Mã số thuế', 'Tên doanh nghiệp', 'Công nghệ gia công', 'Chứng nhận', 'Công suất tháng', 'Đơn vị công suất'],
      ['ma so thue', 'TEN DOANH NGHIEP', 'cong nghe gia cong', 'Chung nhan', 'cong suat thang', 'don vi cong suat'],
      ['Tax code', 'Name (Vietnamese)', 'Processes', 'Certifications', 'Monthly capacity', 'Capacity unit'],
      ['tax_code', 'name_vi', 'processes', 'certifications', 'monthly_capacity', 'capacity_unit'],
      ['  Tax-Code ', 'Name', 'PROCESSES', 'certificates', 'Monthly  capacity', 'unit'],
    ];
    for (const headers of variants) {
      const mapped = mapHeaders(headers);
      expect({ headers, problems: mapped.problems, columns: mapped.columns }).toEqual({
        headers,
        problems: [],
        columns: ['tax_code', 'name_vi', 'processes', 'certifications', 'monthly_capacity', 'capacity_unit'],
      });
    }
  });

  it('never lets two columns share a header form', () => {
    const owners = new Map<string, string>();
    for (const column of REGISTRY_COLUMNS) {
      const forms = [column.key, column.vi, column.en, ...('aliases' in column ? column.aliases : [])];
      for (const form of new Set(forms.map(headerKey))) {
        expect(`${form} → ${owners.get(form) ?? column.key}`).toBe(`${form} → ${column.key}`);
        owners.set(form, column.key);
      }
    }
  });

  it('refuses a header without a required column, or naming a column twice; reports unknown ones', () => {
    expect(mapHeaders(['Tên doanh nghiệp']).problems.join()).toMatch(/tax_code/);
    expect(mapHeaders(['tax_code', 'Mã số thuế', 'name_vi']).problems.join()).toMatch(/both mean tax_code/);
    expect(mapHeaders(['tax_code', 'name_vi', 'latitude']).problems.join()).toMatch(/latitude and longitude go together/);
    expect(mapHeaders(['tax_code', 'name_vi', 'Ghi chú']).unknown).toEqual(['Ghi chú']);
  });
});

describe('RegistryRowParser', () => {
  it('resolves codes, Vietnamese and English labels and aliases, case and diacritics ignored', () => {
    const parsed = parserFor([
      'tax_code',
      'name_vi',
      'processes',
      'materials',
      'zone',
      'certifications',
      'monthly_capacity',
      'capacity_unit',
      'verification',
      'export_experience',
    ]).parse(
      row({
        tax_code: '0700010003',
        name_vi: '  Công ty TNHH Ví Dụ ',
        processes: 'cnc_milling; Tiện CNC; gia cong tien; CNC turning',
        materials: 'SPCC',
        zone: 'Tràng Duệ',
        certifications: 'IATF_16949:2027-05-31; ISO 9001:2025-01-10/2028-01-09; ISO 9001:2015; RoHS',
        monthly_capacity: '30000',
        capacity_unit: 'chiếc',
        verification: 'Đã xác minh',
        export_experience: 'Có',
      }),
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.record.columns).toMatchObject({
      name_vi: 'Công ty TNHH Ví Dụ',
      processes: ['CNC_MILLING', 'CNC_TURNING'],
      materials: ['SPCC'],
      zone_code: 'TRANG_DUE',
      monthly_capacity_value: 30000,
      monthly_capacity_unit: 'PCS',
      verification_status: 'VERIFIED',
      export_experience: true,
    });
    expect(parsed.record.certifications).toEqual([
      { code: 'IATF_16949', valid_from: null, valid_until: '2027-05-31' },
      { code: 'ISO_9001', valid_from: '2025-01-10', valid_until: '2028-01-09' },
      { code: 'ISO_9001', valid_from: null, valid_until: null },
      { code: 'ROHS', valid_from: null, valid_until: null },
    ]);
    expect(parsed.record.zoneGeo).toEqual(taxonomy.find('ZONE' as never, 'TRANG_DUE')!.geo);
  });

  it('rejects a row with every reason: checksum, unknown process, negative capacity, bad dates', () => {
    const parsed = parserFor([
      'tax_code',
      'name_vi',
      'processes',
      'certifications',
      'monthly_capacity',
      'capacity_unit',
      'contact_email',
    ]).parse(
      row({
        tax_code: '0700010004',
        name_vi: 'X',
        processes: 'CNC_MILLING; hàn laser siêu tốc',
        certifications: 'ISO_9001:2028-01-09/2025-01-10',
        monthly_capacity: '-5',
        capacity_unit: 'pcs',
        contact_email: 'not-an-email',
      }),
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const fields = parsed.problems.map((p) => p.field).sort();
    expect(fields).toEqual(['certifications', 'contact_email', 'monthly_capacity', 'processes', 'tax_code']);
    expect(parsed.problems.find((p) => p.field === 'tax_code')!.reason).toMatch(/check digit/);
    expect(parsed.problems.find((p) => p.field === 'processes')!.reason).toMatch(/unknown process "hàn laser siêu tốc"/);
    expect(parsed.problems.find((p) => p.field === 'monthly_capacity')!.reason).toMatch(/less than 0/);
    expect(parsed.problems.find((p) => p.field === 'certifications')!.reason).toMatch(/before validFrom/);
    expect(parsed.taxCode).toBe('0700010004');
  });

  it('restores the leading zero Excel drops from a tax code typed as a number, and reads typed cells', () => {
    const parsed = parserFor(['tax_code', 'name_vi', 'employees', 'export_experience', 'processes']).parse(
      row({ tax_code: 700010003, name_vi: 'X', employees: 120, export_experience: false, processes: ['CNC_MILLING', 'Phay CNC'] }),
    );
    expect(parsed.ok && parsed.record).toMatchObject({
      taxCode: '0700010003',
      columns: { employees: 120, export_experience: false, processes: ['CNC_MILLING'] },
    });
  });

  it('reads empty cells of carried columns as cleared, and leaves columns the file lacks out', () => {
    const parsed = parserFor(['tax_code', 'name_vi', 'website', 'processes', 'province']).parse(
      row({ tax_code: '0700010003', name_vi: 'X', website: '', processes: '', province: '' }),
    );
    expect(parsed.ok && parsed.record.columns).toEqual({ name_vi: 'X', website: null, processes: [], province: 'Hải Phòng' });
  });

  it('rejects numbers written with thousands separators instead of guessing', () => {
    const parsed = parserFor(['tax_code', 'name_vi', 'employees']).parse(row({ tax_code: '0700010003', name_vi: 'X', employees: '1.200' }));
    expect(!parsed.ok && parsed.problems).toEqual([{ field: 'employees', reason: expect.stringMatching(/not a whole number/) }]);
  });
});

describe('planRow', () => {
  const stored: StoredSupplier = {
    ...COLUMN_DEFAULTS,
    id: 'id-1',
    tax_code: '0700010003',
    version: 3,
    name_vi: 'X',
    processes: ['CNC_MILLING'],
    verification_status: 'VERIFIED',
    certifications: [
      {
        code: 'ISO_9001',
        valid_from: '2025-01-10',
        valid_until: '2028-01-09',
        certificate_number: 'Q-1',
        issuing_body: 'QUACERT',
        scope: 'machining',
      },
    ],
  };
  const parser = parserFor(['tax_code', 'name_vi', 'processes', 'certifications', 'verification']);

  it('plans nothing for a row equal to the stored supplier (an empty verification cell keeps the status)', () => {
    const parsed = parser.parse(
      row({
        tax_code: '0700010003',
        name_vi: 'X',
        processes: 'Phay CNC',
        certifications: 'ISO_9001:2025-01-10/2028-01-09',
        verification: '',
      }),
    );
    expect(parsed.ok && planRow(parsed.record, stored)).toEqual({ kind: 'unchanged', id: 'id-1' });
  });

  it('updates only what changed and keeps the certificate details the format does not carry', () => {
    const parsed = parser.parse(
      row({
        tax_code: '0700010003',
        name_vi: 'X',
        processes: 'CNC_MILLING',
        certifications: 'ISO_9001:2025-01-10/2029-01-09; IATF_16949',
        verification: '',
      }),
    );
    const plan = parsed.ok ? planRow(parsed.record, stored) : undefined;
    expect(plan).toMatchObject({ kind: 'update', id: 'id-1', version: 3, changed: [], columns: { verification_status: 'VERIFIED' } });
    expect(plan?.kind === 'update' && plan.certifications).toEqual([
      {
        code: 'ISO_9001',
        valid_from: '2025-01-10',
        valid_until: '2029-01-09',
        certificate_number: 'Q-1',
        issuing_body: 'QUACERT',
        scope: 'machining',
      },
      { code: 'IATF_16949', valid_from: null, valid_until: null, certificate_number: null, issuing_body: null, scope: null },
    ]);
  });

  it('creates a new supplier, unverified unless the row says otherwise', () => {
    const parsed = parser.parse(row({ tax_code: '0700010010', name_vi: 'Y', processes: '', certifications: '', verification: '' }));
    expect(parsed.ok && planRow(parsed.record, undefined)).toMatchObject({
      kind: 'create',
      columns: { name_vi: 'Y', verification_status: 'UNVERIFIED', province: 'Hải Phòng' },
    });
  });
});

describe('registry files', () => {
  it('parses Excel-style CSV: BOM, quotes, line breaks in cells, ="0…" cells, semicolon delimiter', async () => {
    const text =
      '\uFEFFMã số thuế;Tên doanh nghiệp;Mô tả\r\n="0700010003";"Công ty ""Ví Dụ""";"dòng 1\r\ndòng 2"\r\n\r\n0700010010;Hai;\r\n';
    const source = await readRegistryFile(Buffer.from(text), 'x.csv');
    expect(source.rows.map((r) => [r.line, ...r.cells.values()])).toEqual([
      [2, '0700010003', 'Công ty "Ví Dụ"', 'dòng 1\r\ndòng 2'],
      [5, '0700010010', 'Hai', ''],
    ]);
    expect([...parseCsv('a,b\n1,"x,y"')].map((r) => r.cells)).toEqual([
      ['a', 'b'],
      ['1', 'x,y'],
    ]);
  });

  it('rejects only the rows holding bytes that are not UTF-8, and refuses a broken header or UTF-16', async () => {
    const good = Buffer.from('tax_code,name_vi\n0700010003,Công ty Một\n');
    const bad = Buffer.concat([Buffer.from('0700010010,C'), Buffer.from([0xf4, 0x6e, 0x67]), Buffer.from(' ty Hai\n')]);
    const source = await readRegistryFile(Buffer.concat([good, bad]), 'x.csv');
    expect(source.rows.map((r) => [r.line, r.unreadable?.reason ?? 'ok'])).toEqual([
      [2, 'ok'],
      [3, expect.stringMatching(/not valid UTF-8/)],
    ]);
    await expect(readRegistryFile(Buffer.concat([Buffer.from([0xc3, 0x28]), Buffer.from('tax_code,name_vi\n')]), 'x.csv')).rejects.toThrow(
      /header row/,
    );
    expect(() => decodeUtf8(Buffer.from([0xff, 0xfe, 0x41, 0x00]))).toThrow(/UTF-16/);
  });

  it('reads JSON Lines, reporting a line that is not an object', async () => {
    const source = await readRegistryFile(
      Buffer.from('{"Mã số thuế":"0700010003","Tên doanh nghiệp":"A","processes":["CNC_MILLING"]}\n\nnot json\n'),
      'x.jsonl',
    );
    expect(source.rows.map((r) => [r.line, r.unreadable ? 'unreadable' : r.cells.get('processes')])).toEqual([
      [1, ['CNC_MILLING']],
      [3, 'unreadable'],
    ]);
  });
});
