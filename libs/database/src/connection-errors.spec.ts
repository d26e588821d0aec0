import { describe, expect, it } from '@jest/globals';
import { QueryFailedError, QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { isDatabaseUnavailable } from './connection-errors.js';

const pgError = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it('recognises an unreachable, shutting-down, hung or overloaded PostgreSQL', () => {
    for (const error of [
      pgError('ECONNREFUSED'),
      Object.assign(new AggregateError([pgError('ECONNREFUSED')]), { code: 'ECONNREFUSED' }),
      pgError('57P01', 'terminating connection due to administrator command'),
      pgError('57P03', 'the database system is shutting down'),
      pgError('08006', 'connection failure'),
      pgError('53300', 'sorry, too many clients already'),
      pgError('57014', 'canceling statement due to statement timeout'),
      pgError('25P03', 'terminating connection due to idle-in-transaction timeout'),
      new Error('Connection terminated unexpectedly'),
      new Error('Connection terminated due to connection timeout'),
      new Error('timeout exceeded when trying to connect'),
      new Error('Query read timeout'),
      new Error('Client was closed and is not queryable'),
      new QueryFailedError('SELECT 1', [], pgError('57P01')),
      new QueryFailedError('SELECT 1', [], new Error('Query read timeout')),
      // the session ended between two statements of a transaction
      new QueryRunnerProviderAlreadyReleasedError(),
      new QueryRunnerAlreadyReleasedError(),
    ]) {
      expect([error.message, isDatabaseUnavailable(error)]).toEqual([error.message, true]);
    }
  });

  it('leaves other failures to be reported as internal errors', () => {
    for (const error of [
      pgError('42P01', 'relation "suppliers" does not exist'),
      pgError('23505', 'duplicate key value violates unique constraint'),
      new QueryFailedError('SELECT', [], pgError('42703', 'column does not exist')),
      new TypeError('Cannot read properties of undefined'),
      'a string',
      undefined,
    ]) {
      expect(isDatabaseUnavailable(error)).toBe(false);
    }
  });
});
