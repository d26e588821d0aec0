import { isIPv6 } from 'node:net';
import { RateLimited } from '#libs/core';
import type { MaybeActor } from './actor.js';
import { counterKey, type RateLimitCounters } from './rate-limit-counters.js';

/**
 * A named limit: at most `maxAttempts` per subject (an email, a client address, a user id) in a
 * fixed window of `windowMs`. The counts live in `RateLimitCounters`: in PostgreSQL for the API, so
 * the limit holds across all its instances together.
 */
export class RateLimit {
  constructor(
    private readonly counters: RateLimitCounters,
    readonly name: string,
    readonly maxAttempts: number,
    readonly windowMs: number,
  ) {}

  /** Counts one attempt; throws RATE_LIMITED (with the seconds to wait) past the limit. */
  async hit(subject: string): Promise<void> {
    const retryAfterSeconds = await this.count(subject);
    if (retryAfterSeconds > 0) throw new RateLimited(retryAfterSeconds);
  }

  /** Counts one attempt; answers the seconds to wait when it is over the limit, else 0. */
  async count(subject: string): Promise<number> {
    const state = await this.counters.increment(counterKey(this.name, subject), this.windowMs);
    return state.count > this.maxAttempts ? state.resetInSeconds : 0;
  }

  async reset(subject: string): Promise<void> {
    await this.counters.reset(counterKey(this.name, subject));
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

  constructor(counters: RateLimitCounters, name: string, limits: CallerLimits) {
    this.byUser = new RateLimit(counters, `${name}-user`, limits.perUser, limits.windowSeconds * 1000);
    this.byAddress = new RateLimit(counters, `${name}-address`, limits.perAddress, limits.windowSeconds * 1000);
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
