export { IntroductionsModule } from './introductions.module.js';
export { IntroductionsService } from './introductions.service.js';
export * from './introduction.models.js';
export { INTRODUCTION_ENTITIES, IntroductionEntity, type IntroductionStatus } from './entities.js';
