/**
 * Domain errors. Services throw these (never HTTP exceptions); the GraphQL error formatter maps
 * each code to the `extensions.code` a client sees, in one place.
 */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  RATE_LIMITED = 'RATE_LIMITED',
  /** An operation over the depth, alias, cost or token limit (HTTP 400). */
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  SEARCH_UNAVAILABLE = 'SEARCH_UNAVAILABLE',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
}

/** One invalid field: its path in the input (e.g. `input.certifications.0.validUntil`) and why. */
export interface FieldError {
  field: string;
  reason: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export class ValidationFailed extends DomainError {
  constructor(readonly fieldErrors: FieldError[]) {
    super(
      ErrorCode.BAD_USER_INPUT,
      fieldErrors.length === 1
        ? `Invalid value for ${fieldErrors[0].field}: ${fieldErrors[0].reason}`
        : `${fieldErrors.length} invalid fields: ${fieldErrors.map((e) => e.field).join(', ')}`,
      { fieldErrors },
    );
  }

  static of(field: string, reason: string): ValidationFailed {
    return new ValidationFailed([{ field, reason }]);
  }
}

export class Unauthenticated extends DomainError {
  constructor(message = 'You must be signed in to do this') {
    super(ErrorCode.UNAUTHENTICATED, message);
  }
}

export class Forbidden extends DomainError {
  constructor(message = 'You are not allowed to do this') {
    super(ErrorCode.FORBIDDEN, message);
  }
}

export class NotFound extends DomainError {
  constructor(what: string, id: string) {
    super(ErrorCode.NOT_FOUND, `${what} ${id} was not found`, { id });
  }
}

export class VersionConflict extends DomainError {
  constructor(what: string, id: string, expected: number, actual: number) {
    super(
      ErrorCode.CONFLICT,
      `${what} ${id} was changed by someone else (you edited version ${expected}, it is now at version ${actual}); reload and try again`,
      { id, expectedVersion: expected, currentVersion: actual },
    );
  }
}

export class RateLimited extends DomainError {
  constructor(retryAfterSeconds: number) {
    super(ErrorCode.RATE_LIMITED, `Too many attempts; try again in ${retryAfterSeconds} s`, { retryAfterSeconds });
  }
}
