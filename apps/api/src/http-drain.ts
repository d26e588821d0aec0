import type { Server, ServerResponse } from 'node:http';
import { Server as NetServer } from 'node:net';

export interface DrainResult {
  /** False when requests were still running at the deadline and their connections were cut. */
  graceful: boolean;
  ms: number;
}

/**
 * Stops an HTTP server without cutting a request a client has sent. Closing it the usual way
 * (`server.close()`, or Apollo's drain plugin) destroys idle keep-alive connections at once and
 * ends the others right after their response, while a client may be writing its next request on
 * them: that request dies with a reset and the client cannot tell whether a mutation ran. Here:
 * stop listening (new connections are refused), answer everything still arriving on open
 * connections with `Connection: close` (so clients stop reusing them), and close the connections
 * left idle only once no request has been running for `quietMs`.
 */
export class HttpDrain {
  private readonly inFlight = new Set<ServerResponse>();
  private lastActivity = 0;
  private draining = false;

  constructor(private readonly server: Server) {
    server.on('request', (_req, res: ServerResponse) => {
      this.inFlight.add(res);
      this.lastActivity = Date.now();
      if (this.draining) res.setHeader('Connection', 'close');
      res.once('close', () => {
        this.inFlight.delete(res);
        this.lastActivity = Date.now();
      });
    });
  }

  get isDraining(): boolean {
    return this.draining;
  }

  async drain({ quietMs = 250, timeoutMs = 10000 }: { quietMs?: number; timeoutMs?: number } = {}): Promise<DrainResult> {
    const started = Date.now();
    this.draining = true;
    for (const res of this.inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
    // net.Server's close: stop listening, but leave idle keep-alive connections to us.
    const closed = new Promise<void>((resolve) => NetServer.prototype.close.call(this.server, () => resolve()));
    while (Date.now() - started < timeoutMs && (this.inFlight.size > 0 || Date.now() - this.lastActivity < quietMs)) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    let graceful = this.inFlight.size === 0;
    this.server.closeIdleConnections();
    if (!graceful) this.server.closeAllConnections();
    // A connection still half-way through sending a request gets until the deadline to finish it.
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(true), Math.max(0, timeoutMs - (Date.now() - started)));
    });
    if (await Promise.race([closed.then(() => false), late])) {
      graceful = false;
      this.server.closeAllConnections();
      await closed;
    }
    clearTimeout(timer);
    return { graceful, ms: Date.now() - started };
  }
}
