export { DemoDataModule } from './demo-data.module.js';
export {
  DemoDataService,
  demoInputs,
  zonePoints,
  DEMO_SUPPLIER_COUNT,
  DEMO_SEED,
  DEMO_REFERENCE_DAY,
  type DemoReport,
} from './demo-data.service.js';
export { generateSuppliers, demoBuyers, type ZonePoint, type SupplierGenerationOptions } from './generator.js';
export { ARCHETYPES, type Archetype } from './archetypes.js';
export { SeededRandom, taxCodes } from './random.js';
export { DEMO_NEEDS, type DemoNeed } from './needs.js';
export { DEMO_AWARDS, type DemoAward } from './awards.js';
export { DEMO_INTRODUCTIONS, type DemoIntroduction } from './introductions.js';
export { generateInto } from './synthetic.js';
