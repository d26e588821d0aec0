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
