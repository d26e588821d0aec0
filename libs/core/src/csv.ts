/** Writing CSV (RFC 4180, CRLF line ends): one quoting rule for every file the platform writes. */

/** One CSV cell, quoted when it must be (delimiter, quote, line break, or spaces at either end). */
export function csvCell(value: string, delimiter = ','): string {
  return /[",\r\n;\t]|^\s|\s$/.test(value) || value.includes(delimiter) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvLine(cells: readonly string[], delimiter = ','): string {
  return cells.map((c) => csvCell(c, delimiter)).join(delimiter) + '\r\n';
}
