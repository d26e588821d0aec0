import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { type Actor, type MaybeActor, isAdmin, requireActor } from '#libs/accounts';
import type { ContactDisclosure } from '#libs/companies';
import { Forbidden, NotFound, ValidationFailed, VersionConflict } from '#libs/core';
import { inTransaction } from '#libs/database';
import { NeedRepository, recordEvent } from '#libs/sourcing';
import type {
  DeclineReason,
  IntroductionModel,
  IntroductionStatusEnum,
  InviteSuppliersInput,
  RespondToInvitationInput,
  SourcingEventModel,
} from './introduction.models.js';
import { NEED_LIST_MAX } from './introduction.models.js';

interface IntroductionRow {
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
}

const SELECT_INTRODUCTIONS = `
  SELECT i.id, i.need_id, n.title AS need_title, n.visibility AS need_visibility, n.buyer_id, b.name AS buyer_name,
         i.supplier_id, s.name_vi AS supplier_name, i.status, i.message, i.decline_reason, i.decline_text,
         i.buyer_revealed, i.invited_at, i.responded_at, i.updated_at
    FROM introductions i
    JOIN sourcing_needs n ON n.id = i.need_id
    JOIN buyers b ON b.id = n.buyer_id
    JOIN suppliers s ON s.id = i.supplier_id`;

/**
 * The introduction workflow: a buyer shortlists and invites suppliers for a need; a supplier
 * accepts or declines with a reason; on acceptance both see each other's contacts; the buyer may
 * reveal itself (anonymous needs) and award the need. Every change is recorded.
 */
@Injectable()
export class IntroductionsService implements ContactDisclosure {
  constructor(
    private readonly dataSource: DataSource,
    private readonly needs: NeedRepository,
  ) {}

  async shortlist(actor: MaybeActor, needId: string, supplierIds: string[]): Promise<IntroductionModel[]> {
    const buyer = requireActor(actor);
    await inTransaction(this.dataSource, async (manager) => {
      const need = await this.needForBuyer(manager, buyer, needId);
      if (!['DRAFT', 'OPEN'].includes(need.status))
        throw ValidationFailed.of('needId', `the need is ${need.status}; only DRAFT or OPEN needs take a shortlist`);
      await this.assertSuppliers(manager, supplierIds);
      for (const supplierId of new Set(supplierIds)) {
        const [row]: ({ id: string } | undefined)[] = await manager.query(
          `INSERT INTO introductions (need_id, supplier_id, status) VALUES ($1, $2, 'SHORTLISTED') ON CONFLICT (need_id, supplier_id) DO NOTHING RETURNING id`,
          [needId, supplierId],
        );
        if (row)
          await recordEvent(manager, {
            needId,
            introductionId: row.id,
            actorId: buyer.userId,
            action: 'SHORTLISTED',
            details: { supplierId },
          });
      }
    });
    return this.forNeed(buyer, needId);
  }

  async invite(actor: MaybeActor, input: InviteSuppliersInput): Promise<IntroductionModel[]> {
    const buyer = requireActor(actor);
    await inTransaction(this.dataSource, async (manager) => {
      const need = await this.needForBuyer(manager, buyer, input.needId);
      if (need.status !== 'OPEN')
        throw ValidationFailed.of('input.needId', `the need is ${need.status}; publish it before inviting suppliers`);
      if (need.buyer_verification !== 'VERIFIED')
        throw ValidationFailed.of(
          'input.needId',
          'the buyer is not verified yet: suppliers can see its needs and be invited once the support centre has verified it',
        );
      await this.assertSuppliers(manager, input.supplierIds);
      for (const [index, supplierId] of [...new Set(input.supplierIds)].entries()) {
        const [row]: ({ id: string } | undefined)[] = await manager.query(
          `INSERT INTO introductions (need_id, supplier_id, status, message, invited_at) VALUES ($1, $2, 'INVITED', $3, now())
           ON CONFLICT (need_id, supplier_id) DO UPDATE SET status = 'INVITED', message = EXCLUDED.message, invited_at = now(), updated_at = now()
             WHERE introductions.status = 'SHORTLISTED'
           RETURNING id`,
          [input.needId, supplierId, input.message ?? null],
        );
        if (!row) throw ValidationFailed.of(`input.supplierIds.${index}`, 'this supplier was already invited to this need');
        await recordEvent(manager, {
          needId: input.needId,
          introductionId: row.id,
          actorId: buyer.userId,
          action: 'INVITED',
          details: { supplierId },
        });
      }
    });
    return this.forNeed(buyer, input.needId);
  }

