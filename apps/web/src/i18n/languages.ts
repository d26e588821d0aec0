/** The app's languages, Vietnamese first (the default). The same codes as the API's `Language` enum. */
export const LANGUAGES = ['vi', 'en', 'ja', 'ko'] as const;
export type Lang = (typeof LANGUAGES)[number];
export const DEFAULT_LANG: Lang = 'vi';

/** BCP 47 locale used for numbers and dates. */
export const LOCALE: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB', ja: 'ja-JP', ko: 'ko-KR' };

/** Each language's name in itself, for the language menu. */
export const LANGUAGE_NAMES: Record<Lang, string> = { vi: 'Tiếng Việt', en: 'English', ja: '日本語', ko: '한국어' };

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

const REMEMBERED = 'hp.lang';

/** The language a visitor chose last time (a preference, not a secret: localStorage is fine here). */
export function rememberedLang(): Lang {
  try {
    const value = globalThis.localStorage?.getItem(REMEMBERED);
    if (isLang(value)) return value;
  } catch {
    // storage can be disabled; the default applies
  }
  return DEFAULT_LANG;
}

export function rememberLang(lang: Lang): void {
  try {
    globalThis.localStorage?.setItem(REMEMBERED, lang);
  } catch {
    // storage can be disabled; the URL still carries the language
  }
}
