export { MatchmakingModule } from './matchmaking.module.js';
export {
  MatchmakingService,
  MIN_CANDIDATES,
  MAX_NEEDS_SCORED,
  NEAREST,
  BY_TEXT,
  BY_TEXT_IN_BOX,
  CANDIDATE_FIELDS,
  byNeedRank,
  nearestFirst,
  retrievalQueries,
  textIsBoxed,
  textQueryWithinRadius,
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
  reachBox,
  reachMeters,
  retrievalFilter,
  needQuery,
  withinDisk,
} from './candidates.js';
