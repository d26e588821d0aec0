import { describe, expect, it } from '@jest/globals';
import { CountryCodes } from 'validator/lib/isISO31661Alpha2.js';
import { COMMON_LANGUAGES, COMMON_MARKETS, COUNTRY_CODES, displayName, namedLanguageCodes } from './display-names.js';

describe('countries and languages by name', () => {
  it('offers exactly the country codes the API accepts (class-validator’s ISO 3166-1 alpha-2 check)', () => {
    expect([...COUNTRY_CODES].sort()).toEqual([...CountryCodes].sort());
    expect(COMMON_MARKETS.filter((code) => !COUNTRY_CODES.includes(code))).toEqual([]);
  });

  it('names every offered code in each language, never as the code itself', () => {
    for (const lang of ['vi', 'en', 'ja', 'ko'] as const) {
      expect(COUNTRY_CODES.filter((code) => displayName(lang, 'region', code) === code)).toEqual([]);
      const languages = namedLanguageCodes(lang);
      expect(COMMON_LANGUAGES.filter((code) => !languages.includes(code))).toEqual([]);
      expect(languages.every((code) => /^[a-z]{2}$/.test(code))).toBe(true);
      // an old alias is not offered beside its code (Hebrew once, as he)
      expect(languages).not.toContain('iw');
    }
    expect(displayName('ko', 'region', 'jp')).toBe('일본');
    expect(displayName('vi', 'language', 'ja')).toBe('Tiếng Nhật');
    expect(displayName('ja', 'region', 'not a code')).toBe('not a code');
  });
});
