import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { DecisionHistory, DeclineReason } from '#libs/matching';

/** Which needs count as "similar" for one match, and whose they may be. */
export interface SimilarNeeds {
  /** The need being matched: never counted. */
  needId: string;
  /** Its buyer: that buyer's own needs count whatever their visibility. */
  buyerId: string;
  /** Process codes of the family (the need's processes, their ancestors and descendants); a need requiring any of them is similar. */
  processes: string[];
}

/**
 * Suppliers' decisions on similar needs, as counts (the opt-in history criterion). Confidentiality is
 * decided here, in the WHERE clause: only PUBLIC needs and the matching buyer's own count, so another
 * buyer's PRIVATE or ANONYMOUS need never moves a score or a count; no need, buyer, title or price
 * leaves this method.
 */
@Injectable()
export class DecisionHistoryRepository {
  constructor(private readonly dataSource: DataSource) {}

  async forSuppliers(supplierIds: string[], similar: SimilarNeeds): Promise<Map<string, DecisionHistory>> {
    const histories = new Map<string, DecisionHistory>();
    if (!supplierIds.length || !similar.processes.length) return histories;
    const rows: { supplier_id: string; outcome: string; decline_reason: DeclineReason | null; n: string }[] = await this.dataSource.query(
      `SELECT i.supplier_id,
              CASE WHEN n.status = 'AWARDED' AND n.awarded_supplier_id = i.supplier_id THEN 'AWARDED' ELSE i.status END AS outcome,
              CASE WHEN i.status = 'DECLINED' THEN coalesce(i.decline_reason, 'OTHER') END AS decline_reason,
              count(*) AS n
         FROM introductions i
         JOIN sourcing_needs n ON n.id = i.need_id
        WHERE i.supplier_id = ANY($1::uuid[])
          AND i.status IN ('ACCEPTED', 'DECLINED')
          AND n.id <> $2
          AND n.processes && $3::text[]
          AND (n.visibility = 'PUBLIC' OR n.buyer_id = $4)
        GROUP BY 1, 2, 3`,
      [supplierIds, similar.needId, similar.processes, similar.buyerId],
    );
    for (const row of rows) {
      const h = histories.get(row.supplier_id) ?? { awarded: 0, accepted: 0, declined: {} };
      const n = Number(row.n);
      if (row.outcome === 'AWARDED') h.awarded += n;
      else if (row.outcome === 'ACCEPTED') h.accepted += n;
      else if (row.decline_reason) h.declined[row.decline_reason] = (h.declined[row.decline_reason] ?? 0) + n;
      histories.set(row.supplier_id, h);
    }
    return histories;
  }
}
