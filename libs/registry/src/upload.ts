import type { RequestHandler } from 'express';
import { graphqlUploadExpress } from 'graphql-upload-minimal';

/** Bytes of a size written like BODY_LIMIT: `200kb`, `20mb`. */
export function sizeInBytes(size: string): number {
  const match = /^(\d+)(kb|mb)$/i.exec(size.trim());
  if (!match) throw new TypeError(`not a size: ${size}`);
  return Number(match[1]) * (match[2]!.toLowerCase() === 'kb' ? 1024 : 1024 * 1024);
}

/**
 * Parses GraphQL multipart requests (file uploads) on the GraphQL path: one file of at most
 * `limit`. JSON requests pass through untouched and stay capped by BODY_LIMIT.
 */
export function registryUploadMiddleware(limit: string): RequestHandler {
  return graphqlUploadExpress({ maxFileSize: sizeInBytes(limit), maxFiles: 1, maxFieldSize: 64 * 1024 }) as RequestHandler;
}
