import type { EntityManager } from 'typeorm';

/** A company a user can belong to: exactly one of a supplier or a buyer. */
export type MembershipCompany = { supplierId: string; buyerId?: never } | { buyerId: string; supplierId?: never };

/**
 * Makes `userId` a member of the company, in the caller's transaction (idempotent). The only
 * writer of `company_memberships`: companies call it when a member creates a company.
 */
export async function grantMembership(manager: EntityManager, userId: string, company: MembershipCompany): Promise<void> {
  await manager.query('INSERT INTO company_memberships (user_id, supplier_id, buyer_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
    userId,
    company.supplierId ?? null,
    company.buyerId ?? null,
  ]);
}
