import { phrasesFor } from './explain.js';
import { type HardRequirementKind, unmetHardRequirements } from './hard-requirements.js';
import type {
  CandidateSpec,
  ExplanationLang,
  NeedSpec,
  RelaxableConstraint,
  RetrievalConstraints,
  RetrievalStep,
  TaxonomyView,
} from './types.js';

/**
 * When retrieval finds too few suppliers, constraints are relaxed one at a time, least essential first:
 * 1. maxDistance: a supplier a little further away can still deliver; the distance criterion keeps ranking by it;
 * 2. tolerance: profiles often understate it, and it is usually settled with a sample;
 * 3. leadTime: negotiable, and often unknown on profiles;
 * 4. certifications: a supplier can be certified or audited later, but buyers care, so late;
 * 5. processes: widened to the parent process (e.g. wire EDM → EDM), never dropped: a supplier without
 *    the capability is no match at all.
 */
export const RELAXATION_ORDER: RelaxableConstraint[] = ['maxDistance', 'tolerance', 'leadTime', 'certifications', 'processes'];

function widenProcesses(processes: string[], taxonomy: TaxonomyView): string[] {
  return [...new Set(processes.map((code) => taxonomy.parentOf('PROCESS', code) ?? code))];
}

function relax(constraints: RetrievalConstraints, constraint: RelaxableConstraint, taxonomy: TaxonomyView): RetrievalConstraints {
  switch (constraint) {
    case 'maxDistance':
      return { ...constraints, maxDistanceKm: null };
    case 'tolerance':
      return { ...constraints, toleranceMm: null };
    case 'leadTime':
      return { ...constraints, maxLeadTimeDays: null };
    case 'certifications':
      return { ...constraints, certifications: [] };
    case 'processes':
      return { ...constraints, processes: widenProcesses(constraints.processes, taxonomy) };
  }
}

function sameConstraints(a: RetrievalConstraints, b: RetrievalConstraints): boolean {
  return (
    a.maxDistanceKm === b.maxDistanceKm &&
    a.toleranceMm === b.toleranceMm &&
    a.maxLeadTimeDays === b.maxLeadTimeDays &&
    a.certifications.join('\u0000') === b.certifications.join('\u0000') &&
    a.processes.join('\u0000') === b.processes.join('\u0000')
  );
}

/**
 * The retrieval steps to try in order: step 0 applies every hard constraint; each next step relaxes one
 * more constraint in RELAXATION_ORDER. A step that would change nothing (the need did not set that
 * constraint, or no required process has a parent) is skipped, so `relaxed` names only real relaxations.
 * A distance limit without a delivery point cannot be applied, so it is not a constraint at all.
 */
export function retrievalPlan(need: NeedSpec, taxonomy: TaxonomyView): RetrievalStep[] {
  let current: RetrievalConstraints = {
    processes: [...new Set(need.processes)],
    certifications: [...new Set(need.certifications)],
    maxDistanceKm: need.delivery === null ? null : need.maxDistanceKm,
    maxLeadTimeDays: need.maxLeadTimeDays,
    toleranceMm: need.toleranceMm,
  };
  const steps: RetrievalStep[] = [{ constraints: current, relaxed: [] }];
  for (const constraint of RELAXATION_ORDER) {
    const next = relax(current, constraint, taxonomy);
    if (sameConstraints(current, next)) continue;
    current = next;
    steps.push({ constraints: current, relaxed: [...steps.at(-1)!.relaxed, constraint] });
  }
  return steps;
}

/**
 * The hard requirement a supplier let in by each relaxation may miss, as a match reports it (its
 * `missing`; unmetHardRequirements' kinds). Capacity is never a retrieval filter, so never relaxed.
 */
const MISSED_WHEN_RELAXED: Record<RelaxableConstraint, HardRequirementKind> = {
  maxDistance: 'DISTANCE',
  tolerance: 'TOLERANCE',
  leadTime: 'LEAD_TIME',
  certifications: 'CERTIFICATION',
  processes: 'PROCESS',
};

/**
 * The relaxations a buyer is told about: those of `relaxed` (the retrieved step's) that at least one
 * of `shown` misses, in `relaxed`'s order. `shown`: the suppliers listed that the step let in (one
 * joined otherwise, as a text match over all suppliers, passed no relaxed filter). A relaxation that
 * let in nobody the buyer sees missing it (those it let in were ranked below the list, or meet the
 * requirement anyway: a shop offering the parent of a widened process partly covers it, which is not
 * missing it; a supplier whose lead time is unknown does not miss the limit) changed nothing the buyer
 * sees, and naming it would point to red marks nowhere in the list: each one named has a supplier
 * listed whose `missing` states that requirement. Tells, never ranks: retrieval and ranking are as before.
 */
export function relaxationsShown(
  need: NeedSpec,
  relaxed: readonly RelaxableConstraint[],
  shown: readonly CandidateSpec[],
  taxonomy: TaxonomyView,
  today: string,
): RelaxableConstraint[] {
  if (relaxed.length === 0) return [];
  const missed = new Set(shown.flatMap((candidate) => unmetHardRequirements(need, candidate, taxonomy, today).map((r) => r.kind)));
  return [...new Set(relaxed)].filter((constraint) => missed.has(MISSED_WHEN_RELAXED[constraint]));
}

/** One sentence per relaxed constraint, in the order given, e.g. "the distance limit was dropped". */
export function explainRelaxation(relaxed: RelaxableConstraint[], lang: ExplanationLang): string[] {
  const say = phrasesFor(lang);
  return [...new Set(relaxed)].map((constraint) => say.relaxation[constraint]);
}
