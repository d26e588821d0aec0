import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Page } from 'playwright-core';
import { adminToken, PASSWORD, registerUser, verifiedBuyer, verifiedSupplier } from '../support/buyer-fixture.js';
import { signIn as signInAs } from '../support/web-analytics.js';
import { openPage } from '../support/web-page.js';
import { docScreenshot, expectAccessible, expectNoHorizontalScroll, startWebStack, step, type WebStack } from '../support/web.js';

/**
 * Track records in a real Chromium against the real API and the demo data. A buyer awarded a need to
 * a supplier and recorded four deliveries (through the API); in the browser it records the fifth from
 * the keyboard (a bad one first: refused beside the field). The supplier's dashboard said "not enough
 * deliveries" at four and scores at five: 3 of 5 on time (60 %), 3 defective of 5 000 (600 ppm),
 * 5 000 pieces. Until the supplier switches publishing on, its public profile says it has not
 * published; then anyone sees the totals, and never the buyer's name (it did not agree to be named).
 */
const BUYER_NAME = 'Tokai Seat Frames Vietnam';
const SUPPLIER_NAME = 'Công ty TNHH Dập Giao Hàng Đúng Hẹn';
const NEED_TITLE = 'Khung ghế dập thép SPHC (đã trao)';

let web: WebStack;
const who = { buyer: `tr-buyer-${Date.now()}@example.jp`, supplier: `tr-supplier-${Date.now()}@example.vn` };
const state: { needId: string; supplierId: string } = { needId: '', supplierId: '' };

/** Signs the page's context in with the sign-in form's own request (the form has tests of its own). */
const signIn = (page: Page, email: string) => signInAs(page, { email, password: PASSWORD });

async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => (globalThis as any).document.fonts.ready);
}

async function must<T = any>(query: string, variables: Record<string, unknown>, token: string): Promise<T> {
  const { data, errors } = await web.gql<T>(query, variables, token);
  if (errors || !data) throw new Error(JSON.stringify(errors));
  return data;
}

/** Screenshots of the page at 1280 and 390 px, in Vietnamese and Japanese, each checked with axe and for sideways scrolling. */
async function shoot(email: string, path: (lang: string) => string, heading: Record<'vi' | 'ja', string>, name: string) {
  for (const viewport of ['desktop', 'phone'] as const) {
    const { context, page, problems } = await web.newPage(viewport);
    if (email) await signIn(page, email);
    for (const lang of ['vi', 'ja'] as const) {
      await step(page, `${name}-${lang}-${viewport}`, async () => {
        await openPage(page, path(lang));
        const section = page.getByRole('heading', { name: heading[lang], level: 2 });
        await section.waitFor();
        await settle(page);
        await expectAccessible(page, `${name} ${lang} ${viewport}`);
        if (viewport === 'phone') await expectNoHorizontalScroll(page, `${name} ${lang} ${viewport}`);
        await section.scrollIntoViewIfNeeded();
        await page.evaluate(() => (globalThis as any).window.scrollBy(0, -80));
        await docScreenshot(page, `${name}-${lang}-${viewport === 'phone' ? 390 : 1280}`);
      });
    }
    expect(problems).toEqual([]);
    await context.close();
  }
}

beforeAll(async () => {
  web = await startWebStack();
  const admin = await adminToken(web);
  const buyerToken = await registerUser(web, who.buyer, 'Suzuki Purchasing');
  const buyerId = await verifiedBuyer(web, buyerToken, admin, BUYER_NAME, 'TRANG_DUE');
  const supplierToken = await registerUser(web, who.supplier, 'Trần Văn Giao');
  state.supplierId = await verifiedSupplier(web, supplierToken, admin, {
    nameVi: SUPPLIER_NAME,
    processes: ['STAMPING'],
    zoneCode: 'TRANG_DUE',
    monthlyCapacity: { value: 50000, unit: 'PCS' },
  });
  const created = await must<{ createSourcingNeed: { id: string; version: number } }>(
    'mutation($input: CreateSourcingNeedInput!) { createSourcingNeed(input: $input) { id version } }',
    {
      input: { buyerId, title: NEED_TITLE, processes: ['STAMPING'], quantityPerMonth: { value: 2000, unit: 'PCS' }, visibility: 'PUBLIC' },
    },
    buyerToken,
  );
  const published = await must<{ publishSourcingNeed: { id: string; version: number } }>(
    'mutation($id: ID!, $v: Int!) { publishSourcingNeed(id: $id, version: $v) { id version } }',
    { id: created.createSourcingNeed.id, v: created.createSourcingNeed.version },
    buyerToken,
  );
  state.needId = published.publishSourcingNeed.id;
  const invited = await must<{ inviteSuppliers: { id: string }[] }>(
    'mutation($input: InviteSuppliersInput!) { inviteSuppliers(input: $input) { id } }',
    { input: { needId: state.needId, supplierIds: [state.supplierId], message: 'Xin báo giá' } },
    buyerToken,
  );
  await must(
    'mutation($id: ID!) { respondToInvitation(input: { introductionId: $id, accept: true }) { id } }',
    { id: invited.inviteSuppliers[0].id },
    supplierToken,
  );
  await must(
    'mutation($n: ID!, $s: ID!, $v: Int!) { awardSourcingNeed(needId: $n, supplierId: $s, version: $v) { id } }',
    { n: state.needId, s: state.supplierId, v: published.publishSourcingNeed.version },
    buyerToken,
  );
  for (const [promisedOn, deliveredOn, defectiveQuantity] of [
    ['2026-11-02', '2026-11-01', 0],
    ['2026-11-09', '2026-11-09', 1],
    ['2026-11-16', '2026-11-18', 0],
    ['2026-11-23', '2026-11-23', 0],
  ] as const)
    await must(
      'mutation($input: RecordDeliveryInput!) { recordDelivery(input: $input) { id } }',
      { input: { needId: state.needId, promisedOn, deliveredOn, quantity: 1000, defectiveQuantity } },
      buyerToken,
    );
}, 240_000);

