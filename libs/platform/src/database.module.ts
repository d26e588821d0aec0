import type { DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { buildDataSourceOptions } from '#libs/database';
import { ENTITIES } from './entities.js';
import type { Runtime } from './runtime.js';

/** How one process uses PostgreSQL (the API, the worker and the commands differ only in these). */
export interface DatabaseUse {
  applicationName: string;
  poolSize: number;
  statementTimeoutMs: number;
}

/** PostgreSQL through TypeORM with every entity; pending migrations run while the module initialises. */
export function databaseModule(runtime: Runtime, use: DatabaseUse): DynamicModule {
  return TypeOrmModule.forRoot({
    ...buildDataSourceOptions({ url: runtime.databaseUrl, connectTimeoutMs: runtime.config.DB_CONNECT_TIMEOUT_MS, ...use }, ENTITIES),
    migrationsRun: true,
    retryAttempts: 3,
    retryDelay: 1000,
  });
}
