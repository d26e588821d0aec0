import { Inject, Injectable, Optional } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { type MaybeActor, isAdmin, isBuyerMember, requireActor, requireAdmin } from '#libs/accounts';
import {
  type FieldError,
  decodeCursor,
  encodeCursor,
  pageInfoOf,
  Forbidden,
  NotFound,
  ValidationFailed,
  VersionConflict,
} from '#libs/core';
import { inTransaction, isUniqueViolation } from '#libs/database';
import { Taxonomy, TaxonomyKind } from '#libs/taxonomy';
import type { BuyerFilterInput, CreateBuyerInput, PlantInput, SetBuyerVerificationStatusInput, UpdateBuyerInput } from './buyer.inputs.js';
import type { VerificationStatus } from './entities.js';
import { type BuyerAggregate, type BuyerColumns, BuyerRepository, type PlantRow } from './buyer.repository.js';
import type { BuyerConnection, BuyerModel } from './company.models.js';
import type { VerificationStatusEnum } from './company.enums.js';
import { refs } from './supplier.mapper.js';
import { ProfileRules } from './profile-rules.js';
import { CONTACT_DISCLOSURE, type ContactDisclosure, revealedBuyers } from './contact-disclosure.js';

type BuyerFields = Omit<CreateBuyerInput, 'taxCode'>;

