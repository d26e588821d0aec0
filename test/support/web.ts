import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from '@jest/globals';
import axe from 'axe-core';
import pg from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { findFreePort, LocalMeilisearch } from '#libs/local-infra';
import { launchChromium } from '../../apps/bench/src/browser.js';
import { createDatabase, databaseUrl, dropDatabase, withAdminClient } from './database.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const MAIN = join(ROOT, 'dist/apps/api/src/main.js');
/** Screenshots of failed browser steps (git-ignored). */
export const FAILURE_DIR = join(ROOT, 'test-results');
/** Screenshots the README shows, retaken by every run. */
export const DOCS_DIR = join(ROOT, 'docs/screenshots');
export const ADMIN_PASSWORD = 'admin-password-for-web-tests';
export const VIEWPORTS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } } as const;

export interface WebStack {
  baseUrl: string;
  browser: Browser;
  /** A fresh browser context (its own cookies) with one page; CSP violations and page errors fail the test. */
  newPage(viewport?: keyof typeof VIEWPORTS): Promise<{ context: BrowserContext; page: Page; problems: string[] }>;
  gql<T = any>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<{ data?: T; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }>;
  /** Kills this stack's own Meilisearch: search becomes unavailable, the rest of the API keeps working. */
  stopSearch(): Promise<void>;
  close(): Promise<void>;
}

