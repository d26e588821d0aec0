import { readFileSync } from 'node:fs';
import { expect } from '@jest/globals';
import type { Page } from 'playwright-core';
import { ADMIN_PASSWORD, type WebStack } from './web.js';
import { taxCodes } from './tax-codes.js';
import { openPage } from './web-page.js';

/**
 * Page helpers for the analyst's dashboards and the staff console, and an API fixture that makes an
 * award: exported so a longer browser flow (the buyer's) can end with the analyst's check.
 */
export const ADMIN_EMAIL = 'admin@hp-support.local';
export const PASSWORD = 'web-analytics-password';

export interface Account {
  email: string;
  password: string;
  token: string;
  userId: string;
}

async function must<T>(web: WebStack, query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const res = await web.gql<T>(query, variables, token);
  if (res.errors || !res.data) throw new Error(`fixture step failed: ${query.slice(0, 80)} → ${JSON.stringify(res.errors)}`);
  return res.data;
}

export async function apiLogin(web: WebStack, email: string, password: string): Promise<Account> {
  const data = await must<{ login: { accessToken: string; user: { id: string } } }>(
    web,
    'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken user { id } } }',
    { e: email, p: password },
  );
  return { email, password, token: data.login.accessToken, userId: data.login.user.id };
}

export const adminAccount = (web: WebStack) => apiLogin(web, ADMIN_EMAIL, ADMIN_PASSWORD);

let counter = 0;
export async function registerAccount(web: WebStack, prefix: string, role?: 'ANALYST' | 'STAFF'): Promise<Account> {
  counter += 1;
  const email = `${prefix}.${counter}.${Date.now()}@example.vn`;
  const data = await must<{ register: { accessToken: string; user: { id: string } } }>(
    web,
    'mutation($input: RegisterInput!) { register(input: $input) { accessToken user { id } } }',
    { input: { email, password: PASSWORD, displayName: `${prefix} ${counter}` } },
  );
  if (role)
    await must(
      web,
      'mutation($id: ID!, $role: PlatformRole!) { setUserRole(userId: $id, role: $role) { id } }',
      { id: data.register.user.id, role },
      (await adminAccount(web)).token,
    );
  return { email, password: PASSWORD, token: data.register.accessToken, userId: data.register.user.id };
}

/** Fresh tax codes, valid check digit, unlikely to collide with the demo data. */
export function freshTaxCodes(count: number): string[] {
  return taxCodes('08', 1_000_000 + Math.floor(Math.random() * 8_000_000), count);
}

const AWARD_BUYER_NAME = 'Award Test Buyer Vina';

export interface AwardFixture {
  analyst: Account;
  supplierMember: Account;
  supplierId: string;
  supplierName: string;
  needId: string;
  buyerMember: Account;
  buyerId: string;
  buyerName: string;
}

/**
 * Through the API: a verified supplier and buyer, a public need published, the supplier invited,
 * accepting, and the buyer awarding it — one award for the funnel and localisation pages.
 */
