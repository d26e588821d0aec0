import {
  type CandidateSpec,
  type HardRequirement,
  type NeedSpec,
  PROCESS_CREDIT,
  PROCESS_HARD_CREDIT,
  processCoverage,
  type TaxonomyView,
  unmetHardRequirements,
} from '#libs/matching';

/** What a supplier can change about itself. Distance is not on the list: a plant does not move. */
export type ChangeKind = 'CERTIFICATION' | 'PROCESS' | 'CAPACITY' | 'TOLERANCE' | 'LEAD_TIME';

/**
 * One change to a supplier's profile: a certification or process gained (`code`), monthly capacity raised
 * to `value` `unit`, best tolerance tightened to `value` mm, lead time shortened to `value` days.
 */
export interface Change {
  kind: ChangeKind;
  code: string | null;
  value: number | null;
  unit: string | null;
}

/** A need the supplier may see, and what it may know of its buyer. */
export interface VisibleNeed {
  spec: NeedSpec;
  /** The buyer's sector codes; null when the buyer is hidden from the supplier (an anonymous need). */
  sectors: string[] | null;
}

/** Sector code for needs whose buyer the supplier may not know. */
export const UNDISCLOSED = 'UNDISCLOSED';
/** Sector code for needs whose buyer names no sector. */
export const NO_SECTOR = 'UNSPECIFIED';

export interface Volume {
  unit: string;
  total: number;
}

/** A hard requirement a need would still miss, and in how many of the path's near-miss needs. */
export interface StillMissing {
  requirement: HardRequirement;
  needs: number;
}

export interface UpgradePath {
  /** One change, or two for a combination. */
  changes: Change[];
  /** Needs the supplier would newly qualify for, by id (sorted). */
  needIds: string[];
  /** Monthly volume of those needs, per unit (needs without a quantity add nothing). */
  volume: Volume[];
  /** Those needs per buyer sector (a need counts under each of its buyer's sectors; hidden buyers under UNDISCLOSED). */
  sectors: { code: string; needs: number }[];
  /** For a combination: of `needIds`, how many neither change unlocks alone. For one change: needIds.length. */
  onlyTogether: number;
  /** Needs the change helps (meets one of their unmet requirements) that would still miss something. */
  nearMisses: number;
  /** What the near-miss needs would still miss, most frequent first. */
  stillMissing: StillMissing[];
}

export interface UpgradeAnalysis {
  /** Needs the supplier qualifies for already. */
  qualifiedNow: number;
  /** Needs considered (every need it may see). */
  needsSeen: number;
  /** Single changes, the most needs unlocked first (then the smaller change). */
  paths: UpgradePath[];
  /** Pairs of changes that unlock needs neither unlocks alone, most such needs first. */
  combinations: UpgradePath[];
}

export interface UpgradeOptions {
  /** How many single paths and how many combinations to return. */
  first: number;
  /** At most this many candidate pairs are evaluated (the most frequently needed first). */
  maxPairs?: number;
}

const changeKey = (c: Change) => `${c.kind}|${c.code ?? ''}|${c.value ?? ''}|${c.unit ?? ''}`;

/** The change that would meet one unmet requirement of `need`; null for distance (not changeable). */
export function changeFor(requirement: HardRequirement, need: NeedSpec): Change | null {
  switch (requirement.kind) {
    case 'CERTIFICATION':
    case 'PROCESS':
      return { kind: requirement.kind, code: requirement.code, value: null, unit: null };
    case 'CAPACITY':
      return { kind: 'CAPACITY', code: null, value: need.quantityPerMonth!.value, unit: need.quantityPerMonth!.unit.toUpperCase() };
    case 'LEAD_TIME':
      return { kind: 'LEAD_TIME', code: null, value: need.maxLeadTimeDays, unit: null };
    case 'TOLERANCE':
      return { kind: 'TOLERANCE', code: null, value: need.toleranceMm, unit: null };
    default:
      return null;
  }
}

/** The supplier as it would be after `changes`: a new certificate is open-ended, a number only ever improves. */
export function applyChanges(candidate: CandidateSpec, changes: Change[]): CandidateSpec {
  const next: CandidateSpec = { ...candidate, processes: [...candidate.processes], certifications: [...candidate.certifications] };
  for (const c of changes) {
    if (c.kind === 'CERTIFICATION') next.certifications.push({ code: c.code!, validFrom: null, validUntil: null });
    else if (c.kind === 'PROCESS') next.processes.push(c.code!);
    else if (c.kind === 'CAPACITY')
      next.monthlyCapacity =
        next.monthlyCapacity && next.monthlyCapacity.unit.toUpperCase() === c.unit && next.monthlyCapacity.value >= c.value!
          ? next.monthlyCapacity
          : { value: c.value!, unit: c.unit! };
    else if (c.kind === 'LEAD_TIME') next.leadTimeDays = Math.min(next.leadTimeDays ?? Infinity, c.value!);
    else next.bestToleranceMm = Math.min(next.bestToleranceMm ?? Infinity, c.value!);
  }
  return next;
}

