import type { ReactNode } from 'react';
import { isSignedIn, RequireRole } from '../../../components/require-role.js';

/** Pages for a supplier's members (see RequireRole), handed the member's supplier (its first, if several) or null. */
export function MemberGate({ children }: { children: (supplierId: string | null) => ReactNode }) {
  return <RequireRole allow={isSignedIn}>{(me) => children(me.supplierIds[0] ?? null)}</RequireRole>;
}
