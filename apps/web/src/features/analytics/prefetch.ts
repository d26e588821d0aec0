import type { LoaderFunctionArgs } from 'react-router';
import { isAnalyst } from '../../components/require-role.js';
import { DEFAULT_LANG, isLang } from '../../i18n/languages.js';
import { pageQuery, prefetchFor, type PageQuery } from '../../lib/prefetch.js';
import { FIRST_COVERAGE_DIMENSION, SupplyCoverageQuery } from './api/analytics.js';

/**
 * The dashboards' loader (a small chunk, so it runs while the charting code, the largest chunk of
 * the app, is still arriving): a dashboard's first query, at the filters it opens with, as soon as
 * the signed-in user is known to be an analyst.
 */
export function prefetchDashboard({ params }: LoaderFunctionArgs): null {
  const lang = isLang(params.lang) ? params.lang : DEFAULT_LANG;
  const first: Record<string, PageQuery> = { coverage: pageQuery(SupplyCoverageQuery, { by: FIRST_COVERAGE_DIMENSION, lang }) };
  const query = first[params.dashboard ?? ''];
  if (query) void prefetchFor(isAnalyst, [query]); // the answers land in the cache
  return null;
}