  async respond(actor: MaybeActor, input: RespondToInvitationInput): Promise<IntroductionModel> {
    const member = requireActor(actor);
    await inTransaction(this.dataSource, async (manager) => {
      const [intro]: ({ id: string; need_id: string; supplier_id: string; status: string } | undefined)[] = await manager.query(
        `SELECT i.id, i.need_id, i.supplier_id, i.status FROM introductions i JOIN suppliers s ON s.id = i.supplier_id
          JOIN sourcing_needs n ON n.id = i.need_id JOIN buyers b ON b.id = n.buyer_id
          WHERE i.id = $1 AND i.status <> 'SHORTLISTED' AND s.verification_status <> 'SUSPENDED' AND b.verification_status = 'VERIFIED' FOR UPDATE OF i`,
        [input.introductionId],
      );
      // Not an invitation yet: a shortlist (the supplier must not learn it is on one). A suspended
      // supplier's invitations, and those of a buyer no longer verified, wait unseen.
      if (!intro || (!isAdmin(member) && !member.supplierIds.has(intro.supplier_id)))
        throw new NotFound('Invitation', input.introductionId);
      if (!input.accept && !input.reason) throw ValidationFailed.of('input.reason', 'is required when declining');
      if (intro.status !== 'INVITED')
        throw ValidationFailed.of('input.introductionId', `this invitation was already answered (${intro.status})`);
      const status = input.accept ? 'ACCEPTED' : 'DECLINED';
      await manager.query(
        `UPDATE introductions SET status = $2, decline_reason = $3, decline_text = $4, responded_at = now(), updated_at = now() WHERE id = $1`,
        [input.introductionId, status, input.accept ? null : input.reason, input.text ?? null],
      );
      await recordEvent(manager, {
        needId: intro.need_id,
        introductionId: intro.id,
        actorId: member.userId,
        action: status,
        details: input.accept ? {} : { reason: input.reason },
      });
    });
    return this.one(member, input.introductionId);
  }

  /** The buyer of an anonymous need shows its identity to one invited supplier. */
  async revealBuyer(actor: MaybeActor, introductionId: string): Promise<IntroductionModel> {
    const buyer = requireActor(actor);
    await inTransaction(this.dataSource, async (manager) => {
      const [intro]: ({ id: string; need_id: string; status: string; supplier_id: string; buyer_id: string } | undefined)[] =
        await manager.query(
          'SELECT i.id, i.need_id, i.status, i.supplier_id, n.buyer_id FROM introductions i JOIN sourcing_needs n ON n.id = i.need_id WHERE i.id = $1 FOR UPDATE OF i',
          [introductionId],
        );
      // Someone else's introduction is not found, as a missing one, and its need is not named; the
      // invited supplier itself is told that only the buyer may do this.
      if (!intro) throw new NotFound('Introduction', introductionId);
      if (!isAdmin(buyer) && !buyer.buyerIds.has(intro.buyer_id)) {
        if (intro.status !== 'SHORTLISTED' && buyer.supplierIds.has(intro.supplier_id))
          throw new Forbidden("Only the buyer's members may reveal the buyer");
        throw new NotFound('Introduction', introductionId);
      }
      await this.needForBuyer(manager, buyer, intro.need_id);
      if (intro.status === 'SHORTLISTED') throw ValidationFailed.of('introductionId', 'invite the supplier before revealing yourself');
      await manager.query('UPDATE introductions SET buyer_revealed = true, updated_at = now() WHERE id = $1', [introductionId]);
      await recordEvent(manager, { needId: intro.need_id, introductionId, actorId: buyer.userId, action: 'BUYER_REVEALED' });
    });
    return this.one(buyer, introductionId);
  }

