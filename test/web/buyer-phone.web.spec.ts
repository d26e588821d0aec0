import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Locator, Page } from 'playwright-core';
import { createAward, signIn, type AwardFixture } from '../support/web-analytics.js';
import { openPage } from '../support/web-page.js';
import { expectAccessible, expectNoHorizontalScroll, expectWholeWordHeadings, startWebStack, step, type WebStack } from '../support/web.js';

/**
 * The buyer's pages at a phone's width in Korean and Japanese, in a real Chromium against the real
 * API: an awarded need reads as a summary (not a form of faint disabled fields with editing hints);
 * its match view names the supplier it was awarded to and offers no invitation; the side-by-side
 * comparison is one block per row on a phone with every word whole, its rows in the cards' order;
 * a card's tick box is a 44 px target; the relaxation banner names only what let in a supplier
 * missing it (in red), none when nobody listed misses anything; a delivery's correction opens under
 * its row and hands the focus back.
 */
let web: WebStack;
let award: AwardFixture;
/** A published need whose process retrieval has to widen, though every supplier it ranks offers the process. */
let rubberNeedId: string;
/** A published need whose ranked suppliers are explained at length (the audit's Korean backlight frames): to compare. */
let compareNeedId: string;
const DAYS = ['2026-11-02', '2026-11-09', '2026-11-16'];

async function must<T = any>(query: string, variables: Record<string, unknown>, token: string): Promise<T> {
  const { data, errors } = await web.gql<T>(query, variables, token);
  if (errors || !data) throw new Error(JSON.stringify(errors));
  return data;
}

/** A need of the award's buyer, published: its id. */
async function publishedNeed(input: Record<string, unknown>): Promise<string> {
  const token = award.buyerMember.token;
  const draft = (
    await must<{ createSourcingNeed: { id: string; version: number } }>(
      'mutation($input: CreateSourcingNeedInput!) { createSourcingNeed(input: $input) { id version } }',
      { input: { buyerId: award.buyerId, visibility: 'PUBLIC', ...input } },
      token,
    )
  ).createSourcingNeed;
  await must('mutation($id: ID!, $version: Int!) { publishSourcingNeed(id: $id, version: $version) { id } }', draft, token);
  return draft.id;
}

/** A day as formatDate writes it in Korean, in Hải Phòng's time zone. */
const koDay = (at: Date) =>
  new Intl.DateTimeFormat('ko-KR', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Asia/Ho_Chi_Minh' }).format(at);

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

/**
 * The words (as the page's language segments them: Korean at its spaces, Japanese by its dictionary)
 * that a line break cuts in two, in the text under `scope`: "距 / 離", "프레스 가 / 공".
 */
function brokenWords(scope: Locator): Promise<string[]> {
  return scope.evaluate((root: any) => {
    const doc = root.ownerDocument;
    const segmenter = new Intl.Segmenter(doc.documentElement.lang, { granularity: 'word' });
    const broken: string[] = [];
    const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const { segment, index, isWordLike } of segmenter.segment(node.textContent ?? '')) {
        if (!isWordLike || segment.length < 2) continue;
        const range = doc.createRange();
        range.setStart(node, index);
        range.setEnd(node, index + segment.length);
        const rects = Array.from(range.getClientRects() as ArrayLike<{ top: number; height: number }>).sort((x, y) => x.top - y.top);
        // a new line starts where a piece sits lower than half a line below the first
        if (rects.length > 1 && rects.at(-1)!.top > rects[0].top + rects[0].height / 2) broken.push(segment);
      }
    }
    return broken;
  });
}

/** Waits until the ranked list is drawn whole. */
async function rankedList(page: Page): Promise<Locator> {
  await page.locator('[data-testid="match-status"][data-loading="false"]').waitFor();
  return page.locator('[data-testid="match-list"]');
}

/**
 * The backlight frames' matches in `lang`, the first three suppliers ticked and compared (as many as
 * compare at once): the comparison, and the first card's criteria in its order.
 */
