/**
 * Vietnamese tax code (mã số thuế): ten digits N1..N10, optionally `-NNN` for a dependent unit
 * (001–999). N10 is a check digit: with weights 31, 29, 23, 19, 17, 13, 7, 5, 3 on N1..N9,
 * N10 = 10 − (Σ mod 11); a remainder of 0 would need the digit 10, so such codes are invalid.
 * The sequence N3..N9 may not be all zeros.
 */
const WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3];
const FORMAT = /^(\d{10})(?:-(\d{3}))?$/;

export type TaxCodeProblem = 'format' | 'sequence' | 'branch' | 'check-digit';

/** The check digit for the first nine digits, or null when the weighted sum leaves no digit (remainder 0). */
export function taxCodeCheckDigit(firstNine: string): number | null {
  const remainder = WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(firstNine[i]), 0) % 11;
  return remainder === 0 ? null : 10 - remainder;
}

export function taxCodeProblem(value: string): TaxCodeProblem | null {
  const match = FORMAT.exec(value);
  if (!match?.[1]) return 'format';
  const number = match[1];
  const digits = number.split('').map(Number);
  if (digits.slice(2, 9).every((d) => d === 0)) return 'sequence';
  if (match[2] === '000') return 'branch';
  return taxCodeCheckDigit(number.slice(0, 9)) === digits[9] ? null : 'check-digit';
}

export function isValidTaxCode(value: string): boolean {
  return taxCodeProblem(value) === null;
}

export const TAX_CODE_REASONS: Record<TaxCodeProblem, string> = {
  format: 'must be 10 digits, optionally followed by -NNN for a branch (e.g. 0100109106 or 0314409058-002)',
  sequence: 'digits 3 to 9 cannot all be zero',
  branch: 'the branch suffix must be 001 to 999',
  'check-digit': 'the check digit (10th digit) does not match the first nine digits',
};