/** The built API as `npm start` runs it (production mode, serving the built web app), with `env` on top. */
function spawnApi(env: Record<string, string>): { child: ChildProcess; output: () => string } {
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [MAIN], {
    env: {
      PATH: process.env.PATH!,
      HOME: process.env.HOME ?? '/tmp',
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      JWT_SECRET: randomBytes(32).toString('hex'),
      ADMIN_PASSWORD,
      ANALYTICS_REFRESH_MINUTES: '0',
      DB_POOL_SIZE: '3',
      MAP_TILE_URL: 'http://127.0.0.1:9/{z}/{x}/{y}.png', // nothing listens there: tests run offline
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

async function stopApi(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** Polls `ready` every 250 ms until it holds; fails with the API's output when it exits or 120 s pass. */
async function waitForApi(api: ReturnType<typeof spawnApi>, what: string, ready: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (api.child.exitCode !== null) throw new Error(`the API exited before ${what}:\n${api.output().slice(-3000)}`);
    if (Date.now() > deadline) throw new Error(`the API did not get to ${what} in 120 s:\n${api.output().slice(-3000)}`);
    if (await ready().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Taken by the suite that seeds the demo template; the others wait for it (any fixed number: a PostgreSQL advisory lock key). */
const DEMO_TEMPLATE_LOCK = 20261203;

/**
 * The name of a database holding the migrated schema and the demo data, as the API leaves them at
 * its first start (nothing indexed; no search replica registered yet), seeded once by the first web suite that
 * asks and copied by every suite (`CREATE DATABASE … TEMPLATE`): a copy takes well under a second
 * where migrating and seeding took 10–20 s per suite on a busy 2-core machine. Named after the build
 * (dist/ is rebuilt from scratch by `npm run build`), so a rebuilt schema or demo gets a new template.
 */
async function demoTemplate(): Promise<string> {
  const name = `hp_demo_${Math.floor(statSync(MAIN).mtimeMs).toString(36)}`;
  return withAdminClient(async (client) => {
    await client.query('SELECT pg_advisory_lock($1)', [DEMO_TEMPLATE_LOCK]); // released when the client closes
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await seedDemoTemplate(client, name);
    return name;
  });
}

/**
 * Migrates and seeds database `name` with the built API itself (so the template holds exactly what
 * `npm start` loads), its search worker off so that the outbox stays for each copy's own API to index.
 */
async function seedDemoTemplate(client: { query(sql: string): Promise<unknown> }, name: string): Promise<void> {
  await client.query(`CREATE DATABASE ${name}`);
  const port = await findFreePort();
  const api = spawnApi({
    PORT: String(port),
    DATABASE_URL: databaseUrl(name),
    MEILI_URL: process.env.TEST_MEILI_URL!,
    MEILI_MASTER_KEY: process.env.TEST_MEILI_MASTER_KEY ?? '',
    MEILI_INDEX_PREFIX: `tpl${randomBytes(4).toString('hex')}`,
    SEED_DEMO_DATA: 'true',
    SEARCH_WORKER_IN_PROCESS: 'false',
  });
  try {
    // the API listens only once it has migrated and seeded
    await waitForApi(api, 'seeding the demo template', () => fetch(`http://127.0.0.1:${port}/health/live`).then((res) => res.ok));
    await stopApi(api.child); // no connection to the template may stay open
    // The seeding API registered the suite's Meilisearch as a search replica, with an outbox entry per
    // supplier for it. A copy runs on a Meilisearch of its own: with no replica registered, its API
    // registers its own as a new one and queues every supplier for it (and nothing waits for a
    // replica no copy serves, which the console's index health would report as down).
    const template = new pg.Client({ connectionString: databaseUrl(name) });
    await template.connect();
    await template.query('DELETE FROM search_replicas').finally(() => template.end());
  } catch (error) {
    api.child.kill('SIGKILL');
    await dropDatabase(name);
    throw error;
  }
}

/**
 * The API started the way `npm start` starts it (the built dist/apps/api/src/main.js, in
 * production mode, serving the built web app), on its own database (a copy of the demo template)
 * and its own Meilisearch, once the demo suppliers are searchable; and a headless Chromium.
 */
export async function startWebStack(env: Record<string, string> = {}): Promise<WebStack> {
  if (!existsSync(MAIN)) throw new Error('dist/ is missing: `npm test` builds it before running jest');
  const browserStarting = launchChromium({ lean: true }); // meanwhile
  browserStarting.catch(() => undefined); // its failure is reported where it is awaited
  const closeBrowser = () => browserStarting.then((started) => started.close()).catch(() => undefined);
  const db = await demoTemplate()
    .then(createDatabase)
    .catch(async (error: unknown) => {
      await closeBrowser();
      throw error;
    });
  // Its own Meilisearch, so a test can take search down without touching the suite's.
  const meiliDir = mkdtempSync(join(tmpdir(), 'hp-web-meili-'));
  chmodSync(meiliDir, 0o755);
  const meili = await LocalMeilisearch.start({ dataDir: meiliDir, port: await findFreePort() });
  const port = await findFreePort();
  const api = spawnApi({
    PORT: String(port),
    DATABASE_URL: db.url,
    MEILI_URL: meili.url,
    MEILI_MASTER_KEY: meili.masterKey,
    MEILI_INDEX_PREFIX: `w${randomBytes(4).toString('hex')}`,
    SEED_DEMO_DATA: 'true', // already there: only checked, as on a second `npm start`
    SEARCH_WORKER_IN_PROCESS: 'true',
    ...env,
  });
  const baseUrl = `http://localhost:${port}`;
  const gql: WebStack['gql'] = async (query, variables, token) => {
    const res = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as any;
  };
  const stop = async () => {
    await stopApi(api.child);
    await meili.stop();
    rmSync(meiliDir, { recursive: true, force: true });
    await dropDatabase(db.name);
  };
  let browser: Browser;
  try {
    // Ready once the demo suppliers are searchable (the in-process worker indexes them after start-up).
    await waitForApi(api, 'indexing the demo suppliers', async () => {
      const found = await gql('{ searchSuppliers(input: { hitsPerPage: 1 }) { totalHits } }');
      return (found?.data?.searchSuppliers?.totalHits ?? 0) >= 100;
    });
    browser = await browserStarting;
  } catch (error) {
    await closeBrowser();
    await stop();
    throw error;
  }
  return {
    baseUrl,
    browser,
    gql,
    async newPage(viewport = 'desktop') {
      const context = await browser.newContext({
        viewport: VIEWPORTS[viewport],
        baseURL: baseUrl,
        locale: 'vi-VN',
        timezoneId: 'Asia/Ho_Chi_Minh',
      });
      context.setDefaultTimeout(45_000);
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text()))
          problems.push(`CSP: ${message.text()}`);
      });
      return { context, page, problems };
    },
    async stopSearch() {
      meili.signal('SIGKILL');
      await new Promise((resolve) => setTimeout(resolve, 300));
    },
    async close() {
      await browser.close();
      await stop();
    },
  };
}

/** Runs a browser step; on failure saves a screenshot under test-results/ before failing. */
export async function step<T>(page: Page, name: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    mkdirSync(FAILURE_DIR, { recursive: true });
    await page.screenshot({ path: join(FAILURE_DIR, `${name.replace(/[^\w.-]+/g, '-')}.png`), fullPage: true }).catch(() => undefined);
    throw error;
  }
}

/** The WCAG 2.1 A and AA rules. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/**
 * axe-core as evaluated in a page: without the HTML of every node it looks at (`noHtml`), which it
 * copies from each element's outerHTML as it goes (5 % of its time on the buyer pages) and which the
 * report below never reads (it names a violation's nodes by their selectors). Every rule still runs.
 */
const AXE_IN_PAGE = `${axe.source}\naxe.configure({ noHtml: true });`;

/**
 * axe-core on the page once no spinner is left (or, with `whileLoading`, as it is now): no serious
 * or critical violation.
 *
 * axe runs in the page itself, evaluated once per document through the DevTools protocol (which
 * the page's CSP does not govern), and only its serious and critical violations leave the page.
 * Evaluating axe's 550 kB source is most of a check on a loaded machine (1.5–3.5 s at load ≈ 15,
 * against 0.2–4 s for the run itself): `@axe-core/playwright` evaluated it twice per check even in
 * its legacy mode, and its default mode three times plus a new blank page to finish each check.
 */
export async function expectAccessible(page: Page, label: string, options: { whileLoading?: boolean } = {}): Promise<void> {
  // the page as its reader gets it once its data is in (a check of the spinner itself says so)
  const spinners = page.locator('[data-spinner]');
  while (!options.whileLoading && (await spinners.count()) > 0) await spinners.first().waitFor({ state: 'detached' });
  // and once what is fading or sliding in has arrived: mid-fade, a popover's white-on-blue selected day
  // reads as white on pale blue (axe blends the opacity in), a contrast no reader ever sees
  await page.evaluate(() => {
    interface Running {
      effect: { getComputedTiming(): { endTime?: number | string } } | null;
      finished: Promise<unknown>;
    }
    const running = (globalThis as any).document.getAnimations() as Running[];
    const finite = running.filter((a) => a.effect?.getComputedTiming().endTime !== Infinity);
    return Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
  });
  if (!(await page.evaluate('typeof window.axe?.run === "function"'))) await page.evaluate(AXE_IN_PAGE);
  const violations = await page.evaluate(async (tags) => {
    interface Violation {
      id: string;
      impact?: string | null;
      help: string;
      nodes: { target: string[] }[];
    }
    const found = (await (globalThis as any).axe.run((globalThis as any).document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    })) as { violations: Violation[] };
    return found.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.id} (${v.impact}): ${v.help} — ${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(' '))
            .join(' | ')}`,
      );
  }, AXE_TAGS);
  expect({ page: label, violations }).toEqual({ page: label, violations: [] });
}

/** No visible badge cut short (a status squeezed to "ĐÃ T…" by a narrow column). */
export async function expectNoTruncatedBadges(page: Page, label: string): Promise<void> {
  const cut = await page.evaluate(() => {
    const labels = (globalThis as any).document.querySelectorAll('.mantine-Badge-label') as ArrayLike<{
      scrollWidth: number;
      clientWidth: number;
      textContent: string | null;
      checkVisibility(): boolean;
    }>;
    return Array.from(labels)
      .filter((l) => l.checkVisibility() && l.scrollWidth > l.clientWidth + 1)
      .map((l) => l.textContent ?? '');
  });
  expect({ page: label, truncatedBadges: cut }).toEqual({ page: label, truncatedBadges: [] });
}

/**
 * No heading (h1–h4) or table heading cell (`th`) under `scope` broken inside a word, in any
 * language. Each line break between two characters is judged where it falls:
 * - at a space, or before an opening bracket ("供給十分 / （%）"): always fine;
 * - in a heading, also next to punctuation ("・", "/", "-"), or between two words as the browser's
 *   own word segmentation (`Intl.Segmenter`, granularity word, in the heading's language) tells them
 *   apart. Korean and the Latin-script languages put spaces between words, so for them this means at
 *   a space; Japanese has none, and ICU's dictionary splits "企業|プロフィール|の|引き継ぎ":
 *   "引き継 / ぎ" and "見つかりませ / ん" break inside a word;
 * - in a `th` (a short label) never between two letters ("スコ / ア");
 * and no line may hold a single Han, kana or Hangul character cut off from its neighbours without a
 * space: ICU splits "見|つ|か|り|ま|せん", and "…ませ / ん" breaks inside "せん", but "…ま / せん"
 * would pass the word rule alone, as would a lone "ん" where ICU makes it a word.
 * Chromium breaks Korean between any two syllables and Japanese between any two characters unless
 * told otherwise (global.css).
 */
export async function expectWholeWordHeadings(page: Page, label: string, scope = 'main'): Promise<void> {
  // lines as drawn in the page's own fonts: a heading measured in a fallback font breaks elsewhere
  await page.evaluate(() => (globalThis as any).document.fonts.ready);
  const broken = await page.locator(`${scope} :is(h1, h2, h3, h4, th)`).evaluateAll((headings) => {
    interface Box {
      top: number;
      bottom: number;
      width: number;
    }
    interface Glyph {
      at: number;
      ch: string;
      box: Box;
    }
    const found: string[] = [];
    const letter = /[\p{L}\p{N}\p{M}]/u;
    const cjk = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]/u;
    for (const heading of headings as any[]) {
      const own = heading.getBoundingClientRect() as Box;
      if (!heading.checkVisibility() || own.width <= 1) continue; // hidden, or visually hidden for screen readers
      const doc = heading.ownerDocument;
      const lang: string = heading.closest('[lang]')?.getAttribute('lang') || 'en';
      // the heading's text, and each visible character's box; a change of element between two
      // text nodes (a badge after a name) counts as a space
      let text = '';
      const glyphs: Glyph[] = [];
      const walker = doc.createTreeWalker(heading, 4 /* NodeFilter.SHOW_TEXT */);
      const range = doc.createRange();
      let parent: unknown = null;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if ((node.parentElement.getBoundingClientRect() as Box).width <= 1) continue;
        if (parent && node.parentElement !== parent) text += ' ';
        parent = node.parentElement;
        let offset = 0;
        for (const ch of node.data as string) {
          range.setStart(node, offset);
          range.setEnd(node, (offset += ch.length));
          const box = range.getClientRects()[0] as Box | undefined;
          if (box) glyphs.push({ at: text.length, ch, box });
          text += ch;
        }
      }
      const shown = glyphs.filter((g) => !/\s/u.test(g.ch) && g.box.width > 0);
      // lines: a character whose middle is below the previous one's bottom starts a new line
      const lines: Glyph[][] = [];
      for (const glyph of shown) {
        const last = lines.at(-1)?.at(-1);
        if (!last || (glyph.box.top + glyph.box.bottom) / 2 > last.box.bottom) lines.push([glyph]);
        else lines.at(-1)!.push(glyph);
      }
      if (lines.length < 2) continue;
      const words = new Set(Array.from(new Intl.Segmenter(lang, { granularity: 'word' }).segment(text), (s) => s.index));
      const cell = heading.tagName === 'TH';
      // the breaks, before each line but the first: at a space, or inside a run of text
      const atSpace = lines.map((line, i) => {
        const end = lines[i - 1]?.at(-1);
        return end !== undefined && /\s/u.test(text.slice(end.at + end.ch.length, line[0].at));
      });
      const wrong = lines.some((line, i) => {
        if (i === 0 || atSpace[i] || /^[（(［[「『【〔〈《]/u.test(line[0].ch)) return false;
        if (cell) return true;
        const [before, after] = [lines[i - 1].at(-1)!.ch, line[0].ch];
        return letter.test(before) && letter.test(after) && !words.has(line[0].at);
      });
      // a lone character cut off from its word, not a one-syllable word after a space ("공급업체 / 수")
      const orphan = lines.some(
        (line, i) =>
          line.filter((g) => letter.test(g.ch)).length === 1 &&
          line.some((g) => cjk.test(g.ch)) &&
          ((i > 0 && !atSpace[i]) || (i < lines.length - 1 && !atSpace[i + 1])),
      );
      const shownLines = lines.map((line) => text.slice(line[0].at, line.at(-1)!.at + line.at(-1)!.ch.length));
      if (wrong || orphan) found.push(`${lang}: ${shownLines.join(' / ')}`);
    }
    return found;
  });
  expect({ page: label, brokenHeadings: broken }).toEqual({ page: label, brokenHeadings: [] });
}

/**
 * Every visible empty field's placeholder fits its box: a phone cut "入力して検索（ベトナム語・英語・日本語・韓国語"
 * short, and beside a picked chip the search box of a picker narrows further. Measured with the
 * field's own font on a canvas (a placeholder that overflows widens no scrollWidth).
 */
export async function expectWholePlaceholders(page: Page, label: string): Promise<void> {
  const cut = await page.locator('input[placeholder], textarea[placeholder]').evaluateAll((fields) => {
    const context = (fields[0] as any)?.ownerDocument.createElement('canvas').getContext('2d');
    return (fields as any[])
      .filter((field) => field.value === '' && field.placeholder && field.checkVisibility() && field.clientWidth > 1)
      .filter((field) => {
        const style = field.ownerDocument.defaultView.getComputedStyle(field);
        context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const room = field.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        return context.measureText(field.placeholder).width > room + 0.5;
      })
      .map((field) => field.placeholder as string);
  });
  expect({ page: label, cutPlaceholders: cut }).toEqual({ page: label, cutPlaceholders: [] });
}

/**
 * No block of Japanese text ends on a line holding a single character ("…くださ / い。"): per block,
 * the boxes of its last two letters (two range measurements, cheap enough for every phone check).
 */
export async function expectNoLoneLastCharacter(page: Page, label: string): Promise<void> {
  const lone = await page.evaluate(() => {
    const doc = (globalThis as any).document;
    const display = new Map<unknown, string>();
    const inline = (el: any) => {
      if (!display.has(el)) display.set(el, doc.defaultView.getComputedStyle(el).display);
      return ['inline', 'contents'].includes(display.get(el)!);
    };
    // each block's last text, Japanese by its language
    const last = new Map<any, any>();
    const walker = doc.createTreeWalker(doc.body, 4 /* NodeFilter.SHOW_TEXT */);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.data.trim()) continue;
      let block = node.parentElement;
      while (block && inline(block)) block = block.parentElement;
      if (block) last.set(block, node);
    }
    const letter = /[\p{L}\p{N}]/u;
    const japanese = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]/u;
    const range = doc.createRange();
    const box = (node: any, at: number) => {
      range.setStart(node, at);
      range.setEnd(node, at + 1);
      return range.getClientRects()[0] as { top: number; bottom: number; width: number } | undefined;
    };
    const found: string[] = [];
    for (const [block, node] of last) {
      const text: string = node.data;
      let end = text.length - 1;
      while (end > 0 && !letter.test(text[end])) end -= 1;
      if (end < 1 || !japanese.test(text[end]) || !letter.test(text[end - 1])) continue;
      if (node.parentElement.closest('[lang]')?.getAttribute('lang') !== 'ja' || block.clientWidth <= 1) continue;
      const [before, after] = [box(node, end - 1), box(node, end)];
      if (before && after && after.width > 0 && (after.top + after.bottom) / 2 > before.bottom) found.push(text.trim().slice(-16));
    }
    return found;
  });
  expect({ page: label, loneLastCharacters: lone }).toEqual({ page: label, loneLastCharacters: [] });
}

/**
 * Every match of `pattern` in the page's text stands on one line: a label and its number ("バージョン 1",
 * "MST 0101234567") are read together, the number never alone at the start of the next line. Per
 * match, the boxes of its characters (a range's rectangles, one per line it spans).
 */
export async function expectKeptTogether(page: Page, pattern: RegExp, label: string): Promise<void> {
  const split = await page.evaluate(
    ({ source, flags }) => {
      const doc = (globalThis as any).document;
      const re = new RegExp(source, flags.includes('g') ? flags : `${flags}g`);
      const range = doc.createRange();
      const found: string[] = [];
      const walker = doc.createTreeWalker(doc.body, 4 /* NodeFilter.SHOW_TEXT */);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const match of (node.data as string).matchAll(re)) {
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const boxes = [...range.getClientRects()].filter((b: any) => b.width > 0) as { top: number; bottom: number }[];
          if (boxes.some((b) => (b.top + b.bottom) / 2 > boxes[0].bottom)) found.push(match[0]);
        }
      }
      return found;
    },
    { source: pattern.source, flags: pattern.flags },
  );
  expect({ page: label, splitApart: split }).toEqual({ page: label, splitApart: [] });
}

/**
 * At phone width nothing may stick out sideways, no heading is broken inside a word, no Japanese
 * paragraph ends on a lone character and no placeholder is cut short.
 */
export async function expectNoHorizontalScroll(page: Page, label: string): Promise<void> {
  // runs in the page, where `document` exists (the test code has no DOM types)
  const widths = await page.evaluate(() => {
    const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document
      .documentElement;
    return { scroll: root.scrollWidth, client: root.clientWidth };
  });
  expect({ page: label, ...widths, scrolls: widths.scroll > widths.client }).toEqual({ page: label, ...widths, scrolls: false });
  await expectWholeWordHeadings(page, label, 'body');
  await expectNoLoneLastCharacter(page, label);
  await expectWholePlaceholders(page, label);
}

/** A README screenshot (PNG under docs/screenshots), retaken by each run. */
export async function docScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(DOCS_DIR, { recursive: true });
  await page.screenshot({ path: join(DOCS_DIR, `${name}.png`), fullPage: false });
}
