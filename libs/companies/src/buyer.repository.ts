import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { grantMembership } from '#libs/accounts';
import type { KeysetCursor } from '#libs/core';
import { keysetPage, type KeysetPage } from '#libs/database';
import { BuyerEntity, BuyerPlantEntity } from './entities.js';

export interface BuyerAggregate {
  buyer: BuyerEntity;
  plants: BuyerPlantEntity[];
}

export type BuyerColumns = Partial<Omit<BuyerEntity, 'id' | 'version' | 'createdAt' | 'updatedAt'>>;
export type PlantRow = Omit<BuyerPlantEntity, 'id' | 'buyerId' | 'position'>;

export interface BuyerListQuery {
  sectors?: string[];
  zone?: string;
  countryOfOrigin?: string;
}

@Injectable()
export class BuyerRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, columns: BuyerColumns): Promise<string> {
    const result = await manager.createQueryBuilder().insert().into(BuyerEntity).values(columns).returning('id').execute();
    return (result.raw as { id: string }[])[0].id;
  }

  /** Applies `columns` (at `expectedVersion` when given) and only for an administrator or a member of the buyer. */
  async updateIfEditable(
    manager: EntityManager,
    id: string,
    expectedVersion: number | undefined,
    editor: { userId: string; isAdmin: boolean },
    columns: BuyerColumns,
  ): Promise<boolean> {
    const query = manager
      .createQueryBuilder()
      .update(BuyerEntity)
      .set({ ...columns, version: () => 'version + 1', updatedAt: () => 'now()' })
      .where('id = :id', { id })
      // Parenthesised: TypeORM joins conditions with AND without brackets.
      .andWhere('(:isAdmin OR EXISTS (SELECT 1 FROM company_memberships m WHERE m.buyer_id = buyers.id AND m.user_id = :userId))', editor);
    if (expectedVersion !== undefined) query.andWhere('version = :expectedVersion', { expectedVersion });
    return ((await query.execute()).affected ?? 0) > 0;
  }

  async replacePlants(manager: EntityManager, buyerId: string, plants: PlantRow[] | undefined): Promise<void> {
    if (!plants) return;
    await manager.delete(BuyerPlantEntity, { buyerId });
    if (plants.length)
      await manager.insert(
        BuyerPlantEntity,
        plants.map((p, position) => ({ ...p, buyerId, position })),
      );
  }

  async addMember(manager: EntityManager, userId: string, buyerId: string): Promise<void> {
    await grantMembership(manager, userId, { buyerId });
  }

  isMember(userId: string, buyerId: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    return manager
      .query('SELECT 1 FROM company_memberships WHERE user_id = $1 AND buyer_id = $2', [userId, buyerId])
      .then((rows: unknown[]) => rows.length > 0);
  }

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<BuyerEntity | null> {
    return manager.findOneBy(BuyerEntity, { id });
  }

  findByTaxCode(taxCode: string, manager: EntityManager = this.dataSource.manager): Promise<BuyerEntity | null> {
    return manager.findOneBy(BuyerEntity, { taxCode });
  }

  async loadAggregates(ids: string[]): Promise<BuyerAggregate[]> {
    if (!ids.length) return [];
    const [buyers, plants] = await Promise.all([
      this.dataSource.manager.findBy(BuyerEntity, { id: In(ids) }),
      this.dataSource.manager.find(BuyerPlantEntity, { where: { buyerId: In(ids) }, order: { position: 'ASC' } }),
    ]);
    const byId = new Map(buyers.map((b) => [b.id, b]));
    return ids.flatMap((id) => {
      const buyer = byId.get(id);
      return buyer ? [{ buyer, plants: plants.filter((p) => p.buyerId === id) }] : [];
    });
  }

  async page(query: BuyerListQuery, first: number, after: KeysetCursor | undefined): Promise<KeysetPage> {
    const base = this.dataSource.manager.createQueryBuilder(BuyerEntity, 'b');
    if (query.sectors?.length) base.andWhere('b.sectors && :sectors::text[]', { sectors: query.sectors });
    if (query.countryOfOrigin) base.andWhere('b.country_of_origin = :country', { country: query.countryOfOrigin });
    if (query.zone)
      base.andWhere('EXISTS (SELECT 1 FROM buyer_plants p WHERE p.buyer_id = b.id AND p.zone_code = :zone)', { zone: query.zone });
    return keysetPage(base, 'b', first, after);
  }
}
