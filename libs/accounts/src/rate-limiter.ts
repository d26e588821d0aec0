import { isIPv6 } from 'node:net';
import { RateLimited } from '#libs/core';
import type { MaybeActor } from './actor.js';
import { counterKey, type RateLimitCounters } from './rate-limit-counters.js';

/** How a `RateLimit` counts: `lease` above 1 takes attempts from the shared counters in blocks of at most that many. */
export interface RateLimitOptions {
  lease?: number;
  /** A monotonic clock in milliseconds, for the local end of a lease. */
  now?: () => number;
}

/** Attempts this process holds for one subject: `left` to spend before `endsAt` (its `now` clock). */
interface HeldLease {
  left: number;
  endsAt: number;
}

/**
 * A named limit: at most `maxAttempts` per subject (an email, a client address, a user id) in a
 * fixed window of `windowMs`. The counts live in `RateLimitCounters`: in PostgreSQL for the API, so
 * the limit holds across all its instances together.
 *
 * By default every attempt is counted there (one statement each), which keeps small limits (logins,
 * registrations) exact per attempt. With `lease` (the high-volume search limits) the process takes
 * a block of attempts in one statement (`RateLimitCounters.lease`: never more than is left) and
 * spends it locally until the window ends; the window's end is reckoned from when the lease was
 * asked for, so a block is never spent after the window it was counted in. The instances together
 * still spend at most `maxAttempts` per window; an unspent block is lost when the window ends, so a
 * caller may be refused a few attempts early.
 */
export class RateLimit {
  private readonly lease: number;
  private readonly now: () => number;
  private readonly held = new Map<string, HeldLease>();
  private readonly asking = new Map<string, Promise<number>>();

  constructor(
    private readonly counters: RateLimitCounters,
    readonly name: string,
    readonly maxAttempts: number,
    readonly windowMs: number,
    options: RateLimitOptions = {},
  ) {
    this.lease = Math.max(1, Math.floor(options.lease ?? 1));
    this.now = options.now ?? (() => performance.now());
  }

  /** Counts one attempt; throws RATE_LIMITED (with the seconds to wait) past the limit. */
  async hit(subject: string): Promise<void> {
    const retryAfterSeconds = await this.count(subject);
    if (retryAfterSeconds > 0) throw new RateLimited(retryAfterSeconds);
  }

  /** Counts one attempt; answers the seconds to wait when it is over the limit, else 0. */
  async count(subject: string): Promise<number> {
    if (this.lease > 1) return this.spendLeased(subject);
    const state = await this.counters.increment(counterKey(this.name, subject), this.windowMs);
    return state.count > this.maxAttempts ? state.resetInSeconds : 0;
  }

  async reset(subject: string): Promise<void> {
    this.held.delete(subject);
    await this.counters.reset(counterKey(this.name, subject));
  }

  /**
   * Held leases are keyed by the subject itself (this process's memory), sparing the hash when a
   * lease is spent. One lease per subject is asked for at a time: concurrent calls wait for it and
   * spend what it brought (or are refused with it), rather than each queueing on the same row.
   */
  private async spendLeased(subject: string): Promise<number> {
    for (;;) {
      const held = this.held.get(subject);
      if (held && held.left > 0 && held.endsAt > this.now()) {
        held.left -= 1;
        return 0;
      }
      const asking = this.asking.get(subject);
      if (!asking) return this.askLease(subject);
      const retryAfterSeconds = await asking.catch(() => 0); // its own caller sees the error; ask again
      if (retryAfterSeconds > 0) return retryAfterSeconds;
    }
  }

  /** Asks for a lease and spends one attempt of it; answers the seconds to wait when none was granted, else 0. */
  private async askLease(subject: string): Promise<number> {
    const asking = (async () => {
      const askedAt = this.now();
      const { granted, endsInMs } = await this.counters.lease(counterKey(this.name, subject), this.windowMs, this.maxAttempts, this.lease);
      if (granted < 1) return Math.max(1, Math.ceil(endsInMs / 1000));
      const endsAt = askedAt + endsInMs;
      const now = this.now();
      const live = this.held.get(subject);
      // What is still held may be from the window before; what both hold ends with the earlier one.
      if (live && live.endsAt > now) this.held.set(subject, { left: live.left + granted - 1, endsAt: Math.min(live.endsAt, endsAt) });
      else this.held.set(subject, { left: granted - 1, endsAt });
      if (this.held.size > 10000) for (const [k, h] of this.held) if (h.endsAt <= now) this.held.delete(k);
      return 0;
    })();
    this.asking.set(subject, asking);
    try {
      return await asking;
    } finally {
      this.asking.delete(subject);
    }
  }
}

/** How many calls a signed-in user, or an anonymous client address, may make per window. */
export interface CallerLimits {
  perUser: number;
  perAddress: number;
  windowSeconds: number;
}

/**
 * Limits an operation per caller: a signed-in user by their id (wherever they call from), an
 * anonymous caller by their client address (see `addressKey`). `name` keeps the operation's counts
 * apart from other operations' in the shared counters.
 */
export class CallerRateLimit {
  private readonly byUser: RateLimit;
  private readonly byAddress: RateLimit;

  constructor(counters: RateLimitCounters, name: string, limits: CallerLimits, options: RateLimitOptions = {}) {
    this.byUser = new RateLimit(counters, `${name}-user`, limits.perUser, limits.windowSeconds * 1000, options);
    this.byAddress = new RateLimit(counters, `${name}-address`, limits.perAddress, limits.windowSeconds * 1000, options);
  }

  /** Counts one call; throws RATE_LIMITED (with retryAfterSeconds) past the caller's limit. */
  async hit(actor: MaybeActor, clientAddress: string): Promise<void> {
    if (actor) await this.byUser.hit(actor.userId);
    else await this.byAddress.hit(clientAddress);
  }
}

/**
 * The key a client address is counted under: IPv4 as is (also when IPv4-mapped), IPv6 by its /64
 * prefix, since one subscriber usually holds a whole /64 and could otherwise rotate addresses.
 */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1];
  if (!isIPv6(address)) return address;
  const [head = '', tail = ''] = address.split('%')[0].split('::');
  const left = head ? head.split(':') : [];
  const right = address.includes('::') && tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}
