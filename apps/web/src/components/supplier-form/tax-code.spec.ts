import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { taxCodeProblem as apiTaxCodeProblem } from '../../../../../libs/companies/src/tax-code.js';
import { taxCodeFeedback, taxCodeProblem } from './tax-code.js';

// The cases of libs/companies/src/tax-code.spec.ts: the form must say what the API will say.
const CASES: Array<[string, ReturnType<typeof taxCodeProblem>]> = [
  ['0100109106', null],
  ['0100233488', null],
  ['0100112437', null],
  ['0314409058-002', null],
  ['0100233480', 'check-digit'],
  ['010010910', 'format'],
  ['01001091066', 'format'],
  ['0100109106-1', 'format'],
  ['O100109106', 'format'],
  ['', 'format'],
  [' 0100109106', 'format'],
  ['0100109106-000', 'branch'],
  ['0100000000', 'sequence'],
];

describe('tax code feedback in the supplier form', () => {
  it.each(CASES)('judges %p as the API does (%p)', (code, expected) => {
    expect(taxCodeProblem(code)).toBe(expected);
    expect(apiTaxCodeProblem(code)).toBe(expected);
  });

  it('agrees with the API on any ten digits with or without a branch', () => {
    const code = fc.tuple(fc.stringMatching(/^\d{10}$/), fc.option(fc.stringMatching(/^\d{3}$/))).map(([d, b]) => (b ? `${d}-${b}` : d));
    fc.assert(
      fc.property(fc.oneof(code, fc.string()), (value) => taxCodeProblem(value) === apiTaxCodeProblem(value)),
      { numRuns: 2000 },
    );
  });

  it('treats a code being typed as incomplete, not wrong', () => {
    expect(taxCodeFeedback('')).toEqual({ state: 'empty' });
    expect(taxCodeFeedback('01001')).toEqual({ state: 'incomplete', digits: 5 });
    expect(taxCodeFeedback('0314409058-00')).toEqual({ state: 'incomplete', digits: 10 });
    expect(taxCodeFeedback('01001a')).toEqual({ state: 'invalid', problem: 'format' });
  });

  it('names the check digit the first nine digits call for', () => {
    expect(taxCodeFeedback('0100233480')).toEqual({ state: 'invalid', problem: 'check-digit', expectedDigit: 8 });
    expect(taxCodeFeedback(' 0100109106 ')).toEqual({ state: 'valid' });
    expect(taxCodeFeedback('0100109106-000')).toEqual({ state: 'invalid', problem: 'branch' });
    expect(taxCodeFeedback('0100000000')).toEqual({ state: 'invalid', problem: 'sequence' });
  });
});
