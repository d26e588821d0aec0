import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  createAward,
  downloadCsv,
  expectCsvMatchesChart,
  openDashboard,
  openFunnel,
  readChart,
  readFigureCards,
  recordGraphql,
  signIn,
  type AwardFixture,
} from '../support/web-analytics.js';
import { docScreenshot, expectAccessible, expectNoHorizontalScroll, startWebStack, step, type WebStack } from '../support/web.js';
import { openPage } from '../support/web-page.js';

/**
 * The analyst's dashboards in a real Chromium against the real API: an award made through the API
 * shows in the funnel and localisation pages, the funnel's CSV holds the chart's figures, every
 * dashboard passes axe in four languages and fits a phone, the charts draw under the strict CSP,
 * and a supplier member gets the "not allowed" page without the data.
 */
let web: WebStack;
let fixture: AwardFixture;
const DASHBOARDS = ['coverage', 'gaps', 'certificates', 'funnel', 'localisation', 'growth'];
const thisMonth = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit' }).format(new Date());

beforeAll(async () => {
  web = await startWebStack();
  fixture = await createAward(web);
}, 240_000);

afterAll(async () => {
  await web?.close();
});

describe('analytics dashboards in the browser', () => {
  it('an analyst sees the award in the funnel and localisation pages, and the funnel CSV holds the chart figures', async () => {
    const { page, context, problems } = await web.newPage('desktop');
    // A deep link before signing in: the sign-in page brings the analyst back to it.
    await step(page, 'analytics-deep-link', async () => {
      await page.goto('/vi/analytics/funnel');
      await page.waitForURL(/\/vi\/sign-in/);
      await page.getByLabel('Email').fill(fixture.analyst.email);
      await page.getByLabel('Mật khẩu').fill(fixture.analyst.password);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.waitForURL(/\/vi\/analytics\/funnel$/);
    });
    await step(page, 'analytics-funnel', async () => {
      await openFunnel(page, 'vi');
      const chart = await readChart(page);
      const awarded = chart.series.find((s) => s.name === 'Đã trao hợp đồng')!;
      const month = chart.categories.indexOf(thisMonth);
      expect(month).toBeGreaterThanOrEqual(0);
      // the same figure the API gives for the month, and at least the fixture's award
      const api = await web.gql<{ matchingFunnel: { rows: { period: string; awarded: number }[] } }>(
        'query($f: LocalDate!, $t: LocalDate!) { matchingFunnel(from: $f, to: $t, groupBy: [MONTH]) { rows { period awarded } } }',
        { f: `${thisMonth}-01`, t: `${thisMonth}-28` },
        fixture.analyst.token,
      );
      expect(awarded.data[month]).toBe(api.data!.matchingFunnel.rows.find((r) => r.period === thisMonth)!.awarded);
      expect(awarded.data[month]).toBeGreaterThanOrEqual(1);
      const csv = await downloadCsv(page, 'Tải CSV');
      expect(csv.name).toMatch(/^matching-funnel-.*\.csv$/);
      expectCsvMatchesChart(csv.rows, chart);
      await docScreenshot(page, 'analytics-funnel-vi-1280');
    });
    await step(page, 'analytics-localisation', async () => {
      await openDashboard(page, 'vi', 'localisation');
      const csv = await downloadCsv(page, 'Tải CSV');
      const [header, ...rows] = csv.rows as [string[], ...string[][]];
      const column = header.indexOf('Trao cho DN Hải Phòng');
      const awardedThisMonth = rows.filter((r) => r[0] === thisMonth).reduce((sum, r) => sum + Number(r[column]), 0);
      expect(awardedThisMonth).toBeGreaterThanOrEqual(1);
      // the table (the chart's text alternative) shows the same row
      await page.getByTestId('figure-table').getByRole('cell', { name: thisMonth }).first().waitFor();
    });
    expect(problems).toEqual([]);
    await context.close();
  }, 240_000);

  it('every dashboard passes axe in vi, en, ja and ko, draws its chart under the CSP, and fits a phone', async () => {
    for (const viewport of ['desktop', 'phone'] as const) {
      const { page, context, problems } = await web.newPage(viewport);
      await signIn(page, fixture.analyst);
      // axe in every language at 1280 px; the layout at 390 px in Vietnamese, Japanese and Korean
      for (const lang of viewport === 'desktop' ? ['vi', 'en', 'ja', 'ko'] : ['vi', 'ja', 'ko']) {
        await step(page, `analytics-home-${lang}-${viewport}`, async () => {
          await openPage(page, `/${lang}/analytics`);
          await page.getByRole('heading', { level: 1 }).waitFor();
          if (viewport === 'desktop') await expectAccessible(page, `analytics home ${lang}`);
        });
        for (const name of DASHBOARDS) {
          await step(page, `analytics-${name}-${lang}-${viewport}`, async () => {
            await openDashboard(page, lang, name, { inApp: true });
            // axe at both widths: a phone shows the figures as cards rather than a table
            await expectAccessible(page, `${name} ${lang} ${viewport}`);
            if (viewport === 'phone') await expectNoHorizontalScroll(page, `${name} ${lang} at 390 px`);
            // every series is named where it is seen, on a phone too (ECharts' own legend paged them: "1/3")
            for (const chart of await page.getByTestId('chart').all()) {
              const { series } = JSON.parse((await chart.getAttribute('data-series'))!) as { series: { name: string }[] };
              if (series.length < 2) continue;
              const legend = chart.locator('xpath=preceding-sibling::ul[@data-testid="chart-legend"]');
              const shown = await legend
                .locator('li')
                .evaluateAll((items: any[]) =>
                  items
                    .filter(
                      (li) =>
                        li.getBoundingClientRect().width > 0 && li.getBoundingClientRect().right <= li.ownerDocument.defaultView.innerWidth,
                    )
                    .map((li) => li.textContent),
                );
              expect({ name, lang, viewport, shown }).toEqual({ name, lang, viewport, shown: series.map((s) => s.name) });
            }
            if ((lang === 'vi' || lang === 'ja') && (name === 'coverage' || name === 'funnel'))
              await docScreenshot(page, `analytics-${name}-${lang}-${viewport === 'desktop' ? 1280 : 390}`);
          });
        }
      }
      expect(problems).toEqual([]);
      await context.close();
    }
  }, 900_000);

  it('a long figure shows its latest months first, 25 rows at a time (cards on a phone), and the CSV holds every row', async () => {
    for (const viewport of ['phone', 'desktop'] as const) {
      const { page, context, problems } = await web.newPage(viewport);
      await signIn(page, fixture.analyst);
      await step(page, `analytics-growth-rows-${viewport}`, async () => {
        await openDashboard(page, 'vi', 'growth');
        const csv = await downloadCsv(page, 'Tải CSV');
        const [header, ...data] = csv.rows as [string[], ...string[][]];
        expect(header.slice(0, 2)).toEqual(['Tháng', 'Khu công nghiệp']);
        // a year of months for every zone: more rows than one screenful
        expect(data.length).toBeGreaterThan(50);
        expect(data[0][0]).toBe(thisMonth);
        const months = data.map((r) => r[0]);
        expect(months).toEqual([...months].sort().reverse());
        const shown = async () =>
          viewport === 'phone'
            ? (await readFigureCards(page)).map((c) => c.title)
            : await page.getByTestId('figure-table').locator('tbody tr').allTextContents();
        const first = await shown();
        expect(first).toHaveLength(25);
        if (viewport === 'phone') {
          expect(await page.getByTestId('figure-table').isVisible()).toBe(false);
          // titled "month · zone", in the CSV's order
          expect(first).toEqual(data.slice(0, 25).map((r) => `${r[0]} · ${r[1]}`));
          const card = (await readFigureCards(page))[0];
          expect(card.pairs).toEqual(Object.fromEntries(header.slice(2).map((label, i) => [label, data[0][i + 2]])));
          await expectAccessible(page, 'growth cards vi phone');
          await expectNoHorizontalScroll(page, 'growth cards at 390 px');
        }
        await expect(page.getByTestId('figure-shown').textContent()).resolves.toBe(
          `Đang hiện 25 trên ${new Intl.NumberFormat('vi').format(data.length)} dòng; tệp CSV có đủ tất cả.`,
        );
        await page.getByRole('button', { name: 'Xem thêm 25 dòng' }).click();
        await page.waitForFunction(
          (selector) => (globalThis as any).document.querySelectorAll(selector).length === 50,
          viewport === 'phone' ? '[data-testid="figure-cards"] > li' : '[data-testid="figure-table"] tbody tr',
        );
      });
      expect(problems).toEqual([]);
      await context.close();
    }
  }, 240_000);

  it('drills into the process tree from the keyboard and keeps values with no supplier visible', async () => {
    const { page, context } = await web.newPage('desktop');
    await signIn(page, fixture.analyst);
    await step(page, 'analytics-coverage-drill', async () => {
      await openDashboard(page, 'en', 'coverage');
      const top = await readChart(page);
      const open = page.getByRole('button', { name: /^Open\b/ }).first();
      const label = (await open.textContent())!.replace(/^Open:?\s*/, '');
      await open.focus();
      await page.keyboard.press('Enter');
      await page.getByRole('navigation', { name: 'Place in the taxonomy' }).getByRole('button', { name: label }).waitFor();
      const below = await readChart(page);
      expect(below.categories).not.toEqual(top.categories);
      // zeros stay on the chart: every row of the table is a category of the chart
      const rows = await page.getByTestId('figure-table').locator('tbody tr').count();
      expect(below.categories).toHaveLength(rows);
    });
    await context.close();
  }, 120_000);

  it('a supplier member opening a dashboard or the console gets the not-allowed page, and no analytics data reaches the browser', async () => {
    const { page, context, problems } = await web.newPage('phone');
    const bodies = recordGraphql(page);
    await signIn(page, fixture.supplierMember);
    for (const path of ['/vi/analytics', '/vi/analytics/funnel', '/vi/analytics/coverage', '/vi/console', '/vi/console/verification']) {
      await step(page, `not-allowed-${path.replace(/\//g, '-')}`, async () => {
        await page.goto(path);
        await page.getByTestId('not-allowed').waitFor();
        await page.waitForLoadState('networkidle');
      });
    }
    await docScreenshot(page, 'not-allowed-vi-390');
    // the menu offers neither analytics nor the console to a supplier member
    await page.getByRole('button', { name: 'Trình đơn' }).click();
    const menu = page.locator('#phone-menu');
    await menu.getByRole('link', { name: 'Hồ sơ doanh nghiệp' }).waitFor();
    expect(await menu.getByRole('link', { name: 'Phân tích' }).count()).toBe(0);
    expect(await menu.getByRole('link', { name: 'Bảng điều hành' }).count()).toBe(0);
    const all = bodies.join('\n');
    for (const field of ['matchingFunnel', 'supplyCoverage', 'verificationQueue', 'searchIndexHealth'])
      expect({ field, seen: all.includes(field) }).toEqual({ field, seen: false });
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);
});
