import { inflateRawSync } from 'node:zlib';

/**
 * What an XLSX (a zip of XML parts) may unpack to. A 100 000-row registry sheet unpacks to about
 * 150 MB; a "zip bomb" of a few kilobytes can unpack to gigabytes and take the process down while
 * the workbook reader inflates it in memory.
 */
export const XLSX_MAX_UNPACKED_BYTES = 512 * 1024 * 1024;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * Checks a zip archive before anything reads it: every entry is inflated with a hard output
 * ceiling (the declared sizes in a zip are the attacker's to write, so they are not trusted), and
 * the total may not pass `maxUnpackedBytes`. Returns a reason when the archive must be refused,
 * undefined when it is within the limit. A malformed archive is left to the reader to reject.
 */
export function zipOverLimit(zip: Buffer, maxUnpackedBytes = XLSX_MAX_UNPACKED_BYTES): string | undefined {
  const end = findEndOfCentralDirectory(zip);
  if (end < 0) return undefined;
  const entries = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  let budget = maxUnpackedBytes;
  for (let i = 0; i < entries; i += 1) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL) return undefined;
    const method = zip.readUInt16LE(at + 10);
    const compressed = zip.readUInt32LE(at + 20);
    const declared = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const next = at + 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    if (declared === 0xffffffff || compressed === 0xffffffff) return 'it is a ZIP64 archive, which no registry workbook needs';
    if (local + 30 > zip.length || zip.readUInt32LE(local) !== LOCAL) return undefined;
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + compressed);
    let unpacked: number;
    if (method === 0) unpacked = data.length;
    else if (method === 8) {
      try {
        unpacked = inflateRawSync(data, { maxOutputLength: Math.max(1, budget) }).length;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return overLimit(maxUnpackedBytes);
        return undefined;
      }
    } else return `it uses zip compression method ${method}, which XLSX files do not use`;
    budget -= unpacked;
    if (budget < 0) return overLimit(maxUnpackedBytes);
    at = next;
  }
  return undefined;
}

function overLimit(max: number): string {
  return `it would unpack to more than ${Math.round(max / 1024 / 1024)} MB; split the registry into several files`;
}

function findEndOfCentralDirectory(zip: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65 535 bytes, at the very end.
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at -= 1) {
    if (zip.readUInt32LE(at) === EOCD) return at;
  }
  return -1;
}
