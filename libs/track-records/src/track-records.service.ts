import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { type Actor, type MaybeActor, isAdmin, requireActor } from '#libs/accounts';
import type { QuantityUnit } from '#libs/companies';
import { type FieldError, Forbidden, NotFound, ValidationFailed, VersionConflict, todayInVietnam } from '#libs/core';
import { inTransaction } from '#libs/database';
import type { TrackRecordSummary } from '#libs/matching';
import { TRACK_RECORD_MIN_DELIVERIES } from '#libs/matching';
import { type AwardRow, DeliveryRepository, type DeliveryRow, type DeliveryValues } from './delivery.repository.js';
import { type Audience, figuresOf, scorecardOf } from './scorecard.js';
import type {
  BuyerTrackRecordConsentModel,
  DeliveryModel,
  RecordDeliveryInput,
  SupplierScorecardModel,
  TrackRecordFiguresModel,
  UpdateDeliveryInput,
} from './track-records.models.js';

/** What a caller gave for a delivery's figures (a correction leaves some out). */
type GivenValues = Partial<DeliveryValues> & { defectsPpm?: number };

/**
 * Track records: a buyer's members record deliveries against the needs they awarded (and correct or
 * remove them, leaving a version and who did it); the supplier's scorecard is computed from them. Who
 * may read which figures is decided here and in scorecard.ts (see SupplierScorecardModel).
 */