async function openCompare(page: Page, lang: 'ko' | 'ja'): Promise<{ compare: Locator; cardRows: string[] }> {
  await page.goto(`/${lang}/buyer/needs/${compareNeedId}/matches`);
  const cards = (await rankedList(page)).getByRole('article');
  for (const i of [0, 1, 2]) await cards.nth(i).getByRole('checkbox').check();
  await page.getByRole('button', { name: lang === 'ko' ? '비교' : '比較', exact: true }).click();
  const cardRows = await cards
    .nth(0)
    .getByRole('progressbar')
    .evaluateAll((bars: any[]) => bars.map((bar) => bar.getAttribute('aria-label') as string));
  return { compare: page.locator('section[aria-labelledby="compare-title"]'), cardRows };
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
  // the awarded supplier is a matching candidate once the worker has indexed it
  for (let i = 0; i < 120; i++) {
    const found = await web.gql<{ searchSuppliers: { totalHits: number } }>(
      '{ searchSuppliers(input: { query: "Dập Trao Thầu" }) { totalHits } }',
    );
    if ((found.data?.searchSuppliers.totalHits ?? 0) > 0) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  // the demo's rubber gasket need: too few suppliers offer rubber moulding, so retrieval widens the
  // process, and every supplier it ranks still offers it
  rubberNeedId = await publishedNeed({
    title: 'Gioăng cao su chống bụi cho khung màn hình',
    description: 'Gioăng EPDM ép khuôn cho khung màn hình 27 inch, giao hai tuần một lần.',
    processes: ['RUBBER_MOULDING'],
    quantityPerMonth: { value: 24000, unit: 'PCS' },
  });
  compareNeedId = await publishedNeed({
    title: '디스플레이 백라이트 프레임 프레스 가공',
    description: 'SECC 프레스 가공 프레임, 월 20만 개. RoHS 필수.',
    processes: ['STAMPING'],
    materials: ['SECC'],
    certifications: ['ROHS'],
    quantityPerMonth: { value: 200000, unit: 'PCS' },
    delivery: { plant: 'Nhà máy Tràng Duệ' },
    maxDistanceKm: 30,
  });
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
      }).toEqual({ historyDatesNotInFull: [], unlabelledDefects: [], datePlaceholder: null, dateHints: 2 });
    });
    expect(problems).toEqual([]);
    await context.close();
  }, 180_000);

  it("the awarded need's match view names the supplier it went to, offers no invitation, and its tick boxes are 44 px targets", async () => {
    const { page, context, problems } = await web.newPage('phone');
    await signIn(page, award.buyerMember);
    await step(page, 'buyer-phone-awarded-matches', async () => {
      // the supplier's name held back: no banner yet, rather than a dated one that another replaces
      let releaseName!: () => void;
      const nameHeld = new Promise<void>((resolve) => (releaseName = resolve));
      let nameAsked!: () => void;
      const asked = new Promise<void>((resolve) => (nameAsked = resolve));
      await page.route('**/graphql', async (route) => {
        if ((route.request().postDataJSON() as { operationName?: string } | null)?.operationName === 'AwardedSupplier') {
          nameAsked();
          await nameHeld;
        }
        await route.fallback();
      });
      await page.goto(`/ko/buyer/needs/${award.needId}/matches`);
      const list = await rankedList(page);
      const banner = page.getByTestId('award-banner');
      await asked;
      await page.evaluate(() => {
        const frame = (globalThis as any).requestAnimationFrame as (callback: () => void) => void;
        return new Promise<void>((resolve) => frame(() => frame(resolve)));
      });
      expect(await banner.count()).toBe(0);
      releaseName();
      expect(await banner.innerText()).toBe(`발주한 업체: ${award.supplierName}(${koDay(new Date())} 발주)`);
      await page.unroute('**/graphql');
      const card = list.getByRole('article', { name: new RegExp(award.supplierName) });
      await card.getByTestId('awarded-badge').getByText('발주한 업체').waitFor();
      expect(await list.getByTestId('awarded-badge').count()).toBe(1);
      // compare, yes; invite, no (the need takes no invitation any more)
      await page.getByText('공급업체를 체크하면 나란히 비교할 수 있습니다.', { exact: true }).waitFor();
      expect(await page.getByText(/초대할 수 있습니다/).count()).toBe(0);
      // the link to the need says it is to be read, not edited
      await page.getByRole('link', { name: '요청 보기', exact: true }).waitFor();
      expect(await page.getByRole('link', { name: '요청 수정' }).count()).toBe(0);

      // every card's tick box is tapped anywhere in a 44 px square, a corner of it too
      const ticks = list.locator('label').filter({ has: page.getByRole('checkbox') });
      const count = await ticks.count();
      expect(count).toBeGreaterThanOrEqual(2);
      for (let i = 0; i < count; i++) {
        const box = (await ticks.nth(i).boundingBox())!;
        expect({ i, width: box.width >= 44, height: box.height >= 44 }).toEqual({ i, width: true, height: true });
      }
      const box = (await ticks.first().boundingBox())!;
      await page.mouse.click(box.x + 2, box.y + 2);
      expect(await ticks.first().getByRole('checkbox').isChecked()).toBe(true);
      // measured again: the selection bar above the list has opened
      const again = (await ticks.first().boundingBox())!;
      await page.mouse.click(again.x + again.width - 2, again.y + again.height - 2);
      expect(await ticks.first().getByRole('checkbox').isChecked()).toBe(false);

      await page.waitForLoadState('networkidle');
      await expectAccessible(page, 'awarded need matches (ko, 390 px)');
      await expectNoHorizontalScroll(page, 'awarded need matches (ko, 390 px)');
    });
    expect(problems).toEqual([]);
    await context.close();
  }, 180_000);

  it.each(['ko', 'ja'] as const)(
    'compares three suppliers at 390 px (%s): a block per row, in the cards order, every word whole',
    async (lang) => {
      const { page, context, problems } = await web.newPage('phone');
      await signIn(page, award.buyerMember);
      await step(page, `buyer-phone-compare-${lang}`, async () => {
        const { compare, cardRows } = await openCompare(page, lang);
        await compare.getByRole('heading', { level: 2 }).waitFor();
        // no table squeezed into the phone's width: one block per row, each supplier's value under its name
        expect(await compare.getByRole('table').count()).toBe(0);
        const rows = await compare.getByRole('heading', { level: 3 }).allInnerTexts();
        // the criteria in the order of the cards' rows (the same names), between the score and the facts
        expect(rows.slice(1, 1 + cardRows.length)).toEqual(cardRows);
        expect(rows.length).toBe(cardRows.length + 4);
        await compare.scrollIntoViewIfNeeded();
        expect(await brokenWords(compare)).toEqual([]);
        await page.waitForLoadState('networkidle');
        await expectNoHorizontalScroll(page, `compare (${lang}, 390 px)`);
        await expectAccessible(page, `compare (${lang}, 390 px)`);
      });
      expect(problems).toEqual([]);
      await context.close();
    },
    180_000,
  );

  it('the comparison at 1280 px (ja): a table, its rows in the cards order, its headings whole', async () => {
    const { page, context, problems } = await web.newPage('desktop');
    await signIn(page, award.buyerMember);
    await step(page, 'buyer-desktop-compare-ja', async () => {
      const { compare, cardRows } = await openCompare(page, 'ja');
      await compare.getByRole('table').waitFor();
      const rows = await compare.getByRole('rowheader').allInnerTexts();
      expect(rows.slice(1, 1 + cardRows.length)).toEqual(cardRows);
      await expectWholeWordHeadings(page, 'compare (ja, 1280 px)', 'section[aria-labelledby="compare-title"]');
      expect(await brokenWords(compare)).toEqual([]);
    });
    expect(problems).toEqual([]);
    await context.close();
  }, 180_000);

  it('the relaxation banner names only what let in a supplier listed missing it, and is not shown when none did', async () => {
    const ranking = (id: string) =>
      must<{
        matchSuppliers: {
          relaxedConstraints: string[];
          matches: { missing: string[]; criteria: { key: string; score: number; weight: number; unmet: boolean }[] }[];
        };
      }>(
        'query($id: ID!) { matchSuppliers(needId: $id, lang: ko, first: 20) { relaxedConstraints matches { missing criteria { key score weight unmet } } } }',
        { id },
        award.buyerMember.token,
      );
    // fewer than ten suppliers offer rubber moulding, so retrieval widens the process; every supplier
    // ranked still offers it, so the API tells of no relaxation
    const moulders = await must<{ searchSuppliers: { totalHits: number } }>(
      '{ searchSuppliers(input: { processesAnyOf: ["RUBBER_MOULDING"] }) { totalHits } }',
      {},
      award.buyerMember.token,
    );
    expect(moulders.searchSuppliers.totalHits).toBeLessThan(10);
    const rubber = await ranking(rubberNeedId);
    expect(rubber.matchSuppliers.matches.length).toBeGreaterThan(0);
    expect(rubber.matchSuppliers.matches.flatMap((m) => m.missing)).toEqual([]);
    expect(rubber.matchSuppliers.relaxedConstraints).toEqual([]);
    // the backlight frames (30 km, RoHS): suppliers further away or without RoHS are let in, and say so in red
    const frames = await ranking(compareNeedId);
    expect(frames.matchSuppliers.relaxedConstraints).toEqual(['maxDistance', 'certifications']);
    expect(frames.matchSuppliers.matches.some((m) => m.missing.length > 0)).toBe(true);
    const { page, context, problems } = await web.newPage('phone');
    await signIn(page, award.buyerMember);
    await step(page, 'buyer-phone-relaxed', async () => {
      await page.goto(`/ko/buyer/needs/${rubberNeedId}/matches`);
      await rankedList(page);
      expect(await page.getByTestId('relaxed-banner').count()).toBe(0);
      await page.goto(`/ko/buyer/needs/${compareNeedId}/matches`);
      await rankedList(page);
      await expect(page.getByTestId('relaxed-banner').innerText()).resolves.toContain(
        '다음 조건을 완화했습니다: 최대 거리 및 인증. 충족하지 못한 조건은 빨간색으로 표시됩니다.',
      );
      // Red marks exactly the requirements a supplier misses: each card's red criteria are its unmet
      // ones, and a criterion scoring nothing without being a requirement missed (the description's
      // fit with the need's words) stays in the usual colour.
      const drawn = frames.matchSuppliers.matches.map((m) => m.criteria.filter((c) => c.weight > 0));
      expect(drawn.flat().some((c) => c.score === 0 && !c.unmet)).toBe(true);
      const cards = page.locator('[data-testid="match-list"] > li');
      expect(await cards.count()).toBe(drawn.length);
      for (const [i, criteria] of drawn.entries()) {
        const red = await cards
          .nth(i)
          .locator('[data-unmet]')
          .evaluateAll((rows: any[]) => rows.map((row) => row.ownerDocument.defaultView.getComputedStyle(row).color as string));
        expect(red).toHaveLength(criteria.filter((c) => c.unmet).length);
        expect(new Set(red).size).toBeLessThanOrEqual(1);
      }
      const unmetColour = await page
        .locator('[data-unmet]')
        .first()
        .evaluate((row: any) => row.ownerDocument.defaultView.getComputedStyle(row).color as string);
      const others = await page
        .locator('[data-testid="match-list"] li li p:last-child:not([data-unmet])')
        .evaluateAll((rows: any[]) => [...new Set(rows.map((row) => row.ownerDocument.defaultView.getComputedStyle(row).color as string))]);
      expect(others).not.toContain(unmetColour);
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
