import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { DemoDataService } from '#libs/demo-data';
import { launchChromium } from './browser.js';
import { argNumber, indexThroughWorker, percentile, saveResults, spawnApi, startBenchStack } from './support.js';

const CPU_SLOWDOWN = 4;
const PASSWORD = 'bench-web-ab-password';

/**
 * Installed before any page script: when the page calls `fetch` for the refresh and each GraphQL
 * operation, when their answers resolve, and when the first ranked supplier appears; all in ms
 * from navigation start, as the page sees them (the DevTools network times of a throttled page
 * disagree with the page's own order of events).
 */
const WATCH = `(() => {
  const log = (window.__abLog = []);
  const fetch = window.fetch;
  window.fetch = function (input, init) {
    let name = typeof input === 'string' ? input : input.url;
    try { if (init && init.body) name = JSON.parse(init.body).operationName || name; } catch {}
    log.push(['call ' + name, performance.now()]);
    const answer = fetch.apply(this, arguments);
    answer.then(() => log.push(['answer ' + name, performance.now()]), () => undefined);
    return answer;
  };
  new MutationObserver((_, observer) => {
    if (document.querySelector('[data-testid="match-list"] > li')) { log.push(['ranked', performance.now()]); observer.disconnect(); }
  }).observe(document, { childList: true, subtree: true });
  document.addEventListener('pointerdown', () => log.push(['pressed', performance.now()]), { capture: true });
  document.addEventListener('click', () => log.push(['clicked', performance.now()]), { capture: true });
})();`;

const EVENTS = {
  refresh: 'call /auth/refresh',
  refreshed: 'answer /auth/refresh',
  viewer: 'call Viewer',
  ranking: 'call MatchSuppliers',
  ranked: 'answer MatchSuppliers',
  firstCard: 'ranked',
} as const;
/** `--from-list`: the events of an open from the needs list, counted from the click. */
const FROM_LIST_EVENTS = {
  pressed: 'pressed',
  ranking: 'call MatchSuppliers',
  ranked: 'answer MatchSuppliers',
  firstCard: 'ranked',
} as const;
type Event = keyof typeof EVENTS | keyof typeof FROM_LIST_EVENTS;

