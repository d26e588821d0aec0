import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from '@jest/globals';
import { HttpDrain } from './http-drain.js';

/** A raw keep-alive client: what it received, and whether its connection was reset. */
function rawClient(port: number) {
  const socket: Socket = connect({ port, host: '127.0.0.1' });
  let received = '';
  let error: string | undefined;
  socket.on('data', (chunk) => (received += chunk.toString('latin1')));
  socket.on('error', (e: NodeJS.ErrnoException) => (error = e.code));
  const responses = () => received.split('HTTP/1.1 ').slice(1);
  return {
    socket,
    responses,
    error: () => error,
    send: (path: string) => socket.write(`GET ${path} HTTP/1.1\r\nHost: test\r\n\r\n`),
    waitFor: async (count: number) => {
      while (responses().length < count || !received.endsWith('done')) await new Promise((r) => setTimeout(r, 5));
    },
  };
}

const refused = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => resolve(!!socket.destroy()));
    socket.once('error', (e: NodeJS.ErrnoException) => resolve(e.code === 'ECONNREFUSED'));
  });

describe('HttpDrain', () => {
  let server: Server;
  afterEach(() => {
    server?.closeAllConnections();
    server?.close();
  });

  const start = async (handler: (path: string) => number) => {
    server = createServer((req, res) => {
      setTimeout(() => res.end('done'), handler(req.url ?? '/'));
    });
    const drain = new HttpDrain(server);
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return { drain, port: (server.address() as AddressInfo).port };
  };

  it('serves a request arriving on an idle keep-alive connection as the drain starts, and closes that connection after it', async () => {
    const { drain, port } = await start(() => 0);
    const client = rawClient(port);
    client.send('/first');
    await client.waitFor(1);
    expect(client.responses()[0]).toMatch(/^200 .*Connection: keep-alive/s);

    client.send('/second'); // written, not yet read by the server: it is reading in this very tick
    const drained = drain.drain({ quietMs: 50 });
    await once(client.socket, 'close');

    expect(client.error()).toBeUndefined(); // not reset
    expect(client.responses()).toHaveLength(2);
    expect(client.responses()[1]).toMatch(/^200 .*Connection: close/s);
    expect(await drained).toMatchObject({ graceful: true });
    expect(await refused(port)).toBe(true);
  });

  it('refuses new connections at once and lets a running request finish', async () => {
    const { drain, port } = await start((path) => (path === '/slow' ? 300 : 0));
    const client = rawClient(port);
    client.send('/slow');
    await new Promise((r) => setTimeout(r, 50));
    const drained = drain.drain({ quietMs: 50 });
    await new Promise((r) => setTimeout(r, 20));
    expect(await refused(port)).toBe(true);
    await once(client.socket, 'close');
    expect(client.error()).toBeUndefined();
    expect(client.responses()).toEqual([expect.stringMatching(/^200 .*Connection: close.*done$/s)]);
    expect((await drained).graceful).toBe(true);
  });

  it('cuts a request still running at the deadline', async () => {
    const { drain, port } = await start(() => 1500);
    const client = rawClient(port);
    client.send('/stuck');
    await new Promise((r) => setTimeout(r, 50));
    const drained = await drain.drain({ quietMs: 50, timeoutMs: 300 });
    expect(drained.graceful).toBe(false);
    expect(drained.ms).toBeLessThan(1000);
  });
});
