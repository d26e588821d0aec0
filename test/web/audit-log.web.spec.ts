import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { adminAccount, freshTaxCodes, registerAccount, signIn, type Account } from '../support/web-analytics.js';
import { openPage } from '../support/web-page.js';
import { docScreenshot, expectAccessible, expectNoHorizontalScroll, startWebStack, step, type WebStack } from '../support/web.js';

/**
 * A supplier's audit log on its profile, in a real Chromium against the real API. Its member created
 * it (50 000 pieces a month), the centre verified it, the member changed the head count 21 times, and
 * the centre's ADMIN, on the SME's behalf, raised the capacity to 120 000 pieces a month and added
 * Japan as an export market: 24 entries. The member reads the newest 20 in Vietnamese, with each field
 * named as people say it ("Năng lực tháng", never `monthlyCapacity`) and each value written as a
 * Vietnamese reader writes it ("120.000 chiếc/tháng", "Nhật Bản"), then shows the 4 older ones.
 */
let web: WebStack;
let member: Account;
let supplierId: string;

async function must<T = any>(query: string, variables: Record<string, unknown>, token: string): Promise<T> {
  const { data, errors } = await web.gql<T>(query, variables, token);
  if (errors || !data) throw new Error(JSON.stringify(errors));
  return data;
}

const UPDATE = 'mutation($input: UpdateSupplierInput!) { updateSupplier(input: $input) { version } }';
const auditLog = (page: Page) => page.locator('section[aria-labelledby="audit-log-title"]');

/**
 * Opens the profile as the signed-in member. On a heavily loaded machine the session's start-up refresh
 * can outlast its 10 s timeout and the page starts signed out (no log: it is for members): then reload.
 */
async function openProfile(page: Page, lang: string, { inApp = false } = {}): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    if (inApp) await openPage(page, `/${lang}/suppliers/${supplierId}`);
    else await page.goto(`/${lang}/suppliers/${supplierId}`);
    const log = auditLog(page).getByRole('heading', { level: 2 });
    const signedOut = page.locator('a[href$="/sign-in"]');
    await log.or(signedOut).first().waitFor({ state: 'attached' });
    if ((await log.count()) || attempt === 2) return;
  }
}

beforeAll(async () => {
  web = await startWebStack();
  member = await registerAccount(web, 'audit.sme');
  const admin = await adminAccount(web);
  const created = await must<{ createSupplier: { id: string; version: number } }>(
    'mutation($input: CreateSupplierInput!) { createSupplier(input: $input) { id version } }',
    {
      input: {
        taxCode: freshTaxCodes(1)[0],
        nameVi: 'Công ty TNHH Cơ Khí Nhật Ký',
        processes: ['STAMPING'],
        zoneCode: 'TRANG_DUE',
        monthlyCapacity: { value: 50000, unit: 'PCS' },
      },
    },
    member.token,
  );
  supplierId = created.createSupplier.id;
  await must(
    'mutation($id: ID!) { setVerificationStatus(input: { supplierId: $id, status: VERIFIED }) { id } }',
    { id: supplierId },
    admin.token,
  );
  let version = (
    await must<{ supplier: { version: number } }>('query($id: ID!) { supplier(id: $id) { version } }', { id: supplierId }, member.token)
  ).supplier.version;
  for (let employees = 100; employees <= 120; employees += 1)
    version = (await must<{ updateSupplier: { version: number } }>(UPDATE, { input: { id: supplierId, version, employees } }, member.token))
      .updateSupplier.version;
  await must(
    UPDATE,
    { input: { id: supplierId, version, monthlyCapacity: { value: 120000, unit: 'PCS' }, exportMarkets: ['JP'] } },
    admin.token,
  );
}, 240_000);

afterAll(async () => {
  await web?.close();
});

