import { Checkbox, Fieldset, Radio, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProfileEditor } from '../../../components/supplier-form/use-profile-editor.js';

export const DATA_SOURCES = ['VISIT', 'PHONE', 'REGISTRY_FILE', 'SME_SUBMISSION'] as const;

/**
 * What the centre records beside a profile it enters on an SME's behalf: how the data was obtained,
 * and whether the SME agreed to publish it, with what publishing means in plain words. Kept in the
 * form's draft with the profile (`editor.extra`).
 */
export function OnboardingFields({ editor }: { editor: ProfileEditor }) {
  const { t } = useTranslation();
  return (
    <Fieldset legend={t('console.onboarding.form.record')}>
      <Stack gap="md">
        <Radio.Group
          label={t('console.onboarding.form.provenance')}
          description={t('console.onboarding.form.provenanceHint')}
          value={editor.extra.dataSource ?? ''}
          onChange={(value) => editor.setExtraField('dataSource', value)}
          error={editor.errorFor('onboarding.dataSource')}
          required
        >
          <Stack gap="xs" mt="xs">
            {DATA_SOURCES.map((source) => (
              <Radio
                key={source}
                value={source}
                label={t(`console.onboarding.dataSource.${source}.label`)}
                description={t(`console.onboarding.dataSource.${source}.description`)}
              />
            ))}
          </Stack>
        </Radio.Group>
        <div>
          <Checkbox
            checked={editor.extra.consent === 'yes'}
            onChange={(event) => editor.setExtraField('consent', event.currentTarget.checked ? 'yes' : '')}
            label={t('console.onboarding.form.consent')}
            description={t('console.onboarding.form.consentHelp')}
          />
          <Text size="sm" mt={6}>
            {editor.extra.consent === 'yes' ? t('console.onboarding.form.willPublish') : t('console.onboarding.form.willNotPublish')}
          </Text>
        </div>
      </Stack>
    </Fieldset>
  );
}
