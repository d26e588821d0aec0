import { Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLang } from '../i18n/use-lang.js';

export function NotFoundRoute() {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Stack align="flex-start" gap="md" py="xl">
      <Title order={1}>{t('app.notFound.title')}</Title>
      <Text>{t('app.notFound.body')}</Text>
      <Button component={Link} to={`/${lang}`}>
        {t('app.notFound.action')}
      </Button>
    </Stack>
  );
}
