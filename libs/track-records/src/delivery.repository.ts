import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { DeliveryBucket } from './scorecard.js';

/** A delivery row with its supplier's name. */
export interface DeliveryRow {
  id: string;
  need_id: string;
  buyer_id: string;
  supplier_id: string;
  supplier_name: string;
  promised_on: string;
  delivered_on: string;
  quantity: string;
  unit: string;
  defective_quantity: string;
  version: number;
  recorded_by: string | null;
  updated_by: string | null;
  created_at: Date;
  updated_at: Date;
}

/** An awarded need as recording a delivery needs it. */
export interface AwardRow {
  id: string;
  buyer_id: string;
  status: string;
  awarded_supplier_id: string | null;
  quantity_unit: string | null;
}

export interface DeliveryValues {
  promisedOn: string;
  deliveredOn: string;
  quantity: number;
  defectiveQuantity: number;
}

const SELECT_DELIVERIES = `
  SELECT d.id, d.need_id, d.buyer_id, d.supplier_id, s.name_vi AS supplier_name, d.promised_on, d.delivered_on, d.quantity, d.unit,
         d.defective_quantity, d.version, d.recorded_by, d.updated_by, d.created_at, d.updated_at
    FROM deliveries d JOIN suppliers s ON s.id = d.supplier_id`;

/**
 * The tables this lib owns (deliveries, track_record_publications, track_record_buyer_consents): every
 * write to them, and the reads of the scorecard. Reads the award from sourcing_needs, names from
 * buyers and suppliers, and whether the buyer revealed itself from introductions.
 */
