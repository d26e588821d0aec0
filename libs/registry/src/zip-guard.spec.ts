import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { deflateRawSync } from 'node:zlib';
import { readRegistryFile } from './read-file.js';
import { zipOverLimit } from './zip-guard.js';

/** A one-entry zip whose central directory declares `declaredSize` however much the entry really unpacks to. */
function zipOf(name: string, content: Buffer, declaredSize = content.length): Buffer {
  const packed = deflateRawSync(content);
  const fileName = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(packed.length, 18);
  local.writeUInt32LE(declaredSize, 22);
  local.writeUInt16LE(fileName.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(packed.length, 20);
  central.writeUInt32LE(declaredSize, 24);
  central.writeUInt16LE(fileName.length, 28);
  central.writeUInt32LE(0, 42);
  const body = Buffer.concat([local, fileName, packed]);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + fileName.length, 12);
  end.writeUInt32LE(body.length, 16);
  return Buffer.concat([body, central, fileName, end]);
}

describe('zip bombs', () => {
  const eightMegabytesOfZeros = Buffer.alloc(8 * 1024 * 1024);

  it('refuses a workbook that would unpack past the limit, before the workbook reader sees it', async () => {
    const bomb = zipOf('xl/worksheets/sheet1.xml', eightMegabytesOfZeros);
    expect(bomb.length).toBeLessThan(20_000);
    await expect(readRegistryFile(bomb, 'registry.xlsx', { maxUnpackedBytes: 1024 * 1024 })).rejects.toThrow(
      /would unpack to more than 1 MB/,
    );
  });

  it('does not trust the sizes the archive declares', () => {
    expect(zipOverLimit(zipOf('a.xml', eightMegabytesOfZeros, 10), 1024 * 1024)).toMatch(/more than 1 MB/);
    expect(zipOverLimit(zipOf('a.xml', eightMegabytesOfZeros, 10), 16 * 1024 * 1024)).toBeUndefined();
  });

  it('reads an ordinary workbook under the default limit', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('registry');
    sheet.addRow(['Mã số thuế', 'Tên doanh nghiệp']);
    sheet.addRow(['0700010003', 'Công ty Một']);
    const content = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(zipOverLimit(content)).toBeUndefined();
    const source = await readRegistryFile(content, 'registry.xlsx');
    expect(source.rows.map((r) => r.cells.get('name_vi'))).toEqual(['Công ty Một']);
  });
});
