export * from './csv.js';
export * from './errors.js';
export * from './language.js';
export * from './logger.js';
export * from './pagination.js';
export * from './validators.js';
export * from './public-operation.js';
export { requestLoader } from './request-loaders.js';
export * from './local-date.js';
