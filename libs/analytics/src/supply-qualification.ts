import {
  type CandidateSpec,
  certificationStatus,
  type HardRequirementKind,
  haversineKm,
  type NeedSpec,
  PROCESS_CREDIT,
  PROCESS_HARD_CREDIT,
  processCoverage,
  type TaxonomyView,
} from '#libs/matching';

/** How well local supply covers one open need, as the supply-gap analytics store it. */
export interface NeedSupply {
  needId: string;
  /** Verified suppliers that meet every hard requirement of the need (the ranking engine lists nothing missing). */
  qualifiedSuppliers: number;
  /** The need's required processes and certifications, sorted: the "capability" of a gap. */
  requirementProcesses: string[];
  requirementCertifications: string[];
  /** Verified suppliers that have all those processes and valid certifications (capacity, distance, … aside). */
  requirementSuppliers: number;
  /** The single process or certification the fewest verified suppliers have: what blocks the need most. */
  bottleneck: { kind: Extract<HardRequirementKind, 'PROCESS' | 'CERTIFICATION'>; code: string; suppliers: number } | null;
  /** What the coaching targets read; only when asked for (`NeedSupplyOptions`). */
  coaching?: NeedCoaching;
}

export interface NeedCoaching {
  /**
   * The verified suppliers (ids) whose only unmet hard requirement is the bottleneck: one change away, the
   * centre's coaching targets. Only for needs with fewer than `coachingBelow` qualified suppliers; else empty.
   */
  oneChangeAway: string[];
  /** The need's monthly quantity as the engine reads it (unit upper-cased); null when none or not positive. */
  quantityPerMonth: { value: number; unit: string } | null;
}

export interface NeedSupplyOptions {
  /** List `coaching.oneChangeAway` for needs with fewer qualified suppliers than this (the largest gap threshold asked for). */
  coachingBelow: number;
}

const sortedUnique = (codes: string[]) => [...new Set(codes)].sort();

/**
 * Qualified local suppliers per need. Candidates are narrowed with inverted indexes (process code →
 * suppliers, certification → suppliers holding it valid today) built with the engine's own rules,
 * then every remaining pair is checked by `unmetHardRequirements`, so "qualified" means exactly
 * what matching means by it.
 */
export function computeNeedSupply(
  needs: NeedSpec[],
  suppliers: CandidateSpec[],
  taxonomy: TaxonomyView,
  today: string,
  options?: NeedSupplyOptions,
): NeedSupply[] {
  const coachingBelow = options?.coachingBelow ?? 0;
  const byOffered = new Map<string, number[]>();
  const byValidCertificate = new Map<string, Set<number>>();
  suppliers.forEach((supplier, index) => {
    for (const code of new Set(supplier.processes)) {
      if (!byOffered.has(code)) byOffered.set(code, []);
      byOffered.get(code)!.push(index);
    }
    for (const certificate of supplier.certifications) {
      if (!certificationStatus(certificate.code, [certificate], today).valid) continue;
      if (!byValidCertificate.has(certificate.code)) byValidCertificate.set(certificate.code, new Set());
      byValidCertificate.get(certificate.code)!.add(index);
    }
  });

  const processSets = new Map<string, Set<number>>();
  /** Suppliers whose offered processes cover `code` well enough to meet it as a hard requirement. */
  const coveringProcess = (code: string): Set<number> => {
    let found = processSets.get(code);
    if (!found) {
      found = new Set();
      for (const [offered, indexes] of byOffered) {
        if (PROCESS_CREDIT[processCoverage(taxonomy, code, [offered]).coverage] >= PROCESS_HARD_CREDIT)
          for (const index of indexes) found.add(index);
      }
      processSets.set(code, found);
    }
    return found;
  };
  const holding = (code: string) => byValidCertificate.get(code) ?? new Set<number>();

  const limits = supplierLimits(suppliers);
  const combinations = new Map<string, number[]>();
  const allButScarcest = new Map<string, number[]>();
  const everyone = suppliers.map((_, index) => index);
  return needs.map((need) => {
    const processes = sortedUnique(need.processes);
    const certifications = sortedUnique(need.certifications);
    const key = `${processes.join(',')}|${certifications.join(',')}`;
    const requirements = [
      ...processes.map((code) => ({ kind: 'PROCESS' as const, code, set: coveringProcess(code) })),
      ...certifications.map((code) => ({ kind: 'CERTIFICATION' as const, code, set: holding(code) })),
    ];
    let meetingAll = combinations.get(key);
    if (!meetingAll) {
      const sets = requirements.map((r) => r.set).sort((a, b) => a.size - b.size);
      meetingAll = sets.length === 0 ? everyone : [...sets[0]].filter((index) => sets.every((set) => set.has(index)));
      combinations.set(key, meetingAll);
    }
    // meetingAll already meets the processes and certifications (same rules): check the rest only
    const meetsRest = restOfRequirements(need, limits);
    let qualifiedSuppliers = 0;
    for (const index of meetingAll) if (meetsRest(index)) qualifiedSuppliers += 1;
    const scarcest = [...requirements].sort(
      (a, b) => a.set.size - b.set.size || a.kind.localeCompare(b.kind) || a.code.localeCompare(b.code),
    )[0];
    const oneChangeAway: string[] = [];
    if (options && scarcest && qualifiedSuppliers < coachingBelow) {
      // every other process and certification met, the scarcest not: with the rest met, that is the only thing missing
      let lacking = allButScarcest.get(key);
      if (!lacking) {
        const others = requirements
          .filter((r) => r !== scarcest)
          .map((r) => r.set)
          .sort((a, b) => a.size - b.size);
        const base = others.length === 0 ? everyone : [...others[0]];
        lacking = base.filter((index) => !scarcest.set.has(index) && others.every((set) => set.has(index))).sort((a, b) => a - b);
        allButScarcest.set(key, lacking);
      }
      for (const index of lacking) if (meetsRest(index)) oneChangeAway.push(suppliers[index].id);
    }
    return {
      needId: need.id,
      qualifiedSuppliers,
      requirementProcesses: processes,
      requirementCertifications: certifications,
      requirementSuppliers: meetingAll.length,
      bottleneck: scarcest ? { kind: scarcest.kind, code: scarcest.code, suppliers: scarcest.set.size } : null,
      ...(options && {
        coaching: {
          oneChangeAway,
          quantityPerMonth:
            need.quantityPerMonth && need.quantityPerMonth.value > 0
              ? { value: need.quantityPerMonth.value, unit: need.quantityPerMonth.unit.toUpperCase() }
              : null,
        },
      }),
    };
  });
}

