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
    const retryAfterSeconds = Math.max(0, ...keys.map((key) => this.count(key)));
    if (retryAfterSeconds > 0) throw new RateLimited(retryAfterSeconds);
  }

  /** Counts one attempt for the key; returns the seconds to wait when it is over its limit, else 0. */
  count(key: string): number {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + this.windowMs };
      this.windows.set(key, window);
    }
    window.count += 1;
    if (this.windows.size > 50000) this.prune(now);
    return window.count > this.maxAttempts ? Math.ceil((window.resetAt - now) / 1000) : 0;
  }

  reset(key: string): void {
    this.windows.delete(key);
  }

  private prune(now: number): void {
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
  }
}

/**
 * The client addresses each user signed in from successfully (at most `perUser` each, the most
 * recent kept, forgotten after `ttlMs`), in this process's memory like the counters.
 */
export class KnownAddresses {
  private readonly byUser = new Map<string, Map<string, number>>();

  constructor(
    private readonly ttlMs: number,
    private readonly perUser = 20,
    private readonly maxUsers = 100000,
    private readonly now: () => number = Date.now,
  ) {}

  remember(userId: string, address: string): void {
    const addresses = this.byUser.get(userId) ?? new Map<string, number>();
    this.byUser.delete(userId); // re-inserted last: the map's order is least recently used first
    addresses.delete(address);
    addresses.set(address, this.now() + this.ttlMs);
    if (addresses.size > this.perUser) addresses.delete(addresses.keys().next().value!);
    this.byUser.set(userId, addresses);
    if (this.byUser.size > this.maxUsers) this.byUser.delete(this.byUser.keys().next().value!);
  }

  has(userId: string, address: string): boolean {
    const expiresAt = this.byUser.get(userId)?.get(address);
    return expiresAt !== undefined && expiresAt > this.now();
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
  if (mapped) return mapped[1];
  if (!isIPv6(address)) return address;
  const [head = '', tail = ''] = address.split('%')[0].split('::');
  const left = head ? head.split(':') : [];
  const right = address.includes('::') && tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((g) => parseInt(g, 16).toString(16)).join(':')}::/64`;
}
