import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Locator, Page } from 'playwright-core';
import { createAward, signIn, type AwardFixture } from '../support/web-analytics.js';
import { openPage } from '../support/web-page.js';
import { docScreenshot, expectAccessible, expectNoHorizontalScroll, startWebStack, step, type WebStack } from '../support/web.js';

/**
 * Delivery corrections and the buyer's consent in a real Chromium against the real API. A buyer
 * awarded a need and recorded five deliveries of 1 000 pieces, all on time (through the API); the
 * supplier published its delivery record: anyone sees 100 % on time, and not the buyer's name.
 * In the browser the buyer corrects one delivery from the keyboard (late by two days: the public
 * figure follows, 80 %); a correction made on a stale version shows the values saved meanwhile;
 * removing asks first; and the buyer's "Company settings" switch lets the supplier's published
 * record name it.
 */
let web: WebStack;
let award: AwardFixture;
const DAYS = ['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23', '2026-11-30'];

async function must<T = any>(query: string, variables: Record<string, unknown>, token: string): Promise<T> {
  const { data, errors } = await web.gql<T>(query, variables, token);
  if (errors || !data) throw new Error(JSON.stringify(errors));
  return data;
}

const deliveriesSection = (page: Page) => page.locator('section[aria-labelledby="deliveries-title"]');
const correctionForm = (page: Page) => page.locator('section[aria-labelledby="correct-delivery-title"]');
/** The table row of the delivery made on that day (dd/mm/yyyy in Vietnamese). */
const rowOf = (page: Page, day: string) =>
  deliveriesSection(page)
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${day.split('-').reverse().join('/')}`) }) });

async function publicScorecard(page: Page): Promise<Locator> {
  await page.goto(`/vi/suppliers/${award.supplierId}`);
  const card = page.locator('section[aria-labelledby="scorecard-title"]');
  await card.getByText('Từ 5 lần giao', { exact: true }).first().waitFor();
  return card;
}

async function selectAllAndType(page: Page, text: string) {
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(text);
}

beforeAll(async () => {
  web = await startWebStack();
  award = await createAward(web);
  for (const day of DAYS)
    await must(
      'mutation($input: RecordDeliveryInput!) { recordDelivery(input: $input) { id } }',
      { input: { needId: award.needId, promisedOn: day, deliveredOn: day, quantity: 1000, defectiveQuantity: 0 } },
      award.buyerMember.token,
    );
  await must(
    'mutation($id: ID!) { publishTrackRecord(supplierId: $id, published: true) { published } }',
    { id: award.supplierId },
    award.supplierMember.token,
  );
}, 240_000);

afterAll(async () => {
  await web?.close();
});

describe('correcting deliveries and consenting to be named, in a real browser', () => {
  it('the buyer corrects a delivery from the keyboard (a bad value refused beside its field) and the published figure follows', async () => {
    const visitor = await web.newPage('desktop');
    await step(visitor.page, 'corrections-public-before', async () => {
      const card = await publicScorecard(visitor.page);
      await card.getByText('100%', { exact: true }).first().waitFor();
    });

    const { page, context, problems } = await web.newPage('desktop');
    await signIn(page, award.buyerMember);
    await step(page, 'corrections-keyboard', async () => {
      await page.goto(`/vi/buyer/needs/${award.needId}`);
      const row = rowOf(page, '2026-11-16');
      await row.waitFor();
      await expect(row.getByText('Đúng hạn').count()).resolves.toBe(1);
      // keyboard only: focus the row's "correct" button, Enter opens the form with the focus on its title, Tab enters the fields
      await row.getByRole('button', { name: 'Sửa lần giao ngày 16/11/2026' }).focus();
      await page.keyboard.press('Enter');
      const form = correctionForm(page);
      await form.getByRole('heading', { name: 'Sửa lần giao ngày 16/11/2026' }).waitFor();
      await page.waitForFunction(() => (globalThis as any).document.activeElement?.id === 'correct-delivery-title');
      await page.keyboard.press('Tab');
      await page.waitForFunction(() => {
        const doc = (globalThis as any).document;
        return doc.activeElement === doc.querySelector('section[aria-labelledby="correct-delivery-title"] input');
      });
      expect(await form.getByLabel('Ngày hẹn giao').inputValue()).toBe('16/11/2026');
      // promised day stays; delivered two days late; quantity 0 first: refused beside the quantity
      await page.keyboard.press('Tab');
      await selectAllAndType(page, '18/11/2026');
      await page.keyboard.press('Tab');
      await selectAllAndType(page, '0');
      await page.keyboard.press('Enter');
      await form.getByText('Nhập số lượng lớn hơn 0.').waitFor();
      await expect(rowOf(page, '2026-11-16').count()).resolves.toBe(1); // nothing changed yet
      await form.getByLabel(/Số lượng đã giao/).focus();
      await selectAllAndType(page, '1000');
      await page.keyboard.press('Enter');
      await deliveriesSection(page).getByText('Đã sửa lần giao.').waitFor();
      await expect(correctionForm(page).count()).resolves.toBe(0);
      const corrected = rowOf(page, '2026-11-18');
      await corrected.getByText('Trễ').waitFor();
      expect(await corrected.innerText()).toContain('16/11/2026');
    });
    expect(problems).toEqual([]);

    await step(visitor.page, 'corrections-public-after', async () => {
      const card = await publicScorecard(visitor.page);
      // 4 of 5 on time now
      await card.getByText('80%', { exact: true }).first().waitFor();
      expect(await card.innerText()).not.toContain('100%');
    });
    await context.close();
    await visitor.context.close();
  }, 300_000);

  it('a correction made on a stale version shows the values saved meanwhile; saving again applies it', async () => {
    const { page, context, problems } = await web.newPage('desktop');
    await signIn(page, award.buyerMember);
    await step(page, 'corrections-conflict', async () => {
      await page.goto(`/vi/buyer/needs/${award.needId}`);
      const row = rowOf(page, '2026-11-23');
      await row.getByRole('button', { name: 'Sửa lần giao ngày 23/11/2026' }).click();
      const form = correctionForm(page);
      await form.getByLabel(/Số lượng đã giao/).waitFor();
      // meanwhile a colleague corrects the same delivery (through the API)
      const { needDeliveries } = await must<{ needDeliveries: { id: string; version: number; deliveredOn: string }[] }>(
        'query($id: ID!) { needDeliveries(needId: $id) { id version deliveredOn } }',
        { id: award.needId },
        award.buyerMember.token,
      );
      const target = needDeliveries.find((d) => d.deliveredOn === '2026-11-23')!;
      await must(
        'mutation($input: UpdateDeliveryInput!) { updateDelivery(input: $input) { version } }',
        { input: { id: target.id, version: target.version, quantity: 900, defectiveQuantity: 3 } },
        award.buyerMember.token,
      );
      await form.getByLabel(/Số lượng đã giao/).fill('1200');
      await form.getByRole('button', { name: 'Lưu thay đổi' }).click();
      const conflict = page.getByTestId('delivery-conflict');
      await conflict.getByText('Người khác vừa sửa lần giao này trong lúc bạn đang sửa. Giá trị đã lưu hiện là:').waitFor();
      await conflict.getByText(/Số lượng đã giao \(chiếc\): 900$/).waitFor();
      await conflict.getByText(/Số lỗi phát hiện: 3$/).waitFor();
      // what the buyer typed is kept; saving again applies it over the colleague's values
      expect(await form.getByLabel(/Số lượng đã giao/).inputValue()).toBe('1200');
      await form.getByRole('button', { name: 'Lưu thay đổi' }).click();
      await deliveriesSection(page).getByText('Đã sửa lần giao.').waitFor();
      await rowOf(page, '2026-11-23').getByRole('cell', { name: '1.200', exact: true }).waitFor();
    });
    expect(problems).toEqual([]);
    await context.close();
  }, 180_000);

  it('removing a delivery asks first; cancelling keeps it', async () => {
    const { page, context } = await web.newPage('desktop');
    await signIn(page, award.buyerMember);
    await step(page, 'corrections-remove-confirm', async () => {
      await page.goto(`/vi/buyer/needs/${award.needId}`);
      const rows = deliveriesSection(page).getByRole('row');
      await rows.nth(5).waitFor();
      await rowOf(page, '2026-11-02').getByRole('button', { name: 'Xoá lần giao ngày 02/11/2026' }).click();
      const dialog = page.getByRole('alertdialog');
      await dialog.getByText(/^Xoá lần giao ngày 02\/11\/2026 \(1\.000 chiếc\)\?/).waitFor();
      // the confirm button has the focus; Escape is not a confirmation, Cancel keeps the delivery
      await dialog.getByRole('button', { name: 'Huỷ' }).click();
      await expect(page.getByRole('alertdialog').count()).resolves.toBe(0);
      await expect(rows.count()).resolves.toBe(6);
    });
    await context.close();
  }, 120_000);

  it('the buyer lets its suppliers name it from Company settings; the published record then names it', async () => {
    const visitor = await web.newPage('desktop');
    await step(visitor.page, 'consent-public-before', async () => {
      const card = await publicScorecard(visitor.page);
      expect(await card.innerText()).not.toContain(award.buyerName);
    });
    const { page, context, problems } = await web.newPage('desktop');
    await signIn(page, award.buyerMember);
    await step(page, 'consent-switch', async () => {
      await page.goto('/vi/buyer/needs');
      const settings = page.getByTestId('buyer-settings');
      await settings.getByRole('heading', { name: `Cài đặt doanh nghiệp: ${award.buyerName}` }).waitFor();
      await settings.getByText('Nhu cầu ẩn danh không bao giờ nêu tên bạn', { exact: false }).waitFor();
      const toggle = settings.getByRole('switch', { name: /Cho phép nêu tên/ });
      expect(await toggle.isChecked()).toBe(false);
      await settings.getByText('Không nêu tên: chỉ góp vào số tổng.').waitFor();
      await toggle.focus();
      await page.keyboard.press('Space');
      await settings.getByText('Đang cho phép nêu tên.').waitFor();
      expect(await toggle.isChecked()).toBe(true);
    });
    expect(problems).toEqual([]);
    await step(visitor.page, 'consent-public-after', async () => {
      const card = await publicScorecard(visitor.page);
      await card.getByRole('rowheader', { name: award.buyerName }).waitFor();
    });
    await context.close();
    await visitor.context.close();
  }, 180_000);

  it('the deliveries (with a correction open) and the needs list pass axe in four languages and fit a phone (screenshots)', async () => {
    const headings = {
      deliveries: { vi: 'Giao hàng', en: 'Deliveries', ja: '納入', ko: '납품' },
      settings: { vi: 'Cài đặt doanh nghiệp', en: 'Company settings', ja: '会社の設定', ko: '회사 설정' },
    } as const;
    for (const viewport of ['desktop', 'phone'] as const) {
      const { page, context, problems } = await web.newPage(viewport);
      await signIn(page, award.buyerMember);
      for (const lang of viewport === 'desktop' ? (['vi', 'en', 'ja', 'ko'] as const) : (['vi', 'ja', 'ko'] as const)) {
        const size = viewport === 'desktop' ? 1280 : 390;
        await step(page, `corrections-${lang}-${viewport}`, async () => {
          await openPage(page, `/${lang}/buyer/needs/${award.needId}`);
          const section = deliveriesSection(page);
          await section.getByRole('heading', { name: headings.deliveries[lang], level: 2 }).waitFor();
          if (viewport === 'phone') {
            // a card per delivery, whole on the screen (a five-column table scrolled sideways and hid the dates)
            expect(await section.getByRole('table').count()).toBe(0);
            const card = section.getByRole('listitem').first();
            const box = (await card.boundingBox())!;
            expect({ lang, left: box.x >= 0, right: box.x + box.width <= 390 }).toEqual({ lang, left: true, right: true });
            await expectAccessible(page, `deliveries ${lang} at 390 px`);
            if (lang === 'vi' || lang === 'ja') {
              await card.evaluate((element) => element.scrollIntoView({ block: 'center' }));
              await docScreenshot(page, `delivery-list-${lang}-390`);
            }
            await card.getByRole('button').first().click();
          } else await section.getByRole('row').nth(1).getByRole('button').first().click();
          // with a date field's calendar open too (its arrows must be named, its days readable)
          await correctionForm(page).locator('input').first().click();
          await page.locator('.mantine-DateInput-calendarHeaderControl').first().waitFor();
          await page.waitForLoadState('networkidle');
          if (viewport === 'desktop') await expectAccessible(page, `corrections ${lang}`);
          else await expectNoHorizontalScroll(page, `corrections ${lang} at 390 px`);
          if (lang === 'vi' || lang === 'ja') {
            await page.keyboard.press('Escape'); // the calendar closed for the picture
            await correctionForm(page).scrollIntoViewIfNeeded();
            await docScreenshot(page, `delivery-correction-${lang}-${size}`);
          }
        });
        await step(page, `buyer-settings-${lang}-${viewport}`, async () => {
          await openPage(page, `/${lang}/buyer/needs`);
          const settings = page.getByTestId('buyer-settings');
          await settings.getByRole('heading', { name: new RegExp(`^${headings.settings[lang]}`) }).waitFor();
          await page.waitForLoadState('networkidle');
          if (viewport === 'desktop') await expectAccessible(page, `buyer settings ${lang}`);
          else await expectNoHorizontalScroll(page, `buyer settings ${lang} at 390 px`);
          if (lang === 'vi' || lang === 'ja') {
            await settings.scrollIntoViewIfNeeded();
            await docScreenshot(page, `buyer-settings-${lang}-${size}`);
          }
        });
      }
      expect(problems).toEqual([]);
      await context.close();
    }
  }, 600_000);
});
