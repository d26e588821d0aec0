import type { RequestHandler, Response } from 'express';
import { graphqlUploadExpress } from 'graphql-upload-minimal';
import { actorOfRequest, type AuthService, requireAdmin } from '#libs/accounts';
import { DomainError, ErrorCode } from '#libs/core';

/** Bytes of a size written like BODY_LIMIT: `200kb`, `20mb`. */
export function sizeInBytes(size: string): number {
  const match = /^(\d+)(kb|mb)$/i.exec(size.trim());
  if (!match) throw new TypeError(`not a size: ${size}`);
  return Number(match[1]) * (match[2].toLowerCase() === 'kb' ? 1024 : 1024 * 1024);
}

const STATUS: Partial<Record<string, number>> = { [ErrorCode.UNAUTHENTICATED]: 401, [ErrorCode.FORBIDDEN]: 403 };

/**
 * Parses GraphQL multipart requests (file uploads) on the GraphQL path: one file of at most
 * `limit`. Only the registry import takes a file, and only ADMIN may call it: a multipart request
 * is refused (401 UNAUTHENTICATED / 403 FORBIDDEN, `Connection: close`) from its headers alone,
 * before a byte of its body is read. JSON requests pass through untouched and stay capped by
 * BODY_LIMIT.
 */
export function registryUploadMiddleware(limit: string, auth: AuthService): RequestHandler {
  const parse = graphqlUploadExpress({ maxFileSize: sizeInBytes(limit), maxFiles: 1, maxFieldSize: 64 * 1024 });
  return (req, res, next) => {
    if (!req.is('multipart/form-data')) return next();
    actorOfRequest(auth, req)
      .then((actor) => requireAdmin(actor))
      .then(
        () => parse(req, res, next),
        (error: unknown) => (error instanceof DomainError ? refuse(res, error) : next(error)),
      );
  };
}

function refuse(res: Response, error: DomainError): void {
  const requestId = res.getHeader('x-request-id');
  // Closing the connection once answered keeps Node from reading (and discarding) the rest of the body.
  res.setHeader('connection', 'close');
  res
    .status(STATUS[error.code] ?? 400)
    .json({ errors: [{ message: error.message, extensions: { code: error.code, ...(requestId ? { requestId } : {}) } }] });
}
