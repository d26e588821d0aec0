import type { LoaderFunctionArgs } from 'react-router';
import { isBuyerMember } from '../../components/require-role.js';
import { DEFAULT_LANG, isLang } from '../../i18n/languages.js';
import { formatList, formatNumber } from '../../i18n/format.js';
import { pageQuery, prefetchFor } from '../../lib/prefetch.js';
import { whenIdle } from '../../lib/when-idle.js';
import { MatchSuppliersQuery as MatchSuppliersDocument } from './api/matches.js';
import { NeedForEditQuery, NeedIntroductionsQuery } from './api/needs.js';
import { DEFAULT_WEIGHTS, matchVariables } from './match-weights.js';
import { offerRanking } from './use-ranking.js';
import type { MatchSuppliersQuery } from '../../gql/graphql.js';

/**
 * The match view's loader (a chunk of its own, small, so it runs while the page's code is still
 * arriving): the need, its ranking at the default weights and its introductions, all at once, as
 * soon as the signed-in user is known to be a buyer's member. The page used to ask them one after
 * another (the need first, the ranking once the need had rendered). The need and its introductions
 * are asked fresh here, once, and the page reads them from the cache (it asked them a second time,
 * `cache-and-network`, as the ranking arrived). The history is not asked here: the timeline below
 * the list asks it once the list is drawn, so that it does not compete with the ranking on the server.
 */
export function prefetchMatchView({ params }: LoaderFunctionArgs): null {
  const needId = params.id!;
  const lang = isLang(params.lang) ? params.lang : DEFAULT_LANG;
  const ranking = matchVariables(needId, DEFAULT_WEIGHTS, lang);
  const [ranked] = prefetchFor(isBuyerMember, [
    pageQuery(MatchSuppliersDocument, ranking, { uncached: true }),
    pageQuery(NeedForEditQuery, { id: needId }, { fresh: true }),
    pageQuery(NeedIntroductionsQuery, { needId }, { fresh: true }),
  ]);
  // the ranking stays out of the normalised cache: the page takes it from here (use-ranking.ts)
  offerRanking(ranking, ranked as Promise<MatchSuppliersQuery | undefined>);
  // The banner's list formatter, while the answers are on their way: the first one a page makes
  // loads the language's list patterns (≈ 0.1 s with 4× CPU throttling, between the ranking's
  // answer and the ranked list when made by the first render that needs it).
  whenIdle(() => formatList(lang, []), 1000);
  // the same for the cards' two number formats (score, points), each in an idle moment of its own
  for (const digits of [0, 1]) whenIdle(() => formatNumber(lang, 0, { maximumFractionDigits: digits }), 1000);
  return null;
}
