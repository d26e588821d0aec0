import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError, Kind, parse, visit } from 'graphql';
import { DomainError, ErrorCode, InvalidLocalDate, logger, requestContext, ThrottledLog, ValidationFailed } from '#libs/core';
import { isDatabaseUnavailable } from '#libs/database';

/** Codes Apollo, graphql-js and the operation limits produce for malformed requests; their messages are safe to show. */
const CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
  ErrorCode.QUERY_TOO_COMPLEX,
]);

/** graphql-js's message when a document is over the parser's `maxTokens` (16.x spells it "more that"). */
const TOO_MANY_TOKENS = /^Syntax Error: Document contains more tha[nt] (\d+) tokens\./;

/**
 * graphql-js errors about the client's arguments that carry no code, so Apollo does not tag them
 * BAD_USER_INPUT: the one it adds after 50 variable errors, and the ones it raises while executing
 * a field, e.g. an explicit null variable for a non-null argument that has a default
 * (`query($n: Int) { inbox(first: $n) { id } }` with `{"n": null}`).
 */
const UNTAGGED_INPUT_ERRORS = [
  /^Too many errors processing variables, error limit reached\. Execution aborted\.$/,
  /^Argument "\w+" of (non-null|required) type "[^"]+" (must not be null|was not provided|was provided the variable "\$\w+" which was not provided a runtime value)\.$/,
  /^Argument "\w+" has invalid value /,
];

/** graphql-js's hints at names a client got wrong ("Did you mean …?"): schema details production does not give away. */
const SUGGESTION = / ?Did you mean .+\?$/;

export interface ErrorFormatOptions {
  /** Drop "Did you mean …?" hints (production: without introspection they would reveal the schema). */
  hideSuggestions: boolean;
}

/**
 * The one place where errors become what a client sees. Domain errors keep their code, message and
 * details; anything else is logged in full and answered with a generic message and the request id,
 * so a database's text or a stack trace never reaches the client.
 */