  /** Marks the need AWARDED to a supplier that accepted the invitation. */
  async award(actor: MaybeActor, needId: string, supplierId: string, version: number): Promise<IntroductionModel> {
    const buyer = requireActor(actor);
    let introductionId = '';
    await inTransaction(this.dataSource, async (manager) => {
      const need = await this.needForBuyer(manager, buyer, needId);
      if (need.version !== version) throw new VersionConflict('Sourcing need', needId, version, need.version);
      if (need.status !== 'OPEN') throw ValidationFailed.of('needId', `the need is ${need.status}; only an OPEN need can be awarded`);
      const [intro]: ({ id: string } | undefined)[] = await manager.query(
        `SELECT id FROM introductions WHERE need_id = $1 AND supplier_id = $2 AND status = 'ACCEPTED'`,
        [needId, supplierId],
      );
      if (!intro) throw ValidationFailed.of('supplierId', 'only a supplier that accepted the invitation can be awarded the need');
      introductionId = intro.id;
      await this.needs.award(manager, needId, supplierId);
      await recordEvent(manager, { needId, introductionId: intro.id, actorId: buyer.userId, action: 'AWARDED', details: { supplierId } });
    });
    return this.one(buyer, introductionId);
  }

  /** Invitations to the caller's suppliers, and answers to the caller's buyers' needs; newest first. */
  async inbox(actor: MaybeActor, first: number): Promise<IntroductionModel[]> {
    const user = requireActor(actor);
    const rows: IntroductionRow[] = await this.dataSource.query(
      `${SELECT_INTRODUCTIONS}
        WHERE (i.supplier_id = ANY($1::uuid[]) AND i.status IN ('INVITED', 'ACCEPTED', 'DECLINED') AND s.verification_status <> 'SUSPENDED' AND b.verification_status = 'VERIFIED')
           OR (n.buyer_id = ANY($2::uuid[]) AND i.status IN ('ACCEPTED', 'DECLINED'))
        ORDER BY i.updated_at DESC, i.id LIMIT $3`,
      [[...user.supplierIds], [...user.buyerIds], first],
    );
    return rows.map((row) => this.toModel(row, user));
  }

  /** A need's introductions, first created first, at most `first` (NEED_LIST_MAX), for its buyer. */
  async forNeed(actor: MaybeActor, needId: string, first = NEED_LIST_MAX): Promise<IntroductionModel[]> {
    const buyer = requireActor(actor);
    await this.needForBuyer(this.dataSource.manager, buyer, needId);
    const rows: IntroductionRow[] = await this.dataSource.query(
      `${SELECT_INTRODUCTIONS} WHERE i.need_id = $1 ORDER BY i.created_at, i.id LIMIT $2`,
      [needId, first],
    );
    return rows.map((row) => this.toModel(row, buyer));
  }

  /** The latest `last` recorded changes of a need, oldest first, for its buyer. */
  async history(actor: MaybeActor, needId: string, last: number): Promise<SourcingEventModel[]> {
    const buyer = requireActor(actor);
    await this.needForBuyer(this.dataSource.manager, buyer, needId);
    const rows: { action: string; actor_id: string | null; introduction_id: string | null; details: unknown; created_at: Date }[] =
      await this.dataSource.query(
        `SELECT action, actor_id, introduction_id, details, created_at FROM (
           SELECT id, action, actor_id, introduction_id, details, created_at FROM sourcing_events WHERE need_id = $1 ORDER BY id DESC LIMIT $2
         ) latest ORDER BY id`,
        [needId, last],
      );
    return rows.map((r) => ({
      action: r.action,
      actorId: r.actor_id,
      introductionId: r.introduction_id,
      details: JSON.stringify(r.details),
      at: r.created_at,
    }));
  }

