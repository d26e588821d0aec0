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

/** An open need's id and version (see NeedRepository.openVersions). */
export interface OpenNeedVersion {
  id: string;
  version: number;
  buyerShown: boolean;
}

/** What a viewer is, for deciding which needs it sees. */
export interface NeedViewer {
  isAdmin: boolean;
  buyerIds: string[];
  /** The viewer's suppliers that are not SUSPENDED (a suspended supplier sees no need, invited or not). */
  supplierIds: string[];
  /** Member of at least one VERIFIED supplier: sees every open PUBLIC or ANONYMOUS need. */
  verifiedSupplier: boolean;
}

/**
 * The needs a supplier itself may see, whoever asks about it (ADMIN included): its own invitations, and
 * every open PUBLIC or ANONYMOUS need when it is VERIFIED; a SUSPENDED supplier sees none.
 */
export function supplierViewer(supplierId: string, verificationStatus: string): NeedViewer {
  return {
    isAdmin: false,
    buyerIds: [],
    supplierIds: verificationStatus === 'SUSPENDED' ? [] : [supplierId],
    verifiedSupplier: verificationStatus === 'VERIFIED',
  };
}

/**
 * SQL condition, over `n` (sourcing_needs), that the viewer may know who posted the need: not
 * ANONYMOUS, or the viewer's own buyer's, or revealed to one of the viewer's suppliers. Every filter,
 * sort and count that involves a need's buyer goes through it, so none can name a hidden buyer.
 */
const BUYER_SHOWN = `(n.visibility <> 'ANONYMOUS' OR n.buyer_id = ANY(:viewerBuyerIds::uuid[])
  OR EXISTS (SELECT 1 FROM introductions r WHERE r.need_id = n.id AND r.supplier_id = ANY(:viewerSupplierIds::uuid[]) AND r.buyer_revealed))`;

@Injectable()
export class NeedRepository {
  constructor(private readonly dataSource: DataSource) {}

  async viewer(actor: Actor, manager: EntityManager = this.dataSource.manager): Promise<NeedViewer> {
    const statuses: { id: string; verification_status: string }[] = actor.supplierIds.size
      ? await manager.query(`SELECT id, verification_status FROM suppliers WHERE id = ANY($1::uuid[])`, [[...actor.supplierIds]])
      : [];
    return {
      isAdmin: actor.role === 'ADMIN',
      buyerIds: [...actor.buyerIds],
      supplierIds: statuses.filter((s) => s.verification_status !== 'SUSPENDED').map((s) => s.id),
      verifiedSupplier: statuses.some((s) => s.verification_status === 'VERIFIED'),
    };
  }

  /**
   * Restricts a query over `n` (sourcing_needs) to the needs the viewer may see: ADMIN all; a
   * buyer's members its own; and, of VERIFIED buyers only, members of a verified supplier every
   * OPEN public or anonymous need, and any (not suspended) supplier the needs it was invited to (not
   * drafts).
   */
  restrictToViewer<T extends object>(query: SelectQueryBuilder<T>, viewer: NeedViewer): SelectQueryBuilder<T> {
    if (viewer.isAdmin) return query;
    return query.andWhere(
      `(n.buyer_id = ANY(:viewerBuyerIds::uuid[])
        OR (EXISTS (SELECT 1 FROM buyers vb WHERE vb.id = n.buyer_id AND vb.verification_status = 'VERIFIED')
          AND ((:verifiedSupplier AND n.status = 'OPEN' AND n.visibility IN ('PUBLIC', 'ANONYMOUS'))
            OR (n.status <> 'DRAFT' AND EXISTS (SELECT 1 FROM introductions i WHERE i.need_id = n.id AND i.supplier_id = ANY(:viewerSupplierIds::uuid[]) AND i.status <> 'SHORTLISTED')))))`,
      { viewerBuyerIds: viewer.buyerIds, viewerSupplierIds: viewer.supplierIds, verifiedSupplier: viewer.verifiedSupplier },
    );
  }

  /** Restricts a query over `n` to the needs whose buyer the viewer may know (see BUYER_SHOWN). */
  restrictToBuyerShown<T extends object>(query: SelectQueryBuilder<T>, viewer: NeedViewer): SelectQueryBuilder<T> {
    if (viewer.isAdmin) return query;
    return query.andWhere(BUYER_SHOWN, { viewerBuyerIds: viewer.buyerIds, viewerSupplierIds: viewer.supplierIds });
  }

  /** Needs (by id) whose buyer the viewer may see: not anonymous, its own, or revealed to one of its suppliers. */
  async buyerVisibleIds(needs: SourcingNeedEntity[], viewer: NeedViewer): Promise<Set<string>> {
    if (!needs.length) return new Set();
    const query = this.dataSource.manager
      .createQueryBuilder(SourcingNeedEntity, 'n')
      .select('n.id', 'id')
      .where('n.id = ANY(:ids::uuid[])', { ids: needs.map((n) => n.id) });
    const rows = await this.restrictToBuyerShown(query, viewer).getRawMany<{ id: string }>();
    return new Set(rows.map((r) => r.id));
  }

