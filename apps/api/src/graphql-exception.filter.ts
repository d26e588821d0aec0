import { Catch, type ArgumentsHost } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';

/**
 * In GraphQL, hands every error to Apollo untouched: `formatGraphqlError` is the one place that
 * maps and logs them (expected domain errors are not logged as failures). HTTP routes keep Nest's
 * default handling.
 */
@Catch()
export class GraphqlExceptionFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() === 'graphql') return exception;
    return super.catch(exception, host);
  }
}