@Injectable()
export class TrackRecordsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly deliveries: DeliveryRepository,
  ) {}

  async record(actor: MaybeActor, input: RecordDeliveryInput): Promise<DeliveryModel> {
    const buyer = requireActor(actor);
    let id = '';
    await inTransaction(this.dataSource, async (manager) => {
      const award = this.asBuyer(buyer, await this.deliveries.award(manager, input.needId), input.needId);
      if (award.status !== 'AWARDED' || !award.awarded_supplier_id)
        throw ValidationFailed.of('input.needId', `the need is ${award.status}; deliveries are recorded against an AWARDED need`);
      const problems: FieldError[] = [];
      if (award.quantity_unit && input.unit && input.unit !== award.quantity_unit)
        problems.push({ field: 'input.unit', reason: `must be the need's unit (${award.quantity_unit}), or left out` });
      if (!award.quantity_unit && !input.unit)
        problems.push({ field: 'input.unit', reason: 'the need states no unit: give the unit of the quantity delivered' });
      const values = checkedValues(input, null, problems);
      if (problems.length) throw new ValidationFailed(problems);
      id = await this.deliveries.insert(
        manager,
        { needId: award.id, buyerId: award.buyer_id, supplierId: award.awarded_supplier_id, unit: award.quantity_unit ?? input.unit! },
        values,
        buyer.userId,
      );
    });
    return this.one(id);
  }

  async update(actor: MaybeActor, input: UpdateDeliveryInput): Promise<DeliveryModel> {
    const buyer = requireActor(actor);
    await inTransaction(this.dataSource, async (manager) => {
      const current = await this.lockForBuyer(manager, buyer, input.id, input.version);
      const problems: FieldError[] = [];
      const values = checkedValues(input, current, problems);
      if (problems.length) throw new ValidationFailed(problems);
      await this.deliveries.update(manager, input.id, values, buyer.userId);
    });
    return this.one(input.id);
  }

  async remove(actor: MaybeActor, id: string, version: number): Promise<boolean> {
    const buyer = requireActor(actor);
    await inTransaction(this.dataSource, async (manager) => {
      await this.lockForBuyer(manager, buyer, id, version);
      await this.deliveries.remove(manager, id, buyer.userId);
    });
    return true;
  }

  /** An awarded need's deliveries: for its buyer's members, the awarded supplier's members, and ADMIN. */
  async forNeed(actor: MaybeActor, needId: string): Promise<DeliveryModel[]> {
    const user = requireActor(actor);
    const award = await this.deliveries.award(this.dataSource.manager, needId);
    const buyerSide = award && (isAdmin(user) || user.buyerIds.has(award.buyer_id));
    const supplierSide = award?.status === 'AWARDED' && !!award.awarded_supplier_id && user.supplierIds.has(award.awarded_supplier_id);
    if (!buyerSide && !supplierSide) throw new NotFound('Sourcing need', needId);
    return (await this.deliveries.forNeed(needId)).map(toModel);
  }

  /**
   * The supplier's scorecard: always for its members (per buyer they know) and ADMIN (every buyer);
   * for anyone else null until the supplier publishes it, then the aggregate with only the buyers that
   * agreed to be named (never for an ANONYMOUS need).
   */
  async scorecard(actor: MaybeActor, supplierId: string): Promise<SupplierScorecardModel | null> {
    const supplier = await this.deliveries.supplier(supplierId);
    const member = !!actor?.supplierIds.has(supplierId);
    const audience: Audience = isAdmin(actor) ? 'STAFF' : member ? 'SUPPLIER' : 'PUBLIC';
    // a suspended supplier is not found by others, as its profile is not
    if (!supplier || (supplier.verification_status === 'SUSPENDED' && audience === 'PUBLIC')) throw new NotFound('Supplier', supplierId);
    if (audience === 'PUBLIC' && !supplier.published) return null;
    const buckets = (await this.deliveries.buckets([supplierId], false)).get(supplierId) ?? [];
    const { overall, byBuyer } = scorecardOf(buckets, audience);
    return {
      supplierId,
      published: supplier.published,
      minimumDeliveries: TRACK_RECORD_MIN_DELIVERIES,
      overall: overall as TrackRecordFiguresModel,
      byBuyer: byBuyer as SupplierScorecardModel['byBuyer'],
    };
  }

  /** The supplier's own switch: only its members may publish (or withdraw) its scorecard. */
  async publish(actor: MaybeActor, supplierId: string, published: boolean): Promise<SupplierScorecardModel> {
    const member = requireActor(actor);
    if (!member.supplierIds.has(supplierId)) {
      const supplier = await this.deliveries.supplier(supplierId);
      if (!supplier || (supplier.verification_status === 'SUSPENDED' && !isAdmin(member))) throw new NotFound('Supplier', supplierId);
      throw new Forbidden("Only the supplier's members may publish its track record: it is the supplier's consent");
    }
    await this.deliveries.setPublished(this.dataSource.manager, supplierId, published, member.userId);
    return (await this.scorecard(member, supplierId))!;
  }

  /** Whether the buyer agreed to be named in its suppliers' published scorecards: its members and ADMIN. */
  async buyerConsent(actor: MaybeActor, buyerId: string): Promise<BuyerTrackRecordConsentModel> {
    const user = requireActor(actor);
    const named = await this.deliveries.buyerConsent(buyerId);
    if (named === undefined) throw new NotFound('Buyer', buyerId);
    if (!isAdmin(user) && !user.buyerIds.has(buyerId)) throw new Forbidden("Only the buyer's members may see its consent");
    return { buyerId, named };
  }

  /** The buyer's own switch: only its members may give (or withdraw) the consent. */
  async setBuyerConsent(actor: MaybeActor, buyerId: string, named: boolean): Promise<BuyerTrackRecordConsentModel> {
    const member = requireActor(actor);
    if (!member.buyerIds.has(buyerId)) {
      if ((await this.deliveries.buyerConsent(buyerId)) === undefined) throw new NotFound('Buyer', buyerId);
      throw new Forbidden("Only the buyer's members may agree to name it: it is the buyer's consent");
    }
    await this.deliveries.setBuyerConsent(this.dataSource.manager, buyerId, named, member.userId);
    return { buyerId, named };
  }

  /**
   * For the demo data, inside the caller's transaction and without an actor: deliveries against an
   * award the caller made, the supplier's opt-in and the buyer's consent.
   */
  async seedWithin(
    manager: EntityManager,
    award: { needId: string; buyerId: string; supplierId: string; unit: string },
    deliveries: DeliveryValues[],
    consents: { published: boolean; buyerNamed: boolean },
  ): Promise<void> {
    for (const values of deliveries) await this.deliveries.insert(manager, award, values, null);
    await this.deliveries.setPublished(manager, award.supplierId, consents.published, null);
    await this.deliveries.setBuyerConsent(manager, award.buyerId, consents.buyerNamed, null);
  }

  /** Published scorecards, overall only, for the matching engine's track-record criterion. */
  async publishedSummaries(supplierIds: string[]): Promise<Map<string, TrackRecordSummary>> {
    const summaries = new Map<string, TrackRecordSummary>();
    if (!supplierIds.length) return summaries;
    for (const [supplierId, buckets] of await this.deliveries.buckets(supplierIds, true)) {
      const { deliveries, onTimeRate, defectsPpm } = figuresOf(buckets);
      summaries.set(supplierId, { deliveries, onTimeRate, defectsPpm });
    }
    return summaries;
  }

  private async one(id: string): Promise<DeliveryModel> {
    const row = await this.deliveries.findById(id);
    if (!row) throw new NotFound('Delivery', id);
    return toModel(row);
  }

  /**
   * The need when the caller may act for its buyer (a member, or ADMIN). The awarded supplier's members
   * are told that only the buyer records deliveries; anyone else finds no such need.
   */
  private asBuyer(actor: Actor, award: AwardRow | undefined, needId: string): AwardRow {
    if (award && (isAdmin(actor) || actor.buyerIds.has(award.buyer_id))) return award;
    if (award?.status === 'AWARDED' && award.awarded_supplier_id && actor.supplierIds.has(award.awarded_supplier_id))
      throw new Forbidden("Only the buyer's members record deliveries");
    throw new NotFound('Sourcing need', needId);
  }

  private async lockForBuyer(manager: EntityManager, actor: Actor, id: string, version: number) {
    const current = await this.deliveries.lock(manager, id);
    if (!current || !(isAdmin(actor) || actor.buyerIds.has(current.buyer_id))) {
      if (current && actor.supplierIds.has(current.supplier_id)) throw new Forbidden("Only the buyer's members correct deliveries");
      throw new NotFound('Delivery', id);
    }
    if (current.version !== version) throw new VersionConflict('Delivery', id, version, current.version);
    return current;
  }
}

