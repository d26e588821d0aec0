import { Inject, Injectable, Optional } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { type MaybeActor, isAdmin, isCentreStaff, isSupplierMember, requireActor, requireAdmin, requireCentreStaff } from '#libs/accounts';
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
import { claimCodeHash, newClaimCode, normaliseClaimCode } from './claim-codes.js';
import { Taxonomy, TaxonomyKind } from '#libs/taxonomy';
import type { SupplierAuditEntryConnection, SupplierConnection, SupplierModel, VerificationQueueConnection } from './company.models.js';
import type { SupplierDataSource, SupplierEntity } from './entities.js';
import { ProfileRules } from './profile-rules.js';
import { CONTACT_DISCLOSURE, type ContactDisclosure, revealedSuppliers } from './contact-disclosure.js';
import type {
  CreateSupplierInput,
  OnboardingInput,
  SetVerificationStatusInput,
  SupplierFilterInput,
  UpdateSupplierInput,
} from './supplier.inputs.js';
import { type AuditAction, type AuditActor, auditActorOf, auditRecords, PLATFORM_ACTOR, writeAuditEntries } from './supplier-audit.js';
import { toAuditEntryModel, toSupplierModel } from './supplier.mapper.js';
import { type SupplierChildren, SupplierRepository } from './supplier.repository.js';

type SupplierFields = Omit<CreateSupplierInput, 'taxCode'>;

