import { CRITERION_KEYS, type Weights } from './types.js';

/**
 * Default weights; those of the criteria listed for every need sum to 1 so each reads as a share of the
 * score.
 * - machineSize 0.12 (conditional: counted only when the need's text asks for a machine size, so it adds
 *   to the others then): like capacity, whether the supplier can physically make the part; a buyer who
 *   writes "450 t or more" has said the part needs it.
 * - processes 0.25: whether the supplier can make the part at all is the first question an FDI buyer asks.
 * - certifications 0.15: IATF 16949 / ISO 9001 gate supplier approval in automotive and electronics chains.
 * - capacity 0.12: a supplier that cannot sustain the monthly volume is a second-source at best.
 * - materials 0.08: any-of and often sourceable by the supplier, so it weighs less than processes.
 * - distance 0.08: short, JIT-friendly runs inside Hải Phòng matter, but a hard limit already excludes the far ones.
 * - text 0.08: the search relevance captures what the structured fields miss (drawings, product wording).
 * - leadTime 0.07, tolerance 0.07: engineering fit, but often negotiable or simply not stated on profiles.
 * - verification 0.05: a trust signal; most profiles are still unverified, so it should not dominate.
 * - languages 0.03: interpreters are common; it only nudges between otherwise equal suppliers.
 * - freshness 0.02: a stale profile is less reliable, a small tie-breaker.
 * - history 0 (opt-in): the supplier's decisions on similar needs (awards, acceptances, declines by
 *   reason); a buyer who wants past behaviour to count gives it a weight.
 * - trackRecord 0 (opt-in): on-time rate and defects of the deliveries a supplier published; most
 *   suppliers have none yet, so by default it moves nobody.
 */
export const DEFAULT_WEIGHTS: Weights = {
  processes: 0.25,
  materials: 0.08,
  certifications: 0.15,
  capacity: 0.12,
  leadTime: 0.07,
  tolerance: 0.07,
  machineSize: 0.12,
  distance: 0.08,
  text: 0.08,
  verification: 0.05,
  languages: 0.03,
  freshness: 0.02,
  history: 0,
  trackRecord: 0,
};

/** Problems with a full set of weights (empty when valid). The service reports them to the caller. */
export function validateWeights(weights: Weights): string[] {
  const problems: string[] = [];
  const known = new Set<string>(CRITERION_KEYS);
  for (const key of Object.keys(weights)) {
    if (!known.has(key)) problems.push(`unknown criterion "${key}"`);
  }
  for (const key of CRITERION_KEYS) {
    const value: unknown = weights[key];
    if (typeof value !== 'number' || !Number.isFinite(value)) problems.push(`weight "${key}" must be a finite number`);
    else if (value < 0) problems.push(`weight "${key}" must not be negative`);
  }
  if (problems.length === 0 && CRITERION_KEYS.every((key) => weights[key] === 0))
    problems.push('at least one weight must be greater than 0');
  return problems;
}

export function assertValidWeights(weights: Weights): void {
  const problems = validateWeights(weights);
  if (problems.length > 0) throw new Error(`Invalid matching weights: ${problems.join('; ')}`);
}
