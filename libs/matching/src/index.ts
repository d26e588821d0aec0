/**
 * Pure, deterministic, explainable matching of a sourcing need against supplier candidates.
 * No Nest, no TypeORM, no other libs: a service loads the data, adapts the taxonomy and calls these.
 */
export {
  CRITERION_KEYS,
  EXPLANATION_LANGS,
  OPT_IN_CRITERIA,
  CONDITIONAL_CRITERIA,
  CANDIDATE_ONLY_CRITERIA,
  type CandidateCertification,
  type CandidateMachines,
  type MachineKind,
  type MachineSize,
  type DecisionHistory,
  type DeclineReason,
  type CandidateSpec,
  type CriterionKey,
  type CriterionResult,
  type ExplanationLang,
  type GeoPoint,
  type MatchContext,
  type NeedSpec,
  type Quantity,
  type RankedMatch,
  type RelaxableConstraint,
  type RetrievalConstraints,
  type RetrievalStep,
  type ScoredMatch,
  type TaxonomyView,
  type TrackRecordSummary,
  type VerificationStatus,
  type Weights,
} from './types.js';
export { DEFAULT_WEIGHTS, validateWeights } from './weights.js';
export { bestNeedsFor, quietScorer, type RankedNeed, scoreCandidate, scoreQuietly, rankCandidates } from './rank.js';
export { RELAXATION_ORDER, retrievalPlan, explainRelaxation, relaxationsShown } from './relaxation.js';
export { EXPLANATION_LOCALE, localeFormat, type LocaleFormat, phrasesFor } from './explain.js';
export { unmetHardRequirements, type HardRequirement, type HardRequirementKind } from './hard-requirements.js';
export {
  DECISION_CREDIT,
  type ProcessChoice,
  processChoices,
  processCoverage,
  PROCESS_CREDIT,
  PROCESS_HARD_CREDIT,
  certificationStatus,
  qualityCredit,
  TRACK_RECORD_MIN_DELIVERIES,
  TRACK_RECORD_NEUTRAL,
  TRACK_RECORD_PPM_FULL,
  TRACK_RECORD_PPM_ZERO,
} from './criteria.js';
export { bandDistance, COARSE_CELL_DEG, coarsePoint, DISTANCE_BANDS_KM, distanceBand, EARTH_RADIUS_KM, haversineKm } from './geo.js';
