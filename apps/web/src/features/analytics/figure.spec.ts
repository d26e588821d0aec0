import { describe, expect, it } from '@jest/globals';
import { defaultRange, figureCsv, percent, pivot } from './figure.js';

describe('dashboard figures', () => {
  it('writes the CSV with the column labels as header, quoting what needs it, numbers unformatted', () => {
    const csv = figureCsv({
      columns: [
        { key: 'name', label: 'Nhà cung cấp' },
        { key: 'n', label: 'Số "đã" xác minh', numeric: true },
        { key: 'share', label: 'Tỷ lệ (%)', numeric: true },
      ],
      rows: [
        { name: 'Công ty A, B', n: 1200, share: 12.5 },
        { name: 'Dòng\nhai', n: 0, share: null },
      ],
    });
    expect(csv).toBe('Nhà cung cấp,"Số ""đã"" xác minh",Tỷ lệ (%)\r\n"Công ty A, B",1200,12.5\r\n"Dòng\nhai",0,\r\n');
  });

  it('pivots rows into one series per group over sorted categories, 0 where a pair has no row', () => {
    const rows = [
      { month: '2026-02', zone: 'Đình Vũ', n: 3 },
      { month: '2026-01', zone: 'Tràng Duệ', n: 1 },
      { month: '2026-02', zone: 'Tràng Duệ', n: null },
    ];
    expect(pivot(rows, 'month', 'zone', 'n')).toEqual({
      categories: ['2026-01', '2026-02'],
      series: [
        { name: 'Đình Vũ', data: [0, 3] },
        { name: 'Tràng Duệ', data: [1, null] },
      ],
    });
  });

  it('turns shares into percentages with one decimal, and ranges start a year back on the 1st', () => {
    expect([percent(0.12345), percent(1), percent(null)]).toEqual([12.3, 100, null]);
    expect(defaultRange(new Date('2026-12-02T20:00:00Z'))).toEqual({ from: '2025-12-01', to: '2026-12-03' });
  });
});
