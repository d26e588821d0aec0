/**
 * Inputs and outputs of the matching engine. Plain data only: the service maps its entities and the
 * real taxonomy onto these shapes, so the engine stays free of Nest, TypeORM and other libs.
 */

/** The languages explanations are written in: all four of the platform's. */
export const EXPLANATION_LANGS = ['vi', 'en', 'ja', 'ko'] as const;
export type ExplanationLang = (typeof EXPLANATION_LANGS)[number];

export type CriterionKey =
  | 'processes'
  | 'materials'
  | 'certifications'
  | 'capacity'
  | 'leadTime'
  | 'tolerance'
  | 'machineSize'
  | 'distance'
  | 'text'
  | 'verification'
  | 'languages'
  | 'freshness'
  | 'history'
  | 'trackRecord';

/** The order in which criteria are evaluated and listed in every match. */
export const CRITERION_KEYS: readonly CriterionKey[] = [
  'processes',
  'materials',
  'certifications',
  'capacity',
  'leadTime',
  'tolerance',
  'machineSize',
  'distance',
  'text',
  'verification',
  'languages',
  'freshness',
  'history',
  'trackRecord',
];

/**
 * Opt-in criteria: weight 0 by default, and listed in a match only when the request gives them a weight
 * (so a default match reads as it always did).
 */
export const OPT_IN_CRITERIA: readonly CriterionKey[] = ['history', 'trackRecord'];

/**
 * Criteria about a requirement few needs state: listed and counted only for a need that states it
 * (machineSize: a machine size read from the need's text), so every other need scores as it always did.
 */
export const CONDITIONAL_CRITERIA: readonly CriterionKey[] = ['machineSize'];

/**
 * Criteria that read the candidate (and the context) only, never the need: one candidate scores the
 * same on them against every need, so ranking many needs for one supplier works them out once.
 */
export const CANDIDATE_ONLY_CRITERIA: readonly CriterionKey[] = ['text', 'verification', 'freshness', 'history', 'trackRecord'];

/** Which machines a machine size is about: presses (press force) or moulding and die-casting machines (clamping force). */
export type MachineKind = 'PRESS' | 'CLAMP';

/** The smallest machine a need asks for, in tonnes of force; `kind` null when the need names only "a machine". */
export interface MachineSize {
  tonnes: number;
  kind: MachineKind | null;
}

/** A supplier's largest press and largest clamping force, in tonnes (null: none stated). */
export interface CandidateMachines {
  pressTonnes: number | null;
  clampTonnes: number | null;
}

export type Weights = Record<CriterionKey, number>;

export interface GeoPoint {
  lat: number;
  lng: number;
}

export interface Quantity {
  value: number;
  /** e.g. PCS, SETS, KG, TONNES */
  unit: string;
}

/** A buyer's sourcing need, reduced to what matching compares. */
export interface NeedSpec {
  id: string;
  /** Required process codes (all of them). */
  processes: string[];
  /**
   * Processes the need's text names only weakly (other words, no structured process): scored like
   * required ones but never a hard requirement or a retrieval filter. Ignored when `processes` is set.
   */
  preferredProcesses?: string[];
  /**
   * The processes that make the parts the text names, each entry a choice: any one of its processes will
   * do (heat sinks: die casting or extrusion). Scored like preferred processes, never required; beside
   * `processes` too, unless one of the choice's processes is required already.
   */
  preferredProcessGroups?: string[][];
  /** Wanted material codes (any of them is fine). */
  materials: string[];
  /** Required certification codes (all of them). */
  certifications: string[];
  productGroup: string | null;
  quantityPerMonth: Quantity | null;
  maxLeadTimeDays: number | null;
  /** Needed tolerance; the supplier's bestToleranceMm must be <= this. */
  toleranceMm: number | null;
  delivery: GeoPoint | null;
  /** Hard limit when set. */
  maxDistanceKm: number | null;
  /** Buyer's working languages (ISO 639-1). */
  languages: string[];
  /** The machine size the need's text asks for ("450톤 이상 사출기"): a soft criterion, never a filter. */
  machineSize?: MachineSize | null;
  /**
   * Set when the caller may not know who posted the need (ANONYMOUS, not revealed to it). The engine
   * then measures distance from the centre of the grid cell holding `delivery` (coarsePoint) and tells
   * and scores it in DISTANCE_BANDS_KM only, and leaves the buyer's languages out: nothing in the
   * answer moves when the plant moves within its cell, or depends on which buyer posted the need.
   */
  buyerHidden?: boolean;
}

export interface CandidateCertification {
  code: string;
  /** YYYY-MM-DD, inclusive; null = open. */
  validFrom: string | null;
  /** YYYY-MM-DD, the expiry day (the certificate no longer counts on it); null = open. */
  validUntil: string | null;
}

export type VerificationStatus = 'UNVERIFIED' | 'VERIFIED' | 'SUSPENDED';

