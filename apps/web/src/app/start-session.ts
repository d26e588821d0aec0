import { refreshAccessToken } from '../lib/session.js';

/** A wait that only matters when another tab holds the refresh lock: the page does not wait for that tab. */
const AT_MOST_MS = 250;

/**
 * A new tab or a reload: turn the refresh cookie (if any) into an access token. Imported first by
 * main.tsx, which renders (and so creates the router, which starts fetching the page's code) once this
 * request has left: the browser opens at most six connections to the server, and a page's queries
 * wait for this token. Started after the page's thirty-odd chunks, it queued behind them (≈ 0.4 s of
 * a match view's cold visit with 4× CPU throttling). Usually index.html's script has sent it already
 * (lib/session-start.ts), long before the entry ran: this then takes that request, and renders at once.
 */
export const sessionRequestSent = new Promise<void>((resolve) => {
  void refreshAccessToken(resolve);
  setTimeout(resolve, AT_MOST_MS);
});
