import { Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLang } from '../i18n/use-lang.js';

/**
 * What a page shows a signed-in user who may not see it (another company's need, a staff page):
 * a plain explanation, never a half-rendered page. The API refuses the data either way.
 */
export function NotAllowed() {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Stack align="flex-start" gap="md" py="xl" data-testid="not-allowed">
      <Title order={1}>{t('app.notAllowed.title')}</Title>
      <Text>{t('app.notAllowed.body')}</Text>
      <Button component={Link} to={`/${lang}`}>
        {t('app.notAllowed.action')}
      </Button>
    </Stack>
  );
}
