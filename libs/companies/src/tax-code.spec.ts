import { describe, expect, it } from '@jest/globals';
import { isValidTaxCode, taxCodeProblem } from './tax-code.js';

describe('tax code (mã số thuế)', () => {
  it.each(['0100109106', '0100233488', '0100112437', '0314409058-002'])('accepts the valid code %s', (code) => {
    expect(taxCodeProblem(code)).toBeNull();
  });

  it('rejects a wrong check digit', () => {
    expect(taxCodeProblem('0100233480')).toBe('check-digit');
  });

  it.each(['010010910', '01001091066', '0100109106-1', 'O100109106', '', ' 0100109106'])('rejects the malformed %p', (code) => {
    expect(taxCodeProblem(code)).toBe('format');
  });

  it('rejects the branch suffix 000 and an all-zero sequence', () => {
    expect(taxCodeProblem('0100109106-000')).toBe('branch');
    expect(taxCodeProblem('0100000000')).toBe('sequence');
  });

  it('rejects codes whose weighted sum leaves remainder 0 (no digit fits)', () => {
    // 31*0+29*1+23*0+19*0+17*0+13*0+7*0+5*0+3*4 = 41 → 41 mod 11 = 8; search a remainder-0 prefix:
    const prefix = findPrefixWithRemainderZero();
    for (let d = 0; d <= 9; d += 1) expect(isValidTaxCode(`${prefix}${d}`)).toBe(false);
  });

  it('accepts exactly one check digit for every other prefix', () => {
    for (const prefix of ['010010910', '031440905', '020123456']) {
      const valid = [...Array(10).keys()].filter((d) => isValidTaxCode(`${prefix}${d}`));
      expect(valid).toHaveLength(1);
    }
  });
});

function findPrefixWithRemainderZero(): string {
  const weights = [31, 29, 23, 19, 17, 13, 7, 5, 3];
  for (let n = 1000000; n < 2000000; n += 1) {
    const prefix = `01${String(n).padStart(7, '0')}`;
    const sum = prefix.split('').reduce((acc, d, i) => acc + Number(d) * weights[i], 0);
    if (sum % 11 === 0) return prefix;
  }
  throw new Error('no prefix found');
}
