import type { LoaderFunctionArgs } from 'react-router';
import { isBuyerMember } from '../../components/require-role.js';
import { DEFAULT_LANG, isLang } from '../../i18n/languages.js';
import { formatList } from '../../i18n/format.js';
import { pageQuery, prefetchFor } from '../../lib/prefetch.js';
import { whenIdle } from '../../lib/when-idle.js';
import { MatchSuppliersQuery } from './api/matches.js';
import { NeedForEditQuery, NeedHistoryQuery, NeedIntroductionsQuery } from './api/needs.js';
import { DEFAULT_WEIGHTS, matchVariables } from './match-weights.js';

/**
 * The match view's loader (a chunk of its own, small, so it runs while the page's code is still
 * arriving): the need, its ranking at the default weights, its introductions and its history, all at
 * once, as soon as the signed-in user is known to be a buyer's member. The page used to ask them
 * one after another (the need first, the ranking once the need had rendered).
 */
export function prefetchMatchView({ params }: LoaderFunctionArgs): null {
  const needId = params.id!;
  const lang = isLang(params.lang) ? params.lang : DEFAULT_LANG;
  prefetchFor(isBuyerMember, [
    pageQuery(NeedForEditQuery, { id: needId }),
    pageQuery(MatchSuppliersQuery, matchVariables(needId, DEFAULT_WEIGHTS, lang)),
    pageQuery(NeedIntroductionsQuery, { needId }),
    pageQuery(NeedHistoryQuery, { needId }),
  ]);
  // The banner's list formatter, while the answers are on their way: the first one a page makes
  // loads the language's list patterns (≈ 0.1 s with 4× CPU throttling, between the ranking's
  // answer and the ranked list when made by the first render that needs it).
  whenIdle(() => formatList(lang, []), 1000);
  return null;
}
