import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Locator } from 'playwright-core';
import { createAward, signIn, type AwardFixture } from '../support/web-analytics.js';
import { openPage } from '../support/web-page.js';
import { expectAccessible, expectNoHorizontalScroll, startWebStack, step, type WebStack } from '../support/web.js';

/**
 * The buyer's pages at a phone's width in Korean and Japanese, in a real Chromium against the real
 * API: an awarded need reads as a summary (not a form of faint disabled fields with editing hints);
 * its history's days have the full year, its deliveries' defects say which figure is which, and a
 * date field's example is a hint under its label; a delivery's correction opens under its row and
 * hands the focus back.
 */
let web: WebStack;
let award: AwardFixture;
const DAYS = ['2026-11-02', '2026-11-09', '2026-11-16'];

async function must<T = any>(query: string, variables: Record<string, unknown>, token: string): Promise<T> {
  const { data, errors } = await web.gql<T>(query, variables, token);
  if (errors || !data) throw new Error(JSON.stringify(errors));
  return data;
}

/**
 * The contrast ratio (WCAG) of an element's text with the first background behind it, the opacity of
 * the element and its ancestors blended in (a disabled field's 60 % opacity among them).
 */
function textContrast(element: Locator): Promise<number> {
  return element.evaluate((node: any) => {
    const view = node.ownerDocument.defaultView;
    const channels = (css: string) => (css.match(/[\d.]+/g) ?? []).map(Number);
    let opacity = 1;
    let background: number[] | null = null;
    for (let el = node; el; el = el.parentElement) {
      const style = view.getComputedStyle(el);
      opacity *= Number(style.opacity);
      const [r = 0, g = 0, b = 0, a = 1] = channels(style.backgroundColor);
      if (!background && a > 0) background = [r, g, b];
    }
    const behind = background ?? [255, 255, 255];
    const [r = 0, g = 0, b = 0, a = 1] = channels(view.getComputedStyle(node).color);
    const alpha = a * opacity;
    const text = [r, g, b].map((c, i) => c * alpha + behind[i] * (1 - alpha));
    const luminance = (rgb: number[]) => {
      const [R, G, B] = rgb.map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
      return 0.2126 * R + 0.7152 * G + 0.0722 * B;
    };
    const [high, low] = [luminance(text), luminance(behind)].sort((x, y) => y - x);
    return (high + 0.05) / (low + 0.05);
  });
}

const isFocused = (element: Locator) => element.evaluate((node: any) => node === node.ownerDocument.activeElement);
const holdsFocus = (element: Locator) => element.evaluate((node: any) => node.contains(node.ownerDocument.activeElement));

beforeAll(async () => {
  web = await startWebStack();
  award = await createAward(web);
  const token = award.buyerMember.token;
  for (const [i, day] of DAYS.entries())
    await must(
      'mutation($input: RecordDeliveryInput!) { recordDelivery(input: $input) { id } }',
      { input: { needId: award.needId, promisedOn: day, deliveredOn: day, quantity: 12000, defectiveQuantity: i === 0 ? 12 : 0 } },
      token,
    );
}, 240_000);

afterAll(async () => {
  await web?.close();
});

