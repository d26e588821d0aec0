import { existsSync, statfsSync } from 'node:fs';
import sparticuz from '@sparticuz/chromium';
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

/** Its Lambda-minded flags: a single process and no web security. Keep the browser a browser. */
const NOT_A_BROWSER = ['--single-process', '--disable-web-security', '--allow-running-insecure-content'];
/** Its GPU: compositing emulated by SwiftShader inside the browser process. */
const EMULATED_GPU = [
  '--in-process-gpu',
  '--use-gl=angle',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
];

/** V8's tiers: 0 the interpreter, 1 Sparkplug (baseline), 2 Maglev, 3 TurboFan. */
const BASELINE_JS = '--js-flags=--max-opt=1';

export interface ChromiumOptions {
  /**
   * For the browser tests, which check what a page says and does, not how fast it draws. bench:web
   * keeps the launch its figures have always been measured with.
   * - Software compositing instead of the emulated GPU, which cost the browser process more CPU than
   *   the pages themselves (nothing here draws with WebGL: ECharts uses a 2D canvas, Leaflet the DOM).
   * - Shared memory back in /dev/shm where it has room: Playwright moves it to files under /tmp for
   *   containers whose /dev/shm is 64 MB, and /tmp may be a disk.
   * Over the browser suites on 2 cores, the browser processes' CPU fell from 314 to 187 s.
   * - JavaScript compiled no further than V8's baseline tier (Sparkplug): a test page lives for
   *   seconds, and Maglev and TurboFan spent more (on the renderer's worker threads) optimising the
   *   app's and axe-core's code than the optimised code saved. A page runs the same code either way;
   *   the same 16 page checks (axe included) cost Chromium 15–18 % less CPU.
   */
  lean?: boolean;
}

/**
 * A headless Chromium: the machine's own when it has one, otherwise the build shipped inside the
 * @sparticuz/chromium npm package (so a fresh clone needs no browser download). Used by the browser
 * tests and bench:web.
 */
export async function launchChromium({ lean = false }: ChromiumOptions = {}): Promise<Browser> {
  const shm: LaunchOptions = lean && roomInDevShm() ? { ignoreDefaultArgs: ['--disable-dev-shm-usage'] } : {};
  const system = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));
  const baselineJs = lean ? [BASELINE_JS] : [];
  if (system) return chromium.launch({ executablePath: system, args: ['--no-sandbox', ...baselineJs], ...shm });
  const dropped = new Set([...NOT_A_BROWSER, ...(lean ? EMULATED_GPU : [])]);
  const args = sparticuz.args.filter((arg) => !dropped.has(arg));
  return chromium.launch({
    executablePath: await sparticuz.executablePath(),
    args: lean ? [...args, '--disable-gpu', ...baselineJs] : args,
    ...shm,
  });
}

function roomInDevShm(): boolean {
  try {
    const { bavail, bsize } = statfsSync('/dev/shm');
    return bavail * bsize >= 1024 ** 3;
  } catch {
    return false;
  }
}