export async function createAward(web: WebStack): Promise<AwardFixture> {
  const admin = await adminAccount(web);
  const [supplierMember, buyerMember, analyst] = [
    await registerAccount(web, 'award.supplier'),
    await registerAccount(web, 'award.buyer'),
    await registerAccount(web, 'award.analyst', 'ANALYST'),
  ];
  const [supplierTax, buyerTax] = freshTaxCodes(2) as [string, string];
  const supplierName = 'Công ty TNHH Dập Trao Thầu';
  const supplier = (
    await must<{ createSupplier: { id: string } }>(
      web,
      'mutation($input: CreateSupplierInput!) { createSupplier(input: $input) { id } }',
      {
        input: {
          taxCode: supplierTax,
          nameVi: supplierName,
          processes: ['STAMPING'],
          zoneCode: 'TRANG_DUE',
          monthlyCapacity: { value: 80000, unit: 'PCS' },
        },
      },
      supplierMember.token,
    )
  ).createSupplier;
  await must(
    web,
    'mutation($id: ID!) { setVerificationStatus(input: { supplierId: $id, status: VERIFIED }) { id } }',
    { id: supplier.id },
    admin.token,
  );
  const buyer = (
    await must<{ createBuyer: { id: string } }>(
      web,
      'mutation($input: CreateBuyerInput!) { createBuyer(input: $input) { id } }',
      {
        input: {
          taxCode: buyerTax,
          name: AWARD_BUYER_NAME,
          countryOfOrigin: 'KR',
          plants: [{ name: 'Nhà máy Tràng Duệ', zoneCode: 'TRANG_DUE' }],
        },
      },
      buyerMember.token,
    )
  ).createBuyer;
  await must(
    web,
    'mutation($id: ID!) { setBuyerVerificationStatus(input: { buyerId: $id, status: VERIFIED }) { id } }',
    { id: buyer.id },
    admin.token,
  );
  const draft = (
    await must<{ createSourcingNeed: { id: string; version: number } }>(
      web,
      'mutation($input: CreateSourcingNeedInput!) { createSourcingNeed(input: $input) { id version } }',
      {
        input: {
          buyerId: buyer.id,
          title: 'Giá đỡ dập SPCC cho thống kê',
          visibility: 'PUBLIC',
          processes: ['STAMPING'],
          quantityPerMonth: { value: 20000, unit: 'PCS' },
          delivery: { plant: 'Nhà máy Tràng Duệ' },
          maxDistanceKm: 60,
        },
      },
      buyerMember.token,
    )
  ).createSourcingNeed;
  const need = (
    await must<{ publishSourcingNeed: { id: string; version: number } }>(
      web,
      'mutation($id: ID!, $version: Int!) { publishSourcingNeed(id: $id, version: $version) { id version } }',
      draft,
      buyerMember.token,
    )
  ).publishSourcingNeed;
  const invited = (
    await must<{ inviteSuppliers: { id: string }[] }>(
      web,
      'mutation($input: InviteSuppliersInput!) { inviteSuppliers(input: $input) { id } }',
      { input: { needId: need.id, supplierIds: [supplier.id] } },
      buyerMember.token,
    )
  ).inviteSuppliers;
  await must(
    web,
    'mutation($id: ID!) { respondToInvitation(input: { introductionId: $id, accept: true }) { id } }',
    { id: invited[0].id },
    supplierMember.token,
  );
  await must(
    web,
    'mutation($n: ID!, $s: ID!, $v: Int!) { awardSourcingNeed(needId: $n, supplierId: $s, version: $v) { status } }',
    { n: need.id, s: supplier.id, v: need.version },
    buyerMember.token,
  );
  return {
    analyst,
    supplierMember,
    supplierId: supplier.id,
    supplierName,
    needId: need.id,
    buyerMember,
    buyerId: buyer.id,
    buyerName: AWARD_BUYER_NAME,
  };
}

/** Every /graphql response body the page receives, to show what data reached the browser. */
export function recordGraphql(page: Page): string[] {
  const bodies: string[] = [];
  page.on('response', (response) => {
    if (response.url().endsWith('/graphql'))
      void response
        .text()
        .then((body) => bodies.push(body))
        .catch(() => undefined);
  });
  return bodies;
}

/** Signs the page's browser context in, as the sign-in form does, without drawing the form; the page is left where it was (blank for a new page). */
export async function signIn(page: Page, account: { email: string; password: string }): Promise<void> {
  // The sign-in form's own request, sent from the page's browser context (which keeps the cookie it
  // sets): the login mutation with the refresh token as an HttpOnly cookie. The form itself is
  // tested by the tests that fill it; drawing it and the account page for every other test cost two
  // page loads each.
  const answer = await page.request.post('/graphql', {
    headers: { 'content-type': 'application/json', 'x-refresh-transport': 'cookie' },
    data: {
      query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }',
      variables: { e: account.email, p: account.password },
    },
  });
  const body = (await answer.json()) as { data?: { login?: { accessToken?: string } }; errors?: unknown };
  expect({ signedIn: Boolean(body.data?.login?.accessToken), errors: body.errors }).toEqual({ signedIn: true, errors: undefined });
  const cookies = await page.context().cookies();
  expect(cookies.some((c) => c.name === 'hp_refresh' && c.httpOnly)).toBe(true);
  // the hint the app sets after a sign-in (it asks for a session only when hinted), once per tab
  await page.addInitScript(() => {
    const { localStorage, sessionStorage } = globalThis as any;
    if (sessionStorage.getItem('hp-test-hinted')) return;
    sessionStorage.setItem('hp-test-hinted', '1');
    localStorage.setItem('hp-session', '1');
  });
}