  async findVisible(id: string, viewer: NeedViewer, manager: EntityManager = this.dataSource.manager): Promise<SourcingNeedEntity | null> {
    return this.restrictToViewer(manager.createQueryBuilder(SourcingNeedEntity, 'n').where('n.id = :id', { id }), viewer).getOne();
  }

  /**
   * Id, version and creation time of the OPEN needs the viewer may see that require one of `processes`,
   * then of those that require none (text only), each newest first and at most `limit`; with whether
   * the viewer may know the buyer (BUYER_SHOWN). What matching needs to tell which of the needs it holds
   * in memory are still current: every write of a need raises its version.
   */
  async openVersions(viewer: NeedViewer, processes: string[], limit: number): Promise<OpenNeedVersion[]> {
    const query = (where: string) =>
      this.restrictToViewer(this.dataSource.manager.createQueryBuilder(SourcingNeedEntity, 'n'), viewer)
        .select('n.id', 'id')
        .addSelect('n.version', 'version')
        .addSelect(viewer.isAdmin ? 'true' : BUYER_SHOWN, 'buyerShown')
        .setParameters({ viewerBuyerIds: viewer.buyerIds, viewerSupplierIds: viewer.supplierIds })
        .andWhere(`n.status = 'OPEN'`)
        .andWhere(where, { processes })
        .orderBy('n.created_at', 'DESC')
        .limit(limit)
        .getRawMany<OpenNeedVersion>();
    // GIN-indexed overlap first; needs with no process at all (text only) from a partial index, in a
    // second, small query sent at the same time (another pooled connection).
    const [sharing, textOnly] = await Promise.all([query('n.processes && :processes::text[]'), query('cardinality(n.processes) = 0')]);
    return [...sharing, ...textOnly];
  }

  /** Every OPEN need the viewer may see (restrictToViewer), newest first. */
  openVisible(viewer: NeedViewer): Promise<SourcingNeedEntity[]> {
    return this.restrictToViewer(this.dataSource.manager.createQueryBuilder(SourcingNeedEntity, 'n'), viewer)
      .andWhere(`n.status = 'OPEN'`)
      .orderBy('n.created_at', 'DESC')
      .addOrderBy('n.id')
      .getMany();
  }

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<SourcingNeedEntity | null> {
    return manager.findOneBy(SourcingNeedEntity, { id });
  }

  findByIds(ids: string[]): Promise<SourcingNeedEntity[]> {
    return ids.length ? this.dataSource.manager.findBy(SourcingNeedEntity, { id: In(ids) }) : Promise.resolve([]);
  }

  async insert(manager: EntityManager, columns: NeedColumns): Promise<string> {
    const result = await manager.createQueryBuilder().insert().into(SourcingNeedEntity).values(columns).returning('id').execute();
    return (result.raw as { id: string }[])[0].id;
  }

  /** Applies `columns` at `expectedVersion`, only for ADMIN or a member of the need's buyer. */
  async updateIfEditable(
    manager: EntityManager,
    id: string,
    expectedVersion: number,
    editor: { userId: string; isAdmin: boolean },
    columns: NeedColumns,
    fromStatuses?: string[],
  ): Promise<boolean> {
    const query = manager
      .createQueryBuilder()
      .update(SourcingNeedEntity)
      .set({ ...columns, version: () => 'version + 1', updatedAt: () => 'now()' })
      .where('id = :id', { id })
      .andWhere('version = :expectedVersion', { expectedVersion })
      .andWhere(
        '(:isAdmin OR EXISTS (SELECT 1 FROM company_memberships m WHERE m.buyer_id = sourcing_needs.buyer_id AND m.user_id = :userId))',
        editor,
      );
    if (fromStatuses) query.andWhere('status IN (:...fromStatuses)', { fromStatuses });
    return ((await query.execute()).affected ?? 0) > 0;
  }

  /** Marks an OPEN need AWARDED to `supplierId` (the caller checked the buyer and the accepted invitation). */
  async award(manager: EntityManager, id: string, supplierId: string): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(SourcingNeedEntity)
      .set({
        status: 'AWARDED',
        awardedSupplierId: supplierId,
        closedAt: () => 'now()',
        version: () => 'version + 1',
        updatedAt: () => 'now()',
      })
      .where('id = :id', { id })
      .execute();
  }

  async page(query: NeedListQuery, viewer: NeedViewer, first: number, after: KeysetCursor | undefined): Promise<KeysetPage> {
    const base = this.restrictToViewer(this.dataSource.manager.createQueryBuilder(SourcingNeedEntity, 'n'), viewer);
    // A hidden buyer is no filter criterion: its anonymous needs are not "its" needs for this viewer.
    if (query.buyerId) this.restrictToBuyerShown(base.andWhere('n.buyer_id = :buyerId', { buyerId: query.buyerId }), viewer);
    if (query.statuses?.length) base.andWhere('n.status IN (:...statuses)', { statuses: query.statuses });
    if (query.processes?.length) base.andWhere('n.processes && :processes::text[]', { processes: query.processes });
    return keysetPage(base, 'n', first, after);
  }

  isBuyerMember(userId: string, buyerId: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    return manager
      .query('SELECT 1 FROM company_memberships WHERE user_id = $1 AND buyer_id = $2', [userId, buyerId])
      .then((rows: unknown[]) => rows.length > 0);
  }
}

export type { MaybeActor };
