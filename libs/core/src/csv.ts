/** Writing CSV (RFC 4180, CRLF line ends): one quoting rule for every file the platform writes. */

/** What a spreadsheet runs as a formula when a cell starts with it (OWASP's list). */
const FORMULA_START = /^'*[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * A cell as written: text that a spreadsheet would run as a formula (it starts with =, +, -, @,
 * a tab or a carriage return) gets an apostrophe in front, so Excel and LibreOffice show it as
 * text. Text that already starts with apostrophes followed by one of those gets one more, so that
 * `unneutralised` (which the registry import applies) gives back exactly the original. A plain
 * number ("-5", "+3.5", "1e-3") stays as it is: it is not a formula, and must stay a number.
 */
export function neutralised(value: string): string {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

/** The text a cell written by `neutralised` holds: one apostrophe less before a formula character. */
export function unneutralised(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

/**
 * One CSV cell, formula-neutralised, and quoted when it must be (delimiter, quote, line break, or
 * spaces at either end).
 */
export function csvCell(text: string, delimiter = ','): string {
  const value = neutralised(text);
  return /[",\r\n;\t]|^\s|\s$/.test(value) || value.includes(delimiter) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvLine(cells: readonly string[], delimiter = ','): string {
  return cells.map((c) => csvCell(c, delimiter)).join(delimiter) + '\r\n';
}
