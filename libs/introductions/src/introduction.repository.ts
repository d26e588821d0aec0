import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/** An introduction with the names a reader sees beside it (its need's title and buyer, its supplier). */
export interface IntroductionRow {
  id: string;
  need_id: string;
  need_title: string;
  need_visibility: string;
  buyer_id: string;
  buyer_name: string;
  supplier_id: string;
  supplier_name: string;
  status: string;
  message: string | null;
  decline_reason: string | null;
  decline_text: string | null;
  buyer_revealed: boolean;
  invited_at: Date | null;
  responded_at: Date | null;
  updated_at: Date;
  need_status: string;
  awarded: boolean;
}

/** Reads sourcing_needs, buyers and suppliers (their owners' tables) for the names only. */
const SELECT_INTRODUCTIONS = `
  SELECT i.id, i.need_id, n.title AS need_title, n.visibility AS need_visibility, n.buyer_id, b.name AS buyer_name,
         i.supplier_id, s.name_vi AS supplier_name, i.status, i.message, i.decline_reason, i.decline_text,
         i.buyer_revealed, i.invited_at, i.responded_at, i.updated_at, n.status AS need_status,
         (n.status = 'AWARDED' AND n.awarded_supplier_id = i.supplier_id) AS awarded
    FROM introductions i
    JOIN sourcing_needs n ON n.id = i.need_id
    JOIN buyers b ON b.id = n.buyer_id
    JOIN suppliers s ON s.id = i.supplier_id`;

/**
 * The introductions table, which this lib owns: every write to it, and the reads of the workflow.
 * Methods that take an EntityManager run in the caller's transaction.
 */
