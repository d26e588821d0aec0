import type { Locator, Page, Response } from 'playwright-core';

/** Presses Tab until `target` has the focus, as a keyboard user moves through the page. */
export async function tabTo(page: Page, target: Locator, most = 80): Promise<void> {
  await target.waitFor();
  for (let i = 0; i < most; i += 1) {
    if (await target.evaluate((el) => el === el.ownerDocument.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('could not reach the element with Tab');
}

/** Records the bodies of the page's GraphQL answers until `stop()`: what crossed the network. */
export function recordGraphqlAnswers(page: Page): { bodies: string[]; stop: () => void } {
  const bodies: string[] = [];
  const watch = (response: Response) => {
    if (response.url().endsWith('/graphql'))
      void response.text().then(
        (text) => bodies.push(text),
        () => undefined,
      );
  };
  page.on('response', watch);
  return { bodies, stop: () => page.off('response', watch) };
}

/**
 * Opens `path` (`/vi/…`) as the app's own links do when the app is loaded (a history entry and a
 * `popstate`: React Router navigates, the document and what the page evaluated, such as axe, stay),
 * else with `page.goto`; then waits until the app marks that page drawn (`<html data-page>`, set
 * once the router is idle and the page is in its language). A page's own queries may still be
 * loading: `expectAccessible` waits for their spinners. Loops over many pages use it; a visit through
 * `page.goto` costs the renderer about 2.5 times as much CPU (a probe of the directory's 20 pages).
 */
export async function openPage(page: Page, path: string): Promise<void> {
  const loaded = await page.evaluate('document.documentElement.dataset.page !== undefined').catch(() => false);
  if (loaded)
    await page.evaluate((to) => {
      const { document, history, PopStateEvent, window } = globalThis as any;
      delete document.documentElement.dataset.page;
      window.scrollTo(0, 0); // each page read from its top, as after page.goto
      // the entry React Router's own push writes: its state, a key and the next index
      history.pushState({ usr: null, key: Math.random().toString(36).slice(2, 10), idx: (history.state?.idx ?? 0) + 1 }, '', to);
      window.dispatchEvent(new PopStateEvent('popstate'));
    }, path);
  else await page.goto(path);
  await page.waitForFunction((to) => {
    const { document, location } = globalThis as any;
    const url = new URL(to, location.href);
    return document.documentElement.dataset.page === `${url.pathname}${url.search}`;
  }, path);
}
