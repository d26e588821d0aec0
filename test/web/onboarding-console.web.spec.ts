import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Locator } from 'playwright-core';
import { freshTaxCodes, registerAccount, signIn, type Account } from '../support/web-analytics.js';
import { openPage, recordGraphqlAnswers, tabTo } from '../support/web-page.js';
import { docScreenshot, expectAccessible, expectNoHorizontalScroll, step, startWebStack, type WebStack } from '../support/web.js';

/**
 * The centre's side of assisted onboarding in a real Chromium against the real API: a STAFF user
 * enters a profile for an SME from the keyboard, with one field the API refuses (the tax code of
 * another supplier: the error stands beside the field, in Vietnamese, and what was typed survives a
 * reload), fixes it, creates the profile, issues a claim code; in a second browser context the SME
 * claims it at /vi/claim and keeps it as its own; the staff's list then shows it claimed, and the
 * staff records the SME's consent. A supplier member gets "not allowed" and no data; the pages pass
 * axe in four languages and fit a phone.
 */
let web: WebStack;
let staff: Account;
let sme: Account;
let member: Account;
let takenTaxCode: string;
let listedName: string;
const NAME = `Công ty TNHH Cơ khí Nhập Hộ ${Date.now().toString(36)}`;

/** The text of the elements that describe a field (its hint and its error), as a screen reader reads them with it. */
async function descriptionOf(field: Locator): Promise<string> {
  return field.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .map((id: string) => el.ownerDocument.getElementById(id)?.textContent ?? '')
      .join(' '),
  );
}

beforeAll(async () => {
  web = await startWebStack();
  staff = await registerAccount(web, 'onboarding.staff', 'STAFF');
  sme = await registerAccount(web, 'onboarding.sme');
  member = await registerAccount(web, 'onboarding.member');
  [takenTaxCode] = freshTaxCodes(1);
  const own = await web.gql(
    `mutation($input: CreateSupplierInput!) { createSupplier(input: $input) { id } }`,
    { input: { taxCode: takenTaxCode, nameVi: 'Công ty TNHH Đã Có Mã Số Thuế', processes: ['CNC_TURNING'] } },
    member.token,
  );
  expect(own.errors).toBeUndefined();
  // a profile already on the staff's list, for the list pages in every language
  listedName = `Công ty TNHH Danh Sách Chờ ${Date.now().toString(36)}`;
  const listed = await web.gql(
    `mutation($input: CreateSupplierInput!) { createSupplierOnBehalf(input: $input, onboarding: { dataSource: PHONE }) { id } }`,
    { input: { taxCode: freshTaxCodes(1)[0], nameVi: listedName, processes: ['STAMPING'], zoneCode: 'NAM_DINH_VU' } },
    staff.token,
  );
  expect(listed.errors).toBeUndefined();
}, 180_000);

afterAll(async () => {
  await web?.close();
});