@Injectable()
export class IntroductionRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Puts a supplier on a need's shortlist; the new introduction's id, or null when it already had one. */
  async shortlist(manager: EntityManager, needId: string, supplierId: string): Promise<string | null> {
    const [row]: ({ id: string } | undefined)[] = await manager.query(
      `INSERT INTO introductions (need_id, supplier_id, status) VALUES ($1, $2, 'SHORTLISTED') ON CONFLICT (need_id, supplier_id) DO NOTHING RETURNING id`,
      [needId, supplierId],
    );
    return row?.id ?? null;
  }

  /** Invites a supplier (new, or shortlisted before); null when it was already invited. */
  async invite(manager: EntityManager, needId: string, supplierId: string, message: string | null): Promise<string | null> {
    const [row]: ({ id: string } | undefined)[] = await manager.query(
      `INSERT INTO introductions (need_id, supplier_id, status, message, invited_at) VALUES ($1, $2, 'INVITED', $3, now())
       ON CONFLICT (need_id, supplier_id) DO UPDATE SET status = 'INVITED', message = EXCLUDED.message, invited_at = now(), updated_at = now()
         WHERE introductions.status = 'SHORTLISTED'
       RETURNING id`,
      [needId, supplierId, message],
    );
    return row?.id ?? null;
  }

  /**
   * An invitation its supplier may answer, locked: not a shortlist, of a supplier not suspended and
   * a buyer still verified (others wait unseen).
   */
  async lockInvitation(
    manager: EntityManager,
    id: string,
  ): Promise<{ id: string; need_id: string; supplier_id: string; status: string; need_status: string } | undefined> {
    const [row]: ({ id: string; need_id: string; supplier_id: string; status: string; need_status: string } | undefined)[] =
      await manager.query(
        `SELECT i.id, i.need_id, i.supplier_id, i.status, n.status AS need_status FROM introductions i JOIN suppliers s ON s.id = i.supplier_id
        JOIN sourcing_needs n ON n.id = i.need_id JOIN buyers b ON b.id = n.buyer_id
        WHERE i.id = $1 AND i.status <> 'SHORTLISTED' AND s.verification_status <> 'SUSPENDED' AND b.verification_status = 'VERIFIED' FOR UPDATE OF i`,
        [id],
      );
    return row;
  }

  /** Records a supplier's answer: ACCEPTED, or DECLINED with a reason and words. */
  async answer(
    manager: EntityManager,
    id: string,
    status: 'ACCEPTED' | 'DECLINED',
    reason: string | null,
    text: string | null,
  ): Promise<void> {
    await manager.query(
      `UPDATE introductions SET status = $2, decline_reason = $3, decline_text = $4, responded_at = now(), updated_at = now() WHERE id = $1`,
      [id, status, reason, text],
    );
  }

  /** An introduction with its need's buyer, locked. */
  async lockWithBuyer(
    manager: EntityManager,
    id: string,
  ): Promise<{ id: string; need_id: string; status: string; supplier_id: string; buyer_id: string } | undefined> {
    const [row]: ({ id: string; need_id: string; status: string; supplier_id: string; buyer_id: string } | undefined)[] =
      await manager.query(
        'SELECT i.id, i.need_id, i.status, i.supplier_id, n.buyer_id FROM introductions i JOIN sourcing_needs n ON n.id = i.need_id WHERE i.id = $1 FOR UPDATE OF i',
        [id],
      );
    return row;
  }

  async markBuyerRevealed(manager: EntityManager, id: string): Promise<void> {
    await manager.query('UPDATE introductions SET buyer_revealed = true, updated_at = now() WHERE id = $1', [id]);
  }

  /** The id of the supplier's accepted introduction to the need, if it accepted. */
  async acceptedId(manager: EntityManager, needId: string, supplierId: string): Promise<string | undefined> {
    const [row]: ({ id: string } | undefined)[] = await manager.query(
      `SELECT id FROM introductions WHERE need_id = $1 AND supplier_id = $2 AND status = 'ACCEPTED'`,
      [needId, supplierId],
    );
    return row?.id;
  }

  async findById(id: string): Promise<IntroductionRow | undefined> {
    const [row] = await this.dataSource.query<IntroductionRow[]>(`${SELECT_INTRODUCTIONS} WHERE i.id = $1`, [id]);
    return row;
  }

  /** A need's introductions, first created first, at most `first`. */
  findForNeed(needId: string, first: number): Promise<IntroductionRow[]> {
    return this.dataSource.query(`${SELECT_INTRODUCTIONS} WHERE i.need_id = $1 ORDER BY i.created_at, i.id LIMIT $2`, [needId, first]);
  }

  /**
   * Invitations to these suppliers (of verified buyers, the supplier not suspended) and answers to
   * these buyers' needs, last changed first.
   */
  findInbox(supplierIds: string[], buyerIds: string[], first: number): Promise<IntroductionRow[]> {
    return this.dataSource.query(
      `${SELECT_INTRODUCTIONS}
        WHERE (i.supplier_id = ANY($1::uuid[]) AND i.status IN ('INVITED', 'ACCEPTED', 'DECLINED') AND s.verification_status <> 'SUSPENDED' AND b.verification_status = 'VERIFIED')
           OR (n.buyer_id = ANY($2::uuid[]) AND i.status IN ('ACCEPTED', 'DECLINED'))
        ORDER BY i.updated_at DESC, i.id LIMIT $3`,
      [supplierIds, buyerIds, first],
    );
  }

  /** Of these suppliers, those that accepted an invitation to a need of these buyers. */
  async suppliersAcceptedBy(supplierIds: string[], buyerIds: string[]): Promise<Set<string>> {
    const rows: { supplier_id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT i.supplier_id FROM introductions i JOIN sourcing_needs n ON n.id = i.need_id
        WHERE i.status = 'ACCEPTED' AND i.supplier_id = ANY($1::uuid[]) AND n.buyer_id = ANY($2::uuid[])`,
      [supplierIds, buyerIds],
    );
    return new Set(rows.map((r) => r.supplier_id));
  }

  /** Of these buyers, those known to these suppliers: an accepted invitation, to a need not ANONYMOUS or with the buyer revealed. */
  async buyersKnownTo(buyerIds: string[], supplierIds: string[]): Promise<Set<string>> {
    const rows: { buyer_id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT n.buyer_id FROM introductions i JOIN sourcing_needs n ON n.id = i.need_id
        WHERE i.status = 'ACCEPTED' AND n.buyer_id = ANY($1::uuid[]) AND i.supplier_id = ANY($2::uuid[])
          AND (n.visibility <> 'ANONYMOUS' OR i.buyer_revealed)`,
      [buyerIds, supplierIds],
    );
    return new Set(rows.map((r) => r.buyer_id));
  }
}
