import { Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function AccountRoute() {
  const { t } = useTranslation();
  return <Title order={1}>{t('auth.account.title')}</Title>;
}
