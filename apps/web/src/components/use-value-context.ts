import { useTranslation } from 'react-i18next';
import { useLang } from '../i18n/use-lang.js';
import { useTermLabels } from '../lib/use-term-labels.js';
import type { AuditValueContext, TermKind } from './audit-fields.js';

/**
 * What `showAuditValue` needs to name a supplier's values in the reader's language: the labels of
 * every vocabulary a value may hold (the cached queries the taxonomy pickers use). The audit log and
 * the profile form's and the need form's conflict views show values through it.
 */
export function useValueContext(): AuditValueContext {
  const { t } = useTranslation();
  const lang = useLang();
  const labels: Record<TermKind, (code: string) => string> = {
    ZONE: useTermLabels('ZONE'),
    SECTOR: useTermLabels('SECTOR'),
    PROCESS: useTermLabels('PROCESS'),
    MATERIAL: useTermLabels('MATERIAL'),
    PRODUCT_GROUP: useTermLabels('PRODUCT_GROUP'),
    CERTIFICATION: useTermLabels('CERTIFICATION'),
  };
  return { t: t as unknown as AuditValueContext['t'], lang, term: (kind, code) => labels[kind](code) };
}
