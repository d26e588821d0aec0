import { useLazyQuery } from '@apollo/client/react';
import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/use-lang.js';
import { SuggestCapabilitiesQuery } from './supplier-form-api.js';
import { EMPTY_CERTIFICATE } from './profile-form.js';
import type { ProfileEditor } from './use-profile-editor.js';

const KINDS = ['processes', 'materials', 'productGroups', 'certifications'] as const;

/** "Fill from our description": the API reads the description; the member adds each suggestion it agrees with. */
export function SuggestCapabilities({ editor }: { editor: ProfileEditor }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [suggest, { data, loading }] = useLazyQuery(SuggestCapabilitiesQuery);
  const { values } = editor;
  const text = [values.descriptionVi, values.descriptionEn].filter((part) => part.trim()).join('\n');
  const isAdded = (kind: (typeof KINDS)[number], code: string) =>
    kind === 'certifications' ? values.certifications.some((c) => c.code === code) : values[kind].includes(code);
  const add = (kind: (typeof KINDS)[number], code: string) => {
    if (kind === 'certifications') editor.setField('certifications', [...values.certifications, { ...EMPTY_CERTIFICATE, code }]);
    else editor.setField(kind, [...values[kind], code]);
  };
  const found = data?.suggestCapabilities;
  const total = found ? KINDS.reduce((n, kind) => n + found[kind].length, 0) : 0;
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="suggest-title">
      <Stack gap="xs">
        <Title order={2} size="h5" id="suggest-title">
          {t('sme.suggest.title')}
        </Title>
        <Text size="sm" c="gray.7">
          {text ? t('sme.suggest.hint') : t('sme.suggest.empty')}
        </Text>
        <Group>
          <Button
            variant="light"
            disabled={!text}
            loading={loading}
            onClick={() => void suggest({ variables: { text: text.slice(0, 5000), lang } })}
          >
            {t('sme.suggest.run')}
          </Button>
        </Group>
        {found && total === 0 ? <Text size="sm">{t('sme.suggest.none')}</Text> : null}
        {found
          ? KINDS.filter((kind) => found[kind].length > 0).map((kind) => (
              <Stack key={kind} gap={4}>
                <Text size="sm" fw={600}>
                  {t(`sme.suggest.kinds.${kind}`)}
                </Text>
                <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                  {found[kind].map((item) => (
                    <Group key={item.code} component="li" gap="xs" wrap="wrap">
                      {isAdded(kind, item.code) ? (
                        <Badge color="teal.9" variant="outline">
                          {item.label} · {t('sme.suggest.added')}
                        </Badge>
                      ) : (
                        <Button size="compact-sm" variant="outline" onClick={() => add(kind, item.code)}>
                          {t('sme.suggest.accept', { label: item.label })}
                        </Button>
                      )}
                      <Text size="xs" c="gray.7">
                        {t('sme.suggest.matched', { words: item.matched.join('”, “') })}
                      </Text>
                    </Group>
                  ))}
                </Stack>
              </Stack>
            ))
          : null}
      </Stack>
    </Paper>
  );
}
