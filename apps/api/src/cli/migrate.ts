import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ConfigError, loadConfig } from '#libs/config';
import { buildDataSourceOptions, runPendingMigrations } from '#libs/database';
import { LocalInfraError } from '#libs/local-infra';
import { ENTITIES, prepareRuntime } from '#libs/platform';

/** `npm run migration:run`: applies pending migrations (to the embedded PostgreSQL when DATABASE_URL is unset). */
async function main(): Promise<void> {
  const config = loadConfig();
  const { runtime, infra } = await prepareRuntime(config);
  const dataSource = new DataSource(
    buildDataSourceOptions(
      {
        url: runtime.databaseUrl,
        poolSize: 1,
        connectTimeoutMs: config.DB_CONNECT_TIMEOUT_MS,
        statementTimeoutMs: 600000,
        applicationName: 'hp-migrate',
      },
      ENTITIES,
    ),
  );
  try {
    await dataSource.initialize();
    const applied = await runPendingMigrations(dataSource);
    process.stdout.write(
      applied.length
        ? `Applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}\n`
        : 'The database is up to date.\n',
    );
  } finally {
    await dataSource.destroy().catch(() => undefined);
    await infra.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError || error instanceof LocalInfraError ? error.message : (error as Error).stack}\n`);
  process.exit(1);
});
