import type { DataSource, EntityManager } from 'typeorm';

/** Runs `work` in one READ COMMITTED transaction: all of it is written, or none. */
export function inTransaction<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  return dataSource.transaction('READ COMMITTED', work);
}

/** PostgreSQL's unique-violation code, for turning a race on a unique key into a clean error. */
export const UNIQUE_VIOLATION = '23505';

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const driverError =
    (error as { driverError?: { code?: string; constraint?: string } })?.driverError ?? (error as { code?: string; constraint?: string });
  return driverError?.code === UNIQUE_VIOLATION && (!constraint || driverError.constraint === constraint);
}
