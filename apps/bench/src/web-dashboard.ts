import type { Browser } from 'playwright-core';
import { loginAdmin, ms, percentile, type BenchStack } from './support.js';

const CPU_SLOWDOWN = 4;
const PASSWORD = 'bench-analyst-password';
/** The first dashboard's query, as the page sends it (coverage by process). */
const FLOOR_QUERY = `query SupplyCoverage($by: CoverageDimension!, $lang: Language!) { supplyCoverage(by: $by, lang: $lang) { asOf dimension rows { term { code label } parent depth verifiedSuppliers withValidCertification } } }`;

/** Records when the chart's canvas and its table are both on the page (installed before any page script). */
const WATCH_FIRST_CHART = `new MutationObserver((_, observer) => {
  if (document.querySelector('[data-testid="chart"] canvas') && document.querySelector('[data-testid="figure-table"] tbody tr')) { window.__firstChartAt = performance.now(); observer.disconnect(); }
}).observe(document, { childList: true, subtree: true });`;

const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );

/**
 * The analytics dashboard's first chart (supply coverage by process): an analyst, signed in,
 * opens `/vi/analytics/coverage` cold (4× CPU throttling); time from navigation to the chart and its
 * table, median of 10; beside the same GraphQL query over plain HTTP from Node (the floor).
 */
export async function benchDashboard(
  stack: BenchStack,
  browser: Browser,
  runs: number,
): Promise<{ chartMs: number; queryMs: number; samples: number[] }> {
  const gql = async (query: string, variables: Record<string, unknown>, token?: string) => {
    const res = await fetch(`${stack.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: any; errors?: unknown };
    if (!body.data) throw new Error(`bench:web dashboard: ${JSON.stringify(body.errors)}`);
    return body.data;
  };
  const email = `bench.analyst.${Date.now()}@example.vn`;
  const registered = await gql('mutation($input: RegisterInput!) { register(input: $input) { accessToken user { id } } }', {
    input: { email, password: PASSWORD, displayName: 'Bench analyst' },
  });
  await gql(
    'mutation($id: ID!) { setUserRole(userId: $id, role: ANALYST) { id } }',
    { id: registered.register.user.id },
    await loginAdmin(stack),
  );
  const token = (
    await gql('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }', { e: email, p: PASSWORD })
  ).login.accessToken as string;

  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    // sign in first (not timed): the dashboard then opens as a returning analyst's would
    await page.goto(`${stack.url}/vi/sign-in`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Mật khẩu').fill(PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(/\/vi\/account/);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await page.addInitScript(WATCH_FIRST_CHART);
    await page.goto(`${stack.url}/vi/analytics/coverage`);
    await page.waitForFunction(() => (globalThis as unknown as { __firstChartAt?: number }).__firstChartAt !== undefined, undefined, {
      timeout: 60_000,
    });
    samples.push(await page.evaluate(() => (globalThis as unknown as { __firstChartAt: number }).__firstChartAt));
    await context.close();
  }
  const query: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await gql(FLOOR_QUERY, { by: 'PROCESS', lang: 'vi' }, token);
    query.push(performance.now() - started);
  }
  const result = { chartMs: median(samples), queryMs: median(query), samples: samples.map(Math.round) };
  process.stdout.write(
    `\nAnalytics dashboard (supply coverage), headless Chromium, ${CPU_SLOWDOWN}× CPU throttling, median of ${runs} cold visits\n`,
  );
  process.stdout.write(`${'first chart (app)'.padEnd(22)} ${ms(result.chartMs).padStart(12)}   (${result.samples.join(', ')})\n`);
  process.stdout.write(`${'its query (HTTP)'.padEnd(22)} ${ms(result.queryMs).padStart(12)}\n`);
  return result;
}
