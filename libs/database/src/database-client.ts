import pg from 'pg';

/**
 * The pool's client: a query that got no answer within `query_timeout` ends its connection.
 * node-postgres only stops waiting; the connection would go back to the pool with the unanswered
 * statement still ahead of anything sent next, so a transaction's ROLLBACK would wait out a second
 * timeout, and a BEGIN the server runs later would leave a pooled session inside a transaction
 * nobody finishes. Ended, the client fails what is queued at once and the pool drops it.
 */
export class DatabaseClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    const query = this.query.bind(this) as (...args: unknown[]) => unknown;
    const endOnReadTimeout = (error: unknown) => {
      if ((error as Error | undefined)?.message === 'Query read timeout') void this.end().catch(() => undefined);
    };
    this.query = ((...args: unknown[]) => {
      const callback = args.at(-1);
      if (typeof callback === 'function') {
        args[args.length - 1] = (error: unknown, result: unknown) => {
          endOnReadTimeout(error);
          (callback as (e: unknown, r: unknown) => void)(error, result);
        };
        return query(...args);
      }
      const result = query(...args) as Promise<unknown> | undefined;
      if (typeof result?.then === 'function') result.then(undefined, endOnReadTimeout);
      return result;
    }) as typeof this.query;
  }
}
