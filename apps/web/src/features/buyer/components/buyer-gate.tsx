import type { ReactNode } from 'react';
import { isBuyerMember, RequireRole } from '../../../components/require-role.js';

/** The buyer pages: for members of a buyer (see RequireRole), handed the buyers they belong to. */
export function BuyerGate({ children }: { children: (buyerIds: string[]) => ReactNode }) {
  return <RequireRole allow={isBuyerMember}>{(me) => children(me.buyerIds)}</RequireRole>;
}
