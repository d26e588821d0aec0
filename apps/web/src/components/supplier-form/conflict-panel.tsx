import { ConflictPanel as VersionConflictPanel } from '../conflict-panel.js';
import { useTranslation } from 'react-i18next';
import type { ProfileValues } from './profile-form.js';
import type { ProfileEditor } from './use-profile-editor.js';

/** A field's value as a line of text, for comparing two versions. */
function show(value: ProfileValues[keyof ProfileValues], empty: string): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return empty;
    return value
      .map((item) =>
        typeof item === 'string'
          ? item
          : 'kind' in item
            ? `${item.kind} × ${item.count}`
            : [item.code, item.validUntil].filter(Boolean).join(' → '),
      )
      .join(', ');
  }
  return value === '' ? empty : value;
}

/** The supplier form's conflict view: the shared one, with the profile's field names and values. */
export function ConflictPanel({ editor }: { editor: ProfileEditor }) {
  const { t } = useTranslation();
  return (
    <VersionConflictPanel
      conflict={editor.conflict}
      fieldLabel={(field) => t(`sme.field.${field}`)}
      show={(value) => show(value, t('sme.conflict.empty'))}
      choose={editor.choose}
      chooseAll={editor.chooseAll}
      resolve={() => void editor.resolveConflict()}
      saving={editor.saving}
    />
  );
}
