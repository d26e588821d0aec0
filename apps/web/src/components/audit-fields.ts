import { formatDate, formatNumber } from '../i18n/format.js';
import { displayName } from '../i18n/display-names.js';
import type { Lang } from '../i18n/languages.js';

/** The vocabularies whose codes a logged value holds. */
export type TermKind = 'ZONE' | 'SECTOR' | 'PROCESS' | 'MATERIAL' | 'PRODUCT_GROUP' | 'CERTIFICATION';

export interface AuditValueContext {
  t: (key: string, options?: Record<string, unknown>) => string;
  lang: Lang;
  /** A taxonomy code as the reader calls it (the code itself when unknown). */
  term: (kind: TermKind, code: string) => string;
}

/** A logged value as the page shows it: one line of text, a list of items, or nothing. */
export type ShownValue = { kind: 'text'; text: string } | { kind: 'list'; items: string[] } | { kind: 'empty' };

const CODE_LISTS: Record<string, TermKind> = {
  sectors: 'SECTOR',
  processes: 'PROCESS',
  materials: 'MATERIAL',
  productGroups: 'PRODUCT_GROUP',
};

type Json = Record<string, unknown>;

/** A scalar of a logged record as text (anything else: nothing). */
const str = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');

const text = (value: string): ShownValue => (value.trim() ? { kind: 'text', text: value } : { kind: 'empty' });
const list = (items: string[]): ShownValue => (items.length ? { kind: 'list', items } : { kind: 'empty' });
const present = (...parts: unknown[]) => parts.filter((p): p is string | number => p !== null && p !== undefined && p !== '');

function parsed(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

function certificate(c: Json, ctx: AuditValueContext): string {
  const { t, lang } = ctx;
  const validity = c.validUntil
    ? t('profile.certificateValid', { date: formatDate(lang, str(c.validUntil)) })
    : c.validFrom
      ? t('profile.certificateNotYet', { date: formatDate(lang, str(c.validFrom)) })
      : '';
  const number = c.certificateNumber ? t('auditLog.value.certificateNumber', { value: c.certificateNumber }) : '';
  return present(ctx.term('CERTIFICATION', str(c.code)), number, c.issuingBody, c.scope, validity).join(' · ');
}

function equipment(e: Json, ctx: AuditValueContext): string {
  const { t, lang } = ctx;
  const tonnes = (value: unknown) => (value === null || value === undefined ? '' : `${formatNumber(lang, Number(value))} t`);
  return present(
    t('auditLog.value.equipmentCount', {
      count: Number(e.count),
      formatted: formatNumber(lang, Number(e.count)),
      kind: t(`enums.equipment.${str(e.kind)}`),
    }),
    present(e.maker, e.model).join(' '),
    e.axes ? t('auditLog.value.axes', { count: Number(e.axes) }) : '',
    tonnes(e.pressTonnage),
    tonnes(e.clampForceTonnes),
    e.bedSize,
    e.notes,
  ).join(' · ');
}

/**
 * A logged value (`oldValue`/`newValue`: text, or JSON for lists and records) in the reader's
 * language: numbers and dates in their conventions, codes as their labels, yes/no, lists as lists.
 */
export function showAuditValue(field: string, raw: string | null | undefined, ctx: AuditValueContext): ShownValue {
  if (raw === null || raw === undefined || raw === '') return { kind: 'empty' };
  const { t, lang } = ctx;
  const value = parsed(raw);
  const record = (value && typeof value === 'object' && !Array.isArray(value) ? value : {}) as Json;
  const items = (Array.isArray(value) ? value : []) as unknown[];
  const number = (options?: Intl.NumberFormatOptions) => formatNumber(lang, Number(raw), options);
  if (CODE_LISTS[field]) return list(items.map((code) => ctx.term(CODE_LISTS[field]!, str(code))));
  switch (field) {
    case 'zone':
      return text(ctx.term('ZONE', raw));
    case 'address':
      return text(present(record.street, record.ward, record.oldDistrict, record.province).join(', '));
    case 'location':
      return text([record.latitude, record.longitude].map((c) => formatNumber(lang, Number(c), { maximumFractionDigits: 5 })).join(' ; '));
    case 'employees':
    case 'minimumOrderQuantity':
      return text(number());
    case 'foundedYear':
      return text(raw);
    case 'leadTimeDays':
      return text(t('profile.leadTimeDays', { count: Number(raw) }));
    case 'bestToleranceMm':
      return text(`± ${number({ maximumFractionDigits: 3 })} mm`);
    case 'monthlyCapacity':
      return text(t('directory.perMonth', { value: formatNumber(lang, Number(record.value)), unit: t(`enums.unit.${str(record.unit)}`) }));
    case 'ownership':
      return text(
        present(t(`enums.ownership.${str(record.type)}`), record.country ? displayName(lang, 'region', str(record.country)) : '').join(
          ' · ',
        ),
      );
    case 'exportMarkets':
      return list(items.map((code) => displayName(lang, 'region', str(code))));
    case 'languages':
      return list(items.map((code) => displayName(lang, 'language', str(code))));
    case 'certifications':
      return list(items.map((c) => certificate(c as Json, ctx)));
    case 'equipment':
      return list(items.map((e) => equipment(e as Json, ctx)));
    case 'exportExperience':
    case 'onboarding.published':
      return text(t(raw === 'true' ? 'auditLog.value.yes' : 'auditLog.value.no'));
    case 'verificationStatus':
      return text(t(`profile.verification.${raw}`));
    case 'onboarding.dataSource':
      return text(t(`auditLog.value.dataSource.${raw}`));
    case 'onboarding.maintainedBy':
      return text(t(`auditLog.value.maintainedBy.${raw}`));
    default:
      // text fields as written; a list or record this page does not know yet, item by item
      return Array.isArray(value) ? list(items.map((item) => (typeof item === 'object' ? JSON.stringify(item) : str(item)))) : text(raw);
  }
}
