import { useParams } from 'react-router';
import { DEFAULT_LANG, isLang, type Lang } from './languages.js';

/** The page's language, from the URL's first segment. */
export function useLang(): Lang {
  const { lang } = useParams();
  return isLang(lang) ? lang : DEFAULT_LANG;
}
