import http from 'node:http';
import { percentile } from './support.js';

/**
 * The load balancer of `bench:scale`: requests go round-robin over the API instances, and one whose
 * instance refused the connection (stopped, restarting) or closed it before answering (shutting
 * down) is sent once to the next instance, as Caddy's `lb_retries 1` does in docker/compose.yaml,
 * and that instance rests for 2 s (Caddy's passive check, `fail_duration`) before it gets requests again.
 * A write may be retried too: it carries the version it read, so a replay of one that had applied is
 * refused (CONFLICT), never applied twice.
 */
export class RoundRobinClient {
  private next = 0;
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 128 });
  /** Until when an instance that refused or dropped a connection gets no requests (Caddy's `fail_duration`). */
  private readonly restingUntil: number[];

  constructor(
    private readonly urls: string[],
    private readonly failDurationMs = 2000,
  ) {
    this.restingUntil = urls.map(() => 0);
  }

  /** POSTs a GraphQL body; retries once on another instance after a refused or dropped connection. */
  async post(body: string, headers: Record<string, string> = {}): Promise<Reply> {
    const first = this.pick();
    try {
      return await this.send(this.urls[first], body, headers);
    } catch (error) {
      if (!isDropped(error)) throw error;
      this.restingUntil[first] = Date.now() + this.failDurationMs;
      const retried = await this.send(this.urls[this.pick(first)], body, headers);
      return { ...retried, retriedAfter: (error as NodeJS.ErrnoException).code ?? 'dropped' };
    }
  }

  /** The next instance in turn that is not resting (any, when all are), other than `except`. */
  private pick(except?: number): number {
    const now = Date.now();
    for (let tries = 0; tries < this.urls.length; tries += 1) {
      const candidate = this.next++ % this.urls.length;
      if (candidate !== except && this.restingUntil[candidate] <= now) return candidate;
    }
    return except === undefined ? this.next++ % this.urls.length : (except + 1) % this.urls.length;
  }

  close(): void {
    this.agent.destroy();
  }

  private send(url: string, body: string, headers: Record<string, string>): Promise<Reply> {
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const request = http.request(
        `${url}/graphql`,
        {
          method: 'POST',
          agent: this.agent,
          timeout: 30000,
          headers: { 'content-type': 'application/json', 'accept-encoding': 'identity', ...headers },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              body: Buffer.concat(chunks).toString('utf8'),
              retryAfter: response.headers['retry-after'],
              ms: performance.now() - started,
            }),
          );
          response.on('error', reject);
        },
      );
      request.on('timeout', () => request.destroy(Object.assign(new Error('timed out'), { code: 'TIMEOUT' })));
      request.on('error', reject);
      request.end(body);
    });
  }
}

export interface Reply {
  status: number;
  body: string;
  retryAfter?: string;
  ms: number;
  /** Set when the first instance refused or dropped the connection and this answer came from the next. */
  retriedAfter?: string;
}

/** Refused (nothing listens), reset or closed before an answer: the request did not reach a live instance's resolvers. */
function isDropped(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'EPIPE' || (error as Error).message === 'socket hang up';
}

/** What the load saw, by kind of request: answers, declared refusals and errors by kind. */
export class Tally {
  readonly latencies: number[] = [];
  requests = 0;
  ok = 0;
  shed = 0;
  /** Answers that needed the retry: the failure it absorbed, by its code. */
  readonly absorbed: Record<string, number> = {};
  /** Errors the retry did not absorb, by kind (GraphQL code, HTTP status, transport code). */
  readonly errors: Record<string, number> = {};
  readonly samples: string[] = [];

  record(kind: string, outcome: { reply?: Reply; error?: unknown }): 'ok' | 'shed' | 'replayed' | 'error' {
    this.requests += 1;
    const { reply, error } = outcome;
    if (reply?.retriedAfter) this.absorbed[reply.retriedAfter] = (this.absorbed[reply.retriedAfter] ?? 0) + 1;
    if (!reply) return this.fail(kind, (error as NodeJS.ErrnoException).code ?? (error as Error).message, String(error));
    const errors = parseErrors(reply.body);
    if (reply.status === 503 && reply.retryAfter && errors.length && errors.every((e) => e.code === 'SEARCH_UNAVAILABLE')) {
      this.shed += 1;
      return 'shed';
    }
    if (reply.retriedAfter && kind === 'write' && errors[0]?.code === 'CONFLICT') {
      // The first instance applied the write and dropped the connection before answering: the replay
      // is refused, not applied twice. Not an error; the writer re-reads its version.
      this.absorbed['write replayed after it had applied (refused)'] =
        (this.absorbed['write replayed after it had applied (refused)'] ?? 0) + 1;
      return 'replayed';
    }
    if (reply.status !== 200 || errors.length)
      return this.fail(kind, errors[0]?.code ?? `HTTP ${reply.status}`, `${reply.status} ${reply.body.slice(0, 240)}`);
    this.ok += 1;
    this.latencies.push(reply.ms);
    return 'ok';
  }

  summary(seconds: number): {
    requests: number;
    ok: number;
    shed: number;
    errors: number;
    throughput: number;
    p50: number;
    p95: number;
    p99: number;
  } {
    const sorted = [...this.latencies].sort((a, b) => a - b);
    return {
      requests: this.requests,
      ok: this.ok,
      shed: this.shed,
      errors: Object.values(this.errors).reduce((sum, n) => sum + n, 0),
      throughput: this.ok / seconds,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
    };
  }

  private fail(kind: string, what: string, sample: string): 'error' {
    this.errors[what] = (this.errors[what] ?? 0) + 1;
    if (this.samples.length < 5) this.samples.push(`${kind}: ${sample}`);
    return 'error';
  }
}

function parseErrors(body: string): { code?: string }[] {
  try {
    return ((JSON.parse(body) as { errors?: { extensions?: { code?: string } }[] }).errors ?? []).map((e) => ({
      code: e.extensions?.code,
    }));
  } catch {
    return [{ code: 'NOT_JSON' }];
  }
}
