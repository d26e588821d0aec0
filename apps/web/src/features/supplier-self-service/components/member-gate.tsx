import { Alert, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { useLang } from '../../../i18n/use-lang.js';
import { problemFrom } from '../../../lib/api-errors.js';
import { problemMessage } from '../../../lib/problem-messages.js';
import { useMySupplier } from '../use-my-supplier.js';

/** Pages for a supplier's members: sends anonymous visitors to sign in (and back), then hands over the supplier id. */
export function MemberGate({ children }: { children: (supplierId: string | null) => ReactNode }) {
  const { t } = useTranslation();
  const lang = useLang();
  const location = useLocation();
  const mine = useMySupplier();
  if (mine.status === 'loading') return <Loader aria-label={t('app.loading')} />;
  // Anonymous visitors sign in first and come back here.
  if (mine.status === 'anonymous')
    return <Navigate to={`/${lang}/sign-in`} replace state={{ from: `${location.pathname}${location.search}` }} />;
  if (mine.status === 'error') return <Alert color="red">{problemMessage(t, problemFrom(mine.error))}</Alert>;
  return <>{children(mine.supplierId)}</>;
}
