import type { LoaderFunctionArgs } from 'react-router';
import { isBuyerMember } from '../../components/require-role.js';
import { DEFAULT_LANG, isLang, type Lang } from '../../i18n/languages.js';
import { formatList, formatNumber } from '../../i18n/format.js';
import { pageQuery, prefetchFor } from '../../lib/prefetch.js';
import { whenIdle } from '../../lib/when-idle.js';
import { MatchSuppliersQuery as MatchSuppliersDocument } from './api/matches.js';
import { NeedForEditQuery, NeedIntroductionsQuery } from './api/needs.js';
import { DEFAULT_WEIGHTS, matchVariables } from './match-weights.js';
import { offerRanking } from './use-ranking.js';
import type { MatchSuppliersQuery } from '../../gql/graphql.js';

/**
 * How long queries started on a press (`startMatchView`) wait for the navigation that usually follows:
 * a click comes ≈ 0.1 s after the pointer went down; a press held longer, or one that did not end in
 * a click (the pointer dragged off the link), leaves the loader to ask afresh.
 */
const PRESS_TO_NAVIGATION_MS = 3000;

/** The need and language whose queries a press started, and when: the loader of the visit that follows takes them. */
let pressed: { key: string; at: number } | undefined;

const pressKey = (needId: string, lang: string) => `${lang}/${needId}`;

/**
 * The match view's queries, started as the user presses a link to it (pointer down, or Enter on a
 * focused link: `matchViewLink`), before the click and React Router's navigation work that follows.
 * The loader of that navigation finds them started and asks nothing more (each query once). A press
 * that leads nowhere costs three read-only queries: the need and its introductions land in the cache
 * (where the list's counts read them), the ranking is dropped at the next visit.
 */
export function startMatchView(needId: string, lang: Lang): void {
  const key = pressKey(needId, lang);
  if (pressed?.key === key && performance.now() - pressed.at < PRESS_TO_NAVIGATION_MS) return; // a second press of the same link
  pressed = { key, at: performance.now() };
  askMatchView(needId, lang);
}

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
  const byPress = pressed?.key === pressKey(needId, lang) && performance.now() - pressed.at < PRESS_TO_NAVIGATION_MS;
  pressed = undefined;
  if (!byPress) askMatchView(needId, lang); // else the press that led here asked them already
  return null;
}

function askMatchView(needId: string, lang: Lang): void {
  const ranking = matchVariables(needId, DEFAULT_WEIGHTS, lang);
  // Beside `me`, not after it (a cold open's round trip): the API answers these only to the need's own
  // buyer, so anyone else gets refusals, no data, and the page's "not allowed".
  const [ranked] = prefetchFor(
    isBuyerMember,
    [
      pageQuery(MatchSuppliersDocument, ranking, { uncached: true }),
      pageQuery(NeedForEditQuery, { id: needId }, { fresh: true }),
      pageQuery(NeedIntroductionsQuery, { needId }, { fresh: true }),
    ],
    { besideRoleCheck: true },
  );
  // the ranking stays out of the normalised cache: the page takes it from here (use-ranking.ts)
  offerRanking(ranking, ranked as Promise<MatchSuppliersQuery | undefined>);
  // The banner's list formatter, while the answers are on their way: the first one a page makes
  // loads the language's list patterns (≈ 0.1 s with 4× CPU throttling, between the ranking's
  // answer and the ranked list when made by the first render that needs it).
  whenIdle(() => formatList(lang, []), 1000);
  // the same for the cards' two number formats (score, points), each in an idle moment of its own
  for (const digits of [0, 1]) whenIdle(() => formatNumber(lang, 0, { maximumFractionDigits: digits }), 1000);
}