function median(values: number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

/**
 * `npm run bench:web-ab -- --base <dir> [--pairs 10]`: the match view's cold open, this build's web
 * app (dist/web) against another build of it (`--base`, e.g. main's dist/web copied aside), visit by
 * visit in one run: one bench stack, two API processes on the same database, one serving each build,
 * cold opens of the same need alternating ABBA, 4× CPU throttling. On a shared machine whose load
 * moves by the minute, two whole `bench:web` runs back to back cannot tell a 0.2 s change apart;
 * alternating visits see the same load. Prints, for each build, the medians of when the refresh
 * and the page's queries leave, and when the first ranked card appears. `--from-list`: instead of the
 * cold open, the open from the needs list (the app already loaded, as `bench:web` measures it), each
 * event counted from the click.
 */
async function main(): Promise<void> {
  const baseArg = process.argv.includes('--base') ? process.argv[process.argv.indexOf('--base') + 1] : undefined;
  if (!baseArg || !existsSync(join(baseArg, 'index.html')))
    throw new Error('--base <dir>: a built web app (a copy of dist/web) to compare with');
  const baseDir = resolve(baseArg);
  const pairs = argNumber('pairs', 10);
  const fromList = process.argv.includes('--from-list');
  const events: Record<string, string> = fromList ? FROM_LIST_EVENTS : EVENTS;
  const loadAtStart = loadavg()[0];
  const stack = await startBenchStack();
  const base = await spawnApi(stack.infra, stack.config, { WEB_DIST_DIR: baseDir });
  const browser = await launchChromium();
  try {
    await stack.app.get(DemoDataService).load();
    await indexThroughWorker(stack, () => undefined);
    // a member of the first demo buyer, signed in through the page (the refresh cookie is shared by both ports: cookies ignore the port)
    const email = `bench-ab-${Date.now()}@example.jp`;
    const registered = (await (
      await fetch(`${stack.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: 'mutation($input: RegisterInput!) { register(input: $input) { user { id } } }',
          variables: { input: { email, password: PASSWORD, displayName: 'Bench A/B buyer' } },
        }),
      })
    ).json()) as { data: { register: { user: { id: string } } } };
    const dataSource = stack.app.get(DataSource);
    const [need]: { id: string; buyer_id: string }[] = await dataSource.query(
      `SELECT id, buyer_id FROM sourcing_needs WHERE status = 'OPEN' ORDER BY created_at, id LIMIT 1`,
    );
    await dataSource.query('INSERT INTO company_memberships (user_id, buyer_id) VALUES ($1, $2)', [
      registered.data.register.user.id,
      need.buyer_id,
    ]);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const signIn = await context.newPage();
    await signIn.goto(`${stack.url}/vi/sign-in`);
    await signIn.getByLabel('Email').fill(email);
    await signIn.getByLabel('Mật khẩu').fill(PASSWORD);
    await signIn.getByRole('button', { name: 'Đăng nhập' }).click();
    await signIn.waitForURL(/\/vi\/account/);
    await signIn.close();
    // the session hint lives in each origin's storage: set it on the other port too
    await context.addInitScript(`try { localStorage.setItem('hp-session', '1'); } catch {}\n${WATCH}`);
    const builds = { this: stack.url, base: base.url };
    const samples: Record<keyof typeof builds, Record<Event, number>[]> = { this: [], base: [] };
    const loads: number[] = [];
    for (let i = 0; i < pairs * 2; i++) {
      const which = i % 4 === 0 || i % 4 === 3 ? 'base' : 'this'; // ABBA
      const page = await context.newPage();
      await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
      if (fromList) {
        await page.goto(`${builds[which]}/vi/buyer/needs`);
        // the list is drawn twice, as cards for a phone and as a table wider: the one this viewport shows
        const link = page.locator(`a[href$="/buyer/needs/${need.id}/matches"]`).filter({ visible: true });
        await link.waitFor();
        await page.waitForLoadState('networkidle');
        await page.evaluate(() => ((globalThis as unknown as { __abLog: [string, number][] }).__abLog.length = 0));
        await link.click();
      } else await page.goto(`${builds[which]}/vi/buyer/needs/${need.id}/matches`);
      await page.waitForFunction(
        () => (globalThis as unknown as { __abLog: [string, number][] }).__abLog.some(([what]) => what === 'ranked'),
        undefined,
        {
          timeout: 60_000,
        },
      );
      const log = await page.evaluate(() => (globalThis as unknown as { __abLog: [string, number][] }).__abLog);
      const origin = fromList ? (log.find(([name]) => name === 'clicked')?.[1] ?? Number.NaN) : 0;
      const at = (what: string) => (log.find(([name]) => name === what)?.[1] ?? Number.NaN) - origin;
      samples[which].push(
        Object.fromEntries(Object.entries(events).map(([event, what]) => [event, Math.round(at(what))])) as Record<Event, number>,
      );
      loads.push(loadavg()[0]);
      await page.close();
    }
    await context.close();
    const summary = Object.fromEntries(
      Object.entries(samples).map(([build, rows]) => [
        build,
        Object.fromEntries(Object.keys(events).map((event) => [event, median(rows.map((row) => row[event as Event]))])),
      ]),
    ) as Record<keyof typeof builds, Record<Event, number>>;
    process.stdout.write(
      `\nMatch view ${fromList ? 'opened from the needs list' : 'cold open'}, this build (dist/web) against ${baseDir}, ${pairs} visits each alternating ABBA, ${CPU_SLOWDOWN}× CPU throttling; load average ${loadAtStart.toFixed(1)} at the start, ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} during\n`,
    );
    process.stdout.write(
      `${`median, ms from ${fromList ? 'the click' : 'navigation'}`.padEnd(40)} ${'base'.padStart(8)} ${'this'.padStart(8)}\n`,
    );
    const labels: Record<Event, string> = {
      refresh: 'POST /auth/refresh called',
      refreshed: 'its answer',
      viewer: 'me (Viewer) called',
      ranking: 'matchSuppliers called',
      ranked: 'its answer',
      firstCard: 'first ranked card',
      pressed: 'pointer down',
    };
    for (const event of Object.keys(events) as Event[])
      process.stdout.write(
        `${labels[event].padEnd(40)} ${String(summary.base[event]).padStart(8)} ${String(summary.this[event]).padStart(8)}\n`,
      );
    process.stdout.write(
      `first card, each visit: base ${samples.base.map((s) => s.firstCard).join(', ')}; this ${samples.this.map((s) => s.firstCard).join(', ')}\n`,
    );
    process.stdout.write(
      `saved ${saveResults(fromList ? 'web-ab-from-list' : 'web-ab', { date: new Date().toISOString(), pairs, baseDir, loads, summary, samples })}\n`,
    );
  } finally {
    await browser.close();
    base.child.kill('SIGTERM');
    await stack.close();
  }
}

void main();
