import { taxCodeProblem } from '../../apps/web/src/components/supplier-form/tax-code.js';

/**
 * Tax codes for the browser suites' fixtures, by the web form's copy of the API's rule (its
 * tax-code.spec.ts keeps the two equal). Not #libs/companies: its index loads Nest and TypeORM into
 * the jest worker (1.7 s of CPU per file) for a browser suite that runs the API as a process of its own.
 */
export function isValidTaxCode(code: string): boolean {
  return taxCodeProblem(code) === null;
}

/** A random valid code starting with `prefix`. */
export function freshTaxCode(prefix = '08'): string {
  for (;;) {
    const candidate = `${prefix}${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
    if (isValidTaxCode(candidate)) return candidate;
  }
}

/** `count` valid codes in sequence from `prefix` and sequence number `start` (those with no valid check digit skipped). */
export function taxCodes(prefix: string, start: number, count: number): string[] {
  const codes: string[] = [];
  for (let sequence = start; codes.length < count; sequence += 1) {
    const body = `${prefix}${String(sequence).padStart(7, '0')}`;
    const digit = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].find((d) => isValidTaxCode(`${body}${d}`));
    if (digit !== undefined) codes.push(`${body}${digit}`);
  }
  return codes;
}
