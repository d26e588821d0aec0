import { taxCodeCheckDigit } from '#libs/companies';

/** mulberry32: a tiny deterministic PRNG, so demo and synthetic data are the same on every machine. */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** `count` distinct items in their original order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const indices = items.map((_, i) => i);
    for (let i = indices.length - 1; i > 0; i -= 1) {
      const j = Math.floor(this.next() * (i + 1));
      [indices[i], indices[j]] = [indices[j], indices[i]];
    }
    return indices
      .slice(0, Math.min(count, items.length))
      .sort((a, b) => a - b)
      .map((i) => items[i]);
  }
}

/** `count` distinct valid tax codes with a two-digit province prefix, from sequence number `start` on. */
export function taxCodes(prefix: string, start: number, count: number): string[] {
  const codes: string[] = [];
  for (let sequence = start; codes.length < count; sequence += 1) {
    const body = `${prefix}${String(sequence).padStart(7, '0')}`;
    const check = taxCodeCheckDigit(body);
    if (check !== null) codes.push(`${body}${check}`);
  }
  return codes;
}