/** Whether `change` alone meets `requirement` of `need` (a cheap pre-filter; the engine has the last word). */
function mayMeet(change: Change, requirement: HardRequirement, need: NeedSpec, taxonomy: TaxonomyView): boolean {
  if (change.kind !== requirement.kind) return false;
  switch (change.kind) {
    case 'CERTIFICATION':
      return change.code === requirement.code;
    case 'PROCESS':
      return PROCESS_CREDIT[processCoverage(taxonomy, requirement.code!, [change.code!]).coverage] >= PROCESS_HARD_CREDIT;
    case 'CAPACITY':
      return need.quantityPerMonth!.unit.toUpperCase() === change.unit && need.quantityPerMonth!.value <= change.value!;
    case 'LEAD_TIME':
      return need.maxLeadTimeDays! >= change.value!;
    case 'TOLERANCE':
      return need.toleranceMm! >= change.value!;
  }
}

/** A smaller change of the same kind first: lower capacity, longer lead time, looser tolerance. */
function size(change: Change): number {
  if (change.kind === 'CAPACITY') return change.value!;
  if (change.kind === 'LEAD_TIME' || change.kind === 'TOLERANCE') return -change.value!;
  return 0;
}

const KIND_ORDER: ChangeKind[] = ['CERTIFICATION', 'PROCESS', 'CAPACITY', 'LEAD_TIME', 'TOLERANCE'];

function compareChanges(a: Change, b: Change): number {
  return (
    KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
    (a.unit ?? '').localeCompare(b.unit ?? '') ||
    size(a) - size(b) ||
    (a.code ?? '').localeCompare(b.code ?? '')
  );
}

interface Blocked {
  need: VisibleNeed;
  unmet: HardRequirement[];
}

const requirementKey = (r: HardRequirement) => `${r.kind}|${r.code ?? ''}`;

/**
 * The upgrade paths of one supplier over the needs it may see: every change that meets an unmet hard
 * requirement of some need is tried on a copy of the supplier, and `unmetHardRequirements` (the
 * matching engine's own rule, the one supply-gap analytics counts with) judges each need again, so a
 * path counts a need only when the engine would list nothing missing for it.
 */
export function upgradePaths(
  candidate: CandidateSpec,
  needs: VisibleNeed[],
  taxonomy: TaxonomyView,
  today: string,
  options: UpgradeOptions,
): UpgradeAnalysis {
  const judged = needs.map((need) => ({ need, unmet: unmetHardRequirements(need.spec, candidate, taxonomy, today) }));
  // a need out of reach (too far) stays out of reach whatever the supplier changes
  const blocked: Blocked[] = judged.filter((j) => j.unmet.length > 0 && !j.unmet.some((r) => r.kind === 'DISTANCE'));

  const singles = new Map<string, Change>();
  for (const { need, unmet } of blocked)
    for (const requirement of unmet) {
      const change = changeFor(requirement, need.spec)!;
      singles.set(changeKey(change), change);
    }

  /** The blocked needs a set of changes may help: those with an unmet requirement one of the changes meets. */
  const helped = (changes: Change[]) =>
    blocked.filter((b) => b.unmet.some((r) => changes.some((c) => mayMeet(c, r, b.need.spec, taxonomy))));

  const evaluate = (changes: Change[]) => {
    const after = applyChanges(candidate, changes);
    const unlocked: Blocked[] = [];
    const near: HardRequirement[][] = [];
    for (const b of helped(changes)) {
      const still = unmetHardRequirements(b.need.spec, after, taxonomy, today);
      if (still.length === 0) unlocked.push(b);
      else if (still.length < b.unmet.length) near.push(still);
    }
    return { unlocked, near };
  };

  const alone = new Map<string, Set<string>>();
  let paths: (UpgradePath & { sortChange: Change })[] = [];
  for (const change of [...singles.values()].sort(compareChanges)) {
    const { unlocked, near } = evaluate([change]);
    alone.set(changeKey(change), new Set(unlocked.map((u) => u.need.spec.id)));
    if (unlocked.length === 0 && near.length === 0) continue;
    paths.push({ ...describe([change], unlocked, near, unlocked.length), sortChange: change });
  }
  // a bigger step of the same kind that unlocks no more than a smaller one is no path
  const bestSoFar = new Map<string, number>();
  paths = paths.filter((p) => {
    const c = p.sortChange;
    if (c.kind !== 'CAPACITY' && c.kind !== 'LEAD_TIME' && c.kind !== 'TOLERANCE') return p.needIds.length > 0;
    const group = `${c.kind}|${c.unit ?? ''}`;
    if (p.needIds.length <= (bestSoFar.get(group) ?? 0)) return false;
    bestSoFar.set(group, p.needIds.length);
    return true;
  });
  paths.sort((a, b) => b.needIds.length - a.needIds.length || compareChanges(a.sortChange, b.sortChange));

  // pairs: the two changes each need with exactly two unmet requirements asks for, most asked first
  const pairs = new Map<string, { changes: Change[]; askedBy: number }>();
  for (const { need, unmet } of blocked) {
    if (unmet.length !== 2) continue;
    const changes = unmet.map((r) => changeFor(r, need.spec)!).sort(compareChanges);
    const key = changes.map(changeKey).join('+');
    const entry = pairs.get(key) ?? { changes, askedBy: 0 };
    entry.askedBy += 1;
    pairs.set(key, entry);
  }
  const combinations: UpgradePath[] = [];
  const tried = [...pairs.values()]
    .sort((a, b) => b.askedBy - a.askedBy || compareChanges(a.changes[0], b.changes[0]) || compareChanges(a.changes[1], b.changes[1]))
    .slice(0, options.maxPairs ?? 500);
  for (const { changes } of tried) {
    const { unlocked, near } = evaluate(changes);
    const single = changes.map((c) => alone.get(changeKey(c)) ?? new Set<string>());
    const together = unlocked.filter((u) => !single.some((s) => s.has(u.need.spec.id))).length;
    if (together > 0) combinations.push(describe(changes, unlocked, near, together));
  }
  combinations.sort(
    (a, b) =>
      b.onlyTogether - a.onlyTogether ||
      b.needIds.length - a.needIds.length ||
      compareChanges(a.changes[0], b.changes[0]) ||
      compareChanges(a.changes[1], b.changes[1]),
  );

  return {
    qualifiedNow: judged.length - judged.filter((j) => j.unmet.length > 0).length,
    needsSeen: needs.length,
    paths: paths.slice(0, options.first).map(({ sortChange: _, ...path }) => path),
    combinations: combinations.slice(0, options.first),
  };
}

