import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { adminAccount, freshTaxCodes, registerAccount, signIn, type Account } from '../support/web-analytics.js';
import { docScreenshot, expectAccessible, expectNoHorizontalScroll, startWebStack, step, type WebStack } from '../support/web.js';
import { openPage } from '../support/web-page.js';

/**
 * "Claim your profile" in a real Chromium against the real API: the centre (ADMIN, through the API)
 * enters a profile on an SME's behalf and issues a claim code; the SME signs in, types a wrong code
 * (a specific error, nothing claimed), then the right one with the keyboard, and becomes its member.
 * The page passes axe in four languages and fits a phone.
 */
let web: WebStack;
let sme: Account;
let code: string;
let profileName: string;
let supplierId: string;

beforeAll(async () => {
  web = await startWebStack();
  sme = await registerAccount(web, 'claim.sme');
  const admin = await adminAccount(web);
  profileName = `Công ty TNHH Nhận Hồ Sơ ${Date.now().toString(36)}`;
  const created = await web.gql<{ createSupplierOnBehalf: { id: string } }>(
    `mutation($input: CreateSupplierInput!) { createSupplierOnBehalf(input: $input, onboarding: { dataSource: VISIT }) { id } }`,
    { input: { taxCode: freshTaxCodes(1)[0], nameVi: profileName, processes: ['CNC_TURNING'], zoneCode: 'NAM_DINH_VU' } },
    admin.token,
  );
  expect(created.errors).toBeUndefined();
  const issued = await web.gql<{ issueSupplierClaimCode: { code: string } }>(
    `mutation($id: ID!) { issueSupplierClaimCode(supplierId: $id) { code } }`,
    { id: created.data!.createSupplierOnBehalf.id },
    admin.token,
  );
  expect(issued.errors).toBeUndefined();
  code = issued.data!.issueSupplierClaimCode.code;
  supplierId = created.data!.createSupplierOnBehalf.id;
}, 180_000);

afterAll(async () => {
  await web?.close();
});

describe('claiming a profile in the browser', () => {
  it('the claim page passes axe in vi, en, ja and ko and fits a phone', async () => {
    for (const viewport of ['desktop', 'phone'] as const) {
      const { page, context, problems } = await web.newPage(viewport);
      await signIn(page, sme);
      for (const lang of viewport === 'desktop' ? ['vi', 'en', 'ja', 'ko'] : ['vi', 'ja', 'ko']) {
        await step(page, `claim-${lang}-${viewport}`, async () => {
          await openPage(page, `/${lang}/claim`);
          await page.getByRole('heading', { level: 1 }).waitFor();
          if (viewport === 'desktop') await expectAccessible(page, `claim ${lang}`);
          else await expectNoHorizontalScroll(page, `claim ${lang} at 390 px`);
          if (lang === 'vi' || lang === 'ja') await docScreenshot(page, `claim-${lang}-${viewport === 'desktop' ? 1280 : 390}`);
        });
      }
      expect(problems).toEqual([]);
      await context.close();
    }
  }, 600_000);

  it('an SME types a wrong code, sees why, then claims with the right one using the keyboard', async () => {
    const { page, context, problems } = await web.newPage('phone');
    await signIn(page, sme);
    await step(page, 'claim-wrong-code', async () => {
      // reached from the account page
      await page.goto('/vi/account');
      await page.getByRole('link', { name: /Nhận hồ sơ doanh nghiệp/ }).click();
      await page.waitForURL(/\/vi\/claim$/);
      const input = page.getByLabel('Mã nhận hồ sơ');
      await input.focus();
      await page.keyboard.type('aaaa bbbb cccc dddd eeee');
      await page.keyboard.press('Enter');
      await page.getByText('Mã không khớp với mã nhận hồ sơ nào').waitFor();
      await expectAccessible(page, 'claim with an error');
      await docScreenshot(page, 'claim-error-vi-390');
    });
    await step(page, 'claim-right-code', async () => {
      const input = page.getByLabel('Mã nhận hồ sơ');
      await input.focus();
      await page.keyboard.press('Control+A');
      await page.keyboard.type(code.toLowerCase());
      await page.keyboard.press('Enter');
      await page.getByRole('status').filter({ hasText: profileName }).waitFor();
      await page.getByRole('link', { name: 'Mở hồ sơ của doanh nghiệp' }).waitFor();
      await docScreenshot(page, 'claim-done-vi-390');
    });
    await step(page, 'audit-log-phone', async () => {
      await page.goto(`/vi/suppliers/${supplierId}`);
      const log = page.getByRole('region', { name: 'Nhật ký thay đổi hồ sơ' });
      await log.getByText('Doanh nghiệp nhận hồ sơ').waitFor();
      await log.getByText('Cấp mã nhận hồ sơ').waitFor();
      await log.getByText('Tạo hồ sơ').waitFor();
      await expectNoHorizontalScroll(page, 'audit log at 390 px');
      await log.scrollIntoViewIfNeeded();
      await docScreenshot(page, 'audit-log-vi-390');
    });
    const me = await web.gql<{ me: { memberships: { companyId: string }[] } }>(`{ me { memberships { companyId } } }`, {}, sme.token);
    expect(me.data!.me.memberships).toHaveLength(1);
    expect(problems).toEqual([]);
    await context.close();
  }, 300_000);

  it("shows the audit log on the profile to its members in every language, and not to another company's member", async () => {
    const { page, context, problems } = await web.newPage('desktop');
    await signIn(page, sme);
    for (const [lang, title] of [
      ['vi', 'Nhật ký thay đổi hồ sơ'],
      ['en', 'Profile change log'],
      ['ja', 'プロフィール変更履歴'],
      ['ko', '프로필 변경 기록'],
    ] as const) {
      await step(page, `audit-log-${lang}`, async () => {
        await openPage(page, `/${lang}/suppliers/${supplierId}`);
        const log = page.getByRole('region', { name: title });
        await log.locator('li').first().waitFor();
        await expectAccessible(page, `audit log ${lang}`);
        if (lang === 'vi' || lang === 'ja') {
          await log.scrollIntoViewIfNeeded();
          await docScreenshot(page, `audit-log-${lang}-1280`);
        }
      });
    }
    await context.close();
    // another company's member: the profile is unpublished, so not even the page is there; a published one shows no log
    const other = await registerAccount(web, 'claim.other');
    const second = await web.newPage('desktop');
    await signIn(second.page, other);
    await second.page.goto(`/vi/suppliers/${supplierId}`);
    await second.page.getByRole('alert').waitFor();
    expect(await second.page.getByRole('region', { name: 'Nhật ký thay đổi hồ sơ' }).count()).toBe(0);
    expect([...problems, ...second.problems]).toEqual([]);
    await second.context.close();
  }, 300_000);
});
