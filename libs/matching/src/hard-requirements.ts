import { certificationStatus, deliveryDistance, PROCESS_CREDIT, PROCESS_HARD_CREDIT, processCoverage } from './criteria.js';
import type { CandidateSpec, NeedSpec, TaxonomyView } from './types.js';

export type HardRequirementKind = 'PROCESS' | 'CERTIFICATION' | 'CAPACITY' | 'LEAD_TIME' | 'TOLERANCE' | 'DISTANCE';

/** One hard requirement of a need; `code` names the process or certification. */
export interface HardRequirement {
  kind: HardRequirementKind;
  code: string | null;
}

/**
 * The hard requirements of `need` that `candidate` does not meet: the same facts scoreCandidate lists
 * as `missing`, without building explanations, so analytics can test millions of pairs. A supplier
 * that meets every hard requirement is "qualified" for the need.
 */
export function unmetHardRequirements(need: NeedSpec, candidate: CandidateSpec, taxonomy: TaxonomyView, today: string): HardRequirement[] {
  const unmet: HardRequirement[] = [];
  for (const code of new Set(need.processes)) {
    if (PROCESS_CREDIT[processCoverage(taxonomy, code, candidate.processes).coverage] < PROCESS_HARD_CREDIT)
      unmet.push({ kind: 'PROCESS', code });
  }
  for (const code of new Set(need.certifications)) {
    if (!certificationStatus(code, candidate.certifications, today).valid) unmet.push({ kind: 'CERTIFICATION', code });
  }
  const needed = need.quantityPerMonth;
  const have = candidate.monthlyCapacity;
  if (needed && have && have.unit.toUpperCase() === needed.unit.toUpperCase() && needed.value > 0 && have.value < needed.value) {
    unmet.push({ kind: 'CAPACITY', code: null });
  }
  if (need.maxLeadTimeDays !== null && candidate.leadTimeDays !== null && candidate.leadTimeDays > need.maxLeadTimeDays)
    unmet.push({ kind: 'LEAD_TIME', code: null });
  if (need.toleranceMm !== null && candidate.bestToleranceMm !== null && candidate.bestToleranceMm > need.toleranceMm)
    unmet.push({ kind: 'TOLERANCE', code: null });
  if (
    need.delivery &&
    candidate.location &&
    need.maxDistanceKm !== null &&
    deliveryDistance(need, candidate.location).km > need.maxDistanceKm
  ) {
    unmet.push({ kind: 'DISTANCE', code: null });
  }
  return unmet;
}