function describe(changes: Change[], unlocked: Blocked[], near: HardRequirement[][], onlyTogether: number): UpgradePath {
  const volume = new Map<string, number>();
  const sectors = new Map<string, number>();
  for (const { need } of unlocked) {
    const quantity = need.spec.quantityPerMonth;
    if (quantity && quantity.value > 0) {
      const unit = quantity.unit.toUpperCase();
      volume.set(unit, (volume.get(unit) ?? 0) + quantity.value);
    }
    const codes = need.sectors === null ? [UNDISCLOSED] : need.sectors.length ? [...new Set(need.sectors)] : [NO_SECTOR];
    for (const code of codes) sectors.set(code, (sectors.get(code) ?? 0) + 1);
  }
  const missing = new Map<string, StillMissing>();
  for (const still of near)
    for (const requirement of still) {
      const entry = missing.get(requirementKey(requirement)) ?? { requirement, needs: 0 };
      entry.needs += 1;
      missing.set(requirementKey(requirement), entry);
    }
  return {
    changes,
    needIds: unlocked.map((u) => u.need.spec.id).sort(),
    volume: [...volume].map(([unit, total]) => ({ unit, total })).sort((a, b) => a.unit.localeCompare(b.unit)),
    sectors: [...sectors].map(([code, needs]) => ({ code, needs })).sort((a, b) => b.needs - a.needs || a.code.localeCompare(b.code)),
    onlyTogether,
    nearMisses: near.length,
    stillMissing: [...missing.values()].sort(
      (a, b) =>
        b.needs - a.needs ||
        a.requirement.kind.localeCompare(b.requirement.kind) ||
        (a.requirement.code ?? '').localeCompare(b.requirement.code ?? ''),
    ),
  };
}

/**
 * Suppliers one change away from each need: for every need and supplier whose only unmet hard
 * requirement (by `unmetHardRequirements`) is one a single change meets. `candidates` narrows the pairs
 * checked per need (e.g. the suppliers meeting every other process and certification); null = all.
 */
export function oneChangeAway(
  need: NeedSpec,
  suppliers: CandidateSpec[],
  taxonomy: TaxonomyView,
  today: string,
): { supplier: CandidateSpec; change: Change }[] {
  const found: { supplier: CandidateSpec; change: Change }[] = [];
  for (const supplier of suppliers) {
    const unmet = unmetHardRequirements(need, supplier, taxonomy, today);
    if (unmet.length !== 1) continue;
    const change = changeFor(unmet[0], need);
    if (change) found.push({ supplier, change });
  }
  return found;
}
