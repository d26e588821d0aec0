import { describe, expect, it } from '@jest/globals';
import { createI18n } from '../../i18n/index.js';
import { LANGUAGES } from '../../i18n/languages.js';
import { FIELD_MESSAGE_KEYS, problemFromErrors } from '../../lib/api-errors.js';
import { fieldMessage } from '../../lib/problem-messages.js';
import { stepOfField } from './profile-form.js';

// What createSupplier answers (test/e2e/companies.e2e.spec.ts; reasons from libs/companies profile-rules.ts and tax-code.ts).
const SUPPLIER_ERRORS = [
  {
    message: '6 invalid fields',
    extensions: {
      code: 'BAD_USER_INPUT',
      fieldErrors: [
        { field: 'input.taxCode', reason: 'the check digit (10th digit) does not match the first nine digits' },
        { field: 'input.processes.1', reason: 'unknown process code NOT_A_PROCESS' },
        { field: 'input.zoneCode', reason: 'unknown zone code ATLANTIS' },
        { field: 'input.certifications.0.validUntil', reason: 'must not be before validFrom' },
        { field: 'input.foundedYear', reason: 'must not be in the future' },
        { field: 'input.employees', reason: 'employees must not be less than 0' },
      ],
    },
  },
];

describe('supplier form: API field errors on their field, in the reader’s language', () => {
  it('reads each of the API’s supplier reasons into its own message', () => {
    const problem = problemFromErrors(SUPPLIER_ERRORS);
    expect(problem.fields.map((f) => [f.field, f.key])).toEqual([
      ['taxCode', 'taxCodeCheckDigit'],
      ['processes.1', 'unknownCode'],
      ['zoneCode', 'unknownCode'],
      ['certifications.0.validUntil', 'dateOrder'],
      ['foundedYear', 'inFuture'],
      ['employees', 'outOfRange'],
    ]);
    expect(problem.fields.map((f) => stepOfField(f.field))).toEqual([
      'company',
      'capabilities',
      'location',
      'certificates',
      'company',
      'company',
    ]);
  });

  it('says a taken tax code as such, not as a taken email', () => {
    const problem = problemFromErrors([
      {
        extensions: {
          code: 'BAD_USER_INPUT',
          fieldErrors: [{ field: 'input.taxCode', reason: 'is already registered to another supplier' }],
        },
      },
    ]);
    expect(problem.fields).toEqual([{ field: 'taxCode', key: 'taxCodeTaken' }]);
    expect(fieldMessage(createI18n('vi').t, problem, 'taxCode')).toBe('Mã số thuế này đã được đăng ký cho doanh nghiệp khác.');
  });

  it('has every field message in every language', () => {
    for (const lang of LANGUAGES) {
      const { t, exists } = createI18n(lang);
      for (const key of FIELD_MESSAGE_KEYS) {
        expect({ lang, key, exists: exists(`errors.field.${key}`) }).toEqual({ lang, key, exists: true });
        expect(t(`errors.field.${key}`)).not.toBe(`errors.field.${key}`);
      }
    }
  });
});
