import { describe, expect, it } from '@jest/globals';
import { type CounterLease, leaseGrant, MemoryRateLimitCounters, type RateLimitCounters } from './rate-limit-counters.js';
import { RateLimit } from './rate-limiter.js';

/** A clock the test moves by hand (milliseconds). */
function manualClock() {
  const clock = { t: 0, now: () => clock.t };
  return clock;
}

/**
 * One instance's connection to the shared counters: each lease answer arrives `latencyMs` after the
 * counters read their clock; `leases()` counts the leases that granted attempts.
 */
function connection(shared: RateLimitCounters, clock: { t: number }, latencyMs: number) {
  let leases = 0;
  const counters: RateLimitCounters = {
    increment: (key, windowMs) => shared.increment(key, windowMs),
    reset: (key) => shared.reset(key),
    async lease(key, windowMs, maxAttempts, size): Promise<CounterLease> {
      const answer = await shared.lease(key, windowMs, maxAttempts, size);
      if (answer.granted > 0) leases += 1;
      clock.t += latencyMs;
      return answer;
    },
  };
  return { counters, leases: () => leases };
}

describe('RateLimit with leases (two instances on shared counters)', () => {
  it('grants at most the lease size, an eighth of what is left rounded up, never more than is left', () => {
    expect(leaseGrant(10, 300)).toBe(10);
    expect(leaseGrant(10, 40)).toBe(5);
    expect(leaseGrant(10, 3)).toBe(1);
    expect(leaseGrant(10, 1)).toBe(1);
    expect(leaseGrant(10, 0)).toBe(0);
    expect(leaseGrant(10, -4)).toBe(0);
  });

  it('spends the whole limit and no more per window, taking attempts in blocks', async () => {
    const clock = manualClock();
    const shared = new MemoryRateLimitCounters(clock.now);
    const [ca, cb] = [connection(shared, clock, 0), connection(shared, clock, 0)];
    const a = new RateLimit(ca.counters, 'search-user', 100, 1000, { lease: 10, now: clock.now });
    const b = new RateLimit(cb.counters, 'search-user', 100, 1000, { lease: 10, now: clock.now });
    const allowed = [0, 0, 0];
    for (let step = 0; step < 420; step += 1) {
      clock.t = step * 7; // windows [0, 1000), [1001, 2001), [2002, 3002): both instances call every 7 ms
      for (const limit of [a, b]) if ((await limit.count('user-1')) === 0) allowed[Math.floor(clock.t / 1000.5)] += 1;
    }
    expect(allowed).toEqual([100, 100, 100]);
    expect(ca.leases() + cb.leases()).toBeLessThan(300 / 3); // blocks, not one statement per attempt spent
  });

  it('asks for one lease of a subject at a time, its concurrent calls spending what it brought', async () => {
    const clock = manualClock();
    const shared = new MemoryRateLimitCounters(clock.now);
    const one = connection(shared, clock, 0);
    const a = new RateLimit(one.counters, 'search-address', 1000, 60000, { lease: 10, now: clock.now });
    const answers = await Promise.all(Array.from({ length: 16 }, () => a.count('192.0.2.9')));
    expect(answers).toEqual(Array(16).fill(0));
    expect(one.leases()).toBe(2); // 10 + 10 for 16 concurrent calls, not one lease each
  });

  it('keeps a small limit exact per attempt across instances', async () => {
    const clock = manualClock();
    const shared = new MemoryRateLimitCounters(clock.now);
    const a = new RateLimit(shared, 'search-address', 3, 60000, { lease: 10, now: clock.now });
    const b = new RateLimit(shared, 'search-address', 3, 60000, { lease: 10, now: clock.now });
    const answers = [];
    for (let i = 0; i < 5; i += 1) answers.push(await (i % 2 ? b : a).count('192.0.2.1'));
    expect(answers.map((retry) => retry > 0)).toEqual([false, false, false, true, true]);
  });

  it('ends a lease with the window it was counted in, reckoned from when it was asked for', async () => {
    const clock = manualClock();
    const shared = new MemoryRateLimitCounters(clock.now);
    const slow = connection(shared, clock, 100); // instance A's lease answers arrive 100 ms late
    const a = new RateLimit(slow.counters, 'search-user', 160, 1000, { lease: 10, now: clock.now });
    const b = new RateLimit(shared, 'search-user', 160, 1000, { lease: 10, now: clock.now });
    expect(await a.count('user-1')).toBe(0); // asked at 0, window [0, 1000): A holds 9 more, received at 100
    clock.t = 1000; // the window ended; B spends the whole next one
    let spentByB = 0;
    while (spentByB < 1000 && (await b.count('user-1')) === 0) spentByB += 1;
    expect(spentByB).toBe(160);
    clock.t = 1050; // A's 9 were counted in the window that ended at 1000: spending them now would make 161
    expect(await a.count('user-1')).toBeGreaterThan(0);
  });
});
