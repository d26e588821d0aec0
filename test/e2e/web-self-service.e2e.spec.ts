import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { adminAccount, registerAccount, signIn as signInAs, type Account } from '../support/web-analytics.js';
import { freshTaxCode } from '../support/tax-codes.js';
import { openPage, recordGraphqlAnswers, tabTo } from '../support/web-page.js';
import {
  ADMIN_PASSWORD,
  docScreenshot,
  expectAccessible,
  expectKeptTogether,
  expectNoHorizontalScroll,
  startWebStack,
  step,
  VIEWPORTS,
  type WebStack,
} from '../support/web.js';

/**
 * SME self-service in a real Chromium against the real API, PostgreSQL and Meilisearch: a new member
 * builds its supplier profile through the form, finds it in the directory, resolves a conflict between
 * two tabs, answers an invitation from its inbox; the form works from the keyboard; pages pass axe and
 * fit a phone.
 */
let web: WebStack;
const NAME = 'Công ty TNHH Cơ khí Thử nghiệm Hải An';
const PASSWORD = 'web-self-service-password';

const TAX_CODE = freshTaxCode('09');
const EMAIL = `sme-${Date.now()}@example.vn`;
const state: { supplierId?: string; processCode?: string; token?: string } = {};

/** Signs the page's context in with the sign-in form's own request (the form has tests of its own). */
const signIn = (page: Page, email: string) => signInAs(page, { email, password: PASSWORD });

async function apiLogin(email: string): Promise<string> {
  const res = await web.gql<{ login: { accessToken: string } }>(
    'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }',
    { e: email, p: PASSWORD },
  );
  return res.data!.login.accessToken;
}

async function pick(page: Page, label: string, typed: string, option?: RegExp): Promise<void> {
  const input = page.getByRole('combobox', { name: label, exact: true });
  await input.click();
  await input.fill(typed);
  const choice = option ? page.getByRole('option', { name: option }).first() : page.getByRole('option').first();
  await choice.click();
}

beforeAll(async () => {
  web = await startWebStack();
}, 180_000);

afterAll(async () => {
  await web?.close();
});

