import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * The suite's PostgreSQL (TEST_DATABASE_URL): a database per test file. Apart from test-app.ts so
 * that the browser suites, which run the built API as a process of its own, do not load the whole
 * API into their jest worker to create one (2.9 s of CPU per file).
 */

export function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the suite with \`npm test\`, which starts PostgreSQL and Meilisearch`);
  return value;
}

/**
 * A fresh database on the suite's PostgreSQL (empty, or a copy of `template`: PostgreSQL copies a
 * template's files, which takes well under a second for the demo data); dropped again by `dropDatabase`.
 */
export async function createDatabase(template?: string): Promise<{ url: string; name: string }> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  await withAdminClient((client) => client.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`));
  return { url: databaseUrl(name), name };
}

/** The URL of database `name` on the suite's PostgreSQL. */
export function databaseUrl(name: string): string {
  const url = new URL(requireEnv('TEST_DATABASE_URL'));
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs `work` on a connection to the suite's PostgreSQL (its maintenance database), then closes it. */
export async function withAdminClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: requireEnv('TEST_DATABASE_URL') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function dropDatabase(name: string): Promise<void> {
  await withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}
