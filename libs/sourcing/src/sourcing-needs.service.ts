import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { type Actor, type MaybeActor, isAdmin, requireActor } from '#libs/accounts';
import type { QuantityUnit } from '#libs/companies';
import {
  decodeCursor,
  encodeCursor,
  pageInfoOf,
  type FieldError,
  Forbidden,
  isIsoDate,
  NotFound,
  todayInVietnam,
  ValidationFailed,
  VersionConflict,
} from '#libs/core';
import { inTransaction } from '#libs/database';
import { Taxonomy, TaxonomyKind } from '#libs/taxonomy';
import type { SourcingNeedEntity } from './entities.js';
import type { Currency, NeedStatusEnum, NeedVisibilityEnum } from './need.enums.js';
import type { CreateSourcingNeedInput, SourcingNeedFilterInput, UpdateSourcingNeedInput } from './need.inputs.js';
import type { SourcingNeedConnection, SourcingNeedModel } from './need.models.js';
import { NeedRepository, type NeedViewer } from './need.repository.js';
import { recordEvent } from './sourcing-event-log.js';

type NeedFields = Omit<CreateSourcingNeedInput, 'buyerId'>;

@Injectable()
export class SourcingNeedsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly needs: NeedRepository,
    private readonly taxonomy: Taxonomy,
  ) {}

  async create(actor: MaybeActor, input: CreateSourcingNeedInput): Promise<SourcingNeedModel> {
    const author = requireActor(actor);
    if (!isAdmin(author) && !author.buyerIds.has(input.buyerId))
      throw new Forbidden('Only members of the buyer (or ADMIN) may post its needs');
    const problems = this.check(input);
    if (problems.length) throw new ValidationFailed(problems);
    const id = await inTransaction(this.dataSource, async (manager) => {
      const buyer = await manager.query<unknown[]>('SELECT 1 FROM buyers WHERE id = $1', [input.buyerId]);
      if (!buyer.length) throw ValidationFailed.of('input.buyerId', 'no such buyer');
      const columns = {
        ...(await this.columns(manager, input.buyerId, input)),
        buyerId: input.buyerId,
        createdBy: author.userId,
        status: 'DRAFT' as const,
      };
      const needId = await this.needs.insert(manager, columns);
      await recordEvent(manager, { needId, actorId: author.userId, action: 'CREATED' });
      return needId;
    });
    return this.get(author, id);
  }

  async update(actor: MaybeActor, input: UpdateSourcingNeedInput): Promise<SourcingNeedModel> {
    const editor = requireActor(actor);
    await inTransaction(this.dataSource, async (manager) => {
      // Authorize first, validate after: a caller who may not change the need learns nothing from
      // the input it sends (a plant check answered "not a plant of this buyer" and named the buyer).
      const current = await this.editable(editor, input.id, manager);
      const problems = this.check(input);
      if (input.title === null) problems.push({ field: 'input.title', reason: 'cannot be cleared' });
      if (input.visibility === null) problems.push({ field: 'input.visibility', reason: 'cannot be cleared' });
      if (problems.length) throw new ValidationFailed(problems);
      const changed = await this.needs.updateIfEditable(
        manager,
        input.id,
        input.version,
        this.editor(editor),
        await this.columns(manager, current.buyerId, input),
        ['DRAFT', 'OPEN'],
      );
      if (!changed) await this.explainRefusal(editor, input.id, input.version, manager, ['DRAFT', 'OPEN']);
      await recordEvent(manager, {
        needId: input.id,
        actorId: editor.userId,
        action: 'UPDATED',
        details: { fields: Object.keys(input).filter((k) => k !== 'id' && k !== 'version') },
      });
    });
    return this.get(editor, input.id);
  }

  /** DRAFT → OPEN: suppliers may now see it (per its visibility). */
  publish(actor: MaybeActor, id: string, version: number): Promise<SourcingNeedModel> {
    return this.transition(actor, id, version, ['DRAFT'], { status: 'OPEN', publishedAt: new Date() }, 'PUBLISHED');
  }

  /** OPEN → CLOSED without an award. */
  close(actor: MaybeActor, id: string, version: number): Promise<SourcingNeedModel> {
    return this.transition(actor, id, version, ['DRAFT', 'OPEN'], { status: 'CLOSED', closedAt: new Date() }, 'CLOSED');
  }

  async get(actor: MaybeActor, id: string): Promise<SourcingNeedModel> {
    const viewer = await this.viewerOf(actor);
    const need = await this.needs.findVisible(id, viewer);
    if (!need) throw new NotFound('Sourcing need', id);
    const buyerVisible = await this.needs.buyerVisibleIds([need], viewer);
    return this.toModel(need, viewer, buyerVisible.has(need.id));
  }

  async list(
    actor: MaybeActor,
    filter: SourcingNeedFilterInput | undefined,
    first: number,
    after: string | undefined,
  ): Promise<SourcingNeedConnection> {
    const viewer = await this.viewerOf(actor);
    const cursor = decodeCursor(after);
    if (filter?.process && !this.taxonomy.has(TaxonomyKind.PROCESS, filter.process))
      throw ValidationFailed.of('filter.process', `unknown process code ${filter.process}`);
    const page = await this.needs.page(
      {
        buyerId: filter?.buyerId,
        statuses: filter?.statuses,
        processes: filter?.process
          ? [filter.process, ...this.taxonomy.descendants(TaxonomyKind.PROCESS, filter.process).map((t) => t.code)]
          : undefined,
      },
      viewer,
      first,
      cursor,
    );
    const rows = await this.needs.findByIds(page.rows.map((r) => r.id));
    const byId = new Map(rows.map((r) => [r.id, r]));
    const ordered = page.rows.map((r) => byId.get(r.id)!).filter(Boolean);
    const buyerVisible = await this.needs.buyerVisibleIds(ordered, viewer);
    const edges = ordered.map((need, i) => ({
      node: this.toModel(need, viewer, buyerVisible.has(need.id)),
      cursor: encodeCursor({ k: page.rows[i].key, id: need.id }),
    }));
    return { totalCount: page.total, edges, pageInfo: pageInfoOf(edges, page) };
  }

  /** Who the caller is, for visibility (anonymous callers see no needs). */
  async viewerOf(actor: MaybeActor): Promise<NeedViewer> {
    return this.needs.viewer(requireActor(actor));
  }

  toModel(need: SourcingNeedEntity, viewer: NeedViewer, buyerVisible: boolean): SourcingNeedModel {
    const insider = viewer.isAdmin || viewer.buyerIds.includes(need.buyerId);
    const ref = (kind: TaxonomyKind, code: string) => ({ kind, code });
    return {
      id: need.id,
      buyerId: need.buyerId,
      buyerVisible,
      title: need.title,
      description: need.description,
      productGroup: need.productGroup ? ref(TaxonomyKind.PRODUCT_GROUP, need.productGroup) : null,
      processes: need.processes.map((c) => ref(TaxonomyKind.PROCESS, c)),
      materials: need.materials.map((c) => ref(TaxonomyKind.MATERIAL, c)),
      certifications: need.certifications.map((c) => ref(TaxonomyKind.CERTIFICATION, c)),
      quantityPerMonth:
        need.quantityValue !== null && need.quantityUnit ? { value: need.quantityValue, unit: need.quantityUnit as QuantityUnit } : null,
      // Confidential: the buyer's own members and ADMIN only, in every path that maps a need.
      targetPrice:
        insider && need.priceCurrency ? { min: need.priceMin, max: need.priceMax, currency: need.priceCurrency as Currency } : null,
      toleranceMm: need.toleranceMm,
      maxLeadTimeDays: need.maxLeadTimeDays,
      delivery: {
        plant: buyerVisible ? need.deliveryPlant : null,
        // Hidden with the plant's name: buyers' plants and their coordinates are public, so an exact
        // delivery point would name the buyer of an anonymous need.
        location:
          buyerVisible && need.deliveryLatitude !== null && need.deliveryLongitude !== null
            ? { latitude: need.deliveryLatitude, longitude: need.deliveryLongitude }
            : null,
      },
      maxDistanceKm: need.maxDistanceKm,
      neededBy: need.neededBy,
      status: need.status as NeedStatusEnum,
      visibility: need.visibility as NeedVisibilityEnum,
      version: need.version,
      publishedAt: need.publishedAt,
      createdAt: need.createdAt,
      updatedAt: need.updatedAt,
    };
  }

  private async transition(
    actor: MaybeActor,
    id: string,
    version: number,
    from: string[],
    columns: Partial<SourcingNeedEntity>,
    action: string,
  ): Promise<SourcingNeedModel> {
    const editor = requireActor(actor);
    await inTransaction(this.dataSource, async (manager) => {
      const changed = await this.needs.updateIfEditable(manager, id, version, this.editor(editor), columns, from);
      if (!changed) await this.explainRefusal(editor, id, version, manager, from);
      await recordEvent(manager, { needId: id, actorId: editor.userId, action });
    });
    return this.get(editor, id);
  }

  private editor(actor: Actor) {
    return { userId: actor.userId, isAdmin: isAdmin(actor) };
  }

  /**
   * The need, when the caller may change it (ADMIN or a member of its buyer). Otherwise NOT_FOUND
   * when the caller may not see it (as for a need that does not exist), FORBIDDEN when it may.
   */
  private async editable(actor: Actor, id: string, manager: EntityManager): Promise<SourcingNeedEntity> {
    const current = await this.needs.findById(id, manager);
    if (current && (isAdmin(actor) || (await this.needs.isBuyerMember(actor.userId, current.buyerId, manager)))) return current;
    if (current && (await this.needs.findVisible(id, await this.needs.viewer(actor, manager), manager)))
      throw new Forbidden('Only members of the buyer (or ADMIN) may change this need');
    throw new NotFound('Sourcing need', id);
  }

  private async explainRefusal(actor: Actor, id: string, version: number, manager: EntityManager, allowed: string[]): Promise<never> {
    const current = await this.editable(actor, id, manager);
    if (current.version !== version) throw new VersionConflict('Sourcing need', id, version, current.version);
    throw new ValidationFailed([
      { field: 'id', reason: `the need is ${current.status}; this is allowed only when it is ${allowed.join(' or ')}` },
    ]);
  }

  private check(input: Partial<NeedFields>): FieldError[] {
    const problems: FieldError[] = [];
    const codes = (field: string, kind: TaxonomyKind, values: string[] | null | undefined) =>
      (values ?? []).forEach((code, i) => {
        if (!this.taxonomy.has(kind, code))
          problems.push({ field: `input.${field}.${i}`, reason: `unknown ${kind.toLowerCase().replace('_', ' ')} code ${code}` });
      });
    codes('processes', TaxonomyKind.PROCESS, input.processes);
    codes('materials', TaxonomyKind.MATERIAL, input.materials);
    codes('certifications', TaxonomyKind.CERTIFICATION, input.certifications);
    if (input.productGroup && !this.taxonomy.has(TaxonomyKind.PRODUCT_GROUP, input.productGroup))
      problems.push({ field: 'input.productGroup', reason: `unknown product group code ${input.productGroup}` });
    if (input.delivery?.zoneCode && !this.taxonomy.find(TaxonomyKind.ZONE, input.delivery.zoneCode)?.geo)
      problems.push({ field: 'input.delivery.zoneCode', reason: `unknown zone code ${input.delivery.zoneCode} or it has no coordinates` });
    if (
      input.targetPrice &&
      input.targetPrice.min !== undefined &&
      input.targetPrice.max !== undefined &&
      input.targetPrice.max < input.targetPrice.min
    )
      problems.push({ field: 'input.targetPrice.max', reason: 'must not be below min' });
    if (input.neededBy) {
      if (!isIsoDate(input.neededBy)) problems.push({ field: 'input.neededBy', reason: 'is not a real calendar date' });
      else if (input.neededBy < todayInVietnam()) problems.push({ field: 'input.neededBy', reason: 'must not be in the past' });
    }
    return problems;
  }

  private async columns(manager: EntityManager, buyerId: string, input: Partial<NeedFields>): Promise<Partial<SourcingNeedEntity>> {
    const c: Partial<SourcingNeedEntity> = {};
    if (input.title !== undefined) c.title = input.title.trim();
    if (input.description !== undefined) c.description = input.description;
    if (input.productGroup !== undefined) c.productGroup = input.productGroup;
    if (input.processes !== undefined) c.processes = [...new Set(input.processes ?? [])];
    if (input.materials !== undefined) c.materials = [...new Set(input.materials ?? [])];
    if (input.certifications !== undefined) c.certifications = [...new Set(input.certifications ?? [])];
    if (input.quantityPerMonth !== undefined) {
      c.quantityValue = input.quantityPerMonth?.value ?? null;
      c.quantityUnit = input.quantityPerMonth?.unit ?? null;
    }
    if (input.targetPrice !== undefined) {
      c.priceMin = input.targetPrice?.min ?? null;
      c.priceMax = input.targetPrice?.max ?? null;
      c.priceCurrency = input.targetPrice?.currency ?? null;
    }
    if (input.toleranceMm !== undefined) c.toleranceMm = input.toleranceMm;
    if (input.maxLeadTimeDays !== undefined) c.maxLeadTimeDays = input.maxLeadTimeDays;
    if (input.maxDistanceKm !== undefined) c.maxDistanceKm = input.maxDistanceKm;
    if (input.neededBy !== undefined) c.neededBy = input.neededBy;
    if (input.visibility !== undefined) c.visibility = input.visibility;
    if (input.delivery !== undefined) {
      const d = input.delivery;
      let location = d?.location ? { lat: d.location.latitude, lng: d.location.longitude } : undefined;
      if (!location && d?.plant) {
        const [plant] = await manager.query<{ latitude: number; longitude: number }[]>(
          'SELECT latitude, longitude FROM buyer_plants WHERE buyer_id = $1 AND name = $2 LIMIT 1',
          [buyerId, d.plant],
        );
        if (plant) location = { lat: plant.latitude, lng: plant.longitude };
        else if (!d.zoneCode) throw ValidationFailed.of('input.delivery.plant', 'is not a plant of this buyer; give a zone or a location');
      }
      if (!location && d?.zoneCode) {
        const geo = this.taxonomy.find(TaxonomyKind.ZONE, d.zoneCode)?.geo;
        if (geo) location = { lat: geo.lat, lng: geo.lng };
      }
      c.deliveryPlant = d?.plant ?? null;
      c.deliveryLatitude = location?.lat ?? null;
      c.deliveryLongitude = location?.lng ?? null;
    }
    return c;
  }
}
