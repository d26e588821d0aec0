import type { Actor, MaybeActor } from '#libs/accounts';

/** DI token of the ContactDisclosure that the introductions capability provides. */
export const CONTACT_DISCLOSURE = Symbol('CONTACT_DISCLOSURE');

/**
 * Contacts are confidential to a company's members and ADMIN, except between a buyer and a
 * supplier whose introduction was accepted. Implemented where introductions live; companies only
 * ask.
 */
export interface ContactDisclosure {
  /** Of `supplierIds`, those whose contacts the actor sees through an accepted introduction. */
  suppliersRevealedTo(actor: Actor, supplierIds: string[]): Promise<Set<string>>;
  /** Of `buyerIds`, those whose contacts the actor sees through an accepted introduction. */
  buyersRevealedTo(actor: Actor, buyerIds: string[]): Promise<Set<string>>;
}

export async function revealedSuppliers(disclosure: ContactDisclosure | undefined, actor: MaybeActor, ids: string[]): Promise<Set<string>> {
  if (!disclosure || !actor || !ids.length || !actor.buyerIds.size) return new Set();
  return disclosure.suppliersRevealedTo(actor, ids);
}

export async function revealedBuyers(disclosure: ContactDisclosure | undefined, actor: MaybeActor, ids: string[]): Promise<Set<string>> {
  if (!disclosure || !actor || !ids.length || !actor.supplierIds.size) return new Set();
  return disclosure.buyersRevealedTo(actor, ids);
}
