import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Lang } from './languages.js';
import en from './messages/en.js';
import ja from './messages/ja.js';
import ko from './messages/ko.js';
import vi from './messages/vi.js';
import { I18N_OPTIONS } from './options.js';

/**
 * The shared messages live in `locales/`; a feature with many messages of its own keeps them beside
 * its code (`features/<name>/messages/`), under its own top-level key; `messages/<lang>.ts` puts one
 * language's together. The app loads one language at a time (`i18n/instance.ts`); this module,
 * with all four at once, is for tests and tools.
 */
export * from './languages.js';
export * from './format.js';

/** Every language's messages; the Vietnamese file is the reference every other must match key for key. */
export const MESSAGES = { vi, en, ja, ko } as const;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof vi };
  }
}

/** An i18next instance with all four languages, started in `lang` (tests). */
export function createI18n(lang: Lang) {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    ...I18N_OPTIONS,
    lng: lang,
    resources: Object.fromEntries(Object.entries(MESSAGES).map(([code, translation]) => [code, { translation }])),
  });
  return instance;
}
