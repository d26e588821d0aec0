export { SourcingModule } from './sourcing.module.js';
export * from './entities.js';
export * from './need.enums.js';
export * from './need.inputs.js';
export * from './need.models.js';
export { NeedRepository, type NeedViewer, type OpenNeedVersion, supplierViewer } from './need.repository.js';
export { SourcingNeedsService } from './sourcing-needs.service.js';
export { recordEvent } from './sourcing-event-log.js';