export interface ChartFigures {
  categories: string[];
  series: { name: string; data: (number | null)[] }[];
}

/**
 * Opens a dashboard and waits for its chart, drawn in the page's font with every glyph its labels
 * need loaded (a canvas falls back to a system font otherwise: empty boxes for Japanese and Korean
 * where the system has no CJK font, as on this test machine).
 */
/** Opens a dashboard (a fresh load unless `inApp`: then as the app's links do, its cache kept). */
export async function openDashboard(page: Page, lang: string, name: string, { inApp = false } = {}): Promise<void> {
  if (inApp) await openPage(page, `/${lang}/analytics/${name}`);
  else await page.goto(`/${lang}/analytics/${name}`);
  const chart = page.locator('[data-testid="chart"][data-font]').first();
  await chart.waitFor();
  await page.locator('[data-testid="chart"] canvas').first().waitFor();
  const drawn = await chart.evaluate((element) => {
    const font = element.getAttribute('data-font')!;
    const spec = JSON.parse(element.getAttribute('data-series')) as { categories: string[]; series: { name: string }[] };
    const text = [...spec.categories, ...spec.series.map((s) => s.name)].join('');
    return { font, loaded: (globalThis as any).document.fonts.check(`12px ${font}`, text) as boolean };
  });
  expect({ dashboard: name, lang, ...drawn }).toEqual({ dashboard: name, lang, font: expect.stringContaining('Noto Sans'), loaded: true });
}

export const openFunnel = (page: Page, lang = 'vi') => openDashboard(page, lang, 'funnel');

/** The figures the first chart on the page draws (what it was given). */
export async function readChart(page: Page): Promise<ChartFigures> {
  return JSON.parse((await page.getByTestId('chart').first().getAttribute('data-series'))!) as ChartFigures;
}

/** Minimal RFC 4180 CSV reader (quoted fields, doubled quotes). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i += 1) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && body[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

/** Clicks the page's CSV download and reads the file: header row and data rows. */
export async function downloadCsv(page: Page, buttonName: RegExp | string): Promise<{ name: string; rows: string[][] }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: buttonName }).click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), rows: parseCsv(readFileSync(path, 'utf8')) };
}

/** The funnel's CSV equals its chart: the same stages per period (summed over sectors when grouped by sector). */
export function expectCsvMatchesChart(csv: string[][], chart: ChartFigures): void {
  const [header, ...rows] = csv as [string[], ...string[][]];
  for (const series of chart.series) {
    const column = header.indexOf(series.name);
    expect({ series: series.name, column: column >= 0 }).toEqual({ series: series.name, column: true });
    const fromCsv = chart.categories.map((period) => rows.filter((r) => r[0] === period).reduce((sum, r) => sum + Number(r[column]), 0));
    expect({ series: series.name, values: fromCsv }).toEqual({ series: series.name, values: series.data });
  }
}

/** A figure's row as the page shows it: a table row at 1280 px, a card on a phone (the one visible of the two). */
export function figureRow(page: Page, text: string) {
  return page
    .locator('[data-testid="figure-table"] tbody tr:visible, [data-testid="figure-cards"] > li:visible')
    .filter({ hasText: text })
    .first();
}

/** The cards a figure shows on a phone: each card's title and its label → value pairs. */
export async function readFigureCards(page: Page): Promise<{ title: string; pairs: Record<string, string> }[]> {
  return page
    .getByTestId('figure-cards')
    .first()
    .locator(':scope > li')
    .evaluateAll((cards) =>
      cards.map((card) => {
        const el = card as unknown as {
          querySelector(s: string): { textContent: string | null };
          querySelectorAll(s: string): ArrayLike<any>;
        };
        const pairs: Record<string, string> = {};
        for (const pair of Array.from(el.querySelectorAll('dl > div'))) {
          pairs[(pair.querySelector('dt').textContent ?? '').trim()] = (pair.querySelector('dd').textContent ?? '').trim();
        }
        return { title: (el.querySelector('[data-card-title]').textContent ?? '').trim(), pairs };
      }),
    );
}
