import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { Actor, MaybeActor } from '#libs/accounts';
import type { KeysetCursor } from '#libs/core';
import { keysetPage, type KeysetPage } from '#libs/database';
import { SourcingNeedEntity } from './entities.js';

type NeedColumns = Partial<Omit<SourcingNeedEntity, 'id' | 'version' | 'createdAt' | 'updatedAt'>>;

export interface NeedListQuery {
  buyerId?: string;
  statuses?: string[];
  processes?: string[];
}

/** What a viewer is, for deciding which needs it sees. */
export interface NeedViewer {
  isAdmin: boolean;
  buyerIds: string[];
  supplierIds: string[];
  /** Member of at least one VERIFIED supplier: sees every open PUBLIC or ANONYMOUS need. */
  verifiedSupplier: boolean;
}

@Injectable()
export class NeedRepository {
  constructor(private readonly dataSource: DataSource) {}

  async viewer(actor: Actor): Promise<NeedViewer> {
    const supplierIds = [...actor.supplierIds];
    const verified = supplierIds.length
      ? ((await this.dataSource.query(`SELECT 1 FROM suppliers WHERE id = ANY($1::uuid[]) AND verification_status = 'VERIFIED' LIMIT 1`, [supplierIds])) as unknown[]).length > 0
      : false;
    return { isAdmin: actor.role === 'ADMIN', buyerIds: [...actor.buyerIds], supplierIds, verifiedSupplier: verified };
  }

  /**
   * Restricts a query over `n` (sourcing_needs) to the needs the viewer may see: ADMIN all; a
   * buyer's members its own; members of a verified supplier every OPEN public or anonymous need;
   * and any supplier the needs it was invited to (not drafts).
   */
  restrictToViewer<T extends object>(query: SelectQueryBuilder<T>, viewer: NeedViewer): SelectQueryBuilder<T> {
    if (viewer.isAdmin) return query;
    return query.andWhere(
      `(n.buyer_id = ANY(:viewerBuyerIds::uuid[])
        OR (:verifiedSupplier AND n.status = 'OPEN' AND n.visibility IN ('PUBLIC', 'ANONYMOUS'))
        OR (n.status <> 'DRAFT' AND EXISTS (SELECT 1 FROM introductions i WHERE i.need_id = n.id AND i.supplier_id = ANY(:viewerSupplierIds::uuid[]) AND i.status <> 'SHORTLISTED')))`,
      { viewerBuyerIds: viewer.buyerIds, viewerSupplierIds: viewer.supplierIds, verifiedSupplier: viewer.verifiedSupplier },
    );
  }

  /** Needs (by id) whose buyer the viewer may see: not anonymous, or revealed to one of its suppliers. */
  async buyerVisibleIds(needs: SourcingNeedEntity[], viewer: NeedViewer): Promise<Set<string>> {
    const visible = new Set(needs.filter((n) => viewer.isAdmin || viewer.buyerIds.includes(n.buyerId) || n.visibility !== 'ANONYMOUS').map((n) => n.id));
    const hidden = needs.filter((n) => !visible.has(n.id)).map((n) => n.id);
    if (hidden.length && viewer.supplierIds.length) {
      const rows: { need_id: string }[] = await this.dataSource.query(
        `SELECT DISTINCT need_id FROM introductions WHERE need_id = ANY($1::uuid[]) AND supplier_id = ANY($2::uuid[]) AND buyer_revealed`,
        [hidden, viewer.supplierIds],
      );
      for (const row of rows) visible.add(row.need_id);
    }
    return visible;
  }

  async findVisible(id: string, viewer: NeedViewer): Promise<SourcingNeedEntity | null> {
    return this.restrictToViewer(this.dataSource.manager.createQueryBuilder(SourcingNeedEntity, 'n').where('n.id = :id', { id }), viewer).getOne();
  }

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<SourcingNeedEntity | null> {
    return manager.findOneBy(SourcingNeedEntity, { id });
  }

  findByIds(ids: string[]): Promise<SourcingNeedEntity[]> {
    return ids.length ? this.dataSource.manager.findBy(SourcingNeedEntity, { id: In(ids) }) : Promise.resolve([]);
  }

  async insert(manager: EntityManager, columns: NeedColumns): Promise<string> {
    const result = await manager.createQueryBuilder().insert().into(SourcingNeedEntity).values(columns).returning('id').execute();
    return (result.raw as { id: string }[])[0]!.id;
  }

  /** Applies `columns` at `expectedVersion`, only for ADMIN or a member of the need's buyer. */
  async updateIfEditable(manager: EntityManager, id: string, expectedVersion: number, editor: { userId: string; isAdmin: boolean }, columns: NeedColumns, fromStatuses?: string[]): Promise<boolean> {
    const query = manager
      .createQueryBuilder()
      .update(SourcingNeedEntity)
      .set({ ...columns, version: () => 'version + 1', updatedAt: () => 'now()' })
      .where('id = :id', { id })
      .andWhere('version = :expectedVersion', { expectedVersion })
      .andWhere('(:isAdmin OR EXISTS (SELECT 1 FROM company_memberships m WHERE m.buyer_id = sourcing_needs.buyer_id AND m.user_id = :userId))', editor);
    if (fromStatuses) query.andWhere('status IN (:...fromStatuses)', { fromStatuses });
    return ((await query.execute()).affected ?? 0) > 0;
  }

  async page(query: NeedListQuery, viewer: NeedViewer, first: number, after: KeysetCursor | undefined): Promise<KeysetPage> {
    const base = this.restrictToViewer(this.dataSource.manager.createQueryBuilder(SourcingNeedEntity, 'n'), viewer);
    if (query.buyerId) base.andWhere('n.buyer_id = :buyerId', { buyerId: query.buyerId });
    if (query.statuses?.length) base.andWhere('n.status IN (:...statuses)', { statuses: query.statuses });
    if (query.processes?.length) base.andWhere('n.processes && :processes::text[]', { processes: query.processes });
    return keysetPage(base, 'n', first, after);
  }

  isBuyerMember(userId: string, buyerId: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    return manager.query('SELECT 1 FROM company_memberships WHERE user_id = $1 AND buyer_id = $2', [userId, buyerId]).then((rows: unknown[]) => rows.length > 0);
  }
}

export type { MaybeActor };
