import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { findFreePort, LocalMeilisearch } from '#libs/local-infra';
import { launchChromium } from '../../apps/bench/src/browser.js';
import { createDatabase, dropDatabase } from './test-app.js';

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

/**
 * The API started the way `npm start` starts it (the built dist/apps/api/src/main.js, in
 * production mode, serving the built web app), on its own database and index prefix of the
 * suite's PostgreSQL and Meilisearch, with the demo data; and a headless Chromium.
 */
export async function startWebStack(env: Record<string, string> = {}): Promise<WebStack> {
  if (!existsSync(MAIN)) throw new Error('dist/ is missing: `npm test` builds it before running jest');
  const db = await createDatabase();
  // Its own Meilisearch, so a test can take search down without touching the suite's.
  const meiliDir = mkdtempSync(join(tmpdir(), 'hp-web-meili-'));
  chmodSync(meiliDir, 0o755);
  const meili = await LocalMeilisearch.start({ dataDir: meiliDir, port: await findFreePort() });
  const port = await findFreePort();
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [MAIN], {
    env: {
      PATH: process.env.PATH!,
      HOME: process.env.HOME ?? '/tmp',
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: db.url,
      MEILI_URL: meili.url,
      MEILI_MASTER_KEY: meili.masterKey,
      MEILI_INDEX_PREFIX: `w${randomBytes(4).toString('hex')}`,
      JWT_SECRET: randomBytes(32).toString('hex'),
      ADMIN_PASSWORD,
      SEED_DEMO_DATA: 'true',
      SEARCH_WORKER_IN_PROCESS: 'true',
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
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    await meili.stop();
    rmSync(meiliDir, { recursive: true, force: true });
    await dropDatabase(db.name);
  };
  try {
    const deadline = Date.now() + 120_000;
    // Ready once the demo suppliers are searchable (the in-process worker indexes them after start-up).
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the API exited:\n${output.slice(-3000)}`);
      if (Date.now() > deadline) throw new Error(`the API did not get ready:\n${output.slice(-3000)}`);
      const found = await gql('{ searchSuppliers(input: { hitsPerPage: 1 }) { totalHits } }').catch(() => undefined);
      if ((found?.data?.searchSuppliers?.totalHits ?? 0) >= 100) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  const browser = await launchChromium();
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

/**
 * axe-core on the page as it is now: no serious or critical violation.
 *
 * Legacy mode runs `axe.run` in the page itself. The default mode injects axe three times and
 * finishes every run in a new blank page, which made each check ~13 s instead of ~4 s on a loaded
 * 2-core machine (the suites run 100+ of them); the app has no iframes, which is all that mode adds.
 * Only violations are collected: passes are not read, and serialising them is most of a run's cost.
 */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .options({ resultTypes: ['violations'] })
    .setLegacyMode(true)
    .analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect({
    page: label,
    violations: bad.map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    ),
  }).toEqual({ page: label, violations: [] });
}

/** At phone width nothing may stick out sideways. */
export async function expectNoHorizontalScroll(page: Page, label: string): Promise<void> {
  // runs in the page, where `document` exists (the test code has no DOM types)
  const widths = await page.evaluate(() => {
    const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document
      .documentElement;
    return { scroll: root.scrollWidth, client: root.clientWidth };
  });
  expect({ page: label, ...widths, scrolls: widths.scroll > widths.client }).toEqual({ page: label, ...widths, scrolls: false });
}

/** A README screenshot (PNG under docs/screenshots), retaken by each run. */
export async function docScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(DOCS_DIR, { recursive: true });
  await page.screenshot({ path: join(DOCS_DIR, `${name}.png`), fullPage: false });
}
