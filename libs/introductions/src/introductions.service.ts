import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { type Actor, type MaybeActor, isAdmin, requireActor } from '#libs/accounts';
import type { ContactDisclosure } from '#libs/companies';
import { Forbidden, NotFound, ValidationFailed, VersionConflict } from '#libs/core';
import { inTransaction } from '#libs/database';
import { NeedRepository, type NeedStatusEnum, recordEvent } from '#libs/sourcing';
import type {
  DeclineReason,
  IntroductionModel,
  IntroductionStatusEnum,
  InviteSuppliersInput,
  RespondToInvitationInput,
  SourcingEventModel,
} from './introduction.models.js';
import { NEED_LIST_MAX } from './introduction.models.js';
import { IntroductionRepository, type IntroductionRow } from './introduction.repository.js';

/** What demo data asks `seedIntroduction` for: an invitation, the supplier's answer if any, and an award. */
export interface SeededIntroduction {
  needId: string;
  supplierId: string;
  message?: string;
  /** The supplier's answer; none leaves the invitation waiting in its inbox. */
  answer?: { accept: true } | { accept: false; reason: DeclineReason; text?: string };
  /** Awards the need to the supplier (its answer must be an acceptance). */
  award?: boolean;
}

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
    private readonly introductions: IntroductionRepository,
  ) {}

  async shortlist(actor: MaybeActor, needId: string, supplierIds: string[]): Promise<IntroductionModel[]> {
    const buyer = requireActor(actor);
    await inTransaction(this.dataSource, async (manager) => {
      const need = await this.needForBuyer(manager, buyer, needId);
      if (!['DRAFT', 'OPEN'].includes(need.status))
        throw ValidationFailed.of('needId', `the need is ${need.status}; only DRAFT or OPEN needs take a shortlist`);
      await this.assertSuppliers(manager, supplierIds);
      for (const supplierId of new Set(supplierIds)) {
        const introductionId = await this.introductions.shortlist(manager, needId, supplierId);
        if (introductionId)
          await recordEvent(manager, {
            needId,
            introductionId,
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
        const introductionId = await this.introductions.invite(manager, input.needId, supplierId, input.message ?? null);
        if (!introductionId) throw ValidationFailed.of(`input.supplierIds.${index}`, 'this supplier was already invited to this need');
        await recordEvent(manager, {
          needId: input.needId,
          introductionId,
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
      const intro = await this.introductions.lockInvitation(manager, input.introductionId);
      // Not an invitation yet: a shortlist (the supplier must not learn it is on one). A suspended
      // supplier's invitations, and those of a buyer no longer verified, wait unseen.
      if (!intro || (!isAdmin(member) && !member.supplierIds.has(intro.supplier_id)))
        throw new NotFound('Invitation', input.introductionId);
      if (!input.accept && !input.reason) throw ValidationFailed.of('input.reason', 'is required when declining');
      if (intro.status !== 'INVITED')
        throw ValidationFailed.of('input.introductionId', `this invitation was already answered (${intro.status})`);
      // a closed or awarded need takes no more answers (an acceptance would only show both sides' contacts)
      if (intro.need_status !== 'OPEN')
        throw ValidationFailed.of('input.introductionId', `the need is ${intro.need_status}; its invitations take no more answers`);
      const status = input.accept ? 'ACCEPTED' : 'DECLINED';
      await this.introductions.answer(
        manager,
        input.introductionId,
        status,
        input.accept ? null : (input.reason ?? null),
        input.text ?? null,
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
      const intro = await this.introductions.lockWithBuyer(manager, introductionId);
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
      await this.introductions.markBuyerRevealed(manager, introductionId);
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
      const accepted = await this.introductions.acceptedId(manager, needId, supplierId);
      if (!accepted) throw ValidationFailed.of('supplierId', 'only a supplier that accepted the invitation can be awarded the need');
      introductionId = accepted;
      await this.needs.award(manager, needId, supplierId);
      await recordEvent(manager, { needId, introductionId: accepted, actorId: buyer.userId, action: 'AWARDED', details: { supplierId } });
    });
    return this.one(buyer, introductionId);
  }

  /**
   * Demo data: an invitation to an OPEN need and what became of it, made by the workflow's own steps
   * in the caller's transaction, each step in the need's history with no actor. Without an answer the
   * invitation waits in the supplier's inbox; `award` also awards the need to the supplier that accepted.
   * The funnel, the contacts and the decision history then read a demo introduction as a real one.
   */
  async seedIntroduction(manager: EntityManager, seed: SeededIntroduction): Promise<void> {
    const { needId, supplierId, answer } = seed;
    if (seed.award && !answer?.accept) throw new Error('Demo introduction: only an accepted invitation can be awarded');
    const introductionId = await this.introductions.invite(manager, needId, supplierId, seed.message ?? null);
    if (!introductionId) throw new Error(`Demo introduction: supplier ${supplierId} was already invited to need ${needId}`);
    const source = { source: 'demo' };
    await recordEvent(manager, { needId, introductionId, actorId: null, action: 'INVITED', details: { ...source, supplierId } });
    if (!answer) return;
    const status = answer.accept ? 'ACCEPTED' : 'DECLINED';
    await this.introductions.answer(
      manager,
      introductionId,
      status,
      answer.accept ? null : answer.reason,
      answer.accept ? null : (answer.text ?? null),
    );
    await recordEvent(manager, {
      needId,
      introductionId,
      actorId: null,
      action: status,
      details: answer.accept ? source : { ...source, reason: answer.reason },
    });
    if (!seed.award) return;
    await this.needs.award(manager, needId, supplierId);
    await recordEvent(manager, { needId, introductionId, actorId: null, action: 'AWARDED', details: { ...source, supplierId } });
  }

  /** Invitations to the caller's suppliers, and answers to the caller's buyers' needs; newest first. */
  async inbox(actor: MaybeActor, first: number): Promise<IntroductionModel[]> {
    const user = requireActor(actor);
    const rows = await this.introductions.findInbox([...user.supplierIds], [...user.buyerIds], first);
    return rows.map((row) => this.toModel(row, user));
  }

  /** A need's introductions, first created first, at most `first` (NEED_LIST_MAX), for its buyer. */
  async forNeed(actor: MaybeActor, needId: string, first = NEED_LIST_MAX): Promise<IntroductionModel[]> {
    const buyer = requireActor(actor);
    await this.needForBuyer(this.dataSource.manager, buyer, needId);
    const rows = await this.introductions.findForNeed(needId, first);
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
    return this.introductions.suppliersAcceptedBy(supplierIds, [...actor.buyerIds]);
  }

  /** An accepted invitation to an ANONYMOUS need discloses nothing of its buyer until the buyer reveals itself to that supplier. */
  async buyersRevealedTo(actor: Actor, buyerIds: string[]): Promise<Set<string>> {
    return this.introductions.buyersKnownTo(buyerIds, [...actor.supplierIds]);
  }

  private async one(actor: Actor, introductionId: string): Promise<IntroductionModel> {
    const row = await this.introductions.findById(introductionId);
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
      needStatus: row.need_status as NeedStatusEnum,
      awarded: row.awarded,
    };
  }
}
