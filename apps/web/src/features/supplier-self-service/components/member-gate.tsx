import { Alert, Button, Loader, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLang } from '../../../i18n/use-lang.js';
import { problemFrom } from '../../../lib/api-errors.js';
import { problemMessage } from '../../../lib/problem-messages.js';
import { useMySupplier } from '../use-my-supplier.js';

/** Pages for a supplier's members: asks anonymous visitors to sign in, then hands over the supplier id. */
export function MemberGate({ children }: { children: (supplierId: string | null) => ReactNode }) {
  const { t } = useTranslation();
  const lang = useLang();
  const mine = useMySupplier();
  if (mine.status === 'loading') return <Loader aria-label={t('app.loading')} />;
  if (mine.status === 'anonymous')
    return (
      <Stack gap="xs" align="flex-start">
        <Text>{t('sme.signInFirst')}</Text>
        <Button component={Link} to={`/${lang}/sign-in`}>
          {t('sme.signIn')}
        </Button>
      </Stack>
    );
  if (mine.status === 'error') return <Alert color="red">{problemMessage(t, problemFrom(mine.error))}</Alert>;
  return <>{children(mine.supplierId)}</>;
}
