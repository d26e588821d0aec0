import type { DataSource, Migration } from 'typeorm';
import { withSessionLock } from './session-lock.js';

/**
 * Applies pending migrations, one process at a time: every API instance and worker migrates as it
 * starts, and several starting together would otherwise each run the same migration (the second
 * fails on a type or table that now exists). Each migration runs in its own transaction; the next
 * process, once it gets the lock, finds nothing pending.
 */
export function runPendingMigrations(dataSource: DataSource): Promise<Migration[]> {
  return withSessionLock(dataSource, 'hp:migrations', () => dataSource.runMigrations({ transaction: 'each' }));
}
