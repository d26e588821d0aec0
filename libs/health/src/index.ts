export { HealthModule } from './health.module.js';
export { ReadinessState } from './readiness-state.js';
