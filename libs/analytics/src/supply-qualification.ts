import { type CandidateSpec, certificationStatus, type HardRequirementKind, type NeedSpec, PROCESS_CREDIT, PROCESS_HARD_CREDIT, processCoverage, type TaxonomyView, unmetHardRequirements } from '#libs/matching';

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
}

const sortedUnique = (codes: string[]) => [...new Set(codes)].sort();

/**
 * Qualified local suppliers per need. Candidates are narrowed with inverted indexes (process code →
 * suppliers, certification → suppliers holding it valid today) built with the engine's own rules,
 * then every remaining pair is checked by `unmetHardRequirements`, so "qualified" means exactly
 * what matching means by it.
 */
export function computeNeedSupply(needs: NeedSpec[], suppliers: CandidateSpec[], taxonomy: TaxonomyView, today: string): NeedSupply[] {
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
        if (PROCESS_CREDIT[processCoverage(taxonomy, code, [offered]).coverage] >= PROCESS_HARD_CREDIT) for (const index of indexes) found.add(index);
      }
      processSets.set(code, found);
    }
    return found;
  };
  const holding = (code: string) => byValidCertificate.get(code) ?? new Set<number>();

  const combinations = new Map<string, number[]>();
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
      meetingAll = sets.length === 0 ? everyone : [...sets[0]!].filter((index) => sets.every((set) => set.has(index)));
      combinations.set(key, meetingAll);
    }
    // meetingAll already meets the processes and certifications (same rules): check the rest only
    const rest: NeedSpec = { ...need, processes: [], certifications: [] };
    const hasRest = need.quantityPerMonth !== null || need.maxLeadTimeDays !== null || need.toleranceMm !== null || (need.delivery !== null && need.maxDistanceKm !== null);
    let qualifiedSuppliers = hasRest ? 0 : meetingAll.length;
    if (hasRest) for (const index of meetingAll) if (unmetHardRequirements(rest, suppliers[index]!, taxonomy, today).length === 0) qualifiedSuppliers += 1;
    const scarcest = [...requirements].sort((a, b) => a.set.size - b.set.size || a.kind.localeCompare(b.kind) || a.code.localeCompare(b.code))[0];
    return {
      needId: need.id,
      qualifiedSuppliers,
      requirementProcesses: processes,
      requirementCertifications: certifications,
      requirementSuppliers: meetingAll.length,
      bottleneck: scarcest ? { kind: scarcest.kind, code: scarcest.code, suppliers: scarcest.set.size } : null,
    };
  });
}
