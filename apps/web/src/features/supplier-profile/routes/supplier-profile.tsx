import { Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function SupplierProfileRoute() {
  const { t } = useTranslation();
  return <Title order={1}>{t('profile.overview')}</Title>;
}