export function graphqlErrorFormatter(
  options: ErrorFormatOptions,
): (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError {
  return (formatted, error) => formatGraphqlError(formatted, error, options);
}

export function formatGraphqlError(
  formatted: GraphQLFormattedError,
  error: unknown,
  options: ErrorFormatOptions = { hideSuggestions: false },
): GraphQLFormattedError {
  const requestId = requestContext.getStore()?.requestId;
  const original = scalarInputError(error) ?? unwrapResolverError(error);
  if (original instanceof DomainError) {
    return {
      message: original.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: original.code, ...original.details, ...(requestId ? { requestId } : {}) },
    };
  }
  const tokenLimit = formatted.extensions?.code === 'GRAPHQL_PARSE_FAILED' ? TOO_MANY_TOKENS.exec(formatted.message) : null;
  if (tokenLimit) {
    const max = Number(tokenLimit[1]);
    return {
      message: `The operation is too complex: the document has more than ${max} tokens, at most ${max} are allowed`,
      extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, limit: 'tokens', max, ...(requestId ? { requestId } : {}) },
    };
  }
  if (
    original instanceof GraphQLError &&
    !original.originalError &&
    UNTAGGED_INPUT_ERRORS.some((pattern) => pattern.test(original.message))
  ) {
    return {
      message: formatted.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'BAD_USER_INPUT', ...(requestId ? { requestId } : {}) },
    };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && CLIENT_CODES.has(code)) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    const message = options.hideSuggestions ? formatted.message.replace(SUGGESTION, '') : formatted.message;
    return { ...formatted, message, extensions: { ...extensions, ...(requestId ? { requestId } : {}) } };
  }
  if (isDatabaseUnavailable(original)) {
    // an outage or a pool with no free connection under overload: a flood of requests leaves a line every 10 s
    databaseUnavailableLog.note((occurrences, sinceMs) =>
      logger.emit('error', 'database unavailable', { error: original, occurrences, sinceMs }, 'GraphQL'),
    );
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

/** An error and the errors it wraps (Apollo wraps graphql-js's, which wraps the scalar's). */
function causes(error: unknown): Error[] {
  const chain: Error[] = [];
  for (let cause = error; cause instanceof Error && chain.length < 5; cause = (cause as GraphQLError).originalError ?? undefined)
    chain.push(cause);
  return chain;
}

/**
 * A scalar's refusal of an argument (a LocalDate that is not a day) as the same BAD_USER_INPUT with
 * `fieldErrors` the validation pipe gives: graphql-js says where the value was only in its message
 * (a variable: `… at "input.certifications[0].validUntil"`) or by the literal's position.
 */
function scalarInputError(error: unknown): ValidationFailed | undefined {
  const chain = causes(error);
  const cause = chain.find((e): e is InvalidLocalDate => e instanceof InvalidLocalDate);
  if (!cause) return undefined;
  const wrappers = chain.filter((e): e is GraphQLError => e instanceof GraphQLError);
  const variable = wrappers.map((e) => /^Variable "\$(\w+)" got invalid value .*?(?: at "([^"]+)")?; /s.exec(e.message)).find(Boolean);
  const field = variable
    ? (variable[2] ?? variable[1]).replace(/\[(\d+)\]/g, '.$1')
    : (wrappers.map(literalPath).find(Boolean) ?? 'argument');
  return ValidationFailed.of(field, cause.reason);
}

/** The argument path (`input.certifications.0.validUntil`) of the literal a validation error points at. */
function literalPath(error: GraphQLError): string | undefined {
  const position = error.positions?.[0];
  if (!error.source || position === undefined) return undefined;
  const names: string[] = [];
  let found: string | undefined;
  visit(parse(error.source), {
    enter(node, key, _parent, _path, ancestors) {
      if (found) return false;
      const holder = ancestors.at(-1);
      const name =
        node.kind === Kind.ARGUMENT || node.kind === Kind.OBJECT_FIELD
          ? node.name.value
          : typeof key === 'number' && holder && !Array.isArray(holder) && (holder as { kind?: string }).kind === Kind.LIST
            ? String(key)
            : undefined;
      names.push(name ?? '');
      if (node.loc?.start === position && names.some(Boolean)) found = names.filter(Boolean).join('.');
      return undefined;
    },
    leave() {
      names.pop();
    },
  });
  return found;
}

const databaseUnavailableLog = new ThrottledLog();

/** Errors that set the HTTP status of a GraphQL answer, with a Retry-After header; the first listed wins. */
const STATUS_OF: [ErrorCode, number][] = [
  [ErrorCode.RATE_LIMITED, 429],
  [ErrorCode.SEARCH_UNAVAILABLE, 503],
  [ErrorCode.SERVICE_UNAVAILABLE, 503],
];

/** Retry-After for an answer that failed on PostgreSQL being unreachable or out of free connections. */
export const DATABASE_RETRY_AFTER_SECONDS = 2;

/**
 * RATE_LIMITED answers with HTTP 429, SEARCH_UNAVAILABLE (Meilisearch down or too slow, or the
 * API over capacity) and SERVICE_UNAVAILABLE (PostgreSQL unreachable, or no pool connection within
 * DB_CONNECT_TIMEOUT_MS under overload) with 503, each with a Retry-After header (the longest wait
 * any failed field asks for), so HTTP clients, load balancers and proxies back off without reading
 * the body.
 */
export function retryStatusPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ errors, response }) {
          let retryAfter = 0;
          let first = STATUS_OF.length;
          for (const error of errors ?? []) {
            const original = unwrapResolverError(error);
            const database = !(original instanceof DomainError) && isDatabaseUnavailable(original);
            if (!(original instanceof DomainError) && !database) continue;
            const code = database ? ErrorCode.SERVICE_UNAVAILABLE : (original as DomainError).code;
            const rank = STATUS_OF.findIndex(([status]) => status === code);
            if (rank < 0) continue;
            first = Math.min(first, rank);
            const wait = database ? DATABASE_RETRY_AFTER_SECONDS : Number((original as DomainError).details.retryAfterSeconds) || 1;
            retryAfter = Math.max(retryAfter, wait);
          }
          if (first === STATUS_OF.length) return;
          response.http.status = STATUS_OF[first][1];
          response.http.headers.set('retry-after', String(retryAfter));
        },
      };
    },
  };
}
