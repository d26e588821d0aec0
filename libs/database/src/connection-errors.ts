/**
 * SQLSTATEs saying the server cannot serve right now, whatever the statement: connection
 * exceptions (class 08), shutting down or starting up (57P01–57P03), a session ended by an idle
 * timeout (25P03, 57P05), too many connections (53300), and a statement cancelled by
 * statement_timeout (57014).
 */
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '57P05', '25P03', '53300', '57014']);

/** Socket-level failures reaching the server. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

/** node-postgres and pg-pool errors that carry no code: a lost, timed-out or closed connection. */
const CLIENT_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Query read timeout|is not queryable/i;

/**
 * TypeORM releases a query runner whose connection emitted an error (the server ended the session
 * between two statements of a transaction); the transaction's next statement then fails with one
 * of these instead of the connection's error. Nothing in this code base releases a runner in use.
 */
const RELEASED_RUNNER = new Set(['QueryRunnerAlreadyReleasedError', 'QueryRunnerProviderAlreadyReleasedError']);

/**
 * True when an error means PostgreSQL is unreachable, hung, shutting down or overloaded: the
 * request may succeed if retried later, and the caller should hear SERVICE_UNAVAILABLE rather than
 * an internal error. Takes raw driver errors and TypeORM's QueryFailedError (which keeps the driver
 * error and copies its code).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const { code, message, driverError, name } = error as { code?: unknown; message?: unknown; driverError?: unknown; name?: unknown };
  if (typeof name === 'string' && RELEASED_RUNNER.has(name)) return true;
  if (driverError && driverError !== error && isDatabaseUnavailable(driverError)) return true;
  if (typeof code === 'string' && (UNAVAILABLE_STATES.has(code) || code.startsWith('08') || NETWORK_CODES.has(code))) return true;
  return typeof message === 'string' && CLIENT_MESSAGES.test(message);
}
