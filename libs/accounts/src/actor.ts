import { Forbidden, Unauthenticated } from '#libs/core';
import type { PlatformRole } from './entities.js';

/**
 * Who is calling: resolved once per request from the access token. Services decide access from
 * it; resolvers only pass it on.
 */
export interface Actor {
  userId: string;
  role: PlatformRole;
  supplierIds: ReadonlySet<string>;
  buyerIds: ReadonlySet<string>;
}

export type MaybeActor = Actor | null;

export function requireActor(actor: MaybeActor): Actor {
  if (!actor) throw new Unauthenticated();
  return actor;
}

export function isAdmin(actor: MaybeActor): boolean {
  return actor?.role === 'ADMIN';
}

export function requireAdmin(actor: MaybeActor): Actor {
  const signedIn = requireActor(actor);
  if (signedIn.role !== 'ADMIN') throw new Forbidden("Only the support centre's administrators may do this");
  return signedIn;
}

/** The centre's people who keep supplier profiles on SMEs' behalf: ADMIN or STAFF. */
export function isCentreStaff(actor: MaybeActor): boolean {
  return actor?.role === 'ADMIN' || actor?.role === 'STAFF';
}

/** ADMIN or STAFF (assisted onboarding: profiles on an SME's behalf, claim codes, audit logs). */
export function requireCentreStaff(actor: MaybeActor): Actor {
  const signedIn = requireActor(actor);
  if (!isCentreStaff(signedIn)) throw new Forbidden("Only the support centre's staff may do this");
  return signedIn;
}

/** The support centre's staff: ADMIN or ANALYST (aggregate analytics). */
export function requireAnalyst(actor: MaybeActor): Actor {
  const signedIn = requireActor(actor);
  if (signedIn.role !== 'ADMIN' && signedIn.role !== 'ANALYST')
    throw new Forbidden("Only the support centre's analysts and administrators may see analytics");
  return signedIn;
}

export function isSupplierMember(actor: MaybeActor, supplierId: string): boolean {
  return !!actor && actor.supplierIds.has(supplierId);
}

export function isBuyerMember(actor: MaybeActor, buyerId: string): boolean {
  return !!actor && actor.buyerIds.has(buyerId);
}