export type DeclineReason = 'CAPACITY' | 'CERTIFICATION' | 'PRICE' | 'TIMING' | 'NOT_OUR_PROCESS' | 'OTHER';

/**
 * What a supplier decided on needs similar to the one being matched, as counts only: no need, buyer,
 * price or date reaches the engine. Which needs count is the data layer's rule (for matchSuppliers:
 * needs sharing a process family, PUBLIC ones or the same buyer's own, never another buyer's PRIVATE or
 * ANONYMOUS need), so nothing here can tell one buyer about another's confidential need.
 */
export interface DecisionHistory {
  /** Similar needs awarded to the supplier. */
  awarded: number;
  /** Invitations to similar needs it accepted and that were not (yet) awarded to it. */
  accepted: number;
  /** Invitations to similar needs it declined, by reason. */
  declined: Partial<Record<DeclineReason, number>>;
}

/**
 * A supplier's delivery record as its published scorecard shows it to anyone: overall figures only,
 * never per buyer, and only when the supplier opted in to publish it (the data layer's rule; a supplier
 * that did not is passed as null, like one with no deliveries, so the two read alike).
 */
export interface TrackRecordSummary {
  /** Live deliveries recorded by its buyers against its awards. */
  deliveries: number;
  /** 0..1 delivered on or before the promised day; null when too few deliveries to say. */
  onTimeRate: number | null;
  /** Defective parts per million delivered; null when too few deliveries to say. */
  defectsPpm: number | null;
}

/** A supplier profile as retrieval returned it. */
export interface CandidateSpec {
  id: string;
  name: string;
  processes: string[];
  materials: string[];
  productGroups: string[];
  certifications: CandidateCertification[];
  monthlyCapacity: Quantity | null;
  leadTimeDays: number | null;
  bestToleranceMm: number | null;
  /** Its largest machines, from its equipment list; absent or null when it lists none with a size. */
  machines?: CandidateMachines | null;
  location: GeoPoint | null;
  verificationStatus: VerificationStatus;
  languages: string[];
  /** ISO timestamp */
  updatedAt: string;
  /** 0..1 relevance of the candidate to the need's text, from search retrieval; null if unknown. */
  textScore: number | null;
  /** Decisions on similar needs (the `history` criterion); absent or null when not loaded. */
  decisions?: DecisionHistory | null;
  /** Its published delivery record (the `trackRecord` criterion); absent or null when not loaded or not published. */
  trackRecord?: TrackRecordSummary | null;
}

/** What the engine needs from the taxonomy, as plain functions (the service adapts the real taxonomy). */
export interface TaxonomyView {
  parentOf(kind: 'PROCESS' | 'MATERIAL', code: string): string | null;
  label(kind: 'PROCESS' | 'MATERIAL' | 'CERTIFICATION', code: string, lang: ExplanationLang): string;
  /**
   * The material families a process's shops buy per order (machining: metals; moulding: plastics): a
   * grade such a shop does not list is unknown rather than a gap. None when absent.
   */
  stockBoughtPerOrder?(process: string): readonly string[];
}

export interface MatchContext {
  taxonomy: TaxonomyView;
  weights: Weights;
  /** YYYY-MM-DD, the calendar day in Vietnam. */
  today: string;
  lang: ExplanationLang;
}

export interface CriterionResult {
  key: CriterionKey;
  weight: number;
  /** 0..1, rounded to 4 decimals */
  score: number;
  explanation: string;
  /**
   * Whether the candidate misses a hard requirement this criterion checks (each is then listed in the
   * match's `missing`). A low score alone is not that: a soft criterion (text, languages, freshness…)
   * never is, nor a value the candidate does not state.
   */
  unmet: boolean;
}

export interface RankedMatch {
  /** 1-based */
  rank: number;
  candidateId: string;
  /** 0..1: weighted mean of the listed criterion scores over criteria with weight > 0, rounded to 4 decimals. */
  score: number;
  /** Every criterion, in CRITERION_KEYS order, with the weight it was scored with (0 = listed but not counted). */
  criteria: CriterionResult[];
  /** Plain-language list of hard requirements not met, in ctx.lang. */
  missing: string[];
}

export type ScoredMatch = Omit<RankedMatch, 'rank'>;

export type RelaxableConstraint = 'maxDistance' | 'certifications' | 'tolerance' | 'leadTime' | 'processes';

/** Filters the service applies when it retrieves candidates from Meilisearch. */
export interface RetrievalConstraints {
  /** Any of these codes or their descendants. */
  processes: string[];
  certifications: string[];
  maxDistanceKm: number | null;
  maxLeadTimeDays: number | null;
  toleranceMm: number | null;
}

export interface RetrievalStep {
  constraints: RetrievalConstraints;
  /** Constraints relaxed so far, in RELAXATION_ORDER. */
  relaxed: RelaxableConstraint[];
}
