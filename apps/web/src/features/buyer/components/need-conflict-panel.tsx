import { useTranslation } from 'react-i18next';
import { ConflictPanel } from '../../../components/conflict-panel.js';
import { formatDate, formatList } from '../../../i18n/format.js';
import type { TermKind } from '../../../components/audit-fields.js';
import { useValueContext } from '../../../components/use-value-context.js';
import type { NeedValues } from '../need-form.js';
import type { NeedEditor } from '../use-need-editor.js';

/**
 * The need form's conflict view: the shared one, titled for a need (it said "this profile"), each value as the form shows it in the reader's
 * language (processes, materials and certificates by name, the unit and the visibility in words, the
 * day as the reader writes it), not as the codes the form keeps.
 */
export function NeedConflictPanel({ editor }: { editor: NeedEditor }) {
  return editor.conflict ? <NamedConflictPanel editor={editor} /> : null;
}

function NamedConflictPanel({ editor }: { editor: NeedEditor }) {
  const { t } = useTranslation();
  // the vocabularies as the profile form's conflict view and the audit log name them
  const { lang, term } = useValueContext();
  const kindOf: Partial<Record<keyof NeedValues, TermKind>> = {
    processes: 'PROCESS',
    materials: 'MATERIAL',
    certifications: 'CERTIFICATION',
  };
  const show = (value: NeedValues[keyof NeedValues], field: keyof NeedValues): string => {
    if (Array.isArray(value))
      return value.length
        ? formatList(
            lang,
            value.map((code) => (kindOf[field] ? term(kindOf[field], code) : code)),
          )
        : t('sme.conflict.empty');
    if (value.trim() === '') return t('sme.conflict.empty');
    if (field === 'quantityUnit') return t(`enums.unit.${value as NeedValues['quantityUnit']}`);
    if (field === 'visibility') return t(`buyer.visibility.${value as NeedValues['visibility']}.label`);
    if (field === 'neededBy') return formatDate(lang, value);
    return value;
  };
  return (
    <ConflictPanel
      conflict={editor.conflict}
      title={t('buyer.form.conflictTitle')}
      fieldLabel={(field) => t(`buyer.form.${field}`)}
      show={show}
      choose={editor.choose}
      chooseAll={editor.chooseAll}
      resolve={() => void editor.resolveConflict()}
      saving={editor.saving}
    />
  );
}
