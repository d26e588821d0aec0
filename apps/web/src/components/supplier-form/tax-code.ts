/**
 * The API's tax-code rule (libs/companies/src/tax-code.ts), mirrored so the form can say what is wrong
 * while the member types; tax-code.spec.ts checks that both agree. Ten digits N1..N10 and an optional
 * `-NNN` branch (001–999); N10 = 10 − (Σ wᵢ·Nᵢ mod 11) with w = 31, 29, 23, 19, 17, 13, 7, 5, 3, and a
 * remainder of 0 leaves no valid digit; N3..N9 may not be all zeros.
 */
const WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3];
const FORMAT = /^(\d{10})(?:-(\d{3}))?$/;
/** What a code can still become while being typed: up to ten digits, then `-` and up to three. */
const PARTIAL = /^\d{0,10}$|^\d{10}-\d{0,2}$/;

export type TaxCodeProblem = 'format' | 'sequence' | 'branch' | 'check-digit';
/** What the field says as the member types: `incomplete` is not an error yet, only a hint. */
export type TaxCodeFeedback =
  | { state: 'empty' }
  | { state: 'incomplete'; digits: number }
  | { state: 'valid' }
  | { state: 'invalid'; problem: TaxCodeProblem; expectedDigit?: number };

function checkDigit(firstNine: string): number | null {
  const remainder = WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(firstNine[i]), 0) % 11;
  return remainder === 0 ? null : 10 - remainder;
}

/** The same verdict as the API's `taxCodeProblem`. */
export function taxCodeProblem(value: string): TaxCodeProblem | null {
  const match = FORMAT.exec(value);
  if (!match) return 'format';
  const digits = match[1]!.split('').map(Number);
  if (digits.slice(2, 9).every((d) => d === 0)) return 'sequence';
  if (match[2] === '000') return 'branch';
  return checkDigit(match[1]!.slice(0, 9)) === digits[9] ? null : 'check-digit';
}

/** Feedback for the text in the field now (spaces around it are ignored, as the form trims them on save). */
export function taxCodeFeedback(raw: string): TaxCodeFeedback {
  const value = raw.trim();
  if (value === '') return { state: 'empty' };
  const problem = taxCodeProblem(value);
  if (problem === null) return { state: 'valid' };
  if (problem === 'format' && PARTIAL.test(value)) return { state: 'incomplete', digits: Math.min(value.length, 10) };
  if (problem === 'check-digit') return { state: 'invalid', problem, expectedDigit: checkDigit(value.slice(0, 9)) ?? undefined };
  return { state: 'invalid', problem };
}
