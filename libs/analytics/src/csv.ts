import { csvLine } from '#libs/core';

/** One CSV column: its header and how to read it from a row. */
export interface CsvColumn<T> {
  header: string;
  value: (row: T) => string | number | boolean | null | undefined;
}

/**
 * A report as CSV (core's quoting and formula neutralising, CRLF line ends) with a UTF-8
 * byte-order mark, so Excel reads Vietnamese correctly.
 */
export function toCsv<T>(columns: CsvColumn<T>[], rows: T[]): string {
  const lines = [columns.map((c) => c.header), ...rows.map((row) => columns.map((c) => cell(c.value(row))))];
  return `\uFEFF${lines.map((cells) => csvLine(cells)).join('')}`;
}

function cell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  return String(value);
}

/** Several values in one cell. */
export const joined = (values: string[]): string => values.join('; ');
