import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { grantMembership } from '#libs/accounts';
import { type KeysetCursor } from '#libs/core';
import { keysetPage, type KeysetPage } from '#libs/database';
import { enqueueSupplierChanges } from '#libs/search-outbox';
import {
  type AuditActorRole,
  type AuditFieldChange,
  SupplierAuditEntryEntity,
  SupplierCertificationEntity,
  SupplierClaimCodeEntity,
  SupplierCustomerEntity,
  SupplierEntity,
  SupplierEquipmentEntity,
} from './entities.js';

export interface SupplierChildren {
  certifications: Omit<SupplierCertificationEntity, 'id' | 'supplierId' | 'position'>[];
  equipment: Omit<SupplierEquipmentEntity, 'id' | 'supplierId' | 'position'>[];
  customers: Omit<SupplierCustomerEntity, 'id' | 'supplierId' | 'position'>[];
}

export interface SupplierAggregate {
  supplier: SupplierEntity;
  certifications: SupplierCertificationEntity[];
  equipment: SupplierEquipmentEntity[];
  customers: SupplierCustomerEntity[];
}

/** Filters already resolved to concrete codes (descendants expanded) by the service. */
export interface SupplierListQuery {
  zones?: string[];
  processes?: string[];
  sectors?: string[];
  validCertification?: { code: string; today: string };
  verificationStatus?: string;
  maintainedBy?: string;
  includeSuspended: boolean;
  /** The centre's staff also list the profiles still waiting for the SME's consent. */
  includeUnpublished: boolean;
}

/** An audit entry as read back, with the acting user's display name. */
export interface AuditEntryRow {
  id: string;
  supplier_id: string;
  actor_user_id: string | null;
  actor_name: string | null;
  actor_role: AuditActorRole;
  action: string;
  changes: AuditFieldChange[];
  created_at: Date;
}

/** What a claim code is, as the claim checks it. */
export type ClaimCodeRow = Pick<SupplierClaimCodeEntity, 'id' | 'supplierId' | 'expiresAt' | 'usedAt' | 'revokedAt'>;

type SupplierColumns = Partial<Omit<SupplierEntity, 'id' | 'version' | 'createdAt' | 'updatedAt'>>;

