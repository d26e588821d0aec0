import { existsSync } from 'node:fs';
import sparticuz from '@sparticuz/chromium';
import { chromium, type Browser } from 'playwright-core';

/**
 * A headless Chromium: the machine's own when it has one, otherwise the build shipped inside the
 * @sparticuz/chromium npm package (so a fresh clone needs no browser download). Used by the browser
 * tests and bench:web.
 */
export async function launchChromium(): Promise<Browser> {
  const system = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));
  if (system) return chromium.launch({ executablePath: system, args: ['--no-sandbox'] });
  // Its Lambda-minded flags include a single process and no web security: keep the browser a browser.
  const dropped = new Set(['--single-process', '--disable-web-security', '--allow-running-insecure-content']);
  return chromium.launch({ executablePath: await sparticuz.executablePath(), args: sparticuz.args.filter((arg) => !dropped.has(arg)) });
}
