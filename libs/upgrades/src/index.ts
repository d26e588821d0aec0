/**
 * Upgrade paths: what a supplier could change (a certification, a process, capacity, tolerance, lead
 * time) to qualify for more open needs, judged by the matching engine's hard requirements; and the
 * suppliers one change away from a need (the centre's coaching targets, served by libs/analytics).
 */
export { UpgradesModule } from './upgrades.module.js';
export { UpgradesService } from './upgrades.service.js';
export * from './upgrades.models.js';
export {
  applyChanges,
  type Change,
  type ChangeKind,
  changeFor,
  NO_SECTOR,
  oneChangeAway,
  UNDISCLOSED,
  type UpgradeAnalysis,
  type UpgradePath,
  upgradePaths,
  type VisibleNeed,
  type Volume,
} from './upgrade-paths.js';
export { describeChange, explainPath, type LabelOf } from './phrases.js';
