import { describe, expect, it } from '@jest/globals';
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { createI18n } from '../i18n/index.js';
import { problemFrom, problemFromErrors } from './api-errors.js';
import { fieldMessage, problemMessage } from './problem-messages.js';

const REGISTER_ERRORS = [
  {
    message: '3 invalid fields: input.email, input.password, input.displayName',
    extensions: {
      code: 'BAD_USER_INPUT',
      fieldErrors: [
        { field: 'input.email', reason: 'must be an email address (at most 254 characters)' },
        { field: 'input.password', reason: 'must be at least 10 characters' },
        { field: 'input.displayName', reason: 'must be longer than or equal to 1 characters' },
      ],
    },
  },
];

describe('API errors → messages next to their field, in the reader language', () => {
  it('maps the API field errors (as it sends them) onto the form fields', () => {
    const problem = problemFromErrors(REGISTER_ERRORS);
    expect(problem.code).toBe('BAD_USER_INPUT');
    expect(problem.fields).toEqual([
      { field: 'email', key: 'email' },
      { field: 'password', key: 'passwordTooShort' },
      { field: 'displayName', key: 'required' },
    ]);
    const vi = createI18n('vi').t;
    expect(fieldMessage(vi, problem, 'password')).toBe('Ít nhất 10 ký tự.');
    expect(fieldMessage(createI18n('ko').t, problem, 'email')).toBe('올바른 이메일 주소를 입력하세요.');
    expect(fieldMessage(vi, problem, 'other')).toBeUndefined();
  });

  it('puts a rate limit on the field it concerns, with the seconds to wait', () => {
    const errors = [{ message: 'Too many attempts', extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 42 } }];
    const problem = problemFrom(new CombinedGraphQLErrors({ errors }), { rateLimitField: 'email' });
    expect(fieldMessage(createI18n('ja').t, problem, 'email')).toBe('試行回数が多すぎます。42 秒後にもう一度お試しください。');
    expect(fieldMessage(createI18n('vi').t, problem, 'email')).toBe('Quá nhiều lần thử. Vui lòng thử lại sau 42 giây.');
  });

  it('reads a GraphQL error body sent with an HTTP error status (429)', () => {
    const body = JSON.stringify({ errors: [{ message: 'Too many', extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 7 } }] });
    const error = new ServerError('Response not successful', { response: new Response(body, { status: 429 }), bodyText: body });
    expect(problemFrom(error)).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 7 });
  });

  it('says search is unavailable, network down or something unknown, never a raw message', () => {
    const en = createI18n('en').t;
    expect(problemMessage(en, problemFromErrors([{ message: 'x', extensions: { code: 'SEARCH_UNAVAILABLE' } }]))).toMatch(
      /Search is unavailable/,
    );
    expect(problemMessage(en, problemFrom(new TypeError('Failed to fetch')))).toMatch(/No connection/);
    expect(problemMessage(en, problemFromErrors([{ message: 'db host x', extensions: { code: 'WHATEVER' } }]))).toBe(
      'Something went wrong. Please try again.',
    );
  });
});