@Injectable()
export class BuyersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly buyers: BuyerRepository,
    private readonly taxonomy: Taxonomy,
    @Optional() @Inject(CONTACT_DISCLOSURE) private readonly disclosure?: ContactDisclosure,
  ) {}

  async create(actor: MaybeActor, input: CreateBuyerInput): Promise<BuyerModel> {
    const creator = requireActor(actor);
    const problems = this.check(input).taxCode('input.taxCode', input.taxCode).problems;
    if (problems.length) throw new ValidationFailed(problems);
    const id = await inTransaction(this.dataSource, (manager) => this.createWithin(manager, input, creator.userId));
    return this.get({ ...creator, buyerIds: new Set([...creator.buyerIds, id]) }, id);
  }

  /**
   * Inserts a validated buyer in the caller's transaction; the creator (when given) becomes a member.
   * A buyer starts UNVERIFIED (its needs reach no supplier) unless a trusted loader says otherwise.
   */
  async createWithin(
    manager: EntityManager,
    input: CreateBuyerInput,
    creatorId: string | null,
    verificationStatus: VerificationStatus = 'UNVERIFIED',
  ): Promise<string> {
    if (await this.buyers.findByTaxCode(input.taxCode, manager))
      throw ValidationFailed.of('input.taxCode', 'is already registered to another buyer');
    let buyerId: string;
    try {
      buyerId = await this.buyers.insert(manager, {
        ...this.columns(input),
        taxCode: input.taxCode,
        createdBy: creatorId,
        verificationStatus,
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw ValidationFailed.of('input.taxCode', 'is already registered to another buyer');
      throw error;
    }
    await this.buyers.replacePlants(manager, buyerId, this.plants(input.plants ?? []));
    if (creatorId) await this.buyers.addMember(manager, creatorId, buyerId);
    return buyerId;
  }

  problemsOf(input: CreateBuyerInput): FieldError[] {
    return this.check(input).taxCode('input.taxCode', input.taxCode).problems;
  }

  async update(actor: MaybeActor, input: UpdateBuyerInput): Promise<BuyerModel> {
    const editor = requireActor(actor);
    const problems = this.check(input)
      .require('input.name', input.name !== null, 'cannot be cleared')
      .require('input.countryOfOrigin', input.countryOfOrigin !== null, 'cannot be cleared').problems;
    if (problems.length) throw new ValidationFailed(problems);
    await inTransaction(this.dataSource, async (manager) => {
      const changed = await this.buyers.updateIfEditable(
        manager,
        input.id,
        input.version,
        { userId: editor.userId, isAdmin: isAdmin(editor) },
        this.columns(input),
      );
      if (!changed) {
        const current = await this.buyers.findById(input.id, manager);
        if (!current) throw new NotFound('Buyer', input.id);
        if (!isAdmin(editor) && !(await this.buyers.isMember(editor.userId, input.id, manager)))
          throw new Forbidden("Only the buyer's members or ADMIN may change this buyer");
        throw new VersionConflict('Buyer', input.id, input.version, current.version);
      }
      await this.buyers.replacePlants(manager, input.id, input.plants === undefined ? undefined : this.plants(input.plants ?? []));
    });
    return this.get(editor, input.id);
  }

  /** ADMIN only: verifies, un-verifies or suspends a buyer (at `version` when given), as for suppliers. */
  async setVerificationStatus(actor: MaybeActor, input: SetBuyerVerificationStatusInput): Promise<BuyerModel> {
    const admin = requireAdmin(actor);
    await inTransaction(this.dataSource, async (manager) => {
      if (
        await this.buyers.updateIfEditable(
          manager,
          input.buyerId,
          input.version,
          { userId: admin.userId, isAdmin: true },
          { verificationStatus: input.status },
        )
      )
        return;
      const current = await this.buyers.findById(input.buyerId, manager);
      if (!current) throw new NotFound('Buyer', input.buyerId);
      throw new VersionConflict('Buyer', input.buyerId, input.version ?? current.version, current.version);
    });
    return this.get(admin, input.buyerId);
  }

  async get(actor: MaybeActor, id: string): Promise<BuyerModel> {
    const [buyer] = await this.getMany(actor, [id]);
    if (buyer instanceof Error) throw buyer;
    return buyer;
  }

  /** Several buyers in a few statements, in the order of `ids` (NOT_FOUND errors in place of missing ones): the batch behind the `buyer` field of a page. */
  async getMany(actor: MaybeActor, ids: readonly string[]): Promise<(BuyerModel | NotFound)[]> {
    const aggregates = new Map((await this.buyers.loadAggregates([...new Set(ids)])).map((a) => [a.buyer.id, a]));
    const revealed = await revealedBuyers(this.disclosure, actor, [...aggregates.keys()]);
    return ids.map((id) => {
      const aggregate = aggregates.get(id);
      return aggregate ? this.toModel(aggregate, actor, revealed) : new NotFound('Buyer', id);
    });
  }

  async list(actor: MaybeActor, filter: BuyerFilterInput | undefined, first: number, after: string | undefined): Promise<BuyerConnection> {
    const cursor = decodeCursor(after);
    const problems = new ProfileRules(this.taxonomy)
      .code('filter.sector', TaxonomyKind.SECTOR, filter?.sector)
      .code('filter.zone', TaxonomyKind.ZONE, filter?.zone).problems;
    if (problems.length) throw new ValidationFailed(problems);
    const page = await this.buyers.page(
      {
        sectors: filter?.sector
          ? [filter.sector, ...this.taxonomy.descendants(TaxonomyKind.SECTOR, filter.sector).map((t: { code: string }) => t.code)]
          : undefined,
        zone: filter?.zone,
        countryOfOrigin: filter?.countryOfOrigin?.toUpperCase(),
      },
      first,
      cursor,
    );
    const aggregates = await this.buyers.loadAggregates(page.rows.map((r) => r.id));
    const revealed = await revealedBuyers(
      this.disclosure,
      actor,
      aggregates.map((a) => a.buyer.id),
    );
    const edges = aggregates.map((aggregate, index) => ({
      node: this.toModel(aggregate, actor, revealed),
      cursor: encodeCursor({ k: page.rows[index].key, id: aggregate.buyer.id }),
    }));
    return { totalCount: page.total, edges, pageInfo: pageInfoOf(edges, page) };
  }

  private toModel({ buyer: b, plants }: BuyerAggregate, actor: MaybeActor, revealed: Set<string>): BuyerModel {
    const insider = isAdmin(actor) || isBuyerMember(actor, b.id) || revealed.has(b.id);
    return {
      id: b.id,
      taxCode: b.taxCode,
      name: b.name,
      nameVi: b.nameVi,
      countryOfOrigin: b.countryOfOrigin,
      description: b.description,
      website: b.website,
      contact: insider ? { name: b.contactName, phone: b.contactPhone, email: b.contactEmail } : null,
      sectors: refs(TaxonomyKind.SECTOR, b.sectors),
      plants: plants.map((p) => ({
        name: p.name,
        zone: p.zoneCode ? { kind: TaxonomyKind.ZONE, code: p.zoneCode } : null,
        location: { latitude: p.latitude, longitude: p.longitude },
      })),
      languages: b.languages,
      verificationStatus: b.verificationStatus as VerificationStatusEnum,
      version: b.version,
      createdAt: b.createdAt,
      updatedAt: b.updatedAt,
    };
  }

  private check(input: Partial<BuyerFields>): ProfileRules {
    const rules = new ProfileRules(this.taxonomy).codes('input.sectors', TaxonomyKind.SECTOR, input.sectors);
    input.plants?.forEach((plant, i) => {
      rules.code(`input.plants.${i}.zoneCode`, TaxonomyKind.ZONE, plant.zoneCode);
      rules.require(
        `input.plants.${i}.location`,
        !!plant.location || !!(plant.zoneCode && this.taxonomy.find(TaxonomyKind.ZONE, plant.zoneCode)?.geo),
        'is required when the plant has no industrial zone with coordinates',
      );
    });
    return rules;
  }

  private columns(input: Partial<BuyerFields>): BuyerColumns {
    const c: BuyerColumns = {};
    if (input.name !== undefined) c.name = input.name.trim();
    if (input.nameVi !== undefined) c.nameVi = input.nameVi;
    if (input.countryOfOrigin !== undefined) c.countryOfOrigin = input.countryOfOrigin.toUpperCase();
    if (input.description !== undefined) c.description = input.description;
    if (input.website !== undefined) c.website = input.website;
    if (input.contact !== undefined) {
      c.contactName = input.contact?.name ?? null;
      c.contactPhone = input.contact?.phone ?? null;
      c.contactEmail = input.contact?.email ?? null;
    }
    if (input.sectors !== undefined) c.sectors = [...new Set(input.sectors ?? [])];
    if (input.languages !== undefined) c.languages = [...new Set(input.languages ?? [])];
    return c;
  }

  private plants(plants: PlantInput[]): PlantRow[] {
    return plants.map((p) => {
      const geo = p.zoneCode ? this.taxonomy.find(TaxonomyKind.ZONE, p.zoneCode)?.geo : undefined;
      return {
        name: p.name,
        zoneCode: p.zoneCode ?? null,
        latitude: p.location?.latitude ?? geo!.lat,
        longitude: p.location?.longitude ?? geo!.lng,
      };
    });
  }
}
