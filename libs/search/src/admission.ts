/**
 * Admission control for search and matching: at most `maxConcurrent` of them run at once, the rest
 * wait in a FIFO queue, and a request that cannot start within `queueTimeoutMs` is refused at once
 * (shed) instead of queueing in front of Meilisearch until its client gives up. Pure: no Nest, no
 * I/O; the clock is injectable.
 */
export interface AdmissionOptions {
  /** Requests running at once (the rest queue). */
  maxConcurrent: number;
  /** Requests waiting at most; one more is shed at once. */
  maxQueue: number;
  /** Longest wait for a slot: a request predicted to wait longer is shed on arrival, one that did is shed then. */
  queueTimeoutMs: number;
}

/** Why a request was refused. */
export type ShedReason = 'QUEUE_FULL' | 'PREDICTED_WAIT' | 'WAITED_TOO_LONG';

export interface Shed {
  reason: ShedReason;
  /** When a retry may find a free slot: the queue's predicted wait, at least 1 s. */
  retryAfterSeconds: number;
  /** Requests waiting when this one was refused. */
  queued: number;
}

/** A refused request: no work of it ran. */
export class AdmissionRefused extends Error {
  constructor(readonly shed: Shed) {
    super(`refused by admission control (${shed.reason})`);
    this.name = 'AdmissionRefused';
  }
}

interface Waiter {
  admit(): void;
  timer: ReturnType<typeof setTimeout>;
}

/** Weight of the newest service time in the moving average. */
const SMOOTHING = 0.2;

export class AdmissionLimiter {
  private running = 0;
  private readonly queue: Waiter[] = [];
  /** Exponentially weighted mean time a request holds a slot; unknown until one has finished. */
  private serviceMs: number | undefined;

  constructor(
    readonly options: AdmissionOptions,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Runs `work` when a slot is free; throws AdmissionRefused (without calling it) when the wait cannot be met. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.acquire();
    const started = this.now();
    try {
      return await work();
    } finally {
      this.release(this.now() - started);
    }
  }

  /** What is running and waiting now, and the measured service time (for logs and tests). */
  state(): { running: number; queued: number; serviceMs: number | undefined } {
    return { running: this.running, queued: this.queue.length, serviceMs: this.serviceMs };
  }

  /** How long the request at `position` in the queue (1 = next) is expected to wait for a slot. */
  predictedWaitMs(position: number): number {
    return this.serviceMs === undefined ? 0 : (position * this.serviceMs) / this.options.maxConcurrent;
  }

  private acquire(): Promise<void> {
    const { maxConcurrent, maxQueue, queueTimeoutMs } = this.options;
    if (this.running < maxConcurrent && this.queue.length === 0) {
      this.running += 1;
      return Promise.resolve();
    }
    if (this.queue.length >= maxQueue) return Promise.reject(this.refusal('QUEUE_FULL'));
    if (this.predictedWaitMs(this.queue.length + 1) > queueTimeoutMs) return Promise.reject(this.refusal('PREDICTED_WAIT'));
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        admit: resolve,
        timer: setTimeout(() => {
          const at = this.queue.indexOf(waiter);
          if (at < 0) return;
          this.queue.splice(at, 1);
          reject(this.refusal('WAITED_TOO_LONG'));
        }, queueTimeoutMs),
      };
      this.queue.push(waiter);
    });
  }

  private release(heldMs: number): void {
    this.serviceMs = this.serviceMs === undefined ? heldMs : this.serviceMs * (1 - SMOOTHING) + heldMs * SMOOTHING;
    const next = this.queue.shift();
    if (!next) {
      this.running -= 1;
      return;
    }
    clearTimeout(next.timer);
    next.admit(); // the slot passes to the oldest waiter
  }

  private refusal(reason: ShedReason): AdmissionRefused {
    const queued = this.queue.length;
    const retryAfterSeconds = Math.max(1, Math.ceil(this.predictedWaitMs(queued + 1) / 1000));
    return new AdmissionRefused({ reason, retryAfterSeconds, queued });
  }
}
