import { describe, expect, it } from '@jest/globals';
import { classifyProblem, RegistryProblemCode as C } from './problem-codes.js';

/** Every reason the import gives, as its code and parameters: the web app words them in four languages. */
describe('registry problem codes', () => {
  it.each<[string, C, Record<string, string>]>([
    ['is required', C.REQUIRED, {}],
    ['should not be empty', C.REQUIRED, {}],
    ['must be a number', C.NOT_A_NUMBER, {}],
    ['"12,5" is not a number (use . as the decimal point, no thousands separators)', C.NOT_A_NUMBER, { value: '12,5' }],
    ['"1.000" is not a whole number (write digits only, no thousands separators)', C.NOT_A_WHOLE_NUMBER, { value: '1.000' }],
    ['"CÁI" is not one of PCS, SETS, KG', C.NOT_ONE_OF, { value: 'CÁI', allowed: 'PCS, SETS, KG' }],
    ['"maybe" is not yes/no (có/không, true/false, 1/0)', C.NOT_YES_NO, { value: 'maybe' }],
    [
      'unknown process "hàn laze" (did you mean Laser welding, Laser cutting?)',
      C.UNKNOWN_TERM,
      { value: 'hàn laze', suggestions: 'Laser welding, Laser cutting' },
    ],
    ['unknown certification "ISO 9999"', C.UNKNOWN_TERM, { value: 'ISO 9999' }],
    [
      '"dập" names several processs (STAMPING, PROGRESSIVE_DIE_STAMPING): write the code',
      C.AMBIGUOUS_TERM,
      { value: 'dập', codes: 'STAMPING, PROGRESSIVE_DIE_STAMPING' },
    ],
    ['unknown zone code ATLANTIS', C.UNKNOWN_CODE, { value: 'ATLANTIS' }],
    ['lists ISO_9001 more than once', C.LISTED_TWICE, { value: 'ISO_9001' }],
    ['latitude and longitude go together: give both or neither', C.BOTH_OR_NEITHER, {}],
    ['is required with a monthly capacity', C.BOTH_OR_NEITHER, {}],
    ['appears again: line 7 has the same tax code', C.DUPLICATE_TAX_CODE, { line: '7' }],
    // libs/companies tax-code.ts TAX_CODE_REASONS
    ['must be 10 digits, optionally followed by -NNN for a branch (e.g. 0100109106 or 0314409058-002)', C.TAX_CODE_FORMAT, {}],
    ['digits 3 to 9 cannot all be zero', C.TAX_CODE_FORMAT, {}],
    ['the branch suffix must be 001 to 999', C.TAX_CODE_FORMAT, {}],
    ['the check digit (10th digit) does not match the first nine digits', C.TAX_CODE_CHECK_DIGIT, {}],
    ['the tax code is already registered to another supplier', C.TAX_CODE_TAKEN, {}],
    ['must not be before validFrom', C.DATE_ORDER, {}],
    ['must not be in the future', C.IN_FUTURE, {}],
    ['must not be less than 0', C.OUT_OF_RANGE, { limit: '0' }],
    ['must be shorter than or equal to 200 characters', C.TOO_LONG, { max: '200' }],
    ['must be an email', C.NOT_AN_EMAIL, {}],
    ['is not a JSON object (Unexpected token)', C.NOT_A_JSON_OBJECT, {}],
    [
      'contains bytes that are not valid UTF-8 (the file was probably saved in a legacy encoding such as Windows-1258 or TCVN3): save it as "CSV UTF-8" and import it again',
      C.BROKEN_ENCODING,
      {},
    ],
    ['the database refused the row (rule suppliers_capacity_check)', C.DATABASE_REFUSED, {}],
    ['something nobody foresaw', C.OTHER, {}],
  ])('%s → %s', (reason, code, params) => {
    const classified = classifyProblem(reason);
    expect(classified.code).toBe(code);
    expect(Object.fromEntries(classified.params.map((p) => [p.name, p.value]))).toEqual(params);
  });
});
