import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { logger, requestContext } from '#libs/core';

const INCOMING_ID = /^[A-Za-z0-9_\-.]{8,64}$/;

/**
 * Gives every request an id (a well-formed incoming X-Request-Id is kept) and logs it once done,
 * or once the client went away before the answer was sent (status 499, as nginx logs it), so a
 * client that gives up on a slow request still leaves a line.
 */
export function requestIdMiddleware(req: Request, res: Response, next: NextFunction): void {
  const incoming = req.header('x-request-id');
  const requestId = incoming && INCOMING_ID.test(incoming) ? incoming : randomUUID();
  res.setHeader('X-Request-Id', requestId);
  const started = process.hrtime.bigint();
  res.on('close', () => {
    const ms = Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10;
    const operation = operationOf(req);
    const fields = { method: req.method, path: pathOf(req), ...(operation ? { operation } : {}), ms };
    requestContext.run({ requestId }, () => {
      if (!res.writableFinished) logger.emit('warn', 'request aborted by the client', { ...fields, status: 499 }, 'HTTP');
      else logger.emit(levelOf(res), 'request', { ...fields, status: res.statusCode }, 'HTTP');
    });
  });
  requestContext.run({ requestId }, () => next());
}

/** A GraphQL request's operation name ("MatchSuppliers"), when it sends a plain one: which request was slow. */
function operationOf(req: Request): string | undefined {
  const name: unknown = (req.body as { operationName?: unknown } | undefined)?.operationName;
  return typeof name === 'string' && OPERATION_NAME.test(name) ? name : undefined;
}
const OPERATION_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;

/**
 * A 5xx is an error, except a 503 with Retry-After: a declared refusal (search over capacity or
 * Meilisearch down) whose cause its component logs, a few lines for a flood, not one per request.
 */
function levelOf(res: Response): 'info' | 'error' {
  return res.statusCode >= 500 && !(res.statusCode === 503 && res.hasHeader('retry-after')) ? 'error' : 'info';
}

/**
 * The path the client asked for (`req.path` is relative to where the middleware is mounted, so it
 * read "/"), without the query string: a GET /graphql query string may carry variables, passwords too.
 */
function pathOf(req: Request): string {
  return req.originalUrl.split('?')[0];
}
