import { registerEnumType } from '@nestjs/graphql';

/** Languages the platform speaks: Vietnamese first, then English, Japanese and Korean. */
export enum Language {
  vi = 'vi',
  en = 'en',
  ja = 'ja',
  ko = 'ko',
}

registerEnumType(Language, {
  name: 'Language',
  description: 'A language for labels and explanations: vi (default), en, ja, ko.',
  valuesMap: {
    vi: { description: 'Vietnamese (tiếng Việt), the default.' },
    en: { description: 'English.' },
    ja: { description: 'Japanese (日本語); labels without a Japanese form fall back to English.' },
    ko: { description: 'Korean (한국어); labels without a Korean form fall back to English.' },
  },
});

/** Strips Vietnamese (and other Latin) diacritics and folds case: "Gia công Đúc" → "gia cong duc". */
export function foldDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .normalize('NFC');
}
