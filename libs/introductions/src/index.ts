export { IntroductionsModule } from './introductions.module.js';
export { IntroductionsService, type SeededIntroduction } from './introductions.service.js';
export * from './introduction.models.js';
export { INTRODUCTION_ENTITIES, IntroductionEntity, type IntroductionStatus } from './entities.js';