describe("the buyer's pages on a phone, in Korean and Japanese", () => {
  it('an awarded need reads as a summary at full contrast, without editing hints', async () => {
    const { page, context, problems } = await web.newPage('phone');
    await signIn(page, award.buyerMember);
    await step(page, 'buyer-phone-awarded-need', async () => {
      await page.goto(`/ko/buyer/needs/${award.needId}`);
      const summary = page.getByTestId('need-summary');
      await summary.getByRole('heading', { name: '요청 내용', level: 2 }).waitFor();
      await summary.getByText('발주가 완료된 요청이라 더 이상 수정할 수 없습니다.').waitFor();
      // no field of the need to fill: the only form controls are the deliveries' (recorded against the award)
      const outside = await page
        .locator('main input, main textarea, main select')
        .evaluateAll(
          (controls: any[]) => controls.filter((control) => !control.closest('section[aria-labelledby="deliveries-title"]')).length,
        );
      expect(outside).toBe(0);
      // each value in plain text, at least 4.5:1 against its background
      const quantity = summary.getByText('20,000 개', { exact: true });
      await quantity.waitFor();
      expect(await textContrast(quantity)).toBeGreaterThanOrEqual(4.5);
      await summary.getByText('Nhà máy Tràng Duệ', { exact: true }).waitFor();
      // the whole title, wrapped rather than cut at a field's edge
      const title = page.locator('main h1');
      expect(await title.innerText()).toBe('Giá đỡ dập SPCC cho thống kê');
      expect(await title.evaluate((h: any) => h.scrollWidth <= h.clientWidth)).toBe(true);
      // no hint of a form nobody can edit: the title's example, the pickers' "type to search", the map's "click"
      const text = await page.locator('main').innerText();
      for (const hint of ['짧게. 예:', '입력하여 검색', '지도를 클릭해'])
        expect({ hint, shown: text.includes(hint) }).toEqual({ hint, shown: false });

      await page.waitForLoadState('networkidle');
      await expectAccessible(page, 'awarded need (ko, 390 px)');
      await expectNoHorizontalScroll(page, 'awarded need (ko, 390 px)');
    });
    expect(problems).toEqual([]);
    await context.close();
  }, 180_000);

  it("the need's history writes days with the full year; a delivery's defect count and rate are labelled; a date field's example is a hint", async () => {
    const { page, context, problems } = await web.newPage('phone');
    await signIn(page, award.buyerMember);
    await step(page, 'buyer-phone-dates-defects', async () => {
      await page.goto(`/ko/buyer/needs/${award.needId}`);
      await page.locator('section[aria-labelledby="timeline-title"] time').first().waitFor();
      // the history writes days as the rest of the app does, with the full year ("26. 12. 5." before)
      const times = await page.locator('section[aria-labelledby="timeline-title"] time').allInnerTexts();
      expect(times.length).toBeGreaterThan(0);
      // a delivery's defects: the count and the rate, each under its own label ("12 · 1,000 ppm" before)
      const deliveries = page.locator('section[aria-labelledby="deliveries-title"]');
      const first = deliveries.getByRole('listitem').filter({ hasText: '2026. 11. 02.' });
      await first.waitFor();
      const pairs = await first
        .locator('dt')
        .evaluateAll((terms: any[]) => terms.map((dt) => `${dt.textContent} = ${dt.nextElementSibling?.textContent}`));
      // a date field's example is a hint under its label, not grey digits in the box that read as a day filled in
      const promised = deliveries.getByLabel('약속 납기', { exact: true }).first();
      expect({
        historyDatesNotInFull: times.filter((time) => !/^\d{4}\. \d{2}\. \d{2}\. (오전|오후) \d{1,2}:\d{2}$/.test(time)),
        unlabelledDefects: ['불량 수(개) = 12', '불량률 = 1,000 ppm'].filter((pair) => !pairs.includes(pair)),
        datePlaceholder: await promised.getAttribute('placeholder'),
        dateHints: await deliveries.getByText('예: 2026. 12. 31.', { exact: true }).count(),
      }).toEqual({ historyDatesNotInFull: [], unlabelledDefects: [], datePlaceholder: '', dateHints: 2 });
    });
    expect(problems).toEqual([]);
    await context.close();
  }, 180_000);

  it("a delivery's correction opens under its row with the focus in it, and cancelling gives the focus back to the row's button (390 and 1280 px)", async () => {
    for (const viewport of ['phone', 'desktop'] as const) {
      const { page, context, problems } = await web.newPage(viewport);
      await signIn(page, award.buyerMember);
      await step(page, `buyer-correction-in-place-${viewport}`, async () => {
        await openPage(page, `/ko/buyer/needs/${award.needId}`);
        const deliveries = page.locator('section[aria-labelledby="deliveries-title"]');
        // the middle delivery (newest first: 16, 09, 02 November)
        const row =
          viewport === 'phone'
            ? deliveries.getByRole('listitem').filter({ hasText: '2026. 11. 09.' })
            : deliveries.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^2026\. 11\. 09\./ }) });
        const edit = row.getByRole('button', { name: '2026. 11. 09. 납품 수정' });
        await edit.focus();
        await page.keyboard.press('Enter');
        const form = page.locator('section[aria-labelledby="correct-delivery-title"]');
        await form.getByRole('heading', { name: '2026. 11. 09. 납품 수정' }).waitFor();
        expect(await holdsFocus(form)).toBe(true);
        // right under the row: in its card on a phone, in the table's next row wider
        if (viewport === 'phone') expect(await row.locator('section[aria-labelledby="correct-delivery-title"]').count()).toBe(1);
        else
          expect(
            await row.evaluate(
              (tr: any) => tr.nextElementSibling?.querySelector('section[aria-labelledby="correct-delivery-title"]') !== null,
            ),
          ).toBe(true);
        const rowBox = (await row.boundingBox())!;
        const formBox = (await form.boundingBox())!;
        expect(formBox.y - (rowBox.y + rowBox.height)).toBeLessThan(viewport === 'phone' ? 0 : 20);
        await form.getByRole('button', { name: '취소' }).click();
        expect(await form.count()).toBe(0);
        expect(await isFocused(edit)).toBe(true);
        // the question before a removal opens there too, and "cancel" gives the focus back the same way
        const removeButton = row.getByRole('button', { name: '2026. 11. 09. 납품 삭제' });
        await removeButton.click();
        const question = page.getByRole('alertdialog');
        await question.waitFor();
        expect(await (viewport === 'phone' ? row.getByRole('alertdialog').count() : question.count())).toBe(1);
        if (viewport === 'desktop')
          expect(await row.evaluate((tr: any) => tr.nextElementSibling?.querySelector('[role="alertdialog"]') !== null)).toBe(true);
        await question.getByRole('button', { name: '취소' }).click();
        expect(await isFocused(removeButton)).toBe(true);
      });
      expect(problems).toEqual([]);
      await context.close();
    }
  }, 240_000);
});
