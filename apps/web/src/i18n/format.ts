import { LOCALE, type Lang } from './languages.js';

/**
 * One formatter per language and options, made once: building an Intl formatter costs far more than
 * using one (a match view formats a few hundred numbers; new formatters each time took ≈ 0.2 s of a
 * throttled render).
 */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.ListFormat>();

function numberFormat(lang: Lang, options?: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n ${lang} ${JSON.stringify(options ?? {})}`;
  let formatter = formatters.get(key) as Intl.NumberFormat | undefined;
  if (!formatter) formatters.set(key, (formatter = new Intl.NumberFormat(LOCALE[lang], options)));
  return formatter;
}

function dateFormat(lang: Lang, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d ${lang} ${JSON.stringify(options)}`;
  let formatter = formatters.get(key) as Intl.DateTimeFormat | undefined;
  if (!formatter) formatters.set(key, (formatter = new Intl.DateTimeFormat(LOCALE[lang], options)));
  return formatter;
}

/** Numbers and dates in the reader's conventions: `1.200.000` and `02/12/2026` in Vietnamese. */
export function formatNumber(lang: Lang, value: number, options?: Intl.NumberFormatOptions): string {
  return numberFormat(lang, options).format(value);
}

/**
 * How a reader types a calendar day into a date field (dayjs formats, the first one shown): the same
 * order as `formatDate` writes it, with or without leading zeros.
 */
export const DATE_INPUT_FORMATS: Record<Lang, string[]> = {
  vi: ['DD/MM/YYYY', 'D/M/YYYY'],
  en: ['DD/MM/YYYY', 'D/M/YYYY'],
  ja: ['YYYY/MM/DD', 'YYYY/M/D'],
  ko: ['YYYY. MM. DD.', 'YYYY. M. D.', 'YYYY.MM.DD', 'YYYY.M.D'],
};

/** A calendar day (`YYYY-MM-DD` or an ISO timestamp) as the reader writes dates: dd/MM/yyyy in vi. */
export function formatDate(lang: Lang, value: string | Date): string {
  const date = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : new Date(value);
  return dateFormat(lang, {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: typeof value === 'string' && value.length === 10 ? 'UTC' : 'Asia/Ho_Chi_Minh',
  }).format(date);
}

export function formatDistanceKm(lang: Lang, km: number): string {
  return `${formatNumber(lang, km, { maximumFractionDigits: km < 10 ? 1 : 0 })} km`;
}

/**
 * A moment (ISO timestamp) as date and time in Hải Phòng's time zone, the day written as `formatDate`
 * writes it, with the full year (`2026. 12. 05. 오전 2:53`; the short date style wrote `26. 12. 5.`).
 */
export function formatDateTime(lang: Lang, value: string | Date): string {
  return dateFormat(lang, {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone: 'Asia/Ho_Chi_Minh',
  }).format(new Date(value));
}

/**
 * Items as a sentence lists them: `a, b và c` in Vietnamese, `a、b、c` in Japanese. Made once per
 * language too: the match view's banner made a new one on each render (≈ 80 ms of the throttled
 * renders between the ranking's answer and the ranked list).
 */
export function formatList(lang: Lang, items: string[]): string {
  const key = `l ${lang}`;
  let formatter = formatters.get(key) as Intl.ListFormat | undefined;
  if (!formatter) formatters.set(key, (formatter = new Intl.ListFormat(LOCALE[lang], { type: 'conjunction' })));
  return formatter.format(items);
}
