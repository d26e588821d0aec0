import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';

/** Error codes the API puts in `extensions.code` (README "Errors"), plus NETWORK for no answer at all. */
export const API_ERROR_CODES = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'QUERY_TOO_COMPLEX',
  'SEARCH_UNAVAILABLE',
  'SERVICE_UNAVAILABLE',
  'NETWORK',
  'UNKNOWN',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** Field-level messages the app can say in every language; anything else falls back to `invalid`. */
export const FIELD_MESSAGE_KEYS = [
  'required',
  'email',
  'passwordTooShort',
  'emailTaken',
  'invalidCredentials',
  'tooLong',
  'taxCodeTaken',
  'taxCodeCheckDigit',
  'taxCodeFormat',
  'unknownCode',
  'listedTwice',
  'notADate',
  'dateOrder',
  'inFuture',
  'outOfRange',
  'claimFormat',
  'claimNoMatch',
  'claimUsed',
  'claimReplaced',
  'claimExpired',
  'invalid',
] as const;
export type FieldMessageKey = (typeof FIELD_MESSAGE_KEYS)[number];

export interface FieldProblem {
  /** The form field it belongs to: the API's path without `input.` (e.g. `email`, `certifications.0.validUntil`). */
  field: string;
  key: FieldMessageKey;
  /** Interpolation values for the message (e.g. seconds to wait). */
  values?: Record<string, string | number>;
  /** RATE_LIMITED shown on a field: the message comes from `errors.RATE_LIMITED`. */
  code?: 'RATE_LIMITED';
}

/** What the UI shows for one failed request: a code for the whole form, and problems per field. */
export interface ApiProblem {
  code: ApiErrorCode;
  retryAfterSeconds?: number;
  fields: FieldProblem[];
}

interface RawError {
  message?: string;
  extensions?: Record<string, unknown>;
}

/** The API's English reasons, read into the app's message keys (the one place that knows their wording). */
const REASONS: Array<[RegExp, FieldMessageKey]> = [
  // Claim codes (libs/companies: supplier-claims.ts)
  [/is not a claim code/i, 'claimFormat'],
  [/matches no claim code/i, 'claimNoMatch'],
  [/has already been used/i, 'claimUsed'],
  [/replaced by a newer code/i, 'claimReplaced'],
  [/^has expired/i, 'claimExpired'],
  // Company profiles (libs/companies: tax-code.ts TAX_CODE_REASONS, profile-rules.ts); the specific ones first.
  [/already registered to another (supplier|buyer)/i, 'taxCodeTaken'],
  [/check digit/i, 'taxCodeCheckDigit'],
  [/must be 10 digits|digits 3 to 9|branch suffix/i, 'taxCodeFormat'],
  [/^unknown .* code/i, 'unknownCode'],
  [/more than once/i, 'listedTwice'],
  [/not a real calendar date|must be a valid ISO 8601 date|YYYY-MM-DD/i, 'notADate'],
  [/must not be before/i, 'dateOrder'],
  [/must not be in the future/i, 'inFuture'],
  [/must not be (less|greater) than|must be (a positive|between)/i, 'outOfRange'],
  [/should not be empty|is required|must not be empty|must be given|longer than or equal to 1 characters/i, 'required'],
  [/must be an email|valid email|not an email/i, 'email'],
  [/at least 10 characters|longer than or equal to 10|too short/i, 'passwordTooShort'],
  [/already (registered|exists|taken|in use)/i, 'emailTaken'],
  [/shorter than or equal|too long|at most \d+ characters/i, 'tooLong'],
];

export function fieldMessageKey(reason: string): FieldMessageKey {
  return REASONS.find(([pattern]) => pattern.test(reason))?.[1] ?? 'invalid';
}

function isApiCode(code: unknown): code is ApiErrorCode {
  return typeof code === 'string' && (API_ERROR_CODES as readonly string[]).includes(code);
}

/** Reads the first error of a response into an ApiProblem. `emailField` names the field rate limits of sign-in land on. */
export function problemFromErrors(errors: readonly RawError[], options: { rateLimitField?: string } = {}): ApiProblem {
  const first = errors[0];
  const rawCode = first?.extensions?.code;
  const code: ApiErrorCode = isApiCode(rawCode) ? rawCode : 'UNKNOWN';
  const retry = first?.extensions?.retryAfterSeconds;
  const retryAfterSeconds = typeof retry === 'number' ? retry : undefined;
  const fields: FieldProblem[] = [];
  if (code === 'BAD_USER_INPUT' && Array.isArray(first?.extensions?.fieldErrors)) {
    for (const item of first.extensions.fieldErrors as Array<{ field?: unknown; reason?: unknown }>) {
      if (typeof item.field !== 'string') continue;
      fields.push({ field: item.field.replace(/^input\./, ''), key: fieldMessageKey(typeof item.reason === 'string' ? item.reason : '') });
    }
  }
  if (code === 'RATE_LIMITED' && options.rateLimitField) {
    fields.push({ field: options.rateLimitField, key: 'invalid', code: 'RATE_LIMITED', values: { seconds: retryAfterSeconds ?? 60 } });
  }
  return { code, retryAfterSeconds, fields };
}

/** Any error Apollo hands us (GraphQL errors, an HTTP error with a GraphQL body, no network). */
export function problemFrom(error: unknown, options: { rateLimitField?: string } = {}): ApiProblem {
  if (CombinedGraphQLErrors.is(error)) return problemFromErrors(error.errors, options);
  if (ServerError.is(error)) {
    try {
      const body = JSON.parse(error.bodyText) as { errors?: RawError[] };
      if (body.errors?.length) return problemFromErrors(body.errors, options);
    } catch {
      // not JSON: fall through
    }
    return { code: error.statusCode === 429 ? 'RATE_LIMITED' : error.statusCode >= 500 ? 'SERVICE_UNAVAILABLE' : 'UNKNOWN', fields: [] };
  }
  if (error instanceof TypeError) return { code: 'NETWORK', fields: [] };
  return { code: 'UNKNOWN', fields: [] };
}
