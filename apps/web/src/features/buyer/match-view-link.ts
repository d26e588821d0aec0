import type { KeyboardEvent, PointerEvent } from 'react';
import type { Lang } from '../../i18n/languages.js';

type MatchViewLoader = typeof import('./prefetch.js');

/** The match view's loader chunk once it has arrived: a press then starts the queries in its own event. */
let loaded: MatchViewLoader | undefined;

function loadLoader(): Promise<MatchViewLoader> {
  return import('./prefetch.js').then((module) => (loaded = module));
}

/**
 * Fetches the match view's loader chunk (small), for a page that links to the match view, once it is
 * idle: a press of the link then starts the queries at once, not after the chunk's import resolves
 * (a task later, behind the click and React Router's navigation that follow the press).
 */
export function preloadMatchViewLoader(): void {
  void loadLoader();
}

/** No modifier key: the link opens in this tab (with one, the browser opens a new tab or window, or saves). */
const inThisTab = (event: { altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }) =>
  !(event.altKey || event.ctrlKey || event.metaKey || event.shiftKey);

/**
 * Handlers for a link to a need's match view: its queries start as the link is pressed (the main
 * pointer button down, or Enter on the focused link), before the click that follows: a mouse click
 * lasts ≈ 0.1 s, and the click then spends the main thread on React Router's navigation before the
 * route's loader would ask. The loader takes what the press started (`startMatchView`).
 */
export function matchViewPress(needId: string, lang: Lang) {
  const start = () => {
    if (loaded) loaded.startMatchView(needId, lang);
    else void loadLoader().then((module) => module.startMatchView(needId, lang));
  };
  return {
    onPointerDown: (event: PointerEvent) => {
      if (event.button === 0 && inThisTab(event)) start();
    },
    onKeyDown: (event: KeyboardEvent) => {
      if (event.key === 'Enter' && inThisTab(event)) start();
    },
  };
}
