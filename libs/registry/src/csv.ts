import { unneutralised } from '#libs/core';

/** One CSV record: its cells and the line it starts on (1-based; a quoted cell may span lines). */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/** The delimiter of a header line: comma, semicolon (Excel in locales with a decimal comma) or tab. */
export function sniffDelimiter(text: string): string {
  const firstLine = text.slice(0, Math.max(0, text.search(/\r|\n/)) || text.length);
  let best = ',';
  let bestCount = -1;
  for (const delimiter of [',', ';', '\t']) {
    let count = 0;
    let quoted = false;
    for (const ch of firstLine) {
      if (ch === '"') quoted = !quoted;
      else if (ch === delimiter && !quoted) count++;
    }
    if (count > bestCount) [best, bestCount] = [delimiter, count];
  }
  return best;
}

/**
 * RFC 4180 CSV as Excel writes it: quoted cells with "" for a quote and line breaks inside, CRLF,
 * LF or CR line ends; `="0123"` (Excel's way of keeping leading zeros) reads as 0123; an
 * apostrophe before a formula character (`'=…`, `'-…`, as the export writes them: core's
 * `neutralised`) is dropped. Blank records are skipped.
 */
export function* parseCsv(text: string, delimiter = sniffDelimiter(text)): Generator<CsvRecord> {
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  let quotedCell = false;
  const n = text.length;
  const endCell = () => {
    cells.push(
      !quotedCell && cell.startsWith('="') && cell.endsWith('"') && cell.length >= 3
        ? cell.slice(2, -1).replace(/""/g, '"')
        : unneutralised(cell),
    );
    cell = '';
    quotedCell = false;
  };
  while (i < n) {
    const ch = text[i];
    if (ch === '"' && cell === '' && !quotedCell) {
      quotedCell = true;
      i++;
      while (i < n) {
        const c = text[i];
        if (c === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
        cell += c;
        i++;
      }
      continue;
    }
    if (ch === delimiter) {
      endCell();
      i++;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      endCell();
      if (cells.some((c) => c.trim() !== '')) yield { line: recordLine, cells };
      cells = [];
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
      continue;
    }
    // Text after a closing quote (`"abc"def`) is kept, as Excel does.
    const next = text.indexOf(delimiter, i);
    let stop = n;
    for (const candidate of [next, text.indexOf('\n', i), text.indexOf('\r', i)])
      if (candidate !== -1 && candidate < stop) stop = candidate;
    cell += text.slice(i, stop);
    i = stop;
  }
  if (cell !== '' || quotedCell || cells.length) {
    endCell();
    if (cells.some((c) => c.trim() !== '')) yield { line: recordLine, cells };
  }
}

export { csvCell, csvLine } from '#libs/core';
