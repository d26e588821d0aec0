import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import express from 'express';
import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { logger } from '#libs/core';
import { requestIdMiddleware } from './request-id.middleware.js';

describe('request logging', () => {
  let server: Server;
  let port: number;
  const emitted: { level: string; message: string; fields: Record<string, unknown> }[] = [];

  beforeAll(async () => {
    const app = express();
    app.use(requestIdMiddleware);
    app.get('/quick', (_req, res) => void res.json({ ok: true }));
    app.get('/slow', () => undefined); // never answers: the client gives up
    app.get('/refused', (_req, res) => void res.status(503).setHeader('retry-after', '2').json({ busy: true }));
    app.get('/broken', (_req, res) => void res.status(503).json({ broken: true }));
    app.post('/graphql', express.json(), (_req, res) => void res.json({ data: {} }));
    server = app.listen(0);
    await new Promise((resolve) => server.once('listening', resolve));
    port = (server.address() as AddressInfo).port;
    jest.spyOn(logger, 'emit').mockImplementation((level, message, fields = {}) => void emitted.push({ level, message, fields }));
  });
  afterEach(() => void emitted.splice(0));
  afterAll(async () => {
    jest.restoreAllMocks();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const until = async (check: () => boolean) => {
    for (let i = 0; i < 100 && !check(); i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
  };

  it('logs a finished request once, without its query string', async () => {
    await new Promise((resolve) =>
      httpRequest({ host: '127.0.0.1', port, path: '/quick?password=x', agent: false }, (res) => res.resume().on('end', resolve)).end(),
    );
    await until(() => emitted.length > 0);
    expect(emitted).toEqual([
      { level: 'info', message: 'request', fields: expect.objectContaining({ method: 'GET', path: '/quick', status: 200 }) },
    ]);
  });

  it("names a GraphQL request's operation (a plain name only, never anything else of the body)", async () => {
    const post = (body: unknown) =>
      new Promise((resolve) => {
        const req = httpRequest(
          { host: '127.0.0.1', port, path: '/graphql', method: 'POST', headers: { 'content-type': 'application/json' }, agent: false },
          (res) => res.resume().on('end', resolve),
        );
        req.end(JSON.stringify(body));
      });
    await post({ operationName: 'MatchSuppliers', query: 'query MatchSuppliers { x }', variables: { password: 'x' } });
    await post({ operationName: 'not a name; drop table', query: '{ x }' });
    await post({ query: '{ x }' });
    await until(() => emitted.length > 2);
    expect(emitted.map((e) => e.fields)).toEqual([
      expect.objectContaining({ path: '/graphql', operation: 'MatchSuppliers', status: 200 }),
      expect.not.objectContaining({ operation: expect.anything() }),
      expect.not.objectContaining({ operation: expect.anything() }),
    ]);
    expect(JSON.stringify(emitted)).not.toContain('password');
  });

  it('logs a request the client aborted before the answer, as 499', async () => {
    const req = httpRequest({ host: '127.0.0.1', port, path: '/slow', agent: false });
    req.on('error', () => undefined);
    req.end();
    await new Promise((resolve) => setTimeout(resolve, 100));
    req.destroy();
    await until(() => emitted.length > 0);
    expect(emitted).toEqual([
      { level: 'warn', message: 'request aborted by the client', fields: expect.objectContaining({ path: '/slow', status: 499 }) },
    ]);
  });

  it('logs a declared refusal (503 with Retry-After) at info, any other 5xx as an error', async () => {
    for (const path of ['/refused', '/broken'])
      await new Promise((resolve) =>
        httpRequest({ host: '127.0.0.1', port, path, agent: false }, (res) => res.resume().on('end', resolve)).end(),
      );
    await until(() => emitted.length > 1);
    expect(emitted.map((e) => [e.fields.path, e.level])).toEqual([
      ['/refused', 'info'],
      ['/broken', 'error'],
    ]);
  });
});
