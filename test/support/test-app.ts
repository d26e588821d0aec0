import { randomBytes } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { loadConfig } from '#libs/config';
import { logger } from '#libs/core';
import { createApiApp } from '../../apps/api/src/bootstrap.js';
import { createDatabase, dropDatabase, requireEnv } from './database.js';

export interface GqlResult<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> & { code?: string } }[];
}

export interface TestApp {
  app: NestExpressApplication;
  databaseUrl: string;
  indexPrefix: string;
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResult<T>>;
  http(): ReturnType<typeof request>;
  close(): Promise<void>;
}

/**
 * The real API (migrations, seeding, GraphQL, HTTP) on its own database and Meilisearch index
 * prefix, so test files never share state.
 */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  // A test that owns its PostgreSQL passes DATABASE_URL; the database is then its to drop.
  const db = env.DATABASE_URL ? { url: env.DATABASE_URL, name: undefined } : await createDatabase();
  const indexPrefix = `t${randomBytes(4).toString('hex')}`;
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    MEILI_URL: requireEnv('TEST_MEILI_URL'),
    MEILI_MASTER_KEY: requireEnv('TEST_MEILI_MASTER_KEY'),
    MEILI_INDEX_PREFIX: indexPrefix,
    JWT_SECRET: randomBytes(32).toString('hex'),
    ADMIN_EMAIL: 'admin@test.local',
    ADMIN_PASSWORD: 'admin-password-for-tests',
    SEED_DEMO_DATA: 'false',
    ANALYTICS_REFRESH_MINUTES: '0',
    DB_POOL_SIZE: '3',
    // tests drive searches and matches in loops from one address: the limits have tests of their own (abuse-limits)
    REGISTER_MAX_ATTEMPTS: '10000',
    SEARCH_MAX_PER_ADDRESS: '1000000',
    SEARCH_MAX_PER_USER: '1000000',
    MATCH_MAX_PER_USER: '10000',
    LOG_LEVEL: 'error',
    ...env,
  });
  logger.setLevel(config.LOG_LEVEL);
  const app = await createApiApp({ config, databaseUrl: db.url, meiliUrl: config.MEILI_URL!, meiliKey: config.MEILI_MASTER_KEY });
  const server = app.getHttpServer();
  return {
    app,
    databaseUrl: db.url,
    indexPrefix,
    async gql(query, variables, token) {
      const req = request(server).post('/graphql').set('content-type', 'application/json');
      if (token) req.set('authorization', `Bearer ${token}`);
      const res = await req.send({ query, variables });
      return { status: res.status, data: res.body?.data, errors: res.body?.errors };
    },
    http: () => request(server),
    async close() {
      await app.close();
      if (db.name) await dropDatabase(db.name);
    },
  };
}
