import { Catch, type ArgumentsHost } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';

/**
 * In GraphQL, hands every error to Apollo untouched: `formatGraphqlError` is the one place that
 * maps and logs them (expected domain errors are not logged as failures). HTTP routes keep Nest's
 * default handling. The error is rethrown, not returned: what a filter returns becomes the
 * resolver's value, and graphql-js takes a returned value for an error only when it is an `Error`
 * instance (a thrown string or plain object would otherwise be answered as data).
 */
@Catch()
export class GraphqlExceptionFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() === 'graphql') throw exception;
    return super.catch(exception, host);
  }
}
