import { Catch, type ArgumentsHost } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { Response } from 'express';
import { DomainError, ErrorCode, requestContext } from '#libs/core';
import { isDatabaseUnavailable } from '#libs/database';
import { DATABASE_RETRY_AFTER_SECONDS } from './graphql-errors.js';

/** HTTP status of each domain error code on plain HTTP routes (CSV downloads, health). */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.QUERY_TOO_COMPLEX]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.RATE_LIMITED]: 429,
  [ErrorCode.SEARCH_UNAVAILABLE]: 503,
  [ErrorCode.SERVICE_UNAVAILABLE]: 503,
};

/**
 * In GraphQL, hands every error to Apollo untouched: `formatGraphqlError` is the one place that
 * maps and logs them (expected domain errors are not logged as failures). The error is rethrown,
 * not returned: what a filter returns becomes the resolver's value, and graphql-js takes a returned
 * value for an error only when it is an `Error` instance. On HTTP routes a domain error becomes its
 * status and `{ error: { code, message, … } }`, PostgreSQL unavailable a 503 with Retry-After;
 * anything else keeps Nest's default handling (a masked 500).
 */
@Catch()
export class GraphqlExceptionFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() === 'graphql') throw exception;
    if (exception instanceof DomainError) {
      const res = host.switchToHttp().getResponse<Response>();
      const requestId = requestContext.getStore()?.requestId;
      if (typeof exception.details.retryAfterSeconds === 'number')
        res.setHeader('Retry-After', String(exception.details.retryAfterSeconds));
      res
        .status(HTTP_STATUS[exception.code])
        .json({ error: { code: exception.code, message: exception.message, ...exception.details, ...(requestId ? { requestId } : {}) } });
      return undefined;
    }
    if (isDatabaseUnavailable(exception)) {
      // as in GraphQL: PostgreSQL unreachable or no free connection is a declared refusal, not a 500
      const requestId = requestContext.getStore()?.requestId;
      const res = host.switchToHttp().getResponse<Response>();
      res.setHeader('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
      res.status(503).json({
        error: {
          code: ErrorCode.SERVICE_UNAVAILABLE,
          message: 'The database is unavailable; try again shortly',
          ...(requestId ? { requestId } : {}),
        },
      });
      return undefined;
    }
    return super.catch(exception, host);
  }
}
