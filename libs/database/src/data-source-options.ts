import pg from 'pg';
import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import { DatabaseClient } from './database-client.js';
import { InitialSchema1764100000000 } from './migrations/1764100000000-initial-schema.js';
import { OutboxNotify1764200000000 } from './migrations/1764200000000-outbox-notify.js';
import { SourcingNeeds1764300000000 } from './migrations/1764300000000-sourcing-needs.js';
import { Analytics1764400000000 } from './migrations/1764400000000-analytics.js';
import { BuyerVerification1764500000000 } from './migrations/1764500000000-buyer-verification.js';
import { SharedRateLimits1764650000000 } from './migrations/1764650000000-shared-rate-limits.js';
import { CoachingTargets1764720000000 } from './migrations/1764720000000-coaching-targets.js';
import { TrackRecords1764760000000 } from './migrations/1764760000000-track-records.js';
import { AssistedOnboarding1764800000000 } from './migrations/1764800000000-assisted-onboarding.js';
import { CentreEnteredIndex1764900000000 } from './migrations/1764900000000-centre-entered-index.js';
import { SearchReplicas1765100000000 } from './migrations/1765100000000-search-replicas.js';
import { RetiredReplicas1765200000000 } from './migrations/1765200000000-retired-replicas.js';
import { OpenTextOnlyNeedsIndex1765300000000 } from './migrations/1765300000000-open-text-only-needs-index.js';

/** `date` columns stay ISO strings (YYYY-MM-DD): no time zone can shift a certificate's expiry day. */
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);

/** Every migration, in order. Migrations run at start and by `npm run migration:run`; never `synchronize`. */
export const MIGRATIONS = [
  InitialSchema1764100000000,
  OutboxNotify1764200000000,
  SourcingNeeds1764300000000,
  Analytics1764400000000,
  BuyerVerification1764500000000,
  SharedRateLimits1764650000000,
  CoachingTargets1764720000000,
  TrackRecords1764760000000,
  AssistedOnboarding1764800000000,
  CentreEnteredIndex1764900000000,
  SearchReplicas1765100000000,
  RetiredReplicas1765200000000,
  OpenTextOnlyNeedsIndex1765300000000,
];

export interface DatabaseSettings {
  url: string;
  poolSize: number;
  connectTimeoutMs: number;
  statementTimeoutMs: number;
  applicationName: string;
}

/**
 * How long the client waits for any answer: a little longer than the server-side statement timeout,
 * which normally fires first; this one covers a server that stopped answering at all.
 */
export function queryTimeoutMs(statementTimeoutMs: number): number {
  return statementTimeoutMs + Math.min(2000, Math.ceil(statementTimeoutMs / 2));
}

/**
 * TypeORM options with the timeouts node-postgres lacks by default: connecting (and waiting for a
 * pooled connection) gives up after `connectTimeoutMs`, every statement is cancelled server-side
 * after `statementTimeoutMs`, and the client stops waiting soon after (`queryTimeoutMs`), dropping
 * that connection (`DatabaseClient`).
 */
export function buildDataSourceOptions(
  settings: DatabaseSettings,
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>,
): DataSourceOptions {
  return {
    type: 'postgres',
    url: settings.url,
    entities,
    migrations: MIGRATIONS,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    applicationName: settings.applicationName,
    extra: {
      max: settings.poolSize,
      connectionTimeoutMillis: settings.connectTimeoutMs,
      idleTimeoutMillis: 30000,
      statement_timeout: settings.statementTimeoutMs,
      query_timeout: queryTimeoutMs(settings.statementTimeoutMs),
      Client: DatabaseClient,
      idle_in_transaction_session_timeout: settings.statementTimeoutMs * 3,
      keepAlive: true,
    },
  };
}