  async suppliersRevealedTo(actor: Actor, supplierIds: string[]): Promise<Set<string>> {
    const rows: { supplier_id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT i.supplier_id FROM introductions i JOIN sourcing_needs n ON n.id = i.need_id
        WHERE i.status = 'ACCEPTED' AND i.supplier_id = ANY($1::uuid[]) AND n.buyer_id = ANY($2::uuid[])`,
      [supplierIds, [...actor.buyerIds]],
    );
    return new Set(rows.map((r) => r.supplier_id));
  }

  /** An accepted invitation to an ANONYMOUS need discloses nothing of its buyer until the buyer reveals itself to that supplier. */
  async buyersRevealedTo(actor: Actor, buyerIds: string[]): Promise<Set<string>> {
    const rows: { buyer_id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT n.buyer_id FROM introductions i JOIN sourcing_needs n ON n.id = i.need_id
        WHERE i.status = 'ACCEPTED' AND n.buyer_id = ANY($1::uuid[]) AND i.supplier_id = ANY($2::uuid[])
          AND (n.visibility <> 'ANONYMOUS' OR i.buyer_revealed)`,
      [buyerIds, [...actor.supplierIds]],
    );
    return new Set(rows.map((r) => r.buyer_id));
  }

  private async one(actor: Actor, introductionId: string): Promise<IntroductionModel> {
    const [row] = await this.dataSource.query<IntroductionRow[]>(`${SELECT_INTRODUCTIONS} WHERE i.id = $1`, [introductionId]);
    if (!row) throw new NotFound('Introduction', introductionId);
    return this.toModel(row, actor);
  }

  /**
   * The need, locked, when the caller may act for its buyer (ADMIN or member). Otherwise FORBIDDEN
   * when the caller may see the need, NOT_FOUND when it may not: a supplier that was only
   * shortlisted must not learn that it was.
   */
  private async needForBuyer(
    manager: EntityManager,
    actor: Actor,
    needId: string,
  ): Promise<{ id: string; buyerId: string; status: string; version: number; buyer_verification: string }> {
    const [row]: ({ id: string; buyer_id: string; status: string; version: number; buyer_verification: string } | undefined)[] =
      await manager.query(
        'SELECT n.id, n.buyer_id, n.status, n.version, b.verification_status AS buyer_verification FROM sourcing_needs n JOIN buyers b ON b.id = n.buyer_id WHERE n.id = $1 FOR UPDATE OF n',
        [needId],
      );
    if (!row) throw new NotFound('Sourcing need', needId);
    if (!isAdmin(actor) && !actor.buyerIds.has(row.buyer_id)) {
      if (await this.needs.findVisible(needId, await this.needs.viewer(actor, manager), manager))
        throw new Forbidden("Only the buyer's members may manage its introductions");
      throw new NotFound('Sourcing need', needId);
    }
    return { ...row, buyerId: row.buyer_id };
  }

  private async assertSuppliers(manager: EntityManager, supplierIds: string[]): Promise<void> {
    const rows: { id: string; verification_status: string }[] = await manager.query(
      'SELECT id, verification_status FROM suppliers WHERE id = ANY($1::uuid[])',
      [supplierIds],
    );
    const found = new Map(rows.map((r) => [r.id, r.verification_status]));
    supplierIds.forEach((id, index) => {
      if (!found.has(id)) throw ValidationFailed.of(`input.supplierIds.${index}`, 'no such supplier');
      if (found.get(id) === 'SUSPENDED') throw ValidationFailed.of(`input.supplierIds.${index}`, 'this supplier is suspended');
    });
  }

  private toModel(row: IntroductionRow, viewer: Actor): IntroductionModel {
    const buyerSide = isAdmin(viewer) || viewer.buyerIds.has(row.buyer_id);
    const buyerShown = buyerSide || row.need_visibility !== 'ANONYMOUS' || row.buyer_revealed;
    return {
      id: row.id,
      needId: row.need_id,
      needTitle: row.need_title,
      supplierId: row.supplier_id,
      supplierName: row.supplier_name,
      buyerId: buyerShown ? row.buyer_id : null,
      buyerName: buyerShown ? row.buyer_name : null,
      status: row.status as IntroductionStatusEnum,
      message: row.message,
      declineReason: row.decline_reason as DeclineReason | null,
      declineText: row.decline_text,
      buyerRevealed: row.buyer_revealed,
      invitedAt: row.invited_at,
      respondedAt: row.responded_at,
      updatedAt: row.updated_at,
    };
  }
}