describe("the centre's onboarding pages", () => {
  it('STAFF enters a profile from the keyboard, fixes the field the API refused, hands over a claim code; the SME claims it', async () => {
    const { page, context, problems } = await web.newPage('desktop');
    await signIn(page, staff);
    await step(page, 'onboarding-console-home', async () => {
      // the menu offers the console to STAFF; its home lists only the onboarding page
      await page.goto('/vi/account');
      await page.getByRole('navigation', { name: 'Trình đơn' }).getByRole('link', { name: 'Bảng điều hành', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Bảng điều hành của Trung tâm' }).waitFor();
      const cards = page.getByRole('main').getByRole('listitem');
      expect(await cards.allTextContents()).toEqual([expect.stringContaining('Hỗ trợ doanh nghiệp lập hồ sơ')]);
      await cards.getByRole('link', { name: 'Hỗ trợ doanh nghiệp lập hồ sơ' }).click();
      await page.getByRole('link', { name: 'Nhập hồ sơ thay doanh nghiệp' }).click();
      await page.getByRole('heading', { level: 1, name: 'Nhập hồ sơ thay doanh nghiệp' }).waitFor();
    });
    const next = page.getByRole('button', { name: 'Tiếp tục' });
    await step(page, 'onboarding-form-keyboard', async () => {
      await tabTo(page, page.getByRole('radio', { name: 'khảo sát tại nhà xưởng' }));
      await page.keyboard.press('Space');
      await tabTo(page, page.getByLabel('Tên đăng ký (tiếng Việt)'));
      await page.keyboard.type(NAME);
      await tabTo(page, page.getByLabel('Mã số thuế'));
      await page.keyboard.type(takenTaxCode); // a valid code, but another supplier's: only the API can tell
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'Vị trí', exact: true }).waitFor();
      await tabTo(page, next);
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'Năng lực', exact: true }).waitFor();
      await tabTo(page, page.getByLabel(/^Quy trình/).first());
      await page.keyboard.type('tiện');
      await page.getByRole('listbox').getByRole('option').first().waitFor();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Escape');
      for (const heading of ['Chứng chỉ', 'Thiết bị', 'Công suất và điều khoản', 'Liên hệ']) {
        await tabTo(page, next);
        await page.keyboard.press('Enter');
        await page.getByRole('heading', { name: heading, exact: true }).waitFor();
      }
      await tabTo(page, page.getByRole('textbox', { name: 'Điện thoại' }));
      await page.keyboard.type('+84 225 3999 001');
      await page.keyboard.press('Enter'); // saves: the API refuses the tax code
    });
    await step(page, 'onboarding-form-api-error', async () => {
      // the form opens the step the error is on, and the error stands beside the field, in Vietnamese
      await page.getByRole('heading', { name: 'Doanh nghiệp', exact: true }).waitFor();
      const tax = page.getByLabel('Mã số thuế');
      await page.getByText('Mã số thuế này đã được đăng ký cho doanh nghiệp khác.').waitFor();
      expect(await descriptionOf(tax)).toContain('Mã số thuế này đã được đăng ký cho doanh nghiệp khác.');
      await expectAccessible(page, 'onboarding form with an API error');
      await docScreenshot(page, 'onboarding-form-error-vi-1280');
    });
    await step(page, 'onboarding-form-reload', async () => {
      // what was typed survives a reload: the draft, with how the data was obtained
      await page.reload();
      await page.getByText(/Đã khôi phục bản nháp chưa lưu/).waitFor();
      expect(await page.getByLabel('Tên đăng ký (tiếng Việt)').inputValue()).toBe(NAME);
      expect(await page.getByRole('radio', { name: 'khảo sát tại nhà xưởng' }).isChecked()).toBe(true);
      expect(await page.getByRole('checkbox', { name: 'Doanh nghiệp đồng ý công khai hồ sơ này' }).isChecked()).toBe(false);
    });
    await step(page, 'onboarding-form-fixed', async () => {
      await tabTo(page, page.getByLabel('Mã số thuế'));
      await page.keyboard.press('Control+A');
      await page.keyboard.type(freshTaxCodes(1)[0]);
      await page.keyboard.press('Enter');
      for (const heading of ['Năng lực', 'Chứng chỉ', 'Thiết bị', 'Công suất và điều khoản', 'Liên hệ']) {
        await tabTo(page, next);
        await page.keyboard.press('Enter');
        await page.getByRole('heading', { name: heading, exact: true }).waitFor();
      }
      await tabTo(page, page.getByRole('button', { name: 'Lưu hồ sơ' }));
      await page.keyboard.press('Enter');
      await page
        .getByRole('status')
        .filter({ hasText: `Đã nhập hồ sơ: ${NAME}` })
        .waitFor();
      await page.getByText('Hồ sơ chưa công khai cho đến khi doanh nghiệp đồng ý.', { exact: false }).waitFor();
    });
    let code = '';
    await step(page, 'onboarding-claim-code', async () => {
      await tabTo(page, page.getByRole('button', { name: `Cấp mã nhận hồ sơ cho ${NAME}` }));
      await page.keyboard.press('Enter');
      const sheet = page.getByTestId('claim-hand-over');
      code = (await sheet.getByTestId('claim-code').textContent()) ?? '';
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}$/);
      // the focus moves to the code's heading; the sheet says where to go, that it works once, and that a new code replaces it
      expect(await sheet.getByRole('heading', { level: 3 }).evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
      const text = await sheet.textContent();
      expect(text).toContain(`${web.baseUrl}/vi/claim`);
      expect(text).toContain('Mã chỉ hiện một lần này');
      expect(text).toContain('Mã này thay thế mọi mã cũ của hồ sơ.');
      expect(text).toMatch(/Dùng được một lần, đến hết ngày \d{2}\/\d{2}\/\d{4}\./);
      await expectAccessible(page, 'claim-code hand-over');
      await docScreenshot(page, 'onboarding-handover-vi-1280');
    });

    // the SME, in its own browser context
    const smeSide = await web.newPage('phone');
    await signIn(smeSide.page, sme);
    await step(smeSide.page, 'onboarding-sme-claims', async () => {
      await smeSide.page.goto('/vi/claim');
      await smeSide.page.getByLabel('Mã nhận hồ sơ').fill(code);
      await smeSide.page.getByRole('button', { name: 'Nhận hồ sơ' }).click();
      await smeSide.page.getByRole('status').filter({ hasText: NAME }).waitFor();
      await smeSide.page.goto('/vi/my-supplier');
      await smeSide.page.getByLabel('Tên đăng ký (tiếng Việt)').waitFor();
      expect(await smeSide.page.getByLabel('Tên đăng ký (tiếng Việt)').inputValue()).toBe(NAME);
    });
    expect(smeSide.problems).toEqual([]);
    await smeSide.context.close();

    await step(page, 'onboarding-list-claimed', async () => {
      await page.goto('/vi/console/onboarding');
      const row = page.getByRole('article', { name: NAME });
      await row.getByText(/^Đã nhận ngày/).waitFor();
      await row.getByText('Chưa công khai: chưa có sự đồng ý').waitFor();
      await row.getByText('Nguồn dữ liệu: khảo sát tại nhà xưởng').waitFor();
      // claimed: no claim code any more
      expect(await row.getByRole('button', { name: /Cấp mã nhận hồ sơ/ }).count()).toBe(0);
      // the SME agreed on the phone: the staff records it, from the keyboard
      await tabTo(page, row.getByRole('button', { name: `Ghi nhận doanh nghiệp đồng ý công khai: ${NAME}` }));
      await page.keyboard.press('Enter');
      await tabTo(page, row.getByRole('button', { name: 'Doanh nghiệp đã đồng ý: công khai' }));
      await page.keyboard.press('Enter');
      await row.getByText('Đã công khai', { exact: true }).waitFor();
    });
    expect(problems).toEqual([]);
    await context.close();
  }, 600_000);

  it("a supplier member gets 'not allowed' on the onboarding pages, and no profile crosses the network", async () => {
    const { page, context, problems } = await web.newPage('desktop');
    await signIn(page, member);
    const answers = recordGraphqlAnswers(page);
    for (const path of ['/vi/console', '/vi/console/onboarding', '/vi/console/onboarding/new']) {
      await step(page, 'onboarding-not-allowed', async () => {
        await page.goto(path);
        await page.getByTestId('not-allowed').waitFor();
        await page.waitForLoadState('networkidle');
      });
    }
    answers.stop();
    expect(await page.getByRole('link', { name: 'Bảng điều hành' }).count()).toBe(0);
    expect(answers.bodies.length).toBeGreaterThan(0);
    const seen = answers.bodies.join('\n');
    expect(seen).not.toContain('centreEnteredSuppliers');
    expect(seen).not.toContain(listedName);
    expect(problems).toEqual([]);
    await context.close();

    // STAFF may not use the ADMIN pages of the console either
    const staffSide = await web.newPage('desktop');
    await signIn(staffSide.page, staff);
    await staffSide.page.goto('/vi/console/verification');
    await staffSide.page.getByTestId('not-allowed').waitFor();
    expect(staffSide.problems).toEqual([]);
    await staffSide.context.close();
  }, 300_000);

  it('the list, the form and the hand-over pass axe in vi, en, ja and ko and fit a phone', async () => {
    for (const viewport of ['desktop', 'phone'] as const) {
      const { page, context, problems } = await web.newPage(viewport);
      await signIn(page, staff);
      const width = viewport === 'desktop' ? 1280 : 390;
      for (const lang of viewport === 'desktop' ? (['vi', 'en', 'ja', 'ko'] as const) : (['vi', 'ja', 'ko'] as const)) {
        await step(page, `onboarding-list-${lang}-${viewport}`, async () => {
          await openPage(page, `/${lang}/console/onboarding`);
          const row = page.getByRole('article', { name: listedName });
          await row.waitFor();
          if (viewport === 'desktop') {
            // with the light button under the pointer: its hover shade must leave the label readable
            await page.locator('main button[data-variant="light"]').first().hover();
            await expectAccessible(page, `onboarding list ${lang}`);
            await page.mouse.move(0, 0);
          } else await expectNoHorizontalScroll(page, `onboarding list ${lang} at 390 px`);
          if (lang === 'vi' || lang === 'ja') await docScreenshot(page, `onboarding-list-${lang}-${width}`);
        });
        await step(page, `onboarding-form-${lang}-${viewport}`, async () => {
          await openPage(page, `/${lang}/console/onboarding/new`);
          await page.getByRole('radio').first().waitFor();
          if (viewport === 'desktop') await expectAccessible(page, `onboarding form ${lang}`);
          else await expectNoHorizontalScroll(page, `onboarding form ${lang} at 390 px`);
          if (lang === 'vi' || lang === 'ja') await docScreenshot(page, `onboarding-form-${lang}-${width}`);
        });
        if (lang === 'vi' || lang === 'ja')
          await step(page, `onboarding-handover-${lang}-${viewport}`, async () => {
            await page.goto(`/${lang}/console/onboarding`);
            const row = page.getByRole('article', { name: listedName });
            await row
              .getByRole('button')
              .filter({ hasText: lang === 'vi' ? 'Cấp mã nhận hồ sơ' : '受け取りコードを発行' })
              .click();
            await row.getByTestId('claim-code').waitFor();
            if (viewport === 'desktop') await expectAccessible(page, `claim-code hand-over ${lang}`);
            else await expectNoHorizontalScroll(page, `claim-code hand-over ${lang} at 390 px`);
            await row.getByTestId('claim-hand-over').scrollIntoViewIfNeeded();
            await docScreenshot(page, `onboarding-handover-${lang}-${width}`);
          });
      }
      expect(problems).toEqual([]);
      await context.close();
    }
  }, 600_000);
});
