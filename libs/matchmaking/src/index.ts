export { MatchmakingModule } from './matchmaking.module.js';
export { MatchmakingService, MIN_CANDIDATES } from './matchmaking.service.js';
export * from './match.models.js';
export { taxonomyView, needSpecOf, candidateFromProfile, candidateFromAggregate, retrievalFilter } from './candidates.js';
