import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { rememberedLang, type Lang } from './languages.js';
import { loadCjkFonts } from './cjk-fonts.js';
import { I18N_OPTIONS } from './options.js';

/**
 * The app's i18next instance. A language's messages come in two chunks, loaded by the routes before
 * their first render (`loadLanguage`) and kept: the core (`locales/<lang>.json`: the layout, the
 * directory, sign-in, profiles' shared words), which is all the directory's first page needs, and
 * the pages' own (`messages/<lang>.ts`: the buyer's, the analysts', the console's…), which the other
 * pages wait for and the directory fetches when the browser is idle. A page ships one language, and
 * the directory none of the other pages' words.
 */
export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({ ...I18N_OPTIONS, lng: rememberedLang(), resources: {} });

/** Which messages: the core alone, or every page's. */
export type MessagePart = 'core' | 'pages';

const BUNDLES: Record<MessagePart, Record<Lang, () => Promise<{ default: object }>>> = {
  core: {
    vi: () => import('./locales/vi.json'),
    en: () => import('./locales/en.json'),
    // with the Japanese and Korean font faces (app/global.css), before the first render in those languages
    ja: () => Promise.all([import('./locales/ja.json'), loadCjkFonts()]).then(([messages]) => messages),
    ko: () => Promise.all([import('./locales/ko.json'), loadCjkFonts()]).then(([messages]) => messages),
  },
  pages: {
    vi: () => import('./messages/vi.js'),
    en: () => import('./messages/en.js'),
    ja: () => import('./messages/ja.js'),
    ko: () => import('./messages/ko.js'),
  },
};
const loading = new Map<string, Promise<void>>();

/** Makes `lang`'s messages available, the core or every page's (once; a failed load is tried again next time). */
export function loadLanguage(lang: Lang, part: MessagePart = 'pages'): Promise<void> {
  const key = `${lang}:${part}`;
  let promise = loading.get(key);
  if (!promise) {
    promise = BUNDLES[part][lang]().then((bundle) => {
      i18n.addResourceBundle(lang, 'translation', bundle.default, true, true);
    });
    promise.catch(() => loading.delete(key));
    loading.set(key, promise);
  }
  return promise;
}
