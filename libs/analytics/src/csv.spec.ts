import { describe, expect, it } from '@jest/globals';
import { toCsv } from './csv.js';

describe('toCsv', () => {
  it('quotes, escapes, defuses formulas, and keeps numbers', () => {
    const csv = toCsv(
      [
        { header: 'name', value: (r: { name: string; n: number | null }) => r.name },
        { header: 'n', value: (r) => r.n },
      ],
      [
        { name: 'Công ty "A", Hải Phòng', n: -3 },
        { name: '=HYPERLINK("http://x")', n: null },
        { name: 'line\nbreak', n: 1.5 },
      ],
    );
    expect(csv).toBe('\uFEFFname,n\r\n"Công ty ""A"", Hải Phòng",-3\r\n"\'=HYPERLINK(""http://x"")",\r\n"line\nbreak",1.5\r\n');
  });
});
