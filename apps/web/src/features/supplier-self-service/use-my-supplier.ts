import { useQuery } from '@apollo/client/react';
import { useSession } from '../../lib/use-session.js';
import { MyCompaniesQuery } from './api/supplier-profile.js';

/** The signed-in member's supplier (its first, if several), or null; `status` says whether that is known yet. */
export function useMySupplier() {
  const session = useSession();
  const signedIn = session.status === 'signed-in';
  const me = useQuery(MyCompaniesQuery, { skip: !signedIn });
  const supplierId = me.data?.me.memberships.find((m) => m.companyKind === 'SUPPLIER')?.companyId ?? null;
  const status =
    session.status === 'unknown' || (signedIn && me.loading && !me.data)
      ? 'loading'
      : !signedIn
        ? 'anonymous'
        : me.error
          ? 'error'
          : 'ready';
  return { status, supplierId, error: me.error } as const;
}
