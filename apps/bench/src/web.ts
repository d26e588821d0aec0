import 'reflect-metadata';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { DemoDataService } from '#libs/demo-data';
import { launchChromium } from './browser.js';
import { benchMatchView } from './web-match.js';
import { benchDashboard } from './web-dashboard.js';
import { indexThroughWorker, ms, percentile, saveResults, startBenchStack } from './support.js';

const RUNS = 10;
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
  return { firstResultMs, jsGzipBytes: [...scripts.values()].reduce((a, b) => a + b, 0) + inline, jsFiles: scripts.size };
}

function median(values: number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

/**
 * `npm run bench:web`: the supplier directory's first page in headless Chromium with 4× CPU
 * throttling, on the demo data: JavaScript shipped (gzip) and time from navigation to the first
 * result list, median of 10 cold visits, beside a plain HTML page rendering the same list from one
 * fetch (the floor).
 */
async function main(): Promise<void> {
  const stack = await startBenchStack();
  const browser = await launchChromium();
  try {
    await stack.app.get(DemoDataService).load();
    await indexThroughWorker(stack, () => undefined);
    const run = async (url: string, floor?: string) => {
      const samples: Sample[] = [];
      for (let i = 0; i < RUNS; i++) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        const page = await context.newPage();
        samples.push(await measure(page, url, floor));
        await context.close();
      }
      return {
        firstResultMs: median(samples.map((s) => s.firstResultMs)),
        jsGzipKb: median(samples.map((s) => s.jsGzipBytes)) / 1024,
        jsFiles: median(samples.map((s) => s.jsFiles)),
        samples: samples.map((s) => Math.round(s.firstResultMs)),
      };
    };
    const app = await run(`${stack.url}/vi`);
    const floor = await run(`${stack.url}/__floor`, FLOOR_HTML);
    const dashboard = await benchDashboard(stack, browser);
    const results = {
      date: new Date().toISOString(),
      runs: RUNS,
      cpuSlowdown: CPU_SLOWDOWN,
      app,
      floor,
      dashboard,
      targets: { jsGzipKb: 200, firstResultMs: 1500 },
    };
    const row = (name: string, r: typeof app) =>
      `${name.padEnd(22)} ${`${r.jsGzipKb.toFixed(1)} kB`.padStart(10)} ${String(r.jsFiles).padStart(6)} ${ms(r.firstResultMs).padStart(12)}   (${r.samples.join(', ')})`;
    process.stdout.write(`\nDirectory first page, headless Chromium, ${CPU_SLOWDOWN}× CPU throttling, median of ${RUNS} cold visits\n`);
    process.stdout.write(`${'page'.padEnd(22)} ${'JS gzip'.padStart(10)} ${'files'.padStart(6)} ${'first results'.padStart(12)}\n`);
    process.stdout.write(`${row('web app (/vi)', app)}\n${row('floor (plain HTML)', floor)}\n`);
    process.stdout.write(
      `targets: JS ≤ 200 kB gzip ${app.jsGzipKb <= 200 ? 'met' : 'MISSED'}; first results ≤ 1.5 s ${app.firstResultMs <= 1500 ? 'met' : 'MISSED'}\n`,
    );
    process.stdout.write(`saved ${saveResults('web', results)}\n`);
    process.stdout.write(`saved ${saveResults('web-match', await benchMatchView(stack, browser))}\n`);
  } finally {
    await browser.close();
    await stack.close();
  }
}

void main();