@Injectable()
export class DeliveryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The need with its buyer, status, awarded supplier and unit. */
  async award(manager: EntityManager, needId: string): Promise<AwardRow | undefined> {
    const [row]: (AwardRow | undefined)[] = await manager.query(
      'SELECT id, buyer_id, status, awarded_supplier_id, quantity_unit FROM sourcing_needs WHERE id = $1',
      [needId],
    );
    return row;
  }

  async insert(
    manager: EntityManager,
    award: { needId: string; buyerId: string; supplierId: string; unit: string },
    values: DeliveryValues,
    userId: string | null,
  ): Promise<string> {
    const [row]: { id: string }[] = await manager.query(
      `INSERT INTO deliveries (need_id, buyer_id, supplier_id, promised_on, delivered_on, quantity, unit, defective_quantity, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        award.needId,
        award.buyerId,
        award.supplierId,
        values.promisedOn,
        values.deliveredOn,
        values.quantity,
        award.unit,
        values.defectiveQuantity,
        userId,
      ],
    );
    return row.id;
  }

  /** A live delivery, locked for a correction. */
  async lock(manager: EntityManager, id: string): Promise<DeliveryRow | undefined> {
    const [row]: (DeliveryRow | undefined)[] = await manager.query(
      `${SELECT_DELIVERIES} WHERE d.id = $1 AND d.removed_at IS NULL FOR UPDATE OF d`,
      [id],
    );
    return row;
  }

  async update(manager: EntityManager, id: string, values: DeliveryValues, userId: string): Promise<void> {
    await manager.query(
      `UPDATE deliveries SET promised_on = $2, delivered_on = $3, quantity = $4, defective_quantity = $5, updated_by = $6,
              version = version + 1, updated_at = now() WHERE id = $1`,
      [id, values.promisedOn, values.deliveredOn, values.quantity, values.defectiveQuantity, userId],
    );
  }

  /** Marks a delivery removed (the row stays, with who removed it and when). */
  async remove(manager: EntityManager, id: string, userId: string): Promise<void> {
    await manager.query(
      'UPDATE deliveries SET removed_at = now(), removed_by = $2, version = version + 1, updated_at = now() WHERE id = $1',
      [id, userId],
    );
  }

  async findById(id: string): Promise<DeliveryRow | undefined> {
    const [row] = await this.dataSource.query<DeliveryRow[]>(`${SELECT_DELIVERIES} WHERE d.id = $1 AND d.removed_at IS NULL`, [id]);
    return row;
  }

  /** A need's live deliveries, latest delivered first. */
  forNeed(needId: string): Promise<DeliveryRow[]> {
    return this.dataSource.query(
      `${SELECT_DELIVERIES} WHERE d.need_id = $1 AND d.removed_at IS NULL ORDER BY d.delivered_on DESC, d.created_at DESC, d.id`,
      [needId],
    );
  }

  /** The supplier's verification status and whether it published its scorecard; undefined when no such supplier. */
  async supplier(supplierId: string): Promise<{ verification_status: string; published: boolean } | undefined> {
    const [row]: ({ verification_status: string; published: boolean } | undefined)[] = await this.dataSource.query(
      `SELECT s.verification_status, coalesce(p.published, false) AS published
         FROM suppliers s LEFT JOIN track_record_publications p ON p.supplier_id = s.id WHERE s.id = $1`,
      [supplierId],
    );
    return row;
  }

  /**
   * The suppliers' live deliveries, grouped by buyer, unit and what may be said of the buyer
   * (scorecard.ts turns them into figures). `publishedOnly`: only suppliers that published.
   */
  async buckets(supplierIds: string[], publishedOnly: boolean): Promise<Map<string, DeliveryBucket[]>> {
    const rows: {
      supplier_id: string;
      buyer_id: string;
      buyer_name: string;
      anonymous: boolean;
      known: boolean;
      consents: boolean;
      unit: string;
      deliveries: number;
      on_time: number;
      quantity: string;
      defective: string;
    }[] = await this.dataSource.query(
      `SELECT d.supplier_id, d.buyer_id, b.name AS buyer_name,
              n.visibility = 'ANONYMOUS' AS anonymous,
              (n.visibility <> 'ANONYMOUS' OR coalesce(i.buyer_revealed, false)) AS known,
              coalesce(c.named, false) AS consents,
              d.unit,
              count(*)::int AS deliveries,
              (count(*) FILTER (WHERE d.delivered_on <= d.promised_on))::int AS on_time,
              sum(d.quantity)::text AS quantity,
              sum(d.defective_quantity)::text AS defective
         FROM deliveries d
         JOIN sourcing_needs n ON n.id = d.need_id
         JOIN buyers b ON b.id = d.buyer_id
         LEFT JOIN introductions i ON i.need_id = d.need_id AND i.supplier_id = d.supplier_id
         LEFT JOIN track_record_buyer_consents c ON c.buyer_id = d.buyer_id
         LEFT JOIN track_record_publications p ON p.supplier_id = d.supplier_id
        WHERE d.supplier_id = ANY($1::uuid[]) AND d.removed_at IS NULL AND (NOT $2 OR coalesce(p.published, false))
        GROUP BY 1, 2, 3, 4, 5, 6, 7`,
      [supplierIds, publishedOnly],
    );
    const bySupplier = new Map<string, DeliveryBucket[]>();
    for (const r of rows) {
      const list = bySupplier.get(r.supplier_id) ?? [];
      list.push({
        buyerId: r.buyer_id,
        buyerName: r.buyer_name,
        anonymous: r.anonymous,
        knownToSupplier: r.known,
        buyerConsents: r.consents,
        unit: r.unit,
        deliveries: r.deliveries,
        onTime: r.on_time,
        quantity: Number(r.quantity),
        defective: Number(r.defective),
      });
      bySupplier.set(r.supplier_id, list);
    }
    return bySupplier;
  }

  async setPublished(manager: EntityManager, supplierId: string, published: boolean, userId: string | null): Promise<void> {
    await manager.query(
      `INSERT INTO track_record_publications (supplier_id, published, changed_by) VALUES ($1, $2, $3)
       ON CONFLICT (supplier_id) DO UPDATE SET published = EXCLUDED.published, changed_by = EXCLUDED.changed_by, changed_at = now()`,
      [supplierId, published, userId],
    );
  }

  async setBuyerConsent(manager: EntityManager, buyerId: string, named: boolean, userId: string | null): Promise<void> {
    await manager.query(
      `INSERT INTO track_record_buyer_consents (buyer_id, named, changed_by) VALUES ($1, $2, $3)
       ON CONFLICT (buyer_id) DO UPDATE SET named = EXCLUDED.named, changed_by = EXCLUDED.changed_by, changed_at = now()`,
      [buyerId, named, userId],
    );
  }

  /** Whether the buyer agreed to be named; undefined when no such buyer. */
  async buyerConsent(buyerId: string): Promise<boolean | undefined> {
    const [row]: ({ named: boolean } | undefined)[] = await this.dataSource.query(
      `SELECT coalesce(c.named, false) AS named FROM buyers b LEFT JOIN track_record_buyer_consents c ON c.buyer_id = b.id WHERE b.id = $1`,
      [buyerId],
    );
    return row?.named;
  }
}
