import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { useLang } from '../i18n/use-lang.js';
import { problemFrom } from '../lib/api-errors.js';
import { problemMessage } from '../lib/problem-messages.js';
import { isNewcomer, useMe, type Roles } from '../lib/use-me.js';
import { NotAllowed } from './not-allowed.js';
import { Loading } from './loading.js';

export type Me = ReturnType<typeof useMe>;

/**
 * A page for some users only: anonymous visitors go to the sign-in page, which brings them back here
 * (`from`); a signed-in user who may not see it gets <NotAllowed/> and the page's queries never run.
 * The API refuses the data anyway: this only avoids a broken render.
 */
export function RequireRole({ allow, children }: { allow: (me: Me) => boolean; children: ReactNode | ((me: Me) => ReactNode) }) {
  const { t } = useTranslation();
  const lang = useLang();
  const location = useLocation();
  const me = useMe();
  if (me.status === 'loading') return <Loading my="lg" />;
  if (me.status === 'anonymous')
    return <Navigate to={`/${lang}/sign-in`} replace state={{ from: `${location.pathname}${location.search}` }} />;
  if (me.status === 'error') return <Alert color="red">{problemMessage(t, problemFrom(me.error))}</Alert>;
  if (!allow(me)) return <NotAllowed />;
  return <>{typeof children === 'function' ? children(me) : children}</>;
}

export const isAnalyst = (me: Roles) => me.isAnalyst;
export const isAdmin = (me: Roles) => me.isAdmin;
/** ADMIN and the centre's field staff (STAFF), who keep profiles on SMEs' behalf. */
export const isCentreStaff = (me: Roles) => me.isCentreStaff;
export const isBuyerMember = (me: Roles) => me.buyerIds.length > 0;
/**
 * The supplier pages (profile, inbox, needs, qualify): a supplier's members, and a newcomer, whose
 * empty profile form registers their company. Not a buyer's member (their company is no local
 * supplier) nor the centre's people (they keep profiles from the console): the menu offers them neither.
 */
export const isSupplierSide = (me: Roles) => me.supplierIds.length > 0 || isNewcomer(me);
