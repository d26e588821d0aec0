import { useTranslation } from 'react-i18next';
import { formatList } from '../../i18n/format.js';
import { showAuditValue, type AuditValueContext, type ShownValue } from '../audit-fields.js';
import { ConflictPanel as VersionConflictPanel } from '../conflict-panel.js';
import { useValueContext } from '../use-value-context.js';
import { splitCodes, type ProfileValues } from './profile-form.js';
import type { ProfileEditor } from './use-profile-editor.js';

type Field = keyof ProfileValues;

/**
 * The form's fields that hold codes or records, under the audit log's name for them: shown as the
 * audit log shows a profile's values, by name in the reader's language ("CNC旋盤 × 2", "日本、韓国")
 * where their codes (`CNC_LATHE × 2`, "JP, KR") meant nothing to the member.
 */
const NAMED: Partial<Record<Field, string>> = {
  zoneCode: 'zone',
  processes: 'processes',
  materials: 'materials',
  productGroups: 'productGroups',
  certifications: 'certifications',
  equipment: 'equipment',
  exportMarkets: 'exportMarkets',
  languages: 'languages',
};

/** A field's value as a line of text in the reader's language, for comparing two versions. */
function show(field: Field, value: ProfileValues[Field], context: AuditValueContext): string {
  const { t, lang } = context;
  const logged = NAMED[field];
  let shown: ShownValue;
  if (field === 'capacityUnit') shown = { kind: 'text', text: t(`enums.unit.${value as string}`) };
  else if (logged) {
    // lists and records as the log keeps them (JSON); the countries and languages the form keeps as "JP, KR"
    const raw = typeof value !== 'string' ? JSON.stringify(value) : field === 'zoneCode' ? value : JSON.stringify(splitCodes(value));
    shown = showAuditValue(logged, raw, context);
  } else shown = typeof value === 'string' && value.trim() ? { kind: 'text', text: value } : { kind: 'empty' };
  if (shown.kind === 'empty') return t('sme.conflict.empty');
  return shown.kind === 'text' ? shown.text : formatList(lang, shown.items);
}

/** The supplier form's conflict view: the shared one, with the profile's field names and values. */
export function ConflictPanel({ editor }: { editor: ProfileEditor }) {
  // the vocabularies' labels are asked for only once there is a conflict to show
  return editor.conflict ? <NamedConflictPanel editor={editor} /> : null;
}

function NamedConflictPanel({ editor }: { editor: ProfileEditor }) {
  const { t } = useTranslation();
  const context = useValueContext();
  return (
    <VersionConflictPanel
      conflict={editor.conflict}
      title={t('sme.conflict.title')}
      fieldLabel={(field) => t(`sme.field.${field}`)}
      show={(value, field) => show(field, value, context)}
      choose={editor.choose}
      chooseAll={editor.chooseAll}
      resolve={() => void editor.resolveConflict()}
      saving={editor.saving}
    />
  );
}