@Injectable()
export class SupplierRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, columns: SupplierColumns): Promise<string> {
    const result = await manager.createQueryBuilder().insert().into(SupplierEntity).values(columns).returning('id').execute();
    return (result.raw as { id: string }[])[0].id;
  }

  /**
   * Inserts many suppliers with their children and outbox entries in a few multi-row statements
   * (bulk import and synthetic data); returns the new ids in input order.
   */
  async insertMany(
    manager: EntityManager,
    rows: { columns: SupplierColumns & { taxCode: string }; children: SupplierChildren }[],
    reason: string,
  ): Promise<string[]> {
    const ids: string[] = [];
    // PostgreSQL takes at most 65 535 parameters per statement: ~38 columns × 1 000 rows stays below.
    for (let start = 0; start < rows.length; start += 1000) {
      const chunk = rows.slice(start, start + 1000);
      const result = await manager
        .createQueryBuilder()
        .insert()
        .into(SupplierEntity)
        .values(chunk.map((r) => r.columns))
        .returning(['id', 'taxCode'])
        .execute();
      const byTaxCode = new Map((result.raw as { id: string; tax_code: string }[]).map((r) => [r.tax_code, r.id]));
      const chunkIds = chunk.map((r) => byTaxCode.get(r.columns.taxCode)!);
      ids.push(...chunkIds);
      const children = <T>(pick: (c: SupplierChildren) => T[]) =>
        chunk.flatMap((r, i) => pick(r.children).map((row, position) => ({ ...row, supplierId: chunkIds[i], position })));
      const certifications = children((c) => c.certifications);
      const equipment = children((c) => c.equipment);
      const customers = children((c) => c.customers);
      for (let i = 0; i < certifications.length; i += 5000)
        await manager.insert(SupplierCertificationEntity, certifications.slice(i, i + 5000));
      for (let i = 0; i < equipment.length; i += 5000) await manager.insert(SupplierEquipmentEntity, equipment.slice(i, i + 5000));
      for (let i = 0; i < customers.length; i += 5000) await manager.insert(SupplierCustomerEntity, customers.slice(i, i + 5000));
      await enqueueSupplierChanges(manager, chunkIds, reason);
    }
    return ids;
  }

  /**
   * Applies `columns` and bumps the version, only when the row is at `expectedVersion` and the
   * editor is the centre's staff (`isCentre`: ADMIN or STAFF) or a member of the supplier. Returns whether a row changed.
   */
  async updateIfEditable(
    manager: EntityManager,
    id: string,
    expectedVersion: number | undefined,
    editor: { userId: string; isCentre: boolean },
    columns: SupplierColumns,
  ): Promise<boolean> {
    const query = manager
      .createQueryBuilder()
      .update(SupplierEntity)
      .set({ ...columns, version: () => 'version + 1', updatedAt: () => 'now()' })
      .where('id = :id', { id })
      .andWhere(
        '(:isCentre OR EXISTS (SELECT 1 FROM company_memberships m WHERE m.supplier_id = suppliers.id AND m.user_id = :userId))',
        editor,
      );
    if (expectedVersion !== undefined) query.andWhere('version = :expectedVersion', { expectedVersion });
    const result = await query.execute();
    return (result.affected ?? 0) > 0;
  }

  /** Deletes at `expectedVersion`, only for an administrator or a member. Returns whether it did. */
  async deleteIfEditable(
    manager: EntityManager,
    id: string,
    expectedVersion: number,
    editor: { userId: string; isAdmin: boolean },
  ): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .delete()
      .from(SupplierEntity)
      .where('id = :id', { id })
      .andWhere('version = :expectedVersion', { expectedVersion })
      .andWhere(
        '(:isAdmin OR EXISTS (SELECT 1 FROM company_memberships m WHERE m.supplier_id = suppliers.id AND m.user_id = :userId))',
        editor,
      )
      .execute();
    return (result.affected ?? 0) > 0;
  }

  async replaceChildren(manager: EntityManager, supplierId: string, children: Partial<SupplierChildren>): Promise<void> {
    const withPosition = <T>(rows: T[]) => rows.map((row, position) => ({ ...row, supplierId, position }));
    if (children.certifications) {
      await manager.delete(SupplierCertificationEntity, { supplierId });
      if (children.certifications.length) await manager.insert(SupplierCertificationEntity, withPosition(children.certifications));
    }
    if (children.equipment) {
      await manager.delete(SupplierEquipmentEntity, { supplierId });
      if (children.equipment.length) await manager.insert(SupplierEquipmentEntity, withPosition(children.equipment));
    }
    if (children.customers) {
      await manager.delete(SupplierCustomerEntity, { supplierId });
      if (children.customers.length) await manager.insert(SupplierCustomerEntity, withPosition(children.customers));
    }
  }

  /** Locks the suppliers' rows until the transaction ends (an audited change reads the state it replaces). */
  async lockForChange(manager: EntityManager, ids: readonly string[]): Promise<void> {
    if (ids.length) await manager.query('SELECT id FROM suppliers WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE', [ids]);
  }

  /** The SME took the profile over: it maintains it from now on. */
  async markClaimed(manager: EntityManager, id: string, userId: string): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(SupplierEntity)
      .set({ maintainedBy: 'SELF', claimedBy: userId, claimedAt: () => 'now()', version: () => 'version + 1', updatedAt: () => 'now()' })
      .where('id = :id', { id })
      .execute();
  }

  /** A keyset page of a supplier's audit log, newest first (`keysetPage`), with the actors' display names. */
  async auditPage(
    supplierId: string,
    first: number,
    after: KeysetCursor | undefined,
  ): Promise<{ page: KeysetPage; rows: AuditEntryRow[] }> {
    const base = this.dataSource.manager
      .createQueryBuilder(SupplierAuditEntryEntity, 'a')
      .where('a.supplier_id = :supplierId', { supplierId });
    const page = await keysetPage(base, 'a', first, after);
    if (!page.rows.length) return { page, rows: [] };
    const rows = await this.dataSource.query<AuditEntryRow[]>(
      `SELECT a.id, a.supplier_id, a.actor_user_id, u.display_name AS actor_name, a.actor_role, a.action, a.changes, a.created_at
         FROM supplier_audit_log a LEFT JOIN users u ON u.id = a.actor_user_id WHERE a.id = ANY($1::uuid[])`,
      [page.rows.map((r) => r.id)],
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    return { page, rows: page.rows.map((r) => byId.get(r.id)!) };
  }

  /** Revokes the supplier's live claim code (if any) and stores a new one's hash. */
  async replaceClaimCode(manager: EntityManager, supplierId: string, codeHash: string, issuedBy: string, ttlDays: number): Promise<Date> {
    await manager
      .createQueryBuilder()
      .update(SupplierClaimCodeEntity)
      .set({ revokedAt: () => 'now()' })
      .where('supplier_id = :supplierId AND used_at IS NULL AND revoked_at IS NULL', { supplierId })
      .execute();
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(SupplierClaimCodeEntity)
      .values({ supplierId, codeHash, issuedBy, expiresAt: () => `now() + make_interval(days => ${Math.trunc(ttlDays)})` })
      .returning(['expiresAt'])
      .execute();
    return (result.raw as { expires_at: Date }[])[0].expires_at;
  }

  /** The claim code with this hash, locked until the transaction ends, with whether it is past its expiry by the database's clock. */
  async findClaimCodeForUpdate(manager: EntityManager, codeHash: string): Promise<(ClaimCodeRow & { expired: boolean }) | null> {
    const [row] = await manager.query<
      { id: string; supplier_id: string; expires_at: Date; used_at: Date | null; revoked_at: Date | null; expired: boolean }[]
    >(
      `SELECT id, supplier_id, expires_at, used_at, revoked_at, expires_at <= now() AS expired FROM supplier_claim_codes WHERE code_hash = $1 FOR UPDATE`,
      [codeHash],
    );
    return row
      ? {
          id: row.id,
          supplierId: row.supplier_id,
          expiresAt: row.expires_at,
          usedAt: row.used_at,
          revokedAt: row.revoked_at,
          expired: row.expired,
        }
      : null;
  }

  async markClaimCodeUsed(manager: EntityManager, id: string, userId: string): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(SupplierClaimCodeEntity)
      .set({ usedBy: userId, usedAt: () => 'now()' })
      .where('id = :id', { id })
      .execute();
  }

  /** Sets the verification status as the platform itself (no editor check): the demo data's statuses. */
  async setVerificationStatus(manager: EntityManager, id: string, status: SupplierEntity['verificationStatus']): Promise<void> {
    await manager.createQueryBuilder().update(SupplierEntity).set({ verificationStatus: status }).where('id = :id', { id }).execute();
  }

  async addMember(manager: EntityManager, userId: string, supplierId: string): Promise<void> {
    await grantMembership(manager, userId, { supplierId });
  }

  /** Records, in the caller's transaction, that the supplier's search document must be rebuilt. */
  async enqueueSearchUpdate(manager: EntityManager, supplierId: string, reason: string): Promise<void> {
    await enqueueSupplierChanges(manager, [supplierId], reason);
  }

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<SupplierEntity | null> {
    return manager.findOneBy(SupplierEntity, { id });
  }

  findByTaxCode(taxCode: string, manager: EntityManager = this.dataSource.manager): Promise<SupplierEntity | null> {
    return manager.findOneBy(SupplierEntity, { taxCode });
  }

  isMember(userId: string, supplierId: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    return manager
      .query('SELECT 1 FROM company_memberships WHERE user_id = $1 AND supplier_id = $2', [userId, supplierId])
      .then((rows: unknown[]) => rows.length > 0);
  }

  /** Suppliers with their certificates, equipment and customers, in the order of `ids`. */
  async loadAggregates(ids: string[], manager: EntityManager = this.dataSource.manager): Promise<SupplierAggregate[]> {
    if (!ids.length) return [];
    const queries = [
      () => manager.findBy(SupplierEntity, { id: In(ids) }),
      () => manager.find(SupplierCertificationEntity, { where: { supplierId: In(ids) }, order: { position: 'ASC' } }),
      () => manager.find(SupplierEquipmentEntity, { where: { supplierId: In(ids) }, order: { position: 'ASC' } }),
      () => manager.find(SupplierCustomerEntity, { where: { supplierId: In(ids) }, order: { position: 'ASC' } }),
    ] as const;
    // In a transaction all four share one connection: run them in turn. Otherwise in parallel.
    const inTransaction = manager.queryRunner?.isTransactionActive ?? false;
    const [suppliers, certifications, equipment, customers] = inTransaction
      ? [await queries[0](), await queries[1](), await queries[2](), await queries[3]()]
      : await Promise.all([queries[0](), queries[1](), queries[2](), queries[3]()]);
    const byId = new Map(suppliers.map((s) => [s.id, s]));
    return ids.flatMap((id) => {
      const supplier = byId.get(id);
      if (!supplier) return [];
      return [
        {
          supplier,
          certifications: certifications.filter((c) => c.supplierId === id),
          equipment: equipment.filter((e) => e.supplierId === id),
          customers: customers.filter((c) => c.supplierId === id),
        },
      ];
    });
  }

  /** Unverified suppliers, the longest waiting (least recently changed) first. */
  /** A keyset page of the unverified suppliers, the longest waiting (oldest change) first, and how many wait in all. */
  async unverifiedOldestFirst(first: number, after: KeysetCursor | undefined): Promise<KeysetPage> {
    const waiting = this.dataSource.manager.createQueryBuilder(SupplierEntity, 's').where(`s.verification_status = 'UNVERIFIED'`);
    const total = await waiting.clone().getCount();
    const page = waiting
      .select('s.id', 'id')
      .addSelect('s.updated_at::text', 'key')
      .orderBy('s.updated_at', 'ASC')
      .addOrderBy('s.id', 'ASC')
      .limit(first + 1);
    if (after) page.andWhere('(s.updated_at, s.id) > (:afterAt::timestamptz, :afterId::uuid)', { afterAt: after.k, afterId: after.id });
    const rows = await page.getRawMany<{ id: string; key: string }>();
    // as keysetPage does: whether rows of the queue still come at or before the cursor
    const before = after
      ? await waiting
          .clone()
          .select('1', 'one')
          .andWhere('(s.updated_at, s.id) <= (:beforeAt::timestamptz, :beforeId::uuid)', { beforeAt: after.k, beforeId: after.id })
          .limit(1)
          .getRawMany()
      : [];
    return { rows: rows.slice(0, first), total, hasNextPage: rows.length > first, hasPreviousPage: before.length > 0 };
  }

  /**
   * A keyset page, newest first, of the profiles the centre's staff entered on SMEs' behalf (those
   * with a data source); `pending` keeps only those still waiting for the SME: not yet claimed, or
   * not yet published.
   */
  async enteredByCentrePage(pending: boolean, first: number, after: KeysetCursor | undefined): Promise<KeysetPage> {
    const base = this.dataSource.manager.createQueryBuilder(SupplierEntity, 's').where('s.data_source IS NOT NULL');
    if (pending) base.andWhere('(s.claimed_at IS NULL OR NOT s.published)');
    return keysetPage(base, 's', first, after);
  }

  /** A keyset page, newest first, and the total count for the same filter. */
  async page(query: SupplierListQuery, first: number, after: KeysetCursor | undefined): Promise<KeysetPage> {
    const base = this.dataSource.manager.createQueryBuilder(SupplierEntity, 's');
    if (query.zones?.length) base.andWhere('s.zone_code IN (:...zones)', { zones: query.zones });
    if (query.processes?.length) base.andWhere('s.processes && :processes::text[]', { processes: query.processes });
    if (query.sectors?.length) base.andWhere('s.sectors && :sectors::text[]', { sectors: query.sectors });
    if (query.verificationStatus) base.andWhere('s.verification_status = :status', { status: query.verificationStatus });
    if (query.maintainedBy) base.andWhere('s.maintained_by = :maintainedBy', { maintainedBy: query.maintainedBy });
    if (!query.includeSuspended) base.andWhere(`s.verification_status <> 'SUSPENDED'`);
    if (!query.includeUnpublished) base.andWhere('s.published');
    if (query.validCertification) {
      base.andWhere(
        `EXISTS (SELECT 1 FROM supplier_certifications c WHERE c.supplier_id = s.id AND c.code = :certCode
           AND (c.valid_from IS NULL OR c.valid_from <= :today::date) AND (c.valid_until IS NULL OR c.valid_until > :today::date))`,
        { certCode: query.validCertification.code, today: query.validCertification.today },
      );
    }
    return keysetPage(base, 's', first, after);
  }
}
