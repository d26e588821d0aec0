import { Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function RegisterRoute() {
  const { t } = useTranslation();
  return <Title order={1}>{t('auth.register.title')}</Title>;
}
