import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Page } from 'playwright-core';
import { verifiedBuyer, verifiedSupplier } from '../support/buyer-fixture.js';
import { adminAccount, registerAccount, signIn, type Account } from '../support/web-analytics.js';
import { docScreenshot, expectAccessible, expectNoHorizontalScroll, startWebStack, step, type WebStack } from '../support/web.js';
import { openPage } from '../support/web-page.js';

/**
 * Each label of a list of facts (`dt`) on one line: squeezed by a long address beside it, the
 * profile's "주소" and "住所" stood one character a line.
 */
async function expectOneLineLabels(page: Page, label: string): Promise<void> {
  const broken = await page.locator('main dl dt').evaluateAll((terms) =>
    terms
      .filter((dt) => {
        const range = dt.ownerDocument.createRange();
        range.selectNodeContents(dt);
        return new Set(Array.from(range.getClientRects() as ArrayLike<{ top: number }>, (r) => Math.round(r.top))).size > 1;
      })
      .map((dt) => dt.textContent ?? ''),
  );
  expect({ page: label, brokenLabels: broken }).toEqual({ page: label, brokenLabels: [] });
}

/**
 * The web app in a real Chromium against the real API (started as `npm start` starts it, in
 * production mode with its strict CSP), PostgreSQL, Meilisearch and the demo data.
 */
