import { TRACK_RECORD_MIN_DELIVERIES } from '#libs/matching';

/**
 * The scorecard arithmetic, pure: from the supplier's live deliveries grouped by buyer, need kind and
 * unit (DeliveryRepository.bucketsOf) to the figures each audience may read.
 */

/** Deliveries of one supplier to one buyer, in one unit, under one disclosure rule. */
export interface DeliveryBucket {
  buyerId: string;
  buyerName: string;
  /** The deliveries are against an ANONYMOUS need. */
  anonymous: boolean;
  /** The supplier knows who the buyer is: the need is not ANONYMOUS, or the buyer revealed itself to it. */
  knownToSupplier: boolean;
  /** The buyer agreed to be named in its suppliers' published scorecards. */
  buyerConsents: boolean;
  unit: string;
  deliveries: number;
  /** Delivered on or before the promised day. */
  onTime: number;
  quantity: number;
  defective: number;
}

export interface VolumeFigure {
  unit: string;
  quantity: number;
  deliveries: number;
}

export interface Figures {
  /** How many deliveries every figure here rests on. */
  deliveries: number;
  /** Share delivered on or before the promised day (0–1); null under TRACK_RECORD_MIN_DELIVERIES. */
  onTimeRate: number | null;
  /** Defective parts per million delivered; null under TRACK_RECORD_MIN_DELIVERIES. */
  defectsPpm: number | null;
  /** Delivered quantity per unit (a sum, not a score: shown whatever the count). */
  volume: VolumeFigure[];
}

export interface BuyerFigures {
  /** Null: the buyers the supplier does not know (anonymous needs it was never told the buyer of), together. */
  buyerId: string | null;
  buyerName: string | null;
  figures: Figures;
}

/**
 * Who reads: STAFF (ADMIN) every buyer by name; the SUPPLIER's own members every buyer they know, the
 * others together as one undisclosed row; the PUBLIC (only once the supplier published) the buyers who
 * consented, for their needs that are not ANONYMOUS; everything else counts in the overall figures only.
 */
export type Audience = 'STAFF' | 'SUPPLIER' | 'PUBLIC';

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * The figures of a set of buckets. Quality: defects per million in each unit (pieces are never added
 * to kilograms), then the mean of the units' ppm weighted by their deliveries; with one unit that is
 * simply defective ÷ delivered × 10⁶, each delivery weighing by its quantity.
 */
export function figuresOf(buckets: readonly DeliveryBucket[]): Figures {
  const byUnit = new Map<string, { quantity: number; defective: number; deliveries: number }>();
  let deliveries = 0;
  let onTime = 0;
  for (const b of buckets) {
    deliveries += b.deliveries;
    onTime += b.onTime;
    const unit = byUnit.get(b.unit) ?? { quantity: 0, defective: 0, deliveries: 0 };
    unit.quantity += b.quantity;
    unit.defective += b.defective;
    unit.deliveries += b.deliveries;
    byUnit.set(b.unit, unit);
  }
  const units = [...byUnit.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const enough = deliveries >= TRACK_RECORD_MIN_DELIVERIES;
  const ppm = units.reduce((sum, [, u]) => sum + (u.deliveries * (u.defective / u.quantity) * 1e6) / deliveries, 0);
  return {
    deliveries,
    onTimeRate: enough ? round(onTime / deliveries, 4) : null,
    defectsPpm: enough ? round(ppm, 1) : null,
    volume: units.map(([unit, u]) => ({ unit, quantity: round(u.quantity, 3), deliveries: u.deliveries })),
  };
}

/** Overall figures and the per-buyer rows this audience may read. */
export function scorecardOf(buckets: readonly DeliveryBucket[], audience: Audience): { overall: Figures; byBuyer: BuyerFigures[] } {
  const named = new Map<string, { name: string; buckets: DeliveryBucket[] }>();
  const undisclosed: DeliveryBucket[] = [];
  for (const b of buckets) {
    const shown = audience === 'STAFF' || (audience === 'SUPPLIER' ? b.knownToSupplier : b.buyerConsents && !b.anonymous);
    if (shown) {
      const row = named.get(b.buyerId) ?? { name: b.buyerName, buckets: [] };
      row.buckets.push(b);
      named.set(b.buyerId, row);
    } else if (audience === 'SUPPLIER') undisclosed.push(b);
  }
  const byBuyer: BuyerFigures[] = [...named.entries()]
    .map(([buyerId, row]) => ({ buyerId, buyerName: row.name, figures: figuresOf(row.buckets) }))
    .sort((a, b) => b.figures.deliveries - a.figures.deliveries || (a.buyerId < b.buyerId ? -1 : 1));
  if (undisclosed.length) byBuyer.push({ buyerId: null, buyerName: null, figures: figuresOf(undisclosed) });
  return { overall: figuresOf(buckets), byBuyer };
}
