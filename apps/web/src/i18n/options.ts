import { DEFAULT_LANG } from './languages.js';

/** The i18next options the app (`instance.ts`) and the tests (`createI18n`) share. */
export const I18N_OPTIONS = {
  fallbackLng: DEFAULT_LANG,
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
  initAsync: false,
} as const;