describe('web app in a real browser', () => {
  jest.setTimeout(180_000);
  let stack: WebStack;
  let profileId: string;
  let profileNameEn: string;
  let profileNameVi: string;

  beforeAll(async () => {
    stack = await startWebStack();
    const found = await stack.gql(
      '{ searchSuppliers(input: { query: "dinh vu", verifiedOnly: true }) { hits { supplier { id nameVi tradeNameEn } } } }',
    );
    profileId = found.data.searchSuppliers.hits[0].supplier.id;
    profileNameVi = found.data.searchSuppliers.hits[0].supplier.nameVi;
    profileNameEn = found.data.searchSuppliers.hits[0].supplier.tradeNameEn ?? found.data.searchSuppliers.hits[0].supplier.nameVi;
  });
  afterAll(async () => {
    await stack?.close();
  });

  async function settle(page: Page) {
    await page.waitForLoadState('networkidle');
    await page.evaluate(() => (globalThis as any).document.fonts.ready);
  }

  it('opens the directory in Vietnamese with the demo suppliers, no CSP violation', async () => {
    const { context, page, problems } = await stack.newPage('desktop');
    await step(page, 'directory-vi', async () => {
      await page.goto('/');
      await expect(page.waitForURL(/\/vi$/)).resolves.toBeUndefined();
      await page.getByRole('heading', { level: 1, name: 'Tìm nhà cung cấp' }).waitFor();
      await page.getByRole('status').filter({ hasText: 'nhà cung cấp' }).first().waitFor();
      expect(await page.locator('main li').count()).toBeGreaterThanOrEqual(10);
      expect(await page.locator('html').getAttribute('lang')).toBe('vi');
      await settle(page);
      await docScreenshot(page, 'directory-vi-1280');
      expect(problems).toEqual([]);
    });
    await context.close();
  });

  it('searches with the keyboard alone: Vietnamese without diacritics, a Japanese process from the typeahead, and back', async () => {
    const { context, page, problems } = await stack.newPage('desktop');
    await step(page, 'keyboard-search', async () => {
      await page.goto('/vi');
      await page.getByRole('status').filter({ hasText: 'nhà cung cấp' }).first().waitFor();
      // Tab from the top of the page to the search box, as a keyboard user does.
      for (let i = 0; i < 20; i++) {
        await page.keyboard.press('Tab');
        if (await page.getByRole('combobox', { name: 'Bạn cần gì?' }).evaluate((el) => el === (globalThis as any).document.activeElement))
          break;
      }
      await page.keyboard.type('gia cong co khi');
      await page.keyboard.press('Escape');
      await page.keyboard.press('Enter');
      await page.waitForURL(/q=gia\+cong\+co\+khi/);
      // found without diacritics ("cong" is "công", each word marked): the answer's highlights show it arrived
      await page
        .locator('main li mark', { hasText: /^công$/i })
        .first()
        .waitFor();
      await page.locator('main li', { hasText: 'Cơ khí' }).first().waitFor();

      // The Japanese label of a process, picked from the typeahead with the arrow keys, on a fresh directory page.
      await page.goto('/vi');
      await page.getByRole('combobox', { name: 'Bạn cần gì?' }).focus();
      await page.keyboard.type('フライス');
      await page.getByRole('option', { name: /Phay CNC/ }).waitFor();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await page.waitForURL(/process=CNC_MILLING/);
      expect(page.url()).not.toContain('q=');
      await page.locator('main li', { hasText: 'Phay CNC' }).first().waitFor();

      // The back button restores the previous state of the page.
      await page.goBack();
      await page.waitForURL(/\/vi$/);
      await page.goBack();
      await page.waitForURL(/q=gia\+cong\+co\+khi/);
      await expect(page.getByRole('combobox', { name: 'Bạn cần gì?' }).inputValue()).resolves.toBe('gia cong co khi');
      expect(problems).toEqual([]);
    });
    await context.close();
  });

  it('shows the results on a map with markers when no map tiles can be loaded', async () => {
    const { context, page, problems } = await stack.newPage('desktop');
    await step(page, 'map', async () => {
      // highlights are <mark> elements parsed from the API's snippet, never injected HTML
      await page.goto('/vi?q=EPDM');
      await page.locator('main li mark', { hasText: 'EPDM' }).first().waitFor();
      await page.goto('/vi?view=map');
      await page.locator('.leaflet-marker-icon').first().waitFor();
      expect(await page.locator('.leaflet-marker-icon').count()).toBeGreaterThan(0);
      await page.getByText('Không tải được nền bản đồ').waitFor();
      expect(problems).toEqual([]);
    });
    await context.close();
  });

  it('opens a supplier from a scrolled list at the top of its profile, and Back returns to where the list was', async () => {
    const { context, page, problems } = await stack.newPage('phone');
    await step(page, 'scroll-restoration', async () => {
      await page.goto('/vi');
      const links = page.locator('main a[href*="/vi/suppliers/"]');
      await links.first().waitFor();
      const last = links.last();
      await last.scrollIntoViewIfNeeded();
      const listY = await page.evaluate('window.scrollY');
      expect(listY).toBeGreaterThan(400);
      await last.click();
      await page.locator('main h1').first().waitFor();
      await page.waitForFunction(() => (globalThis as any).document.documentElement.dataset.page?.includes('/suppliers/'));
      expect(await page.evaluate('window.scrollY')).toBe(0);
      await page.goBack();
      await page.waitForFunction((y) => (globalThis as any).window.scrollY === y, listY);
      expect(problems).toEqual([]);
    });
    await context.close();
  });

  it('opens the next page of results at its first result, not at the page buttons', async () => {
    const { context, page, problems } = await stack.newPage('phone');
    await step(page, 'pagination-scroll', async () => {
      await page.goto('/vi');
      await page.locator('main').getByRole('button', { name: '2', exact: true }).click();
      await page.waitForURL(/[?&]page=2/);
      const status = page.locator('main [role="status"]').first();
      await status.waitFor();
      const box = (await status.boundingBox())!;
      expect({ top: box.y >= 0, onScreen: box.y + box.height <= 844 }).toEqual({ top: true, onScreen: true });
      expect(problems).toEqual([]);
    });
    await context.close();
  });

  it('serves a profile with the supplier in its <title> and description before any script runs', async () => {
    const html = await (await fetch(`${stack.baseUrl}/en/suppliers/${profileId}`, { headers: { accept: 'text/html' } })).text();
    const escaped = profileNameEn.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
    expect(html).toContain(`<title>${escaped} — Hải Phòng</title>`);
    expect(html).toMatch(/<meta name="description" content="[^"]{20,}"/);
    expect(html).toContain('<html lang="en">');
    const unknown = await (await fetch(`${stack.baseUrl}/vi/suppliers/00000000-0000-4000-8000-000000000000`)).text();
    expect(unknown).toContain('<title>Nhà cung cấp công nghiệp hỗ trợ Hải Phòng</title>');
  });

  it('shows the profile to an anonymous buyer: certificates with their state, no contacts', async () => {
    const { context, page, problems } = await stack.newPage('desktop');
    await step(page, 'profile', async () => {
      await page.goto(`/vi/suppliers/${profileId}`);
      await page.getByRole('heading', { level: 1, name: profileNameVi }).waitFor();
      await page.getByRole('heading', { name: 'Chứng chỉ' }).waitFor();
      expect(await page.locator('[data-certificate-state]').count()).toBeGreaterThan(0);
      await page.getByText('Thông tin liên hệ được chia sẻ khi').waitFor();
      await page.locator('.leaflet-marker-icon').first().waitFor();
      await settle(page);
      await docScreenshot(page, 'profile-vi-1280');
      expect(problems).toEqual([]);
    });
    await context.close();
  });

  it('the accessibility check itself fails on a page with a serious violation', async () => {
    const { context, page } = await stack.newPage('desktop');
    await page.goto('/vi/sign-in');
    await page.locator('main h1').first().waitFor();
    await expectAccessible(page, 'sign-in as served');
    // an icon button with no name and grey-on-white text, as a careless change would add them
    // (the colour set through the DOM: the page's CSP rightly refuses an inline style attribute)
    await page.evaluate(() => {
      const document = (globalThis as any).document;
      const main = document.querySelector('main');
      main.insertAdjacentHTML('beforeend', '<button type="button"><svg width="16" height="16"></svg></button><p id="faint">mờ nhạt</p>');
      document.getElementById('faint').style.color = '#d0d0d0';
    });
    const failure = await expectAccessible(page, 'sign-in, broken').then(
      () => 'passed',
      (error: Error) => error.message,
    );
    expect(failure).toContain('button-name (critical)');
    expect(failure).toContain('color-contrast (serious)');
    await context.close();
  });

  // 40 pages through axe: minutes on a loaded 2-core machine
  it('has no serious accessibility violation and no sideways scrolling, in every language, at 390 and 1280 px', async () => {
    for (const viewport of ['phone', 'desktop'] as const) {
      const { context, page, problems } = await stack.newPage(viewport);
      for (const lang of ['vi', 'en', 'ja', 'ko']) {
        for (const path of [`/${lang}`, `/${lang}/suppliers/${profileId}`, `/${lang}/sign-in`, `/${lang}/register`, `/${lang}/nowhere`]) {
          await step(page, `a11y-${viewport}${path}`, async () => {
            await openPage(page, path);
            await page.locator('main h1').first().waitFor();
            await page.evaluate(() => (globalThis as any).document.fonts.ready);
            await expectAccessible(page, `${viewport} ${path}`);
            if (viewport === 'phone') await expectNoHorizontalScroll(page, path);
            if (path.includes('/suppliers/') && (lang === 'ja' || lang === 'ko')) await expectOneLineLabels(page, `${viewport} ${path}`);
          });
        }
      }
      expect(problems).toEqual([]);
      await context.close();
    }
  }, 600_000);

  it('offers each user their own pages in the phone menu, each entry a row tall enough to tap', async () => {
    const admin = (await adminAccount(stack)).token;
    const supplier = await registerAccount(stack, 'menu.supplier');
    const buyer = await registerAccount(stack, 'menu.buyer');
    const newcomer = await registerAccount(stack, 'menu.newcomer');
    const staff = await registerAccount(stack, 'menu.staff', 'STAFF');
    await verifiedSupplier(stack, supplier.token, admin, {
      nameVi: 'Công ty TNHH Cơ khí Thực đơn',
      processes: ['CNC_MILLING'],
      zoneCode: 'TRANG_DUE',
    });
    await verifiedBuyer(stack, buyer.token, admin, 'Menu Test Vina', 'TRANG_DUE');
    // the company profile is the supplier member's own; a member of no company is offered to register
    // one; a buyer's member and the centre's staff are not sent to an empty supplier form
    const menus: [string, Account, string[]][] = [
      ['supplier', supplier, ['공급업체', '회사 프로필', '받은편지함', '수주 가능한 요청', '더 많은 일감 얻기', '내 계정', '로그아웃']],
      ['buyer', buyer, ['공급업체', '조달 요청', '내 계정', '로그아웃']],
      ['newcomer', newcomer, ['공급업체', '공급업체로 등록', '내 계정', '로그아웃']],
      ['staff', staff, ['공급업체', '관리 콘솔', '내 계정', '로그아웃']],
    ];
    for (const [who, account, entries] of menus) {
      const { context, page, problems } = await stack.newPage('phone');
      await step(page, `phone-menu-${who}`, async () => {
        await signIn(page, account);
        await openPage(page, '/ko/account');
        await page.getByRole('button', { name: '메뉴' }).click();
        const menu = page.locator('#phone-menu');
        await menu.getByRole('link', { name: '내 계정' }).waitFor();
        const shown = await menu
          .locator('a, button')
          .evaluateAll((items) =>
            items.map((item) => ({ name: (item.textContent ?? '').trim(), height: Math.round(item.getBoundingClientRect().height) })),
          );
        expect({ who, entries: shown.map((item) => item.name) }).toEqual({ who, entries });
        // at least 44 px (WCAG 2.5.5, Apple's guidelines): the text alone was 20 px
        expect({ who, short: shown.filter((item) => item.height < 44) }).toEqual({ who, short: [] });
        if (who === 'supplier') await expectAccessible(page, 'phone menu, open');
        if (who === 'newcomer') {
          await menu.getByRole('link', { name: '공급업체로 등록' }).click();
          await page.waitForURL(/\/ko\/my-supplier$/);
          await page.getByRole('heading', { level: 1, name: '회사 프로필' }).waitFor();
          // a link followed from the phone menu closes it
          await menu.waitFor({ state: 'detached', timeout: 5000 });
        }
        expect(problems).toEqual([]);
      });
      await context.close();
    }
  }, 240_000);

  it('switches the language in place: Korean process labels and Korean UI text', async () => {
    const { context, page } = await stack.newPage('phone');
    await step(page, 'korean', async () => {
      await page.goto('/vi?process=CNC_MILLING');
      await page.locator('main li').first().waitFor();
      await page.getByRole('combobox', { name: 'Ngôn ngữ' }).selectOption('ko');
      await page.waitForURL(/\/ko\?process=CNC_MILLING/);
      await page.getByRole('heading', { level: 1, name: '공급업체 찾기' }).waitFor();
      await page.locator('main li', { hasText: '밀링 가공' }).first().waitFor();
      // the document's language follows the page's, set right after the page renders
      await page.waitForFunction(() => (globalThis as any).document.documentElement.lang === 'ko');
      await settle(page);
      await docScreenshot(page, 'directory-ko-390');
    });
    await context.close();
  });

  it('registers, shows field errors in the user language, signs in and out, and stays signed in in a new tab', async () => {
    const { context, page, problems } = await stack.newPage('desktop');
    await step(page, 'auth', async () => {
      await page.goto('/ja/register');
      await page.getByLabel('お名前').fill('Nguyễn Thị Web');
      await page.getByLabel('メールアドレス').fill('not-an-email');
      await page.getByLabel(/^パスワード/).fill('short');
      await page.getByRole('button', { name: 'アカウントを作成' }).click();
      await page.getByText('有効なメールアドレスを入力してください。').waitFor();
      await page.getByText('10 文字以上にしてください。').waitFor();

      const email = `web-${Date.now()}@example.vn`;
      await page.getByLabel('メールアドレス').fill(email);
      await page.getByLabel(/^パスワード/).fill('a-long-enough-password');
      await page.getByRole('button', { name: 'アカウントを作成' }).click();
      await page.getByRole('heading', { name: 'マイアカウント' }).waitFor();
      await page.getByText(email).waitFor();
      await page.getByText('まだどの会社にも所属していません。').waitFor();
      // the access token is in memory only
      const stored = await page.evaluate(() =>
        JSON.stringify({ ...(globalThis as any).localStorage, ...(globalThis as any).sessionStorage }),
      );
      expect(stored).not.toMatch(/eyJ/);

      await page.getByRole('button', { name: 'ログアウト' }).click();
      await page.getByRole('link', { name: 'ログイン' }).first().waitFor();

      // A second registration with the same email: the API's reason, on the email field, in Japanese.
      await page.goto('/ja/register');
      await page.getByLabel('お名前').fill('Again');
      await page.getByLabel('メールアドレス').fill(email);
      await page.getByLabel(/^パスワード/).fill('a-long-enough-password');
      await page.getByRole('button', { name: 'アカウントを作成' }).click();
      await page.getByText('このメールアドレスのアカウントは既にあります。').waitFor();

      await page.goto('/ja/sign-in');
      await page.getByLabel('メールアドレス').fill(email);
      await page.getByLabel(/^パスワード/).fill('wrong-password-here');
      await page.getByRole('button', { name: 'ログイン' }).last().click();
      await page.getByText('メールアドレスまたはパスワードが正しくありません。').waitFor();
      await page.getByLabel(/^パスワード/).fill('a-long-enough-password');
      await page.getByRole('button', { name: 'ログイン' }).last().click();
      await page.getByRole('heading', { name: 'マイアカウント' }).waitFor();

      // The refresh token is a cookie the page's scripts cannot read, sent only to /auth.
      const refresh = (await context.cookies()).find((cookie) => cookie.name === 'hp_refresh');
      expect(refresh).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/auth' });
      expect(await page.evaluate(() => (globalThis as any).document.cookie)).not.toContain('hp_refresh');
      // A new tab, and a reload, are signed in silently through that cookie (no token was stored).
      const second = await context.newPage();
      await second.goto('/ja/account');
      await second.getByRole('heading', { name: 'マイアカウント' }).waitFor();
      await second.getByText(email).waitFor();
      await page.reload();
      await page.getByText(email).waitFor();
      await second.close();
      expect(problems).toEqual([]);
    });
    await context.close();
  });

  it('says search is unavailable when Meilisearch is down, instead of a blank page', async () => {
    await stack.stopSearch();
    const { context, page, problems } = await stack.newPage('phone');
    await step(page, 'search-unavailable', async () => {
      await page.goto('/vi?q=ep+nhua');
      await page.getByRole('alert').filter({ hasText: 'Tìm kiếm tạm thời không khả dụng' }).waitFor();
      // profiles still open
      await page.goto(`/vi/suppliers/${profileId}`);
      await page.getByRole('heading', { level: 1, name: profileNameVi }).waitFor();
      expect(problems).toEqual([]);
    });
    await context.close();
  });
});
