export { MatchmakingModule } from './matchmaking.module.js';
export {
  MatchmakingService,
  MIN_CANDIDATES,
  MAX_NEEDS_SCORED,
  NEAREST,
  BY_TEXT,
  CANDIDATE_FIELDS,
  byNeedRank,
  nearestFirst,
  retrievalQueries,
  cutAtReach,
  radiusQueries,
  withinReach,
} from './matchmaking.service.js';
export * from './match.models.js';
export {
  taxonomyView,
  needSpecOf,
  capabilitiesInText,
  candidateFromProfile,
  type CandidateProfile,
  candidateFromAggregate,
  explanationLang,
  reachMeters,
  retrievalFilter,
  needQuery,
} from './candidates.js';