afterAll(async () => {
  await web?.close();
});

describe('track records in a real browser', () => {
  jest.setTimeout(600_000);

  it('the supplier sees "not enough deliveries", the buyer records the fifth from the keyboard, the supplier publishes, anyone sees the totals', async () => {
    const supplier = await web.newPage('desktop');
    await signIn(supplier.page, who.supplier);
    const card = supplier.page.locator('section[aria-labelledby="scorecard-title"]');
    await step(supplier.page, 'track-supplier-not-enough', async () => {
      await supplier.page.goto('/vi/my-supplier');
      await card.getByRole('heading', { name: 'Hồ sơ giao hàng' }).waitFor();
      await card.getByRole('paragraph').filter({ hasText: 'Chưa đủ lần giao: 4 trên 5 lần cần có' }).waitFor();
      expect(await card.getByRole('switch', { name: /Công bố hồ sơ giao hàng/ }).isChecked()).toBe(false);
    });

    const anonymous = await web.newPage('desktop');
    await step(anonymous.page, 'track-public-not-published', async () => {
      await anonymous.page.goto(`/vi/suppliers/${state.supplierId}`);
      await anonymous.page.getByText('Nhà cung cấp này chưa công bố hồ sơ giao hàng.').waitFor();
    });

    const buyer = await web.newPage('desktop');
    await signIn(buyer.page, who.buyer);
    await step(buyer.page, 'track-buyer-records', async () => {
      const page = buyer.page;
      await page.goto(`/vi/buyer/needs/${state.needId}`);
      const section = page.locator('section[aria-labelledby="deliveries-title"]');
      await section.getByRole('heading', { name: 'Giao hàng' }).waitFor();
      // the awarded need itself is a summary to read; the only form on the page, the Deliveries', takes input
      await page.getByTestId('need-summary').waitFor();
      expect(await page.locator('main form').count()).toBe(1);
      expect(await section.locator('form input:enabled').count()).toBeGreaterThan(0);
      await section.getByRole('row').nth(4).waitFor(); // header + 4
      expect(await section.getByRole('row').count()).toBe(5);
      // from the keyboard: each field in turn, Enter submits; too many defects first
      await section.getByLabel('Ngày hẹn giao').focus();
      await page.keyboard.type('25/11/2026');
      await page.keyboard.press('Tab');
      await page.keyboard.type('27/11/2026');
      await page.keyboard.press('Tab');
      await page.keyboard.type('1000');
      await page.keyboard.press('Tab');
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.type('5000');
      await page.keyboard.press('Enter');
      await section.getByText('Số lỗi không được vượt quá số lượng đã giao.').waitFor();
      expect(await section.getByRole('row').count()).toBe(5);
      await section.getByLabel('Số lỗi phát hiện').fill('');
      await section.getByLabel('Số lỗi phát hiện').focus();
      await page.keyboard.type('2');
      await page.keyboard.press('Enter');
      await section.getByText('Đã ghi nhận lần giao.').waitFor();
      await section.getByRole('row').nth(5).waitFor();
      const newest = section.getByRole('row').nth(1);
      expect(await newest.innerText()).toContain('27/11/2026');
      await newest.getByText('Trễ').waitFor();
      expect(buyer.problems).toEqual([]);
    });

    await step(supplier.page, 'track-supplier-publishes', async () => {
      await supplier.page.reload();
      await card.getByText('Từ 5 lần giao', { exact: true }).first().waitFor();
      await card.getByText('60%', { exact: true }).first().waitFor();
      await card.getByText('600 ppm', { exact: true }).first().waitFor();
      await card.getByText('5.000 chiếc', { exact: true }).first().waitFor();
      // its own view names the buyer
      await card.getByRole('rowheader', { name: BUYER_NAME }).waitFor();
      // publish from the keyboard
      await card.getByRole('switch', { name: /Công bố hồ sơ giao hàng/ }).focus();
      await supplier.page.keyboard.press('Space');
      await supplier.page.waitForFunction(
        () =>
          (globalThis as any).document.querySelector('section[aria-labelledby="scorecard-title"] input[role="switch"]')?.checked === true,
      );
      expect(supplier.problems).toEqual([]);
    });

    await step(anonymous.page, 'track-public-published', async () => {
      await anonymous.page.reload();
      const publicCard = anonymous.page.locator('section[aria-labelledby="scorecard-title"]');
      await publicCard.getByText('Từ 5 lần giao', { exact: true }).first().waitFor();
      await publicCard.getByText('60%', { exact: true }).first().waitFor();
      // the totals only: the buyer did not agree to be named
      expect(await publicCard.innerText()).not.toContain(BUYER_NAME);
      expect(await publicCard.getByRole('switch').count()).toBe(0);
      expect(anonymous.problems).toEqual([]);
    });
    for (const side of [supplier, anonymous, buyer]) await side.context.close();
  });

  it('on a phone, the record by buyer is a card per buyer with every figure whole; at 1280 px a table', async () => {
    const labels = {
      ja: { title: '納入実績', pairs: { 納入回数: '5', 納期遵守: '60%', 不良: '600 ppm', 納入量: '5,000 個' } },
      ko: { title: '납품 실적', pairs: { '납품 횟수': '5', '납기 준수': '60%', 불량: '600 ppm', 납품량: '5,000 개' } },
    };
    for (const viewport of ['phone', 'desktop'] as const) {
      const { context, page, problems } = await web.newPage(viewport);
      await signIn(page, who.supplier);
      for (const lang of ['ja', 'ko'] as const) {
        await step(page, `track-by-buyer-${lang}-${viewport}`, async () => {
          await openPage(page, `/${lang}/my-supplier`);
          const card = page.locator('section[aria-labelledby="scorecard-title"]');
          await card.getByRole('heading', { name: labels[lang].title, level: 2 }).waitFor();
          const table = card.getByTestId('by-buyer-table');
          const cards = card.getByTestId('by-buyer-cards');
          if (viewport === 'desktop') {
            await table.getByRole('rowheader', { name: BUYER_NAME }).waitFor();
            await expect(table.getByRole('row').nth(1).getByRole('cell').allTextContents()).resolves.toEqual(
              Object.values(labels[lang].pairs),
            );
            await expect(cards.isVisible()).resolves.toBe(false);
            return;
          }
          await cards.getByText(BUYER_NAME, { exact: true }).waitFor();
          await expect(table.isVisible()).resolves.toBe(false);
          // the buyer as the card's title, then each other column's label and value
          const shown = await cards.locator(':scope > li').evaluateAll((items: any[]) =>
            items.map((li) => ({
              title: li.querySelector('p')?.textContent ?? '',
              pairs: Object.fromEntries(
                Array.from(li.querySelectorAll('dl > div') as ArrayLike<any>, (pair) => [
                  pair.querySelector('dt')?.textContent ?? '',
                  pair.querySelector('dd')?.textContent ?? '',
                ]),
              ),
            })),
          );
          expect(shown).toEqual([{ title: BUYER_NAME, pairs: labels[lang].pairs }]);
          // nothing cut: every text of a card within the card, none wider than its box
          const cut = await cards.locator(':scope > li').evaluateAll((items: any[]) =>
            items.flatMap((li) => {
              const box = li.getBoundingClientRect();
              return Array.from(li.querySelectorAll('p, dt, dd') as ArrayLike<any>)
                .filter((el) => {
                  const range = el.ownerDocument.createRange();
                  range.selectNodeContents(el);
                  const text = range.getBoundingClientRect();
                  return el.scrollWidth > el.clientWidth || text.left < box.left || text.right > box.right;
                })
                .map((el) => el.textContent ?? '');
            }),
          );
          expect(cut).toEqual([]);
          await expectAccessible(page, `track by buyer ${lang} phone`);
          await expectNoHorizontalScroll(page, `track by buyer ${lang} phone`);
        });
      }
      expect(problems).toEqual([]);
      await context.close();
    }
  });

  it('is accessible and fits a phone, in Vietnamese and Japanese (screenshots at 1280 and 390 px)', async () => {
    await shoot(who.buyer, (lang) => `/${lang}/buyer/needs/${state.needId}`, { vi: 'Giao hàng', ja: '納入' }, 'track-deliveries');
    await shoot(who.supplier, (lang) => `/${lang}/my-supplier`, { vi: 'Hồ sơ giao hàng', ja: '納入実績' }, 'track-scorecard');
    await shoot(
      '',
      (lang) => `/${lang}/suppliers/${state.supplierId}`,
      { vi: 'Hồ sơ giao hàng', ja: '納入実績' },
      'track-public-scorecard',
    );
  });
});