/** The suppliers' capacity, lead time, tolerance and position in flat arrays (NaN = not stated), for tight loops. */
interface SupplierLimits {
  capacity: Float64Array;
  unit: (string | null)[];
  lead: Float64Array;
  tolerance: Float64Array;
  lat: Float64Array;
  lng: Float64Array;
}

function supplierLimits(suppliers: CandidateSpec[]): SupplierLimits {
  const n = suppliers.length;
  const limits: SupplierLimits = {
    capacity: new Float64Array(n),
    unit: [],
    lead: new Float64Array(n),
    tolerance: new Float64Array(n),
    lat: new Float64Array(n),
    lng: new Float64Array(n),
  };
  suppliers.forEach((s, i) => {
    limits.capacity[i] = s.monthlyCapacity?.value ?? NaN;
    limits.unit.push(s.monthlyCapacity?.unit.toUpperCase() ?? null);
    limits.lead[i] = s.leadTimeDays ?? NaN;
    limits.tolerance[i] = s.bestToleranceMm ?? NaN;
    limits.lat[i] = s.location?.lat ?? NaN;
    limits.lng[i] = s.location?.lng ?? NaN;
  });
  return limits;
}

const KM_PER_DEGREE_LATITUDE = 110.5; // a little under the true minimum: only a safe shortcut

/**
 * The need's capacity, lead-time, tolerance and distance requirements as `unmetHardRequirements`
 * judges them (an unknown value never fails; capacity only compares in the same unit), over the
 * flat arrays. The property test checks it against the engine pair by pair.
 */
function restOfRequirements(need: NeedSpec, l: SupplierLimits): (index: number) => boolean {
  const quantity = need.quantityPerMonth && need.quantityPerMonth.value > 0 ? need.quantityPerMonth : null;
  const unit = quantity?.unit.toUpperCase() ?? null;
  const maxLead = need.maxLeadTimeDays;
  const tolerance = need.toleranceMm;
  const delivery = need.delivery && need.maxDistanceKm !== null ? need.delivery : null;
  const maxKm = need.maxDistanceKm ?? Infinity;
  return (i) => {
    if (quantity && l.unit[i] === unit && l.capacity[i] < quantity.value) return false;
    if (maxLead !== null && l.lead[i] > maxLead) return false;
    if (tolerance !== null && l.tolerance[i] > tolerance) return false;
    if (delivery && !Number.isNaN(l.lat[i])) {
      if (Math.abs(l.lat[i] - delivery.lat) * KM_PER_DEGREE_LATITUDE > maxKm) return false;
      if (haversineKm(delivery, { lat: l.lat[i], lng: l.lng[i] }) > maxKm) return false;
    }
    return true;
  };
}
