import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { CDPSession, Page, Request } from 'playwright-core';
import { ms } from './support.js';

/** One request of a page visit, in ms from the navigation's start. */
interface Entry {
  what: string;
  start: number;
  end: number;
  gzipBytes?: number;
}

/**
 * Where one page visit's time goes: every script, stylesheet and API request with when it started
 * and ended (from the navigation's start), the JavaScript's size gzipped, and the main thread's
 * busy time by kind (Chromium's own counters). Call `watch` before `page.goto`, `report` once the
 * page shows what was waited for.
 */
export function timeline(page: Page, options: { cpuProfile?: string } = {}) {
  const requests: { request: Request; what: string }[] = [];
  const bodies = new Map<Request, Promise<number | undefined>>();
  const onRequest = (request: Request) => {
    const type = request.resourceType();
    const url = new URL(request.url());
    let what: string | undefined;
    if (type === 'script' || type === 'stylesheet') what = url.pathname.replace(/^\/assets\//, '');
    else if (type === 'document') what = `page ${url.pathname}`;
    else if (url.pathname === '/graphql')
      what = `graphql ${(request.postDataJSON() as { operationName?: string } | null)?.operationName ?? '?'}`;
    else if (url.pathname.startsWith('/auth/')) what = `POST ${url.pathname}`;
    if (!what) return;
    requests.push({ request, what });
    if (type === 'script')
      bodies.set(
        request,
        request.response().then(
          async (response) => (response ? gzipSync(await response.body(), { level: 9 }).length : undefined),
          () => undefined,
        ),
      );
  };
  let cdp: CDPSession | undefined;
  /** The main thread's counters when watching started (a visit inside a page already loaded counts from there). */
  let before: { name: string; value: number }[] = [];
  return {
    async watch(): Promise<void> {
      page.on('request', onRequest);
      cdp = await page.context().newCDPSession(page);
      await cdp.send('Performance.enable');
      before = (await cdp.send('Performance.getMetrics')).metrics;
      if (options.cpuProfile) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
        await cdp.send('Profiler.start');
      }
    },
    /** `fromMs`: times are given from this moment of the page (ms from its navigation start) instead. */
    async report(title: string, fromMs = 0): Promise<string> {
      page.off('request', onRequest);
      const origin = (await page.evaluate(() => performance.timeOrigin)) + fromMs;
      const entries: Entry[] = [];
      for (const { request, what } of requests) {
        const timing = request.timing();
        if (timing.responseEnd < 0) continue;
        const start = timing.startTime - origin;
        if (start < 0) continue; // before the moment the report starts from
        entries.push({ what, start, end: start + timing.responseEnd, gzipBytes: await bodies.get(request) });
      }
      entries.sort((a, b) => a.start - b.start);
      const { metrics } = await cdp!.send('Performance.getMetrics');
      if (options.cpuProfile) {
        // opens in Chromium's DevTools (Performance → load profile); build with `--sourcemap` to read it by source file
        const { profile } = await cdp!.send('Profiler.stop');
        mkdirSync(dirname(options.cpuProfile), { recursive: true });
        writeFileSync(options.cpuProfile, JSON.stringify(profile));
      }
      const metric = (name: string) =>
        ((metrics.find((m) => m.name === name)?.value ?? 0) - (before.find((m) => m.name === name)?.value ?? 0)) * 1000;
      const lines = entries.map(
        (e) =>
          `  ${e.what.padEnd(44)} ${ms(e.start).padStart(10)} → ${ms(e.end).padStart(10)}${e.gzipBytes ? `  ${(e.gzipBytes / 1024).toFixed(1).padStart(6)} kB gzip` : ''}`,
      );
      const js = entries.reduce((sum, e) => sum + (e.gzipBytes ?? 0), 0);
      return [
        `${title}`,
        ...lines,
        `  JavaScript ${(js / 1024).toFixed(1)} kB gzip; main thread: script ${ms(metric('ScriptDuration'))}, style ${ms(metric('RecalcStyleDuration'))}, layout ${ms(metric('LayoutDuration'))}, all tasks ${ms(metric('TaskDuration'))}`,
      ].join('\n');
    },
  };
}
