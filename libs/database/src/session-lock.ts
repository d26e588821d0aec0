import pg from 'pg';
import type { DataSource } from 'typeorm';

/**
 * Runs `work` while this process holds PostgreSQL's session-level advisory lock `name`: what several
 * instances starting together (two API replicas and two workers after a deploy) must do one at a
 * time. The lock is held on a connection of its own, outside the pool (`work` keeps the whole pool:
 * an API's pool of three also serves its in-process worker while it seeds), and released when `work`
 * ends, or by PostgreSQL when that connection ends (a process that dies holding it frees it).
 * Waiting is a poll, not a blocking `pg_advisory_lock`: another instance may hold it for longer than
 * a statement may run (loading the demo data).
 */
export async function withSessionLock<T>(dataSource: DataSource, name: string, work: () => Promise<T>): Promise<T> {
  const options = dataSource.options as { url?: string; extra?: { connectionTimeoutMillis?: number } };
  const lock = new pg.Client({ connectionString: options.url, connectionTimeoutMillis: options.extra?.connectionTimeoutMillis });
  await lock.connect();
  try {
    const tryLock = async () =>
      (await lock.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock(hashtext($1)) AS locked`, [name])).rows[0].locked;
    while (!(await tryLock())) await new Promise((resolve) => setTimeout(resolve, 200));
    return await work();
  } finally {
    await lock.end(); // ending the session releases the lock
  }
}
