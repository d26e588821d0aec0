import 'reflect-metadata';
import { cpus, loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { DemoDataService } from '#libs/demo-data';
import { launchChromium } from './browser.js';
import { benchMatchView } from './web-match.js';
import { benchDashboard } from './web-dashboard.js';
import { argNumber, indexThroughWorker, ms, percentile, saveResults, startBenchStack } from './support.js';

const CPU_SLOWDOWN = 4;
const QUERY = `query Floor($input: SearchSuppliersInput!) { searchSuppliers(input: $input) { totalHits hits { supplier { id nameVi verificationStatus processes { code label(lang: vi) } } } } }`;

/**
 * The floor: a plain HTML page that renders the same first result list from one fetch, no framework.
 */
const FLOOR_HTML = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>floor</title></head><body><main><h1>Tìm nhà cung cấp</h1><ol id="r"></ol></main>
<script>
fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: ${JSON.stringify(QUERY)}, variables: { input: { hitsPerPage: 20, lang: 'vi', facets: ['processes','certifications','zone','sectors','productGroups','materials'] } } }) })
  .then((r) => r.json()).then((body) => {
    const list = document.getElementById('r');
    for (const hit of body.data.searchSuppliers.hits) {
      const li = document.createElement('li');
      li.textContent = hit.supplier.nameVi + ' — ' + hit.supplier.processes.map((p) => p.label).join(', ');
      list.appendChild(li);
    }
  });
</script></body></html>`;

/** Records when the first result list item appears (installed before any page script runs). */
const WATCH_FIRST_RESULT = `new MutationObserver((_, observer) => {
  if (document.querySelector('main li')) { window.__firstResultAt = performance.now(); observer.disconnect(); }
}).observe(document, { childList: true, subtree: true });`;

interface Sample {
  firstResultMs: number;
  jsGzipBytes: number;
  jsFiles: number;
  /** Each script's name and gzip size. */
  scripts: string[];
}

async function measure(page: Page, url: string, floorHtml?: string): Promise<Sample> {
  const scripts = new Map<string, number>();
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    void response.body().then(
      (body) => scripts.set(response.url(), gzipSync(body, { level: 9 }).length),
      () => undefined,
    );
  });
  if (floorHtml) await page.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: floorHtml }));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  await page.addInitScript(WATCH_FIRST_RESULT);
  await page.goto(url);
  await page.waitForFunction(() => (globalThis as unknown as { __firstResultAt?: number }).__firstResultAt !== undefined, undefined, {
    timeout: 60_000,
  });
  const firstResultMs = await page.evaluate(() => (globalThis as unknown as { __firstResultAt: number }).__firstResultAt);
  await page.waitForLoadState('networkidle');
  // the floor's script is inline: count the page's own bytes
  const inline = floorHtml ? gzipSync(Buffer.from(floorHtml), { level: 9 }).length : 0;
  return {
    firstResultMs,
    jsGzipBytes: [...scripts.values()].reduce((a, b) => a + b, 0) + inline,
    jsFiles: scripts.size,
    scripts: [...scripts].map(([script, bytes]) => `${new URL(script).pathname.replace(/^\/assets\//, '')} ${(bytes / 1024).toFixed(1)}`),
  };
}

function median(values: number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

/**
 * `npm run bench:web [-- --runs 10 --only directory,dashboard,match]`, headless Chromium with 4× CPU
 * throttling on the demo data, each figure beside its floor measured in the same run (alternating,
 * so both see the same load on a shared machine):
 * - the supplier directory's first page: JavaScript shipped (gzip) and navigation → first result
 *   list, median of cold visits, beside a plain HTML page rendering the same list from one fetch;
 * - the analytics dashboard's first chart beside its query over plain HTTP (web-dashboard.ts);
 * - the match view: open → ranked list and weight change → re-ranked list beside `matchSuppliers`
 *   over plain HTTP with the same arguments, and where one visit's time goes (web-match.ts).
 */
async function main(): Promise<void> {
  const runs = argNumber('runs', 10);
  const only = process.argv.includes('--only') ? new Set(process.argv[process.argv.indexOf('--only') + 1]?.split(',')) : undefined;
  const wanted = (part: 'directory' | 'dashboard' | 'match') => !only || only.has(part);
  const load = () =>
    loadavg()
      .map((l) => l.toFixed(2))
      .join(', ');
  const loadAtStart = load();
  const stack = await startBenchStack();
  const browser = await launchChromium();
  try {
    await stack.app.get(DemoDataService).load();
    await indexThroughWorker(stack, () => undefined);
    process.stdout.write(`machine: ${cpus().length} cores, load average ${loadAtStart} (1, 5, 15 min) at the start\n`);
    const results: Record<string, unknown> = { date: new Date().toISOString(), runs, cpuSlowdown: CPU_SLOWDOWN, loadAtStart };
    if (wanted('directory')) results.directory = await benchDirectory(stack.url, browser, runs);
    if (wanted('dashboard')) results.dashboard = await benchDashboard(stack, browser, runs);
    if (wanted('match')) results.match = await benchMatchView(stack, browser, runs);
    results.loadAtEnd = load();
    process.stdout.write(`\nload average ${results.loadAtEnd as string} (1, 5, 15 min) at the end\n`);
    process.stdout.write(`saved ${saveResults('web', results)}\n`);
  } finally {
    await browser.close();
    await stack.close();
  }
}

async function benchDirectory(url: string, browser: Browser, runs: number) {
  const visit = async (path: string, floorHtml?: string) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const sample = await measure(await context.newPage(), `${url}${path}`, floorHtml);
    await context.close();
    return sample;
  };
  const appSamples: Sample[] = [];
  const floorSamples: Sample[] = [];
  for (let i = 0; i < runs; i++) {
    floorSamples.push(await visit('/__floor', FLOOR_HTML));
    appSamples.push(await visit('/vi'));
  }
  const summary = (samples: Sample[]) => ({
    firstResultMs: median(samples.map((s) => s.firstResultMs)),
    jsGzipKb: median(samples.map((s) => s.jsGzipBytes)) / 1024,
    jsFiles: median(samples.map((s) => s.jsFiles)),
    samples: samples.map((s) => Math.round(s.firstResultMs)),
  });
  const app = summary(appSamples);
  const floor = summary(floorSamples);
  const row = (name: string, r: typeof app) =>
    `${name.padEnd(22)} ${`${r.jsGzipKb.toFixed(1)} kB`.padStart(10)} ${String(r.jsFiles).padStart(6)} ${ms(r.firstResultMs).padStart(12)}   (${r.samples.join(', ')})`;
  process.stdout.write(`\nDirectory first page, headless Chromium, ${CPU_SLOWDOWN}× CPU throttling, median of ${runs} cold visits\n`);
  process.stdout.write(`${'page'.padEnd(22)} ${'JS gzip'.padStart(10)} ${'files'.padStart(6)} ${'first results'.padStart(12)}\n`);
  process.stdout.write(`${row('web app (/vi)', app)}\n${row('floor (plain HTML)', floor)}\n`);
  process.stdout.write(`scripts: ${appSamples[0]?.scripts.join(', ')}\n`);
  process.stdout.write(
    `targets: JS ≤ 200 kB gzip ${app.jsGzipKb <= 200 ? 'met' : 'MISSED'}; first results ≤ 1.5 s ${app.firstResultMs <= 1500 ? 'met' : 'MISSED'}\n`,
  );
  return { app, floor, targets: { jsGzipKb: 200, firstResultMs: 1500 } };
}

void main();
