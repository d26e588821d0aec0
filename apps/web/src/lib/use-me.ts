import { useQuery } from '@apollo/client/react';
import type { ViewerQuery as ViewerData } from '../gql/graphql.js';
import { graphql } from '../gql/index.js';
import { useSession } from './use-session.js';

export const ViewerQuery = graphql(`
  query Viewer {
    me {
      id
      displayName
      role
      memberships {
        companyId
        companyKind
      }
    }
  }
`);

export type Roles = ReturnType<typeof rolesOf>;

/** What the user's role and memberships allow (shared by useMe and the routes' prefetch). */
export function rolesOf(me: ViewerData['me'] | null) {
  return {
    supplierIds: me?.memberships.filter((m) => m.companyKind === 'SUPPLIER').map((m) => m.companyId) ?? [],
    buyerIds: me?.memberships.filter((m) => m.companyKind === 'BUYER').map((m) => m.companyId) ?? [],
    isAdmin: me?.role === 'ADMIN',
    isAnalyst: me?.role === 'ANALYST' || me?.role === 'ADMIN',
    /** The centre's people who keep supplier profiles on SMEs' behalf (assisted onboarding). */
    isCentreStaff: me?.role === 'STAFF' || me?.role === 'ADMIN',
  };
}

/** A user of no company and no role at the centre yet, who may register their company as a supplier. */
export const isNewcomer = (me: Roles) => me.supplierIds.length === 0 && me.buyerIds.length === 0 && !me.isAnalyst && !me.isCentreStaff;

/**
 * Who is signed in: their platform role and the companies they are a member of (a user can be a
 * member of a supplier and of a buyer). What a page shows follows from this, but what a user may
 * see is decided by the API: this only avoids offering what would be refused.
 */
export function useMe() {
  const session = useSession();
  const signedIn = session.status === 'signed-in';
  const query = useQuery(ViewerQuery, { skip: !signedIn });
  const me = query.data?.me ?? null;
  const status =
    session.status === 'unknown' || (signedIn && query.loading && !query.data)
      ? 'loading'
      : !signedIn
        ? 'anonymous'
        : query.error
          ? 'error'
          : 'ready';
  return { status, me, error: query.error, ...rolesOf(me) } as const;
}
