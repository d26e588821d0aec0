import { describe, expect, it } from '@jest/globals';
import { ThrottledLog } from './throttled-log.js';

describe('ThrottledLog', () => {
  it('emits the first occurrence, then at most one line per period with the count since the last line', () => {
    let t = 0;
    const log = new ThrottledLog(10000, () => t);
    const lines: [number, number | null][] = [];
    for (let i = 0; i < 1000; i += 1) {
      log.note((count, since) => lines.push([count, since]));
      t += 25; // 40 a second for 25 s
    }
    expect(lines).toEqual([
      [1, null],
      [400, 10000],
      [400, 10000],
    ]);
  });
});
