import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { logger, requestContext } from '#libs/core';

const INCOMING_ID = /^[A-Za-z0-9_\-.]{8,64}$/;

/** Gives every request an id (a well-formed incoming X-Request-Id is kept), logs it once done. */
export function requestIdMiddleware(req: Request, res: Response, next: NextFunction): void {
  const incoming = req.header('x-request-id');
  const requestId = incoming && INCOMING_ID.test(incoming) ? incoming : randomUUID();
  res.setHeader('X-Request-Id', requestId);
  const started = process.hrtime.bigint();
  res.on('finish', () => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    requestContext.run({ requestId }, () =>
      logger.emit(res.statusCode >= 500 ? 'error' : 'info', 'request', { method: req.method, path: pathOf(req), status: res.statusCode, ms: Math.round(ms * 10) / 10 }, 'HTTP'),
    );
  });
  requestContext.run({ requestId }, () => next());
}

/**
 * The path the client asked for (`req.path` is relative to where the middleware is mounted, so it
 * read "/"), without the query string: a GET /graphql query string may carry variables, passwords too.
 */
function pathOf(req: Request): string {
  return req.originalUrl.split('?')[0]!;
}
