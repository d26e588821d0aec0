export * from './taxonomy-kind.js';
export * from './taxonomy-term.js';
export * from './taxonomy-validation.js';
export * from './taxonomy.js';
export * from './taxonomy.models.js';
export * from './taxonomy.mapper.js';
export * from './taxonomy.resolver.js';
export * from './taxonomy.module.js';
export { matchKey, type MatchKey } from './text-forms.js';
