import { createContext, useContext } from 'react';
import { DEFAULT_LANG, type Lang } from './languages.js';

/**
 * The page's language, from the URL's first segment: provided by the `/:lang` route's frame
 * (LangFrame), which reads it from the URL. Read from a context of its own rather than `useParams`,
 * whose every caller renders again at each step of every navigation (the router's route context is
 * a new object each time): the match view's cards, the needs list and the header did, twice per
 * click, for a language that had not changed.
 */
export const LangContext = createContext<Lang>(DEFAULT_LANG);

/** The page's language (the default outside a `/:lang` page). */
export function useLang(): Lang {
  return useContext(LangContext);
}
