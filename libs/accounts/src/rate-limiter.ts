import { isIPv6 } from 'node:net';
import { RateLimited } from '#libs/core';
import type { MaybeActor } from './actor.js';

/**
 * A fixed-window counter per key, kept in this process's memory. Enough for one API instance;
 * several instances would each allow the limit (see README, "Limits").
 */
export class RateLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  constructor(
    private readonly maxAttempts: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one attempt for every key; throws RATE_LIMITED when any of them is over its limit. */
  hit(...keys: string[]): void {
    const now = this.now();
    let retryAfterMs = 0;
    for (const key of keys) {
      let window = this.windows.get(key);
      if (!window || window.resetAt <= now) {
        window = { count: 0, resetAt: now + this.windowMs };
        this.windows.set(key, window);
      }
      window.count += 1;
      if (window.count > this.maxAttempts) retryAfterMs = Math.max(retryAfterMs, window.resetAt - now);
    }
    if (this.windows.size > 50000) this.prune(now);
    if (retryAfterMs > 0) throw new RateLimited(Math.ceil(retryAfterMs / 1000));
  }

  reset(key: string): void {
    this.windows.delete(key);
  }

  private prune(now: number): void {
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
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
 * anonymous caller by their client address (see `addressKey`).
 */
export class CallerRateLimit {
  private readonly byUser: RateLimiter;
  private readonly byAddress: RateLimiter;

  constructor(limits: CallerLimits, now: () => number = Date.now) {
    this.byUser = new RateLimiter(limits.perUser, limits.windowSeconds * 1000, now);
    this.byAddress = new RateLimiter(limits.perAddress, limits.windowSeconds * 1000, now);
  }

  /** Counts one call; throws RATE_LIMITED (with retryAfterSeconds) past the caller's limit. */
  hit(actor: MaybeActor, clientAddress: string): void {
    if (actor) this.byUser.hit(actor.userId);
    else this.byAddress.hit(clientAddress);
  }
}

/**
 * The key a client address is counted under: IPv4 as is (also when IPv4-mapped), IPv6 by its /64
 * prefix, since one subscriber usually holds a whole /64 and could otherwise rotate addresses.
 */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!isIPv6(address)) return address;
  const [head = '', tail = ''] = address.split('%')[0]!.split('::');
  const left = head ? head.split(':') : [];
  const right = address.includes('::') && tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((g) => parseInt(g, 16).toString(16)).join(':')}::/64`;
}
