import type { Browser, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { ms, percentile, type BenchStack } from './support.js';
import { timeline } from './web-timeline.js';

const CPU_SLOWDOWN = 4;
const PASSWORD = 'bench-web-match-password';
const MATCH_QUERY = `query Floor($needId: ID!, $weights: MatchWeightsInput, $lang: Language!) { matchSuppliers(needId: $needId, weights: $weights, lang: $lang, first: 20) { candidates relaxed matches { rank score missing criteria { key score weight explanation } supplier { id nameVi } } } }`;
/**
 * The same call with the fields the match view itself asks (apps/web/src/features/buyer/api/matches.ts,
 * copied: the bench does not import the web app): a figure beside the floor, to tell how much of the
 * page's overhead is the server resolving what the cards and the comparison show.
 */
const PAGE_MATCH_QUERY = `query MatchSuppliers($needId: ID!, $weights: MatchWeightsInput, $lang: Language!) { matchSuppliers(needId: $needId, weights: $weights, lang: $lang, first: 20) { candidates emptyReason relaxed relaxedConstraints matches { rank score missing criteria { key score weight explanation unmet } supplier { id nameVi tradeNameEn verificationStatus leadTimeDays bestToleranceMm location { latitude longitude } monthlyCapacity { value unit } certifications { code isValid validUntil } zone { code label(lang: $lang) } } } } }`;
/** The distance weight at its maximum, the others at the API's defaults (in percent), as the slider sends them. */
const DISTANCE_FIRST = {
  processes: 25,
  certifications: 15,
  capacity: 12,
  materials: 8,
  distance: 100,
  text: 8,
  leadTime: 7,
  tolerance: 7,
  verification: 5,
  languages: 3,
  freshness: 2,
};

/**
 * Records when the first ranked supplier appears (installed before any page script runs), and when
 * the whole list is drawn: the status leaves its loading state with ranked suppliers in the list.
 */
const WATCH_RANKED_LIST = `new MutationObserver((_, observer) => {
  if (window.__rankedAt === undefined && document.querySelector('[data-testid="match-list"] > li')) window.__rankedAt = performance.now();
  if (window.__rankedAt !== undefined && document.querySelector('[data-testid="match-status"][data-loading="false"]')) { window.__fullAt = performance.now(); observer.disconnect(); }
}).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-loading'] });`;

/**
 * The cold open's floor: a plain HTML page, no framework, that does only what opening the match view
 * cannot skip (turn the refresh cookie into an access token, ask `matchSuppliers` with the page's
 * arguments, list the ranked names), served at a URL of the same origin so that it sends the same
 * cookie. Its first paint is Chromium starting a page under the same throttling (the same for any page).
 */
const plainMatchHtml = (
  needId: string,
) => `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>floor</title></head><body><main><h1>Nhà cung cấp phù hợp</h1><ol data-testid="match-list"></ol></main>
<script>
fetch('/auth/refresh', { method: 'POST', credentials: 'same-origin', headers: { 'X-Requested-With': 'hp-web' } })
  .then((r) => r.json())
  .then(({ accessToken }) => fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer ' + accessToken }, body: JSON.stringify({ query: ${JSON.stringify(MATCH_QUERY)}, variables: { needId: ${JSON.stringify(needId)}, lang: 'vi', weights: null } }) }))
  .then((r) => r.json()).then((body) => {
    const list = document.querySelector('ol');
    for (const m of body.data.matchSuppliers.matches) {
      const li = document.createElement('li');
      li.textContent = m.rank + '. ' + m.supplier.nameVi + ' ' + Math.round(m.score * 100);
      list.appendChild(li);
    }
  });
</script></body></html>`;

/** `--profile`: the traced visits' CPU profiles are written here (the cold open, and the open from the needs list). */
const PROFILE = process.argv.includes('--profile') ? 'bench-results/match-view.cpuprofile' : undefined;
const PROFILE_FROM_LIST = process.argv.includes('--profile') ? 'bench-results/match-view-from-list.cpuprofile' : undefined;

/**
 * Records when the user last clicked (the start of a move inside the app), and when the pointer went
 * down before it: the page may start work on the press, so the figure from the press is printed too.
 */
const WATCH_CLICK = `document.addEventListener('click', () => { window.__clickedAt = performance.now(); }, { capture: true });
document.addEventListener('pointerdown', () => { window.__pressedAt = performance.now(); }, { capture: true });`;

/** How long a person's mouse click holds the button down (≈ 0.1 s); Playwright's `click` releases it at once. */
const HUMAN_CLICK_MS = 100;

/** Records when the list is re-ranked: the status leaves its loading state after entering it. Returns the time it started watching. */
const WATCH_RERANK = `(() => {
  const status = document.querySelector('[data-testid="match-status"]');
  let loading = false;
  new MutationObserver((_, observer) => {
    if (status.getAttribute('data-loading') === 'true') loading = true;
    else if (loading) { window.__rerankedAt = performance.now(); observer.disconnect(); }
  }).observe(status, { attributes: true });
  return performance.now();
})()`;

function median(values: number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

/** A member of the first demo buyer (registered here, so the benchmark needs no printed password) and one of its open needs. */
async function demoBuyerMember(stack: BenchStack): Promise<{ email: string; needId: string; token: string }> {
  const email = `bench-buyer-${Date.now()}@example.jp`;
  const gql = async (query: string, variables: Record<string, unknown>, token?: string) => {
    const res = await fetch(`${stack.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as { data?: any; errors?: unknown };
  };
  const registered = await gql('mutation($input: RegisterInput!) { register(input: $input) { user { id } } }', {
    input: { email, password: PASSWORD, displayName: 'Bench buyer' },
  });
  if (!registered.data) throw new Error(`register failed: ${JSON.stringify(registered.errors)}`);
  const dataSource = stack.app.get(DataSource);
  const [need]: { id: string; buyer_id: string }[] = await dataSource.query(
    `SELECT id, buyer_id FROM sourcing_needs WHERE status = 'OPEN' ORDER BY created_at, id LIMIT 1`,
  );
  if (!need) throw new Error('no open demo need');
  await dataSource.query('INSERT INTO company_memberships (user_id, buyer_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
    registered.data.register.user.id,
    need.buyer_id,
  ]);
  const login = await gql('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }', {
    e: email,
    p: PASSWORD,
  });
  return { email, needId: need.id, token: login.data.login.accessToken };
}

async function throttle(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
}

/** The floor: one `matchSuppliers` over plain HTTP with the page's arguments, in ms. */
async function floorOnce(stack: BenchStack, token: string, variables: Record<string, unknown>, query = MATCH_QUERY): Promise<number> {
  const started = performance.now();
  const res = await fetch(`${stack.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: unknown };
  if (!body.data) throw new Error('matchSuppliers failed');
  return performance.now() - started;
}

/**
 * The match view (`/vi/buyer/needs/:id/matches`) with 4× CPU throttling on the demo data: time from
 * navigation to the ranked list (signed in through the refresh cookie, as a returning buyer is), and
 * from a weight change (the distance slider to 100 from the keyboard) to the re-ranked list; beside
 * `matchSuppliers` over plain HTTP with the same arguments.
 */
export async function benchMatchView(stack: BenchStack, browser: Browser, runs: number): Promise<Record<string, unknown>> {
  const { email, needId, token } = await demoBuyerMember(stack);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, baseURL: stack.url });
  const signIn = await context.newPage();
  await signIn.goto('/vi/sign-in');
  await signIn.getByLabel('Email').fill(email);
  await signIn.getByLabel('Mật khẩu').fill(PASSWORD);
  await signIn.getByRole('button', { name: 'Đăng nhập' }).click();
  await signIn.waitForURL(/\/vi\/account/);
  await signIn.close();
  const open: number[] = [];
  const openFull: number[] = [];
  const rerank: number[] = [];
  const floorOpen: number[] = [];
  const floorRerank: number[] = [];
  /** One visit: navigation → ranked list, then the distance slider to 100 → re-ranked list. */
  const visit = async (traced: boolean): Promise<string | undefined> => {
    const page = await context.newPage();
    await throttle(page);
    const trace = traced ? timeline(page, { cpuProfile: PROFILE }) : undefined;
    await trace?.watch();
    await page.addInitScript(WATCH_RANKED_LIST);
    await page.goto(`/vi/buyer/needs/${needId}/matches`);
    await page.waitForFunction(() => (globalThis as unknown as { __rankedAt?: number }).__rankedAt !== undefined, undefined, {
      timeout: 60_000,
    });
    const rankedAt = await page.evaluate(() => (globalThis as unknown as { __rankedAt: number }).__rankedAt);
    const report = await trace?.report(`One visit (ranked list at ${ms(rankedAt)}), ms from navigation start:`);
    await page.locator('[data-testid="match-status"][data-loading="false"]').waitFor();
    if (!traced) {
      open.push(rankedAt);
      openFull.push(await page.evaluate(() => (globalThis as unknown as { __fullAt: number }).__fullAt));
    }
    // A weight change: from the key press to the re-ranked list (includes the debounce).
    const slider = page.getByRole('slider', { name: 'Khoảng cách', exact: true });
    await slider.focus();
    const started = await page.evaluate<number>(WATCH_RERANK);
    await page.keyboard.press('End');
    await page.waitForFunction(() => (globalThis as unknown as { __rerankedAt?: number }).__rerankedAt !== undefined, undefined, {
      timeout: 60_000,
    });
    if (!traced) rerank.push((await page.evaluate(() => (globalThis as unknown as { __rerankedAt: number }).__rerankedAt)) - started);
    await page.close();
    return report;
  };
  /**
   * The way a buyer usually opens it: from the list of its needs, the app already loaded (the list
   * page's own load is not counted): from the click on "matches" to the ranked list.
   */
  const inApp: number[] = [];
  const inAppFromPress: number[] = [];
  /** From the pointer down, the button held as long as a person's click (Playwright's click releases it at once). */
  const inAppHeld: number[] = [];
  const floorInApp: number[] = [];
  const pageSelection: number[] = [];
  const visitFromList = async (traced = false, holdMs?: number): Promise<string | undefined> => {
    const page = await context.newPage();
    await throttle(page);
    await page.addInitScript(WATCH_RANKED_LIST);
    await page.addInitScript(WATCH_CLICK);
    await page.goto('/vi/buyer/needs');
    // the list is drawn twice, as cards for a phone and as a table wider: the one this viewport shows
    const link = page.locator(`a[href$="/buyer/needs/${needId}/matches"]`).filter({ visible: true });
    await link.waitFor();
    await page.waitForLoadState('networkidle');
    const trace = traced ? timeline(page, { cpuProfile: PROFILE_FROM_LIST }) : undefined;
    await trace?.watch();
    if (holdMs === undefined) await link.click();
    else {
      const box = (await link.boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.down();
      await page.waitForTimeout(holdMs);
      await page.mouse.up();
    }
    await page.waitForFunction(() => (globalThis as unknown as { __rankedAt?: number }).__rankedAt !== undefined, undefined, {
      timeout: 60_000,
    });
    const { rankedAt, clickedAt, pressedAt } = await page.evaluate(() => ({
      rankedAt: (globalThis as unknown as { __rankedAt: number }).__rankedAt,
      clickedAt: (globalThis as unknown as { __clickedAt: number }).__clickedAt,
      pressedAt: (globalThis as unknown as { __pressedAt: number }).__pressedAt,
    }));
    if (holdMs !== undefined) inAppHeld.push(rankedAt - pressedAt);
    else if (!traced) {
      inApp.push(rankedAt - clickedAt);
      inAppFromPress.push(rankedAt - pressedAt);
    }
    // from the press, so that requests the press starts show (the click is ${ms(clickedAt - pressedAt)} later)
    const report = await trace?.report(
      `One open from the needs list (ranked list at ${ms(rankedAt - clickedAt)} from the click), ms from the pointer down (the click came at ${ms(clickedAt - pressedAt)}):`,
      pressedAt,
    );
    await page.close();
    return report;
  };
  /** The cold open's floor (see plainMatchHtml): navigation → first paint, and → the ranked names listed. */
  const plainPaint: number[] = [];
  const plainRanked: number[] = [];
  const plainPath = '/__floor/match';
  await context.route(`${stack.url}${plainPath}`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: plainMatchHtml(needId) }),
  );
  const visitPlain = async (): Promise<void> => {
    const page = await context.newPage();
    await throttle(page);
    await page.addInitScript(WATCH_RANKED_LIST);
    await page.goto(plainPath);
    await page.waitForFunction(() => (globalThis as unknown as { __rankedAt?: number }).__rankedAt !== undefined, undefined, {
      timeout: 60_000,
    });
    plainRanked.push(await page.evaluate(() => (globalThis as unknown as { __rankedAt: number }).__rankedAt));
    plainPaint.push(await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN));
    await page.close();
  };
  // The floor and the page alternate, so both see the same load on a shared machine.
  for (let i = 0; i < runs; i++) {
    floorOpen.push(await floorOnce(stack, token, { needId, lang: 'vi', weights: null }));
    await visitPlain();
    await visit(false);
    floorRerank.push(await floorOnce(stack, token, { needId, lang: 'vi', weights: DISTANCE_FIRST }));
    floorInApp.push(await floorOnce(stack, token, { needId, lang: 'vi', weights: null }));
    pageSelection.push(await floorOnce(stack, token, { needId, lang: 'vi', weights: null }, PAGE_MATCH_QUERY));
    await visitFromList();
    await visitFromList(false, HUMAN_CLICK_MS);
  }
  const trace = await visit(true);
  const traceFromList = await visitFromList(true);
  await context.close();
  const results = {
    runs,
    cpuSlowdown: CPU_SLOWDOWN,
    openToRankedMs: median(open),
    openToFullListMs: median(openFull),
    plainPageFirstPaintMs: median(plainPaint),
    plainPageRankedMs: median(plainRanked),
    weightChangeToRerankedMs: median(rerank),
    fromListToRankedMs: median(inApp),
    fromListPressToRankedMs: median(inAppFromPress),
    fromListHeldPressToRankedMs: median(inAppHeld),
    floorFromListMs: median(floorInApp),
    floorMatchSuppliersMs: median(floorOpen),
    floorMatchSuppliersWeightedMs: median(floorRerank),
    pageSelectionMatchSuppliersMs: median(pageSelection),
    samples: {
      open: open.map(Math.round),
      openFull: openFull.map(Math.round),
      plainPaint: plainPaint.map(Math.round),
      plainRanked: plainRanked.map(Math.round),
      rerank: rerank.map(Math.round),
      fromList: inApp.map(Math.round),
      fromListPress: inAppFromPress.map(Math.round),
      fromListHeldPress: inAppHeld.map(Math.round),
      floorOpen: floorOpen.map(Math.round),
      floorRerank: floorRerank.map(Math.round),
      pageSelection: pageSelection.map(Math.round),
    },
    target: { overheadMs: 300 },
  };
  const overheadOpen = results.openToRankedMs - results.floorMatchSuppliersMs;
  const overheadRerank = results.weightChangeToRerankedMs - results.floorMatchSuppliersWeightedMs;
  const overheadFromList = results.fromListToRankedMs - results.floorFromListMs;
  process.stdout.write(`\nMatch view, headless Chromium, ${CPU_SLOWDOWN}× CPU throttling, median of ${runs}\n`);
  process.stdout.write(`${'step'.padEnd(34)} ${'web app'.padStart(10)} ${'floor (HTTP)'.padStart(13)} ${'overhead'.padStart(10)}\n`);
  process.stdout.write(
    `${'open → ranked list'.padEnd(34)} ${ms(results.openToRankedMs).padStart(10)} ${ms(results.floorMatchSuppliersMs).padStart(13)} ${ms(overheadOpen).padStart(10)}   (${results.samples.open.join(', ')})\n`,
  );
  process.stdout.write(
    `${'open → all the ranked cards drawn'.padEnd(34)} ${ms(results.openToFullListMs).padStart(10)} ${ms(results.floorMatchSuppliersMs).padStart(13)} ${ms(results.openToFullListMs - results.floorMatchSuppliersMs).padStart(10)}   (${results.samples.openFull.join(', ')})\n`,
  );
  process.stdout.write(
    `${'cold-open floor: a plain HTML page'.padEnd(34)} first paint ${ms(results.plainPageFirstPaintMs)} (${results.samples.plainPaint.join(', ')}); refresh + matchSuppliers → names listed ${ms(results.plainPageRankedMs)} (${results.samples.plainRanked.join(', ')})\n`,
  );
  process.stdout.write(
    `${'from the needs list → ranked list'.padEnd(34)} ${ms(results.fromListToRankedMs).padStart(10)} ${ms(results.floorFromListMs).padStart(13)} ${ms(overheadFromList).padStart(10)}   (${results.samples.fromList.join(', ')}; the app already loaded)\n`,
  );
  process.stdout.write(
    `${'  the same, from the pointer down'.padEnd(34)} ${ms(results.fromListPressToRankedMs).padStart(10)} ${ms(results.floorFromListMs).padStart(13)} ${ms(results.fromListPressToRankedMs - results.floorFromListMs).padStart(10)}   (${results.samples.fromListPress.join(', ')}; the click comes after it)\n`,
  );
  process.stdout.write(
    `${`  from a ${HUMAN_CLICK_MS} ms click's pointer down`.padEnd(34)} ${ms(results.fromListHeldPressToRankedMs).padStart(10)} ${ms(results.floorFromListMs).padStart(13)} ${ms(results.fromListHeldPressToRankedMs - results.floorFromListMs).padStart(10)}   (${results.samples.fromListHeldPress.join(', ')}; the button held as a person holds it)\n`,
  );
  process.stdout.write(
    `${"  the same call, the page's fields".padEnd(34)} ${''.padStart(10)} ${ms(results.pageSelectionMatchSuppliersMs).padStart(13)}   (${results.samples.pageSelection.join(', ')}; matchSuppliers over HTTP with every field the match view asks)\n`,
  );
  process.stdout.write(
    `${'weight change → re-ranked list'.padEnd(34)} ${ms(results.weightChangeToRerankedMs).padStart(10)} ${ms(results.floorMatchSuppliersWeightedMs).padStart(13)} ${ms(overheadRerank).padStart(10)}   (${results.samples.rerank.join(', ')}; includes the 350 ms debounce)\n`,
  );
  process.stdout.write(
    `target: overhead ≤ 300 ms: cold open ${overheadOpen <= 300 ? 'met' : 'MISSED'}; from the list ${overheadFromList <= 300 ? 'met' : 'MISSED'}; re-rank without the debounce ${overheadRerank - 350 <= 300 ? 'met' : 'MISSED'}\n`,
  );
  process.stdout.write(`${trace}\n${traceFromList}\n`);
  return {
    ...results,
    overheadOpenMs: overheadOpen,
    overheadFromListMs: overheadFromList,
    overheadRerankMs: overheadRerank,
    trace,
    traceFromList,
  };
}
