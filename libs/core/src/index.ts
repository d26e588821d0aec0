export * from './errors.js';
export * from './language.js';
