import type { NeedSupply } from './supply-qualification.js';

/** Coaching targets listed per capability and threshold: the largest `perGap` coachingTargets takes. */
export const MAX_TARGETS_PER_GAP = 50;

/**
 * One ranked target as the snapshot stores it: for the gap needs (fewer than `threshold` qualified
 * suppliers) whose bottleneck is `kind` `code`, the supplier at `rank` among those one change away.
 * A ranking holds from `fromThreshold` up to the next stored one of the same capability.
 */
export interface RankedTarget {
  kind: 'PROCESS' | 'CERTIFICATION';
  code: string;
  fromThreshold: number;
  rank: number;
  supplierId: string;
  needs: number;
  volume: { unit: string; total: number }[];
}

interface Tally {
  id: string;
  needs: number;
  /** Summed over units: breaks ties after the needs (volumes in different units do not add up). */
  total: number;
  volume: Map<string, number>;
}

/** Most needs first, then the most volume, then the id. */
const before = (a: Tally, b: Tally) => b.needs - a.needs || b.total - a.total || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The coaching targets of every gap threshold, ranked once per snapshot so the query only reads them.
 * Per capability (a need's bottleneck) the needs are added in order of how many qualified suppliers
 * they have; after each count a ranking holds for thresholds from that count + 1. Tallies only grow,
 * so a supplier untouched by a step cannot overtake the previous top list: each step ranks the
 * previous top and the suppliers it touched, not every supplier again.
 */
export function rankCoachingTargets(rows: NeedSupply[], perGap = MAX_TARGETS_PER_GAP): RankedTarget[] {
  const byCapability = new Map<string, NeedSupply[]>();
  for (const row of rows) {
    if (!row.bottleneck || !row.coaching || row.coaching.oneChangeAway.length === 0) continue;
    const key = `${row.bottleneck.kind}|${row.bottleneck.code}`;
    if (!byCapability.has(key)) byCapability.set(key, []);
    byCapability.get(key)!.push(row);
  }
  const ranked: RankedTarget[] = [];
  for (const needs of byCapability.values()) {
    const { kind, code } = needs[0].bottleneck!;
    needs.sort((a, b) => a.qualifiedSuppliers - b.qualifiedSuppliers);
    const tallies = new Map<string, Tally>();
    let top: Tally[] = [];
    for (let i = 0; i < needs.length;) {
      const level = needs[i].qualifiedSuppliers;
      const touched = new Set<Tally>(top);
      for (; i < needs.length && needs[i].qualifiedSuppliers === level; i += 1) {
        const { oneChangeAway, quantityPerMonth } = needs[i].coaching!;
        for (const id of oneChangeAway) {
          let tally = tallies.get(id);
          if (!tally) tallies.set(id, (tally = { id, needs: 0, total: 0, volume: new Map() }));
          tally.needs += 1;
          if (quantityPerMonth) {
            tally.total += quantityPerMonth.value;
            tally.volume.set(quantityPerMonth.unit, (tally.volume.get(quantityPerMonth.unit) ?? 0) + quantityPerMonth.value);
          }
          touched.add(tally);
        }
      }
      top = [...touched].sort(before).slice(0, perGap);
      top.forEach((t, rank) =>
        ranked.push({
          kind,
          code,
          fromThreshold: level + 1,
          rank: rank + 1,
          supplierId: t.id,
          needs: t.needs,
          volume: [...t.volume].map(([unit, total]) => ({ unit, total })).sort((a, b) => a.unit.localeCompare(b.unit)),
        }),
      );
    }
  }
  return ranked;
}
