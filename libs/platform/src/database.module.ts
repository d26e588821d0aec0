import type { DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions, runPendingMigrations } from '#libs/database';
import { ENTITIES } from './entities.js';
import type { Runtime } from './runtime.js';

/** How one process uses PostgreSQL (the API, the worker and the commands differ only in these). */
export interface DatabaseUse {
  applicationName: string;
  poolSize: number;
  statementTimeoutMs: number;
}

/**
 * PostgreSQL through TypeORM with every entity; pending migrations run while the module initialises,
 * one process at a time (several instances may start together).
 */
export function databaseModule(runtime: Runtime, use: DatabaseUse): DynamicModule {
  return TypeOrmModule.forRootAsync({
    useFactory: () => ({
      ...buildDataSourceOptions({ url: runtime.databaseUrl, connectTimeoutMs: runtime.config.DB_CONNECT_TIMEOUT_MS, ...use }, ENTITIES),
      retryAttempts: 3,
      retryDelay: 1000,
    }),
    dataSourceFactory: async (options) => {
      const dataSource = await new DataSource(options!).initialize();
      try {
        await runPendingMigrations(dataSource);
      } catch (error) {
        await dataSource.destroy().catch(() => undefined);
        throw error;
      }
      return dataSource;
    },
  });
}
