import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import analyticsEn from '../features/analytics/messages/en.json' with { type: 'json' };
import analyticsJa from '../features/analytics/messages/ja.json' with { type: 'json' };
import analyticsKo from '../features/analytics/messages/ko.json' with { type: 'json' };
import analyticsVi from '../features/analytics/messages/vi.json' with { type: 'json' };
import buyerEn from '../features/buyer/messages/en.json' with { type: 'json' };
import buyerJa from '../features/buyer/messages/ja.json' with { type: 'json' };
import buyerKo from '../features/buyer/messages/ko.json' with { type: 'json' };
import buyerVi from '../features/buyer/messages/vi.json' with { type: 'json' };
import consoleEn from '../features/console/messages/en.json' with { type: 'json' };
import consoleJa from '../features/console/messages/ja.json' with { type: 'json' };
import consoleKo from '../features/console/messages/ko.json' with { type: 'json' };
import consoleVi from '../features/console/messages/vi.json' with { type: 'json' };
import onboardingEn from '../features/onboarding/messages/en.json' with { type: 'json' };
import onboardingJa from '../features/onboarding/messages/ja.json' with { type: 'json' };
import onboardingKo from '../features/onboarding/messages/ko.json' with { type: 'json' };
import onboardingVi from '../features/onboarding/messages/vi.json' with { type: 'json' };
import coreEn from './locales/en.json' with { type: 'json' };
import coreJa from './locales/ja.json' with { type: 'json' };
import coreKo from './locales/ko.json' with { type: 'json' };
import coreVi from './locales/vi.json' with { type: 'json' };
import { DEFAULT_LANG, type Lang } from './languages.js';

/**
 * The shared messages live in `locales/`; a feature with many messages of its own keeps them beside
 * its code (`features/<name>/messages/`), under its own top-level key.
 */
const vi = { ...coreVi, buyer: buyerVi, analytics: analyticsVi, console: consoleVi, onboarding: onboardingVi };
const en = { ...coreEn, buyer: buyerEn, analytics: analyticsEn, console: consoleEn, onboarding: onboardingEn };
const ja = { ...coreJa, buyer: buyerJa, analytics: analyticsJa, console: consoleJa, onboarding: onboardingJa };
const ko = { ...coreKo, buyer: buyerKo, analytics: analyticsKo, console: consoleKo, onboarding: onboardingKo };

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

/** Starts i18next with all four languages bundled (about 6 kB each gzipped: cheaper than a second request). */
export function createI18n(lang: Lang) {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: lang,
    fallbackLng: DEFAULT_LANG,
    resources: Object.fromEntries(Object.entries(MESSAGES).map(([code, translation]) => [code, { translation }])),
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
    initAsync: false,
  });
  return instance;
}