/** A profile the centre's staff enter on an SME's behalf: how they got the data, and who recorded the SME's consent (if given). */
export interface OnBehalf {
  dataSource: SupplierDataSource;
  consentRecordedBy: string | null;
}

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
    const id = await inTransaction(this.dataSource, (manager) =>
      this.createWithin(manager, input, creator.userId, { auditBy: auditActorOf(creator) }),
    );
    return this.getVisible({ ...creator, supplierIds: new Set([...creator.supplierIds, id]) }, id);
  }

  /**
   * The centre's staff (ADMIN or STAFF) enter a profile on an SME's behalf: they do not become its
   * members; the profile records how the data was obtained and stays unpublished until the SME's
   * consent is recorded (here, or later with setSupplierPublicationConsent).
   */
  async createOnBehalf(actor: MaybeActor, input: CreateSupplierInput, onboarding: OnboardingInput): Promise<SupplierModel> {
    const staff = requireCentreStaff(actor);
    const problems = this.problemsOf(input);
    if (problems.length) throw new ValidationFailed(problems);
    const id = await inTransaction(this.dataSource, (manager) =>
      this.createWithin(manager, input, staff.userId, {
        auditBy: auditActorOf(staff),
        onBehalf: { dataSource: onboarding.dataSource, consentRecordedBy: onboarding.consentToPublish ? staff.userId : null },
      }),
    );
    return this.getVisible(staff, id);
  }

  /**
   * Inserts a validated supplier in the caller's transaction, with its search outbox entry and its
   * audit entry; the creator (when given, and not the centre acting `onBehalf`) becomes a member.
   * Shared by the API, demo data and bulk import.
   */
  async createWithin(
    manager: EntityManager,
    input: CreateSupplierInput,
    creatorId: string | null,
    options: { auditBy?: AuditActor; onBehalf?: OnBehalf } = {},
  ): Promise<string> {
    if (await this.suppliers.findByTaxCode(input.taxCode, manager))
      throw ValidationFailed.of('input.taxCode', 'is already registered to another supplier');
    const { onBehalf } = options;
    const assisted: Partial<SupplierEntity> = onBehalf
      ? {
          dataSource: onBehalf.dataSource,
          maintainedBy: 'CENTRE',
          published: onBehalf.consentRecordedBy !== null,
          consentRecordedBy: onBehalf.consentRecordedBy,
          consentRecordedAt: onBehalf.consentRecordedBy ? new Date() : null,
        }
      : {};
    let supplierId: string;
    try {
      supplierId = await this.suppliers.insert(manager, {
        ...this.columns(input),
        ...assisted,
        taxCode: input.taxCode,
        createdBy: creatorId,
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw ValidationFailed.of('input.taxCode', 'is already registered to another supplier');
      throw error;
    }
    await this.suppliers.replaceChildren(manager, supplierId, this.children(input));
    if (creatorId && !onBehalf) await this.suppliers.addMember(manager, creatorId, supplierId);
    await this.suppliers.enqueueSearchUpdate(manager, supplierId, 'created');
    await this.auditCreated(manager, [supplierId], options.auditBy ?? PLATFORM_ACTOR);
    return supplierId;
  }

  /** Inserts many validated suppliers in the caller's transaction (bulk import, synthetic data), each with its audit entry. */
  async createManyWithin(manager: EntityManager, inputs: CreateSupplierInput[], reason = 'imported'): Promise<string[]> {
    const ids = await this.suppliers.insertMany(
      manager,
      inputs.map((input) => ({
        columns: { ...this.columns(input), taxCode: input.taxCode, createdBy: null },
        children: { certifications: [], equipment: [], customers: [], ...this.children(input) },
      })),
      reason,
    );
    await this.auditCreated(manager, ids, PLATFORM_ACTOR);
    return ids;
  }

  /** Sets the verification status as the platform itself (the demo data's statuses), with its audit entry. */
  async setVerificationStatusWithin(manager: EntityManager, id: string, status: SupplierEntity['verificationStatus']): Promise<void> {
    await this.audited(manager, [id], PLATFORM_ACTOR, 'VERIFICATION_CHANGED', () =>
      this.suppliers.setVerificationStatus(manager, id, status),
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
    await inTransaction(this.dataSource, (manager) =>
      this.audited(manager, [input.id], auditActorOf(editor), 'UPDATED', async () => {
        const columns = this.columns(input);
        const changed = await this.suppliers.updateIfEditable(
          manager,
          input.id,
          input.version,
          { userId: editor.userId, isCentre: isCentreStaff(editor) },
          columns,
        );
        if (!changed) await this.explainRefusal(editor, input.id, input.version, manager);
        await this.suppliers.replaceChildren(manager, input.id, this.children(input));
        await this.suppliers.enqueueSearchUpdate(manager, input.id, 'updated');
      }),
    );
    return this.getVisible(editor, input.id);
  }

  /**
   * Records the SME's consent to publish its profile (or its withdrawal): the centre's staff on the
   * SME's behalf, or the supplier's own members. Publishing puts the profile in the directory, the
   * search index and matching; withdrawing takes it out of all three.
   */
  async setPublicationConsent(actor: MaybeActor, supplierId: string, version: number, consent: boolean): Promise<SupplierModel> {
    const editor = requireActor(actor);
    await inTransaction(this.dataSource, (manager) =>
      this.audited(
        manager,
        [supplierId],
        auditActorOf(editor),
        'CONSENT_CHANGED',
        async () => {
          const changed = await this.suppliers.updateIfEditable(
            manager,
            supplierId,
            version,
            { userId: editor.userId, isCentre: isCentreStaff(editor) },
            { published: consent, consentRecordedBy: editor.userId, consentRecordedAt: new Date() },
          );
          if (!changed) await this.explainRefusal(editor, supplierId, version, manager);
          await this.suppliers.enqueueSearchUpdate(manager, supplierId, consent ? 'consent-given' : 'consent-withdrawn');
        },
        true,
      ),
    );
    return this.getVisible(editor, supplierId);
  }

  /** The supplier's audit log, newest first: for its members and the centre's staff (ADMIN, STAFF) only. */
  async auditLog(actor: MaybeActor, supplierId: string, first: number, after?: string): Promise<SupplierAuditEntryConnection> {
    const reader = requireActor(actor);
    const supplier = await this.suppliers.findById(supplierId);
    if (!supplier || !this.canSee(reader, supplier)) throw new NotFound('Supplier', supplierId);
    if (!isCentreStaff(reader) && !isSupplierMember(reader, supplierId))
      throw new Forbidden("Only the supplier's members and the centre's staff may read its audit log");
    const { page, rows } = await this.suppliers.auditPage(supplierId, first, decodeCursor(after));
    const edges = rows.map((row, index) => ({
      node: toAuditEntryModel(row),
      cursor: encodeCursor({ k: page.rows[index].key, id: row.id }),
    }));
    return { totalCount: page.total, edges, pageInfo: pageInfoOf(edges, page) };
  }

  /**
   * Issues a one-time claim code for a profile the centre keeps on an SME's behalf, in the caller's
   * transaction, revoking any older live code; returns the code (never stored: only its hash) once.
   */
  async issueClaimCodeWithin(
    manager: EntityManager,
    supplierId: string,
    actor: AuditActor & { userId: string },
    ttlDays: number,
  ): Promise<{ code: string; expiresAt: Date }> {
    const code = newClaimCode();
    const expiresAt = await this.audited(
      manager,
      [supplierId],
      actor,
      'CLAIM_CODE_ISSUED',
      async () => {
        const supplier = await this.suppliers.findById(supplierId, manager);
        if (!supplier) throw new NotFound('Supplier', supplierId);
        if (supplier.maintainedBy === 'SELF')
          throw ValidationFailed.of('supplierId', 'is already maintained by its own members: there is nothing to claim');
        return this.suppliers.replaceClaimCode(manager, supplierId, claimCodeHash(normaliseClaimCode(code)!), actor.userId, ttlDays);
      },
      true,
    );
    return { code, expiresAt };
  }

  /**
   * Runs `change` on the suppliers `ids` (rows locked first) and writes one audit entry per supplier
   * it changed, in the same transaction: the fields that differ, with old and new values except
   * for confidential fields. `always` writes an entry even when no audited field changed.
   */
  async audited<T>(
    manager: EntityManager,
    ids: string[],
    actor: AuditActor,
    action: AuditAction,
    change: () => Promise<T>,
    always = false,
  ): Promise<T> {
    await this.suppliers.lockForChange(manager, ids);
    const before = await this.suppliers.loadAggregates(ids, manager);
    const result = await change();
    const after = await this.suppliers.loadAggregates(ids, manager);
    await writeAuditEntries(manager, actor, auditRecords(ids, before, after, action, always));
    return result;
  }

  private async auditCreated(manager: EntityManager, ids: string[], actor: AuditActor): Promise<void> {
    for (let start = 0; start < ids.length; start += 1000) {
      const chunk = ids.slice(start, start + 1000);
      const after = await this.suppliers.loadAggregates(chunk, manager);
      await writeAuditEntries(manager, actor, auditRecords(chunk, [], after, 'CREATED', true));
    }
  }

  /** Removes a supplier (its members or ADMIN, at the version they saw); search drops it via the outbox. */
  async delete(actor: MaybeActor, id: string, version: number): Promise<boolean> {
    const editor = requireActor(actor);
    await inTransaction(this.dataSource, (manager) =>
      this.audited(
        manager,
        [id],
        auditActorOf(editor),
        'DELETED',
        async () => {
          const deleted = await this.suppliers.deleteIfEditable(manager, id, version, { userId: editor.userId, isAdmin: isAdmin(editor) });
          if (!deleted) await this.explainRefusal(editor, id, version, manager, isAdmin(editor));
          await this.suppliers.enqueueSearchUpdate(manager, id, 'deleted');
        },
        true,
      ),
    );
    return true;
  }

  async setVerificationStatus(actor: MaybeActor, input: SetVerificationStatusInput): Promise<SupplierModel> {
    const admin = requireAdmin(actor);
    await inTransaction(this.dataSource, (manager) =>
      this.audited(manager, [input.supplierId], auditActorOf(admin), 'VERIFICATION_CHANGED', async () => {
        const changed = await this.suppliers.updateIfEditable(
          manager,
          input.supplierId,
          input.version,
          { userId: admin.userId, isCentre: true },
          { verificationStatus: input.status },
        );
        if (!changed) await this.explainRefusal(admin, input.supplierId, input.version, manager);
        await this.suppliers.enqueueSearchUpdate(manager, input.supplierId, `verification:${input.status}`);
      }),
    );
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
        maintainedBy: filter?.maintainedBy,
        includeSuspended: admin,
        includeUnpublished: isCentreStaff(actor),
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

  /**
   * ADMIN and STAFF: the profiles the centre entered on SMEs' behalf, newest first, with their
   * onboarding record (how the data was obtained, consent, claim); `pending` keeps those the SME has
   * not yet claimed or not yet agreed to publish.
   */
  async enteredByCentre(actor: MaybeActor, pending: boolean, first: number, after?: string): Promise<SupplierConnection> {
    const staff = requireCentreStaff(actor);
    const page = await this.suppliers.enteredByCentrePage(pending, first, decodeCursor(after));
    const aggregates = await this.suppliers.loadAggregates(page.rows.map((row) => row.id));
    const revealed = await revealedSuppliers(
      this.disclosure,
      staff,
      aggregates.map((a) => a.supplier.id),
    );
    const today = todayInVietnam();
    const edges = aggregates.map((aggregate, index) => ({
      node: toSupplierModel(aggregate, this.visibility(staff, aggregate.supplier.id, revealed), today),
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
        supplier: toSupplierModel(aggregate, { contact: true, privateCustomers: true, onboarding: true }, today),
        waitingSince: aggregate.supplier.updatedAt,
        previouslyVerifiedAt: aggregate.supplier.verifiedAt,
      },
      cursor: encodeCursor({ k: keys.get(aggregate.supplier.id)!, id: aggregate.supplier.id }),
    }));
    return { totalCount: page.total, edges, pageInfo: pageInfoOf(edges, page) };
  }

  /**
   * Suspended suppliers, and profiles the centre entered without the SME's consent to publish,
   * exist only for their members and the centre's staff.
   */
  canSee(actor: MaybeActor, supplier: SupplierEntity): boolean {
    if (isCentreStaff(actor) || isSupplierMember(actor, supplier.id)) return true;
    return supplier.verificationStatus !== 'SUSPENDED' && supplier.published;
  }

  /**
   * Contacts: members, the centre's staff (ADMIN, STAFF), and buyers with an accepted introduction.
   * Private customers and the onboarding record: members and the centre's staff.
   */
  private visibility(actor: MaybeActor, supplierId: string, revealed: Set<string>) {
    const insider = isCentreStaff(actor) || isSupplierMember(actor, supplierId);
    return { contact: insider || revealed.has(supplierId), privateCustomers: insider, onboarding: insider };
  }

  /** Why a guarded UPDATE changed nothing: missing, not allowed, or edited meanwhile. */
  private async explainRefusal(
    actor: MaybeActor,
    id: string,
    version: number | undefined,
    manager = this.dataSource.manager,
    centre = isCentreStaff(actor),
  ): Promise<never> {
    const current = await this.suppliers.findById(id, manager);
    if (!current || !this.canSee(actor, current)) throw new NotFound('Supplier', id);
    const signedIn = requireActor(actor);
    if (!centre && !(await this.suppliers.isMember(signedIn.userId, id, manager))) {
      throw new Forbidden("Only the supplier's members or the centre's staff may change this supplier");
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
