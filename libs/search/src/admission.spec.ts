import { describe, expect, it } from '@jest/globals';
import { AdmissionLimiter, AdmissionRefused } from './admission.js';

/** Work that finishes when the test says so. */
function gate() {
  let open: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (open = resolve));
  return { done, open };
}

/** A clock the test moves by hand. */
function manualClock() {
  let t = 0;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

const tick = () => new Promise((r) => setImmediate(r));

async function refusalOf(promise: Promise<unknown>): Promise<AdmissionRefused> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AdmissionRefused)) throw new Error(`expected a refusal, got ${String(error)}`);
  return error;
}

describe('AdmissionLimiter', () => {
  it('runs at most maxConcurrent at once and admits waiters first come, first served', async () => {
    const limiter = new AdmissionLimiter({ maxConcurrent: 2, maxQueue: 10, queueTimeoutMs: 10000 });
    const gates = [0, 1, 2, 3, 4].map(gate);
    const started: number[] = [];
    const runs = gates.map((g, i) =>
      limiter.run(async () => {
        started.push(i);
        await g.done;
        return i;
      }),
    );
    await tick();
    expect(started).toEqual([0, 1]);
    expect(limiter.state()).toMatchObject({ running: 2, queued: 3 });
    gates[1].open();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    gates[0].open();
    await tick();
    expect(started).toEqual([0, 1, 2, 3]);
    for (const g of gates) g.open();
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3, 4]);
    expect(limiter.state()).toMatchObject({ running: 0, queued: 0 });
  });

  it('frees the slot when the work fails', async () => {
    const limiter = new AdmissionLimiter({ maxConcurrent: 1, maxQueue: 10, queueTimeoutMs: 1000 });
    await expect(limiter.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await limiter.run(async () => 'next')).toBe('next');
    expect(limiter.state().running).toBe(0);
  });

  it('sheds at once when the queue is full, without running the work', async () => {
    const limiter = new AdmissionLimiter({ maxConcurrent: 1, maxQueue: 1, queueTimeoutMs: 10000 });
    const g = gate();
    const running = limiter.run(() => g.done);
    const queued = limiter.run(async () => 'queued');
    let ran = false;
    const refused = await refusalOf(
      limiter.run(async () => {
        ran = true;
      }),
    );
    expect(refused.shed).toMatchObject({ reason: 'QUEUE_FULL', queued: 1 });
    expect(refused.shed.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(ran).toBe(false);
    g.open();
    await running;
    expect(await queued).toBe('queued');
  });

  it('sheds on arrival when the measured service time says the wait would pass the deadline', async () => {
    const clock = manualClock();
    const limiter = new AdmissionLimiter({ maxConcurrent: 2, maxQueue: 100, queueTimeoutMs: 1000 }, clock.now);
    // two requests of 400 ms each teach the limiter its service time
    for (const g of [gate(), gate()]) {
      const run = limiter.run(() => g.done);
      await tick();
      clock.advance(400);
      g.open();
      await run;
    }
    expect(limiter.state().serviceMs).toBeCloseTo(400);
    const gates = [0, 1, 2, 3, 4, 5, 6].map(gate);
    const runs = gates.map((g) => limiter.run(() => g.done));
    await tick();
    // 2 running, 5 queued: the 5th waits 5 × 400 / 2 = 1000 ms, within the deadline; the 6th would wait 1200 ms
    expect(limiter.state()).toMatchObject({ running: 2, queued: 5 });
    expect(limiter.predictedWaitMs(6)).toBeCloseTo(1200);
    const refused = await refusalOf(limiter.run(async () => 'late'));
    expect(refused.shed).toEqual({ reason: 'PREDICTED_WAIT', queued: 5, retryAfterSeconds: 2 });
    for (const g of gates) g.open();
    await Promise.all(runs);
  });

  it('sheds a waiter whose wait passed the deadline and keeps the queue moving', async () => {
    const limiter = new AdmissionLimiter({ maxConcurrent: 1, maxQueue: 10, queueTimeoutMs: 30 });
    const g = gate();
    const running = limiter.run(() => g.done);
    let ran = false;
    const late = limiter.run(async () => {
      ran = true;
    });
    const refused = await refusalOf(late);
    expect(refused.shed.reason).toBe('WAITED_TOO_LONG');
    expect(ran).toBe(false);
    expect(limiter.state()).toMatchObject({ running: 1, queued: 0 });
    g.open();
    await running;
    expect(await limiter.run(async () => 'after')).toBe('after');
    expect(limiter.state()).toMatchObject({ running: 0, queued: 0 });
  });

  it('never refuses below capacity', async () => {
    const limiter = new AdmissionLimiter({ maxConcurrent: 4, maxQueue: 0, queueTimeoutMs: 1 });
    expect(await Promise.all([1, 2, 3, 4].map((i) => limiter.run(async () => i)))).toEqual([1, 2, 3, 4]);
  });
});
