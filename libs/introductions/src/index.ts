export { IntroductionsModule } from './introductions.module.js';
export { IntroductionsService } from './introductions.service.js';
export * from './introduction.models.js';