describe('the audit log on a profile, in a real browser', () => {
  it('the member reads the newest changes in Vietnamese words and values, then pages to the older ones', async () => {
    const { page, context, problems } = await web.newPage('desktop');
    await signIn(page, member);
    await step(page, 'audit-vi', async () => {
      await openProfile(page, 'vi');
      const log = auditLog(page);
      await log.getByRole('heading', { name: 'Nhật ký thay đổi hồ sơ' }).waitFor();
      await expect(log.getByTestId('audit-log-count').innerText()).resolves.toMatch(/^20 thay đổi gần nhất trên tổng số 24/);
      const entries = log.locator('ol > li');
      await expect(entries.count()).resolves.toBe(20);
      // the newest: the centre's ADMIN on the SME's behalf, fields named and values written for a Vietnamese reader
      const newest = entries.first();
      await expect(newest.getByTestId('audit-actor').innerText()).resolves.toMatch(/Quản trị trung tâm\s*thay mặt doanh nghiệp/);
      const capacity = newest.locator('[data-field="monthlyCapacity"]');
      await capacity.getByText('Năng lực tháng', { exact: true }).waitFor();
      await capacity.getByText('50.000 chiếc/tháng', { exact: true }).waitFor();
      await capacity.getByText('120.000 chiếc/tháng', { exact: true }).waitFor();
      const markets = newest.locator('[data-field="exportMarkets"]');
      await markets.getByText('Thị trường xuất khẩu', { exact: true }).waitFor();
      // one country is a value, not a one-item list
      await markets.getByText('Nhật Bản', { exact: true }).waitFor();
      await expect(markets.locator('dd li').count()).resolves.toBe(0);
      // a profile without contact details says so (its card was an empty box)
      await page.getByText('Doanh nghiệp chưa cung cấp thông tin liên hệ.', { exact: true }).waitFor();
      // the member's own change: its role, the head count in Vietnamese digits
      const second = entries.nth(1);
      await expect(second.getByTestId('audit-actor').innerText()).resolves.toContain('Thành viên doanh nghiệp');
      await second.locator('[data-field="employees"]').getByText('Số lao động', { exact: true }).waitFor();
      // no raw API field name or JSON anywhere
      const text = await log.innerText();
      for (const raw of ['monthlyCapacity', 'exportMarkets', 'employees', '"unit"', 'PCS', '["JP"]']) expect(text).not.toContain(raw);
      // the oldest entries come on request, through the connection's cursor
      await expect(log.getByText('Tạo hồ sơ', { exact: true }).count()).resolves.toBe(0);
      await log.getByRole('button', { name: 'Xem các thay đổi cũ hơn (còn 4)' }).click();
      await log.getByText('Tạo hồ sơ', { exact: true }).waitFor();
      await expect(entries.count()).resolves.toBe(24);
      await expect(log.getByTestId('audit-log-count').innerText()).resolves.toMatch(/^24 thay đổi gần nhất trên tổng số 24/);
      await expect(log.getByRole('button', { name: /Xem các thay đổi cũ hơn/ }).count()).resolves.toBe(0);
      // the oldest: created by the member, with the capacity it started with
      const oldest = entries.last();
      await oldest.locator('[data-field="monthlyCapacity"]').getByText('50.000 chiếc/tháng', { exact: true }).waitFor();
      await oldest.locator('[data-field="zone"]').getByText('Khu công nghiệp', { exact: true }).waitFor();
      expect(await oldest.locator('[data-field="zone"]').innerText()).not.toContain('TRANG_DUE');
    });
    expect(problems).toEqual([]);
    await context.close();
  }, 240_000);

  it('passes axe in vi, en, ja and ko and fits a phone (screenshots at 1280 and 390 px)', async () => {
    const title = { vi: 'Nhật ký thay đổi hồ sơ', en: 'Profile change log', ja: 'プロフィール変更履歴', ko: '프로필 변경 기록' };
    for (const viewport of ['desktop', 'phone'] as const) {
      const { page, context, problems } = await web.newPage(viewport);
      await signIn(page, member);
      for (const lang of viewport === 'desktop' ? (['vi', 'en', 'ja', 'ko'] as const) : (['vi', 'ja', 'ko'] as const)) {
        await step(page, `audit-${lang}-${viewport}`, async () => {
          await openProfile(page, lang, { inApp: true });
          const log = auditLog(page);
          await log.locator('[data-field="monthlyCapacity"]').first().waitFor();
          await page.waitForLoadState('networkidle');
          await expect(log.getByRole('heading', { level: 2 }).innerText()).resolves.toBe(title[lang]);
          if (viewport === 'desktop') await expectAccessible(page, `audit log ${lang}`);
          else await expectNoHorizontalScroll(page, `audit log ${lang} at 390 px`);
          if (lang === 'vi' || lang === 'ja') {
            await log.scrollIntoViewIfNeeded();
            await log.getByRole('heading', { level: 2 }).evaluate((el) => (el as unknown as { scrollIntoView(): void }).scrollIntoView());
            await docScreenshot(page, `audit-log-readable-${lang}-${viewport === 'desktop' ? 1280 : 390}`);
          }
        });
      }
      expect(problems).toEqual([]);
      await context.close();
    }
  }, 600_000);
});
