import { Alert, Button, Loader, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { NotAllowed } from '../../../components/not-allowed.js';
import { useLang } from '../../../i18n/use-lang.js';
import { problemFrom } from '../../../lib/api-errors.js';
import { problemMessage } from '../../../lib/problem-messages.js';
import { useMe } from '../../../lib/use-me.js';

/**
 * The buyer pages need a signed-in member of a buyer: anonymous visitors are asked to sign in, other
 * users get the "not allowed" page (the API refuses them the data either way).
 */
export function BuyerGate({ children }: { children: (buyerIds: string[]) => ReactNode }) {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe();
  if (me.status === 'loading') return <Loader aria-label={t('app.loading')} />;
  if (me.status === 'anonymous')
    return (
      <Stack gap="xs" align="flex-start">
        <Text>{t('buyer.signInFirst')}</Text>
        <Button component={Link} to={`/${lang}/sign-in`}>
          {t('app.nav.signIn')}
        </Button>
      </Stack>
    );
  if (me.status === 'error') return <Alert color="red">{problemMessage(t, problemFrom(me.error))}</Alert>;
  if (me.buyerIds.length === 0) return <NotAllowed />;
  return <>{children(me.buyerIds)}</>;
}
