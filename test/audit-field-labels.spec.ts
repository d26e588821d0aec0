import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { AUDITED_SUPPLIER_FIELDS } from '#libs/companies';
import { AUDIT_FIELD_LABELS } from '../apps/web/src/components/audit-field-labels.js';

const I18N = new URL('../apps/web/src/i18n/', import.meta.url).pathname;
const json = (path: string) => JSON.parse(readFileSync(`${I18N}${path}`, 'utf8')) as Record<string, unknown>;

/** The messages the labels are looked up in, as the app puts them together (i18n/messages/<lang>.ts). */
const messages = (lang: string) => ({ ...json(`locales/${lang}.json`), auditLog: json(`audit-log/${lang}.json`) });

const lookup = (tree: Record<string, unknown>, key: string): unknown =>
  key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);

/**
 * The supplier audit log on the web names each changed field as people say it: every field the
 * API's audit code can log (libs/companies, supplier-audit.ts) must have a label in every language.
 */
describe('audit log field labels', () => {
  it('labels every field the API can log', () => {
    expect(AUDITED_SUPPLIER_FIELDS.length).toBeGreaterThan(30);
    expect(AUDITED_SUPPLIER_FIELDS.filter((field) => !AUDIT_FIELD_LABELS[field])).toEqual([]);
  });

  it.each(['vi', 'en', 'ja', 'ko'])('has every label in %s', (lang) => {
    const tree = messages(lang);
    const missing = AUDITED_SUPPLIER_FIELDS.filter((field) => {
      const label = lookup(tree, AUDIT_FIELD_LABELS[field] ?? '');
      return typeof label !== 'string' || !label.trim() || label.includes('{{');
    });
    expect(missing).toEqual([]);
  });
});
