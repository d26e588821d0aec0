import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { rememberedLang, type Lang } from './languages.js';
import { I18N_OPTIONS } from './options.js';

/**
 * The app's i18next instance. Each language's messages are a chunk of their own (≈ 12 kB gzip),
 * loaded by the `/:lang` route before its first render (`loadLanguage`) and kept: a page ships
 * one language, not four.
 */
export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({ ...I18N_OPTIONS, lng: rememberedLang(), resources: {} });

const BUNDLES: Record<Lang, () => Promise<{ default: object }>> = {
  vi: () => import('./messages/vi.js'),
  en: () => import('./messages/en.js'),
  ja: () => import('./messages/ja.js'),
  ko: () => import('./messages/ko.js'),
};
const loading = new Map<Lang, Promise<void>>();

/** Makes `lang`'s messages available (once; a failed load is tried again next time). */
export function loadLanguage(lang: Lang): Promise<void> {
  let promise = loading.get(lang);
  if (!promise) {
    promise = BUNDLES[lang]().then((bundle) => {
      i18n.addResourceBundle(lang, 'translation', bundle.default);
    });
    promise.catch(() => loading.delete(lang));
    loading.set(lang, promise);
  }
  return promise;
}
