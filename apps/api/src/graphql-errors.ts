import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { DomainError, ErrorCode, logger, requestContext } from '#libs/core';
import { isDatabaseUnavailable } from '#libs/database';

/** Codes Apollo and graphql-js produce for malformed requests; their messages are safe to show. */
const CLIENT_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE', 'BAD_REQUEST']);

/**
 * The one place where errors become what a client sees. Domain errors keep their code, message and
 * details; anything else is logged in full and answered with a generic message and the request id,
 * so a database's text or a stack trace never reaches the client.
 */
export function formatGraphqlError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const requestId = requestContext.getStore()?.requestId;
  if (original instanceof DomainError) {
    return {
      message: original.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: original.code, ...original.details, ...(requestId ? { requestId } : {}) },
    };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && CLIENT_CODES.has(code)) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions: { ...extensions, ...(requestId ? { requestId } : {}) } };
  }
  if (isDatabaseUnavailable(original)) {
    logger.emit('error', 'database unavailable', { error: original }, 'GraphQL');
    return {
      message: `The database is unavailable; try again shortly (request ${requestId ?? 'n/a'})`,
      path: formatted.path,
      extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, requestId },
    };
  }
  logger.emit('error', 'unhandled error in a GraphQL operation', { error: original, path: formatted.path }, 'GraphQL');
  return {
    message: `Internal server error (request ${requestId ?? 'n/a'})`,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
  };
}