/**
 * A delivery's figures, checked together (each problem names its field): delivered not in the future,
 * defects as a count or as ppm (not both) and never more than the quantity. `current`: the values a
 * correction leaves out.
 */
function checkedValues(given: GivenValues, current: DeliveryRow | null, problems: FieldError[]): DeliveryValues {
  const quantity = given.quantity ?? Number(current?.quantity);
  const deliveredOn = given.deliveredOn ?? current!.delivered_on;
  if (given.deliveredOn !== undefined && given.deliveredOn > todayInVietnam())
    problems.push({ field: 'input.deliveredOn', reason: 'must not be in the future: record a delivery once it has arrived' });
  if (given.defectiveQuantity !== undefined && given.defectsPpm !== undefined)
    problems.push({ field: 'input.defectsPpm', reason: 'give the defects as a count (defectiveQuantity) or as ppm, not both' });
  const defectiveQuantity =
    given.defectiveQuantity ??
    (given.defectsPpm !== undefined ? (given.defectsPpm * quantity) / 1e6 : current ? Number(current.defective_quantity) : 0);
  if (defectiveQuantity > quantity)
    problems.push({
      field: given.defectiveQuantity !== undefined || !current ? 'input.defectiveQuantity' : 'input.quantity',
      reason: `the defective quantity (${defectiveQuantity}) must not exceed the quantity delivered (${quantity})`,
    });
  return { promisedOn: given.promisedOn ?? current!.promised_on, deliveredOn, quantity, defectiveQuantity };
}

function toModel(row: DeliveryRow): DeliveryModel {
  const quantity = Number(row.quantity);
  const defectiveQuantity = Number(row.defective_quantity);
  return {
    id: row.id,
    needId: row.need_id,
    supplierId: row.supplier_id,
    supplierName: row.supplier_name,
    promisedOn: row.promised_on,
    deliveredOn: row.delivered_on,
    onTime: row.delivered_on <= row.promised_on,
    quantity,
    unit: row.unit as QuantityUnit,
    defectiveQuantity,
    defectsPpm: Math.round((defectiveQuantity / quantity) * 1e7) / 10,
    version: row.version,
    recordedBy: row.recorded_by,
    updatedBy: row.updated_by,
    recordedAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
