import { Inject, Injectable, Optional } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { type MaybeActor, isAdmin, isSupplierMember, requireActor, requireAdmin } from '#libs/accounts';
import {
  type FieldError,
  decodeCursor,
  encodeCursor,
  pageInfoOf,
  NotFound,
  todayInVietnam,
  ValidationFailed,
  VersionConflict,
  Forbidden,
} from '#libs/core';
import { inTransaction, isUniqueViolation } from '#libs/database';
import { Taxonomy, TaxonomyKind } from '#libs/taxonomy';
import type { SupplierConnection, SupplierModel, VerificationQueueConnection } from './company.models.js';
import type { SupplierEntity } from './entities.js';
import { ProfileRules } from './profile-rules.js';
import { CONTACT_DISCLOSURE, type ContactDisclosure, revealedSuppliers } from './contact-disclosure.js';
import type { CreateSupplierInput, SetVerificationStatusInput, SupplierFilterInput, UpdateSupplierInput } from './supplier.inputs.js';
import { toSupplierModel } from './supplier.mapper.js';
import { type SupplierChildren, SupplierRepository } from './supplier.repository.js';

type SupplierFields = Omit<CreateSupplierInput, 'taxCode'>;

@Injectable()
export class SuppliersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly suppliers: SupplierRepository,
    private readonly taxonomy: Taxonomy,
    @Optional() @Inject(CONTACT_DISCLOSURE) private readonly disclosure?: ContactDisclosure,
  ) {}

  async create(actor: MaybeActor, input: CreateSupplierInput): Promise<SupplierModel> {
    const creator = requireActor(actor);
    const problems = this.check(input, 'input').taxCode('input.taxCode', input.taxCode).problems;
    if (problems.length) throw new ValidationFailed(problems);
    const id = await inTransaction(this.dataSource, (manager) => this.createWithin(manager, input, creator.userId));
    return this.getVisible({ ...creator, supplierIds: new Set([...creator.supplierIds, id]) }, id);
  }

  /**
   * Inserts a validated supplier in the caller's transaction, with its search outbox entry; the
   * creator (when given) becomes a member. Shared by the API, demo data and bulk import.
   */
  async createWithin(manager: EntityManager, input: CreateSupplierInput, creatorId: string | null): Promise<string> {
    if (await this.suppliers.findByTaxCode(input.taxCode, manager))
      throw ValidationFailed.of('input.taxCode', 'is already registered to another supplier');
    let supplierId: string;
    try {
      supplierId = await this.suppliers.insert(manager, { ...this.columns(input), taxCode: input.taxCode, createdBy: creatorId });
    } catch (error) {
      if (isUniqueViolation(error)) throw ValidationFailed.of('input.taxCode', 'is already registered to another supplier');
      throw error;
    }
    await this.suppliers.replaceChildren(manager, supplierId, this.children(input));
    if (creatorId) await this.suppliers.addMember(manager, creatorId, supplierId);
    await this.suppliers.enqueueSearchUpdate(manager, supplierId, 'created');
    return supplierId;
  }

  /** Inserts many validated suppliers in the caller's transaction (bulk import, synthetic data). */
  createManyWithin(manager: EntityManager, inputs: CreateSupplierInput[], reason = 'imported'): Promise<string[]> {
    return this.suppliers.insertMany(
      manager,
      inputs.map((input) => ({
        columns: { ...this.columns(input), taxCode: input.taxCode, createdBy: null },
        children: { certifications: [], equipment: [], customers: [], ...this.children(input) },
      })),
      reason,
    );
  }

  /** The problems of a new supplier's input beyond its class-validator rules (none when valid). */
  problemsOf(input: CreateSupplierInput, prefix = 'input'): FieldError[] {
    return this.check(input, prefix).taxCode(`${prefix}.taxCode`, input.taxCode).problems;
  }

  async update(actor: MaybeActor, input: UpdateSupplierInput): Promise<SupplierModel> {
    const editor = requireActor(actor);
    const problems = this.check(input, 'input').require('input.nameVi', input.nameVi !== null, 'cannot be cleared').problems;
    if (problems.length) throw new ValidationFailed(problems);
    await inTransaction(this.dataSource, async (manager) => {
      const columns = this.columns(input);
      const changed = await this.suppliers.updateIfEditable(
        manager,
        input.id,
        input.version,
        { userId: editor.userId, isAdmin: isAdmin(editor) },
        columns,
      );
      if (!changed) await this.explainRefusal(editor, input.id, input.version, manager);
      await this.suppliers.replaceChildren(manager, input.id, this.children(input));
      await this.suppliers.enqueueSearchUpdate(manager, input.id, 'updated');
    });
    return this.getVisible(editor, input.id);
  }

  /** Removes a supplier (its members or ADMIN, at the version they saw); search drops it via the outbox. */
  async delete(actor: MaybeActor, id: string, version: number): Promise<boolean> {
    const editor = requireActor(actor);
    await inTransaction(this.dataSource, async (manager) => {
      const deleted = await this.suppliers.deleteIfEditable(manager, id, version, { userId: editor.userId, isAdmin: isAdmin(editor) });
      if (!deleted) await this.explainRefusal(editor, id, version, manager);
      await this.suppliers.enqueueSearchUpdate(manager, id, 'deleted');
    });
    return true;
  }

  async setVerificationStatus(actor: MaybeActor, input: SetVerificationStatusInput): Promise<SupplierModel> {
    const admin = requireAdmin(actor);
    await inTransaction(this.dataSource, async (manager) => {
      const changed = await this.suppliers.updateIfEditable(
        manager,
        input.supplierId,
        input.version,
        { userId: admin.userId, isAdmin: true },
        { verificationStatus: input.status },
      );
      if (!changed) await this.explainRefusal(admin, input.supplierId, input.version, manager);
      await this.suppliers.enqueueSearchUpdate(manager, input.supplierId, `verification:${input.status}`);
    });
    return this.getVisible(admin, input.supplierId);
  }

  /** A supplier as the caller may see it; suspended suppliers exist only for ADMIN and members. */
  async getVisible(actor: MaybeActor, id: string): Promise<SupplierModel> {
    const [aggregate] = await this.suppliers.loadAggregates([id]);
    if (!aggregate || !this.canSee(actor, aggregate.supplier)) throw new NotFound('Supplier', id);
    const revealed = await revealedSuppliers(this.disclosure, actor, [id]);
    return toSupplierModel(aggregate, this.visibility(actor, id, revealed), todayInVietnam());
  }

  async list(
    actor: MaybeActor,
    filter: SupplierFilterInput | undefined,
    first: number,
    after: string | undefined,
  ): Promise<SupplierConnection> {
    const cursor = decodeCursor(after);
    const problems = new ProfileRules(this.taxonomy)
      .codes('filter.zones', TaxonomyKind.ZONE, filter?.zones)
      .code('filter.process', TaxonomyKind.PROCESS, filter?.process)
      .code('filter.certification', TaxonomyKind.CERTIFICATION, filter?.certification)
      .code('filter.sector', TaxonomyKind.SECTOR, filter?.sector).problems;
    if (problems.length) throw new ValidationFailed(problems);
    const admin = isAdmin(actor);
    if (filter?.verificationStatus === 'SUSPENDED' && !admin) throw new Forbidden('Only ADMIN may list suspended suppliers');
    const page = await this.suppliers.page(
      {
        zones: filter?.zones,
        processes: filter?.process ? this.withDescendants(TaxonomyKind.PROCESS, filter.process) : undefined,
        sectors: filter?.sector ? this.withDescendants(TaxonomyKind.SECTOR, filter.sector) : undefined,
        validCertification: filter?.certification ? { code: filter.certification, today: todayInVietnam() } : undefined,
        verificationStatus: filter?.verificationStatus,
        includeSuspended: admin,
      },
      first,
      cursor,
    );
    const aggregates = await this.suppliers.loadAggregates(page.rows.map((r) => r.id));
    const today = todayInVietnam();
    const revealed = await revealedSuppliers(
      this.disclosure,
      actor,
      aggregates.map((a) => a.supplier.id),
    );
    const edges = aggregates.map((aggregate, index) => ({
      node: toSupplierModel(aggregate, this.visibility(actor, aggregate.supplier.id, revealed), today),
      cursor: encodeCursor({ k: page.rows[index].key, id: aggregate.supplier.id }),
    }));
    return { totalCount: page.total, edges, pageInfo: pageInfoOf(edges, page) };
  }

  /** ADMIN only: the verification queue, longest waiting first, with whether each was verified before; a page at a time. */
  async verificationQueue(actor: MaybeActor, first: number, after?: string): Promise<VerificationQueueConnection> {
    requireAdmin(actor);
    const page = await this.suppliers.unverifiedOldestFirst(first, decodeCursor(after));
    const aggregates = await this.suppliers.loadAggregates(page.rows.map((row) => row.id)); // in the queue's order
    const keys = new Map(page.rows.map((row) => [row.id, row.key]));
    const today = todayInVietnam();
    const edges = aggregates.map((aggregate) => ({
      node: {
        supplier: toSupplierModel(aggregate, { contact: true, privateCustomers: true }, today),
        waitingSince: aggregate.supplier.updatedAt,
        previouslyVerifiedAt: aggregate.supplier.verifiedAt,
      },
      cursor: encodeCursor({ k: keys.get(aggregate.supplier.id)!, id: aggregate.supplier.id }),
    }));
    return { totalCount: page.total, edges, pageInfo: pageInfoOf(edges, page) };
  }

  private canSee(actor: MaybeActor, supplier: SupplierEntity): boolean {
    return supplier.verificationStatus !== 'SUSPENDED' || isAdmin(actor) || isSupplierMember(actor, supplier.id);
  }

  /** Contacts: members, ADMIN, and buyers with an accepted introduction. Private customers: members and ADMIN. */
  private visibility(actor: MaybeActor, supplierId: string, revealed: Set<string>) {
    const insider = isAdmin(actor) || isSupplierMember(actor, supplierId);
    return { contact: insider || revealed.has(supplierId), privateCustomers: insider };
  }

  /** Why a guarded UPDATE changed nothing: missing, not allowed, or edited meanwhile. */
  private async explainRefusal(
    actor: MaybeActor,
    id: string,
    version: number | undefined,
    manager = this.dataSource.manager,
  ): Promise<never> {
    const current = await this.suppliers.findById(id, manager);
    if (!current || !this.canSee(actor, current)) throw new NotFound('Supplier', id);
    const signedIn = requireActor(actor);
    if (!isAdmin(signedIn) && !(await this.suppliers.isMember(signedIn.userId, id, manager))) {
      throw new Forbidden("Only the supplier's members or ADMIN may change this supplier");
    }
    throw new VersionConflict('Supplier', id, version ?? current.version, current.version);
  }

  private withDescendants(kind: TaxonomyKind, code: string): string[] {
    return [code, ...this.taxonomy.descendants(kind, code).map((t: { code: string }) => t.code)];
  }

  private check(input: Partial<SupplierFields>, prefix: string): ProfileRules {
    const rules = new ProfileRules(this.taxonomy)
      .code(`${prefix}.zoneCode`, TaxonomyKind.ZONE, input.zoneCode)
      .codes(`${prefix}.sectors`, TaxonomyKind.SECTOR, input.sectors)
      .codes(`${prefix}.processes`, TaxonomyKind.PROCESS, input.processes)
      .codes(`${prefix}.materials`, TaxonomyKind.MATERIAL, input.materials)
      .codes(`${prefix}.productGroups`, TaxonomyKind.PRODUCT_GROUP, input.productGroups)
      .notInFuture(`${prefix}.foundedYear`, input.foundedYear);
    input.certifications?.forEach((c, i) => {
      rules
        .code(`${prefix}.certifications.${i}.code`, TaxonomyKind.CERTIFICATION, c.code)
        .dateRange(`${prefix}.certifications.${i}`, c.validFrom, c.validUntil);
    });
    if (input.ownership && input.ownership.type !== 'DOMESTIC') {
      rules.require(`${prefix}.ownership.country`, !!input.ownership.country, 'is required for FDI and joint-venture ownership');
    }
    return rules;
  }

  /** Columns for the fields present in the input (undefined = leave as is, null = clear). */
  private columns(input: Partial<SupplierFields>): Partial<SupplierEntity> {
    const c: Partial<SupplierEntity> = {};
    const set = <K extends keyof SupplierEntity>(key: K, value: SupplierEntity[K] | undefined) => {
      if (value !== undefined) c[key] = value;
    };
    set('nameVi', input.nameVi?.trim());
    set('tradeNameEn', input.tradeNameEn);
    set('descriptionVi', input.descriptionVi);
    set('descriptionEn', input.descriptionEn);
    if (input.address !== undefined) {
      set('street', input.address?.street ?? null);
      set('ward', input.address?.ward ?? null);
      set('province', input.address?.province ?? 'Hải Phòng');
      set('oldDistrict', input.address?.oldDistrict ?? null);
    }
    set('zoneCode', input.zoneCode);
    const zoneGeo = input.zoneCode ? this.taxonomy.find(TaxonomyKind.ZONE, input.zoneCode)?.geo : undefined;
    if (input.location) {
      c.latitude = input.location.latitude;
      c.longitude = input.location.longitude;
    } else if (zoneGeo) {
      c.latitude = zoneGeo.lat;
      c.longitude = zoneGeo.lng;
    } else if (input.location === null) {
      c.latitude = null;
      c.longitude = null;
    }
    set('website', input.website);
    if (input.contact !== undefined) {
      c.contactName = input.contact?.name ?? null;
      c.contactPhone = input.contact?.phone ?? null;
      c.contactEmail = input.contact?.email ?? null;
    }
    set('employees', input.employees);
    set('foundedYear', input.foundedYear);
    if (input.ownership !== undefined) {
      c.ownershipType = input.ownership?.type ?? 'DOMESTIC';
      c.ownershipCountry = input.ownership?.type === 'DOMESTIC' ? null : (input.ownership?.country?.toUpperCase() ?? null);
    }
    const list = (value: string[] | null | undefined) => (value === undefined ? undefined : [...new Set(value ?? [])]);
    set('sectors', list(input.sectors));
    set('processes', list(input.processes));
    set('materials', list(input.materials));
    set('productGroups', list(input.productGroups));
    if (input.monthlyCapacity !== undefined) {
      c.monthlyCapacityValue = input.monthlyCapacity?.value ?? null;
      c.monthlyCapacityUnit = input.monthlyCapacity?.unit ?? null;
    }
    set('minimumOrderQuantity', input.minimumOrderQuantity);
    set('leadTimeDays', input.leadTimeDays);
    set('bestToleranceMm', input.bestToleranceMm);
    set('exportExperience', input.exportExperience === null ? false : input.exportExperience);
    set('exportMarkets', list(input.exportMarkets?.map((m) => m.toUpperCase())));
    set('languages', list(input.languages));
    return c;
  }

  private children(input: Partial<SupplierFields>): Partial<SupplierChildren> {
    const children: Partial<SupplierChildren> = {};
    if (input.certifications !== undefined) {
      children.certifications = (input.certifications ?? []).map((c) => ({
        code: c.code,
        certificateNumber: c.certificateNumber ?? null,
        issuingBody: c.issuingBody ?? null,
        scope: c.scope ?? null,
        validFrom: c.validFrom ?? null,
        validUntil: c.validUntil ?? null,
      }));
    }
    if (input.equipment !== undefined) {
      children.equipment = (input.equipment ?? []).map((e) => ({
        kind: e.kind,
        maker: e.maker ?? null,
        model: e.model ?? null,
        count: e.count ?? 1,
        pressTonnage: e.pressTonnage ?? null,
        clampForceTonnes: e.clampForceTonnes ?? null,
        axes: e.axes ?? null,
        bedSize: e.bedSize ?? null,
        notes: e.notes ?? null,
      }));
    }
    if (input.customers !== undefined)
      children.customers = (input.customers ?? []).map((c) => ({ name: c.name, isPublic: c.isPublic ?? false }));
    return children;
  }
}
