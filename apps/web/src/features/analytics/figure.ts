/**
 * What a dashboard shows, once: the table (the chart's text alternative) and the CSV download are
 * built from the same figure as the chart, so the three always agree.
 */
export type Cell = string | number | null;

export interface Column {
  key: string;
  label: string;
  numeric?: boolean;
}

export interface Figure {
  columns: Column[];
  rows: Record<string, Cell>[];
}

export interface ChartSpec {
  kind: 'bar' | 'line';
  /** The x axis (the y axis when horizontal). */
  categories: string[];
  series: { name: string; data: (number | null)[] }[];
  stacked?: boolean;
  horizontal?: boolean;
  /** Values are percentages (0–100). */
  percent?: boolean;
}

/** RFC 4180 CSV of a figure: the header row is the column labels, numbers unformatted. */
export function figureCsv(figure: Figure): string {
  const quote = (value: Cell) => {
    const text = value === null ? '' : String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [
    figure.columns.map((c) => quote(c.label)),
    ...figure.rows.map((row) => figure.columns.map((c) => quote(row[c.key] ?? null))),
  ];
  return lines.map((line) => line.join(',')).join('\r\n') + '\r\n';
}

/** One series per value of `group` (a sector, a zone) over the `category` values (months), 0 where a pair has no row. */
export function pivot(
  rows: Record<string, Cell>[],
  category: string,
  group: string,
  value: string,
): Pick<ChartSpec, 'categories' | 'series'> {
  const categories = [...new Set(rows.map((r) => String(r[category])))].sort();
  const groups = [...new Set(rows.map((r) => String(r[group])))];
  const series = groups.map((name) => ({
    name,
    data: categories.map((c) => {
      const row = rows.find((r) => String(r[category]) === c && String(r[group]) === name);
      const v = row?.[value];
      return typeof v === 'number' ? v : row ? null : 0;
    }),
  }));
  return { categories, series };
}

/** A share (0–1) as a percentage with one decimal, or null. */
export function percent(share: number | null | undefined): number | null {
  return share === null || share === undefined ? null : Math.round(share * 1000) / 10;
}

/** `YYYY-MM-DD` of a date in Vietnam's calendar. */
export function vietnamDay(date: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

/** The default range: the first day of the month a year ago up to today. */
export function defaultRange(now = new Date()): { from: string; to: string } {
  const to = vietnamDay(now);
  const [y, m] = to.split('-').map(Number) as [number, number];
  return { from: `${y - 1}-${String(m).padStart(2, '0')}-01`, to };
}