describe('SME self-service in the browser', () => {
  it('a new user registers, builds the profile with one accepted suggestion, and finds it in the directory', async () => {
    const { page, context, problems } = await web.newPage('desktop');
    await step(page, 'sme-register', async () => {
      await page.goto('/vi/register');
      await page.getByLabel('Họ và tên').fill('Nguyễn Thị Thử');
      await page.getByLabel('Email').fill(EMAIL);
      await page.getByLabel('Mật khẩu').fill(PASSWORD);
      await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
      await page.waitForURL(/\/vi\/account/);
    });
    await step(page, 'sme-company-step', async () => {
      // a member of no company yet is offered to register as a supplier
      await page.getByRole('link', { name: 'Đăng ký làm nhà cung cấp', exact: true }).click();
      await page.getByLabel('Tên đăng ký (tiếng Việt)').fill(NAME);
      const tax = page.getByLabel('Mã số thuế');
      // a wrong check digit is named as the member types
      const wrong = `${TAX_CODE.slice(0, 9)}${(Number(TAX_CODE[9]) + 1) % 10}`;
      await tax.fill(wrong);
      await page.getByText(`số thứ 10 phải là ${TAX_CODE[9]}`).waitFor();
      await tax.fill(TAX_CODE);
      await page.getByText('Mã số thuế hợp lệ').waitFor();
      await page.getByLabel('Giới thiệu (tiếng Việt)').fill('Xưởng chúng tôi chuyên phay CNC các chi tiết nhôm cho khách hàng Nhật Bản.');
      await docScreenshot(page, 'supplier-form');
      await page.getByRole('button', { name: 'Tiếp tục' }).click();
    });
    await step(page, 'sme-location-step', async () => {
      await pick(page, 'Khu công nghiệp', 'Đình Vũ', /Đình Vũ/);
      await page.getByRole('button', { name: 'Tiếp tục' }).click();
    });
    await step(page, 'sme-capabilities-step', async () => {
      await page.getByRole('button', { name: 'Tìm gợi ý' }).click();
      const accept = page.getByRole('button', { name: /^Thêm / }).first();
      await accept.waitFor();
      await accept.click();
      await page.getByText('Đã thêm').first().waitFor();
      for (let i = 0; i < 4; i += 1) await page.getByRole('button', { name: 'Tiếp tục' }).click(); // certificates, equipment, terms, contacts
      await page.getByLabel('Email liên hệ').fill('sales@haian-test.vn');
      await page.getByRole('button', { name: 'Lưu hồ sơ' }).click();
      await page.getByText(/Đã lưu hồ sơ \(phiên bản 1\)/).waitFor();
    });
    const token = await apiLogin(EMAIL);
    const me = await web.gql<{ me: { memberships: { companyId: string }[] } }>('{ me { memberships { companyId } } }', {}, token);
    const supplierId = me.data!.me.memberships[0].companyId;
    const saved = await web.gql<{
      supplier: { taxCode: string; processes: { code: string; ja: string }[]; zone: { code: string }; contact: { email: string } };
    }>(
      'query($id: ID!) { supplier(id: $id) { taxCode zone { code } contact { email } processes { code ja: label(lang: ja) } } }',
      { id: supplierId },
      token,
    );
    expect(saved.data!.supplier).toMatchObject({ taxCode: TAX_CODE, contact: { email: 'sales@haian-test.vn' } });
    expect(saved.data!.supplier.processes).toHaveLength(1);
    Object.assign(state, { supplierId, token, processCode: saved.data!.supplier.processes[0].code });

    const findInDirectory = async (query: string) => {
      for (let attempt = 0; attempt < 40; attempt += 1) {
        await page.goto(`/vi?q=${encodeURIComponent(query)}&sort=NEWEST`);
        await page.getByRole('heading', { level: 1 }).waitFor();
        await page.waitForLoadState('networkidle');
        if ((await page.getByRole('link', { name: NAME }).count()) > 0) return;
        await page.waitForTimeout(500);
      }
      throw new Error(`${NAME} not found by ${query}`);
    };
    await step(page, 'sme-directory-vi', () => findInDirectory('co khi thu nghiem hai an'));
    await step(page, 'sme-directory-ja', () => findInDirectory(saved.data!.supplier.processes[0].ja));
    expect(problems).toEqual([]);
    await context.close();
  }, 180_000);

  it('resolves a conflict between two tabs without losing what was typed, and keeps a draft across a reload', async () => {
    const { page: first, context, problems } = await web.newPage('desktop');
    await signIn(first, EMAIL);
    const second = await context.newPage();
    for (const page of [first, second]) {
      await page.goto('/vi/my-supplier');
      await page.getByLabel('Tên đăng ký (tiếng Việt)').waitFor();
    }
    await step(second, 'sme-draft', async () => {
      await second.getByLabel('Tên giao dịch tiếng Anh').fill('Hai An Test Mechanical');
      await second.reload();
      await second.getByText(/Đã khôi phục bản nháp/).waitFor();
      expect(await second.getByLabel('Tên giao dịch tiếng Anh').inputValue()).toBe('Hai An Test Mechanical');
      // fields the form keeps as codes: another zone, a machine, an export market
      const next = second.getByRole('button', { name: 'Tiếp tục' });
      await next.click();
      await pick(second, 'Khu công nghiệp', 'Tràng Duệ', /Tràng Duệ/);
      for (let i = 0; i < 3; i += 1) await next.click(); // capabilities, certificates, equipment
      await second.getByRole('button', { name: 'Thêm thiết bị' }).click();
      await second.getByLabel('Loại thiết bị').selectOption({ label: 'Máy tiện CNC' });
      await second.getByLabel('Số lượng', { exact: true }).fill('2');
      await next.click();
      // the capacity's units by the names the rest of the web gives them (enums.unit), as the buyer's form
      await expect(second.getByLabel('Đơn vị', { exact: true }).locator('option').allInnerTexts()).resolves.toEqual([
        'chiếc',
        'kg',
        'tấn',
        'm',
        'm²',
        'bộ',
        'giờ máy',
      ]);
      await pick(second, 'Thị trường xuất khẩu', 'Nhật', /^Nhật Bản$/);
      await second.keyboard.press('Escape');
    });
    await step(first, 'sme-first-tab-saves', async () => {
      await first.getByLabel('Số lao động').fill('45');
      await first.getByRole('button', { name: 'Lưu hồ sơ' }).click();
      await first.getByText(/Đã lưu hồ sơ \(phiên bản 2\)/).waitFor();
    });
    await step(second, 'sme-conflict', async () => {
      await second.getByRole('button', { name: 'Lưu hồ sơ' }).click();
      const panel = second.getByRole('region', { name: 'Hồ sơ vừa được người khác thay đổi' });
      await panel.waitFor();
      // both versions side by side: the member's trade name, the other tab's employees
      await panel
        .getByRole('row', { name: /Tên giao dịch tiếng Anh/ })
        .getByText('Hai An Test Mechanical')
        .waitFor();
      await panel
        .getByRole('row', { name: /Số lao động/ })
        .getByText('45')
        .waitFor();
      // codes by their names, as the rest of the form shows them (`CNC_LATHE × 2`, "JP" before)
      const row = (field: string) => panel.getByRole('row', { name: new RegExp(field) });
      await row('Khu công nghiệp')
        .getByText(/Tràng Duệ/)
        .waitFor();
      await row('Khu công nghiệp')
        .getByText(/Đình Vũ/)
        .waitFor();
      await row('Thiết bị').getByText('2 × Máy tiện CNC', { exact: true }).waitFor();
      await row('Thị trường xuất khẩu').getByText('Nhật Bản', { exact: true }).waitFor();
      expect(await panel.innerText()).not.toMatch(/[A-Z]+_[A-Z_]+|\bJP\b/);
      // on a phone each value has room to be read: its cell at least 40 % of the screen's width (three
      // columns gave each about a quarter of it, a word a line), the panel still a table to axe
      await second.setViewportSize(VIEWPORTS.phone);
      const widths = await panel.getByRole('cell').evaluateAll((cells) => cells.map((cell) => cell.getBoundingClientRect().width));
      expect(widths).toHaveLength(10);
      expect(Math.min(...widths)).toBeGreaterThanOrEqual(0.4 * VIEWPORTS.phone.width);
      await expectNoHorizontalScroll(second, 'the conflict panel at 390 px');
      await expectAccessible(second, 'the conflict panel at 390 px');
      await second.setViewportSize(VIEWPORTS.desktop);
      await panel.getByRole('button', { name: 'Dùng lựa chọn này và lưu' }).click();
      await second.getByText(/Đã lưu hồ sơ \(phiên bản 3\)/).waitFor();
    });
    const saved = await web.gql<{ supplier: { tradeNameEn: string; employees: number; version: number } }>(
      'query($id: ID!) { supplier(id: $id) { tradeNameEn employees version } }',
      { id: state.supplierId },
      state.token,
    );
    expect(saved.data!.supplier).toEqual({ tradeNameEn: 'Hai An Test Mechanical', employees: 45, version: 3 });
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);

  it('accepts an invitation from the inbox and shows the buyer’s contact; the need is explained under needs you could win', async () => {
    const buyerEmail = `buyer-${Date.now()}@example.jp`;
    const registered = await web.gql<{ register: { accessToken: string } }>(
      'mutation($input: RegisterInput!) { register(input: $input) { accessToken } }',
      {
        input: { email: buyerEmail, password: PASSWORD, displayName: 'Tanaka Buyer' },
      },
    );
    const buyerToken = registered.data!.register.accessToken;
    const buyer = await web.gql<{ createBuyer: { id: string } }>(
      'mutation($input: CreateBuyerInput!) { createBuyer(input: $input) { id } }',
      {
        input: {
          taxCode: freshTaxCode('09'),
          name: 'Kaisei Test Components Vietnam',
          countryOfOrigin: 'JP',
          contact: { name: 'Tanaka Hiro', email: 'tanaka@kaisei-test.jp' },
        },
      },
      buyerToken,
    );
    // A new buyer reaches suppliers once the centre has verified it.
    const admin = await web.gql<{ login: { accessToken: string } }>(
      'mutation($password: String!) { login(email: "admin@hp-support.local", password: $password) { accessToken } }',
      { password: ADMIN_PASSWORD },
    );
    const verified = await web.gql(
      'mutation($id: ID!) { setBuyerVerificationStatus(input: { buyerId: $id, status: VERIFIED }) { id } }',
      { id: buyer.data!.createBuyer.id },
      admin.data!.login.accessToken,
    );
    expect(verified.errors).toBeUndefined();
    // Two private needs the supplier is invited to: housings counted in pieces, profiles in metres
    const invite = async (title: string, quantityPerMonth: { value: number; unit: string }, message: string) => {
      const need = await web.gql<{ createSourcingNeed: { id: string; version: number } }>(
        'mutation($input: CreateSourcingNeedInput!) { createSourcingNeed(input: $input) { id version } }',
        { input: { buyerId: buyer.data!.createBuyer.id, title, processes: [state.processCode], quantityPerMonth, visibility: 'PRIVATE' } },
        buyerToken,
      );
      expect(need.errors).toBeUndefined();
      const needId = need.data!.createSourcingNeed.id;
      await web.gql(
        'mutation($id: ID!, $v: Int!) { publishSourcingNeed(id: $id, version: $v) { status } }',
        { id: needId, v: need.data!.createSourcingNeed.version },
        buyerToken,
      );
      const invited = await web.gql(
        'mutation($input: InviteSuppliersInput!) { inviteSuppliers(input: $input) { id } }',
        { input: { needId, supplierIds: [state.supplierId], message } },
        buyerToken,
      );
      expect(invited.errors).toBeUndefined();
    };
    await invite('Vỏ nhôm phay CNC cho cảm biến', { value: 2000, unit: 'PCS' }, 'Xin báo giá 2.000 vỏ nhôm mỗi tháng.');
    await invite('Thanh nhôm định hình phay rãnh', { value: 1500, unit: 'METRES' }, 'Xin báo giá 1.500 m thanh nhôm mỗi tháng.');

    const { page, context, problems } = await web.newPage('desktop');
    await signIn(page, EMAIL);
    await step(page, 'sme-inbox', async () => {
      await page.goto('/vi/account');
      await page.getByRole('link', { name: 'Hộp thư' }).click();
      const card = page.getByRole('article', { name: 'Vỏ nhôm phay CNC cho cảm biến' });
      await card.getByText('Xin báo giá 2.000 vỏ nhôm mỗi tháng.').waitFor();
      await card.getByRole('button', { name: 'Chấp nhận' }).click();
      await card.getByText('Đã chấp nhận').waitFor();
      await card.getByText(/tanaka@kaisei-test\.jp/).waitFor();
    });
    await step(page, 'sme-needs', async () => {
      await page.getByRole('link', { name: 'Cơ hội phù hợp' }).click();
      const card = page.getByRole('article', { name: 'Vỏ nhôm phay CNC cho cảm biến' });
      await card.getByRole('rowheader', { name: 'Công nghệ' }).waitFor();
      // a need's monthly quantity with its unit named as the rest of the web names it (enums.unit)
      await expect(page.getByRole('article', { name: 'Thanh nhôm định hình phay rãnh' }).innerText()).resolves.toMatch(
        /(^|· )1\.500 m\/tháng( ·|\n|$)/m,
      );
      for (const [lang, quantity] of [
        ['ja', /(^|· )月 1,500 m( ·|\n|$)/m],
        ['ko', /(^|· )월 1,500 m( ·|\n|$)/m],
      ] as const) {
        await openPage(page, `/${lang}/needs`);
        await expect(page.getByRole('article', { name: 'Thanh nhôm định hình phay rãnh' }).innerText()).resolves.toMatch(quantity);
        // on a phone the quantity stays one run ("월 / 1,500 m" left the number on the next line)
        await page.setViewportSize(VIEWPORTS.phone);
        await expectKeptTogether(page, /[月월]\s[\d,]+\s\S+/, `${lang}/needs at 390 px`);
        await page.setViewportSize(VIEWPORTS.desktop);
      }
    });
    expect(problems).toEqual([]);
    await context.close();

    // The buyer's member opening the supplier pages (no menu offers them): the not-allowed page, the
    // way to their sourcing needs, and no supplier data (an empty registration form before)
    const buyerSide = await web.newPage('phone');
    await signInAs(buyerSide.page, { email: buyerEmail, password: PASSWORD });
    const { bodies, stop } = recordGraphqlAnswers(buyerSide.page);
    await step(buyerSide.page, 'sme-pages-buyer', async () => {
      for (const path of ['my-supplier', 'inbox', 'needs', 'qualify']) {
        await openPage(buyerSide.page, `/ja/${path}`);
        await buyerSide.page.getByTestId('not-allowed').getByRole('link', { name: '調達ニーズ' }).waitFor();
      }
      await expectNoHorizontalScroll(buyerSide.page, 'ja/my-supplier, a buyer');
    });
    stop();
    expect(bodies.join('\n')).not.toMatch(/"(supplier|inbox|matchNeeds|upgradePaths)":/);
    expect(buyerSide.problems).toEqual([]);
    await buyerSide.context.close();
  }, 120_000);

  it('the profile form works with the keyboard alone', async () => {
    const email = `keyboard-${Date.now()}@example.vn`;
    await web.gql('mutation($input: RegisterInput!) { register(input: $input) { accessToken } }', {
      input: { email, password: PASSWORD, displayName: 'Bàn Phím' },
    });
    const { page, context, problems } = await web.newPage('phone');
    await signIn(page, email);
    const next = page.getByRole('button', { name: 'Tiếp tục' });
    await step(page, 'sme-keyboard', async () => {
      await page.goto('/vi/my-supplier');
      await tabTo(page, page.getByLabel('Tên đăng ký (tiếng Việt)'));
      await page.keyboard.type('Cơ khí Bàn Phím An Dương');
      await tabTo(page, page.getByLabel('Mã số thuế'));
      await page.keyboard.type(freshTaxCode('09'));
      await page.keyboard.press('Enter'); // submits the step
      await page.getByRole('heading', { name: 'Vị trí', exact: true }).waitFor();
      await tabTo(page, next);
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'Năng lực', exact: true }).waitFor();
    });
    await step(page, 'sme-keyboard-processes', async () => {
      await tabTo(page, page.getByLabel(/^Quy trình/).first());
      await page.keyboard.type('phay');
      await page.getByRole('listbox').getByRole('option').first().waitFor();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Escape');
    });
    await step(page, 'sme-keyboard-steps', async () => {
      for (const heading of ['Chứng chỉ', 'Thiết bị', 'Công suất và điều khoản', 'Liên hệ']) {
        await tabTo(page, next);
        await page.keyboard.press('Enter');
        await page.getByRole('heading', { name: heading, exact: true }).waitFor();
      }
    });
    await step(page, 'sme-keyboard-save', async () => {
      await tabTo(page, page.getByLabel('Điện thoại'));
      await page.keyboard.type('+84 225 3000 111');
      await page.keyboard.press('Enter');
      await page.getByText(/Đã lưu hồ sơ \(phiên bản 1\)/).waitFor();
    });
    expect(problems).toEqual([]);
    await context.close();
  }, 180_000);

  it('names the account’s role in the reader’s language, for every role', async () => {
    const named: Record<string, Record<'vi' | 'en' | 'ja' | 'ko', string>> = {
      MEMBER: { vi: 'Thành viên doanh nghiệp', en: 'Company member', ja: '企業メンバー', ko: '기업 구성원' },
      STAFF: { vi: 'Cán bộ trung tâm', en: 'Centre staff', ja: 'センター職員', ko: '센터 직원' },
      ANALYST: { vi: 'Chuyên viên phân tích', en: 'Analyst', ja: '分析担当', ko: '분석가' },
      ADMIN: { vi: 'Quản trị trung tâm', en: 'Centre administrator', ja: 'センター管理者', ko: '센터 관리자' },
    };
    const accounts: Record<string, Account> = {
      MEMBER: await registerAccount(web, 'role.member'),
      STAFF: await registerAccount(web, 'role.staff', 'STAFF'),
      ANALYST: await registerAccount(web, 'role.analyst', 'ANALYST'),
      ADMIN: await adminAccount(web),
    };
    for (const [role, account] of Object.entries(accounts)) {
      const { page, context, problems } = await web.newPage('phone');
      await signInAs(page, account);
      await step(page, `account-role-${role}`, async () => {
        for (const lang of ['vi', 'en', 'ja', 'ko'] as const) {
          await openPage(page, `/${lang}/account`);
          // the badge after "Role:"
          const badge = page
            .locator('main p')
            .filter({ hasText: { vi: 'Vai trò:', en: 'Role:', ja: '役割:', ko: '역할:' }[lang] })
            .locator('.mantine-Badge-root');
          await expect(badge.textContent()).resolves.toBe(named[role][lang]);
          // shown as written, not in capitals
          await expect(badge.evaluate((el) => (el.ownerDocument.defaultView as any).getComputedStyle(el).textTransform)).resolves.not.toBe(
            'uppercase',
          );
        }
      });
      // the profile page follows the menu: a user of no company registers their supplier there; the
      // centre's people get the not-allowed page, the way to their own pages, and no supplier data
      await step(page, `my-supplier-${role}`, async () => {
        const { bodies, stop } = recordGraphqlAnswers(page);
        await openPage(page, '/ko/my-supplier');
        if (role === 'MEMBER') await page.getByRole('heading', { level: 2, name: '회사', exact: true }).waitFor();
        else
          await page
            .getByTestId('not-allowed')
            .getByRole('link', { name: role === 'ANALYST' ? '분석' : '관리 콘솔' })
            .waitFor();
        stop();
        if (role !== 'MEMBER') expect(bodies.join('\n')).not.toMatch(/"supplier":/);
      });
      expect(problems).toEqual([]);
      await context.close();
    }
  }, 180_000);

  it('picks export markets and languages by their names in Korean; the profile names them; a date field shows its example as a hint', async () => {
    const owner = await registerAccount(web, 'markets');
    const created = await web.gql<{ createSupplier: { id: string } }>(
      'mutation($input: CreateSupplierInput!) { createSupplier(input: $input) { id } }',
      {
        input: {
          taxCode: freshTaxCode('09'),
          nameVi: 'Công ty TNHH Xuất khẩu Thử nghiệm Kiến An',
          processes: ['CNC_MILLING'],
          certifications: [{ code: 'ISO_9001', validUntil: '2027-06-30' }],
        },
      },
      owner.token,
    );
    expect(created.errors).toBeUndefined();
    const supplierId = created.data!.createSupplier.id;
    const { page, context, problems } = await web.newPage('phone');
    await signInAs(page, owner);
    await step(page, 'sme-markets-ko', async () => {
      await openPage(page, '/ko/my-supplier');
      await page.getByRole('heading', { level: 2, name: '회사', exact: true }).waitFor();
      for (let i = 0; i < 3; i += 1) await page.getByRole('button', { name: '다음' }).click();
      await page.getByRole('heading', { level: 2, name: '인증', exact: true }).waitFor();
      // a certificate's dates: the example day a hint under each label, not grey digits in the empty
      // "valid from" box that read as a day filled in
      expect({
        placeholder: await page.getByLabel('유효 시작일', { exact: true }).getAttribute('placeholder'),
        hints: await page.getByText('예: 2026. 12. 31.', { exact: true }).count(),
      }).toEqual({ placeholder: null, hints: 2 });
      for (let i = 0; i < 2; i += 1) await page.getByRole('button', { name: '다음' }).click();
      await page.getByRole('heading', { level: 2, name: '생산능력 및 조건' }).waitFor();
      // no field asks for codes any more
      expect(await page.locator('main').innerText()).not.toMatch(/국가 코드|예: vi/);
      await pick(page, '수출 시장', '일본', /^일본$/);
      await pick(page, '수출 시장', '독일', /^독일$/);
      await pick(page, '사용 언어', '베트남', /^베트남어$/);
      await page.keyboard.press('Escape');
      await expectAccessible(page, 'ko/my-supplier terms with markets picked');
      await expectNoHorizontalScroll(page, 'ko/my-supplier terms');
      await page.getByRole('button', { name: '프로필 저장' }).click();
      await page.getByText(/프로필을 저장했습니다\(버전 2\)/).waitFor();
    });
    // stored as the codes the API has always taken
    const saved = await web.gql<{ supplier: { exportMarkets: string[]; languages: string[] } }>(
      'query($id: ID!) { supplier(id: $id) { exportMarkets languages } }',
      { id: supplierId },
      owner.token,
    );
    expect(saved.data!.supplier).toEqual({ exportMarkets: ['JP', 'DE'], languages: ['vi'] });
    const fact = (label: string) =>
      page
        .locator('dl > div')
        .filter({ has: page.getByText(label, { exact: true }) })
        .locator('dd');
    await step(page, 'sme-markets-profile', async () => {
      for (const [lang, expected] of [
        ['ko', { markets: ['수출 시장', '일본 및 독일'], languages: ['사용 언어', '베트남어'] }],
        ['ja', { markets: ['輸出先', '日本、ドイツ'], languages: ['対応言語', 'ベトナム語'] }],
        ['vi', { markets: ['Thị trường xuất khẩu', 'Nhật Bản và Đức'], languages: ['Ngôn ngữ giao tiếp', 'Tiếng Việt'] }],
      ] as const) {
        await openPage(page, `/${lang}/suppliers/${supplierId}`);
        await expect(fact(expected.markets[0]).textContent()).resolves.toBe(expected.markets[1]);
        await expect(fact(expected.languages[0]).textContent()).resolves.toBe(expected.languages[1]);
      }
    });
    // the form shows them by name again, as picked
    await step(page, 'sme-markets-form-again', async () => {
      await openPage(page, '/ko/my-supplier');
      await page.getByRole('heading', { level: 2, name: '회사', exact: true }).waitFor();
      for (let i = 0; i < 5; i += 1) await page.getByRole('button', { name: '다음' }).click();
      const markets = page
        .getByRole('combobox', { name: '수출 시장', exact: true })
        .locator('xpath=ancestor::div[contains(@class,"mantine-MultiSelect-root")]');
      await expect(markets.innerText()).resolves.toMatch(/일본[\s\S]*독일/);
    });
    expect(problems).toEqual([]);
    await context.close();
  }, 180_000);

  it('the self-service pages pass axe and fit a phone, in Vietnamese and Japanese (and Korean on a phone)', async () => {
    for (const viewport of ['phone', 'desktop'] as const) {
      const { page, context, problems } = await web.newPage(viewport);
      await signIn(page, EMAIL);
      for (const lang of viewport === 'phone' ? (['vi', 'ja', 'ko'] as const) : (['vi', 'ja'] as const)) {
        for (const path of ['my-supplier', 'inbox', 'needs']) {
          await step(page, `sme-${lang}-${path}-${viewport}`, async () => {
            await openPage(page, `/${lang}/${path}`);
            await page.getByRole('heading', { level: 1 }).waitFor();
            await page.waitForLoadState('networkidle');
            await expectAccessible(page, `${lang}/${path} ${viewport}`);
            if (viewport === 'phone') await expectNoHorizontalScroll(page, `${lang}/${path}`);
            await page.screenshot({ path: `test-results/look-${lang}-${path}-${viewport}.png`, fullPage: true });
          });
        }
        // every step of the form, at phone width where space is tightest
        if (viewport === 'phone')
          await step(page, `sme-${lang}-steps-${viewport}`, async () => {
            await openPage(page, `/${lang}/my-supplier`);
            await page.getByRole('heading', { level: 2 }).first().waitFor();
            // every step of the form, filled from the saved profile
            for (let i = 0; i < 6; i += 1) {
              await page.getByRole('button', { name: { vi: 'Tiếp tục', ja: '次へ', ko: '다음' }[lang] }).click();
              await page.waitForLoadState('networkidle');
              await expectAccessible(page, `${lang}/my-supplier step ${i + 2} ${viewport}`);
              if (viewport === 'phone') await expectNoHorizontalScroll(page, `${lang}/my-supplier step ${i + 2}`);
              if (i === 1) await page.screenshot({ path: `test-results/look-${lang}-capabilities-${viewport}.png`, fullPage: true });
            }
          });
      }
      expect(problems).toEqual([]);
      await context.close();
    }
  }, 300_000);
});
