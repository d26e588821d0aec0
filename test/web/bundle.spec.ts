import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from '@jest/globals';
import { pageModules, preloadLinks } from '../../apps/api/src/web-preload.js';

/**
 * What each page downloads, from the built web app's Vite manifest (`npm run build` writes it; `npm
 * test` builds first): deterministic byte budgets and chunk boundaries instead of timings. The times
 * themselves are `npm run bench:web`'s.
 */
const WEB = join(new URL('../../', import.meta.url).pathname, 'dist/web');

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

const manifest = JSON.parse(readFileSync(join(WEB, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry)!;

/** The files a module's chunk loads before it runs: itself and its static imports, transitively. */
function closure(...keys: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not in the Vite manifest`);
    if (seen.has(chunk.file)) return;
    seen.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  keys.forEach(visit);
  return seen;
}

const gzipBytes = (files: Set<string>) =>
  [...files].reduce((sum, file) => sum + gzipSync(readFileSync(join(WEB, file)), { level: 9 }).length, 0);
const fileOf = (key: string) => manifest[key].file;

/** The directory's first page in Vietnamese: the entry, the language's core messages and the directory route. */
const DIRECTORY_FIRST_PAGE = [entryKey, 'src/i18n/locales/vi.json', 'src/features/directory/routes/directory.tsx'];
/**
 * Its JavaScript, gzipped: 253 kB when this was written, down from ≈ 285 kB (issue 10's target is
 * 200 kB; what is left over it is React DOM, Apollo Client, React Router, Mantine and i18next, see
 * README "Performance"). The budget holds the ground won: a change that adds to the first page has
 * to say so here. Raised to 260 kB when issue 14's pages landed (258.4 kB): their messages ride in
 * every language's chunk (+1.8 kB) and the Mantine inputs the directory shares with them (Switch,
 * SegmentedControl, Checkbox) became chunks of their own (+1.6 kB of lost gzip context). Lowered to
 * 254 kB (252.6 kB) when the first page stopped carrying the other pages' messages: a language's
 * core messages (6.0 kB for vi) load with it, the pages' (7.6 kB) when another page opens.
 */
const DIRECTORY_BUDGET_KB = 254;

describe('web app bundle (Vite manifest)', () => {
  it(`ships the directory's first page in at most ${DIRECTORY_BUDGET_KB} kB of gzipped JavaScript`, () => {
    const kb = gzipBytes(closure(...DIRECTORY_FIRST_PAGE)) / 1024;
    expect(kb).toBeLessThanOrEqual(DIRECTORY_BUDGET_KB);
  });

  it('keeps the charts (ECharts) and the map (Leaflet) out of the directory, the match view and the entry', () => {
    const heavy = [fileOf('src/features/analytics/routes/analytics.tsx'), fileOf('src/components/map-view.tsx')];
    for (const page of [DIRECTORY_FIRST_PAGE, [entryKey, 'src/features/buyer/routes/match-view.tsx', 'src/features/buyer/prefetch.ts']]) {
      const files = closure(...page);
      expect(heavy.filter((file) => files.has(file))).toEqual([]);
      const text = [...files].map((file) => readFileSync(join(WEB, file), 'utf8')).join('\n');
      expect(text).not.toMatch(/echarts|leaflet-container/i);
    }
  });

  it('keeps the Japanese and Korean fonts out of the render-blocking CSS, and loads them with those languages', () => {
    const entryCss = (manifest[entryKey].css ?? []).map((file) => readFileSync(join(WEB, file), 'utf8')).join('\n');
    const faces = (css: string, family: RegExp) => (css.match(/@font-face\{[^}]*\}/g) ?? []).filter((face) => family.test(face)).length;
    expect(faces(entryCss, /font-family:\s*"?Noto Sans"?;/)).toBeGreaterThan(0);
    expect(faces(entryCss, /Noto Sans (JP|KR)/)).toBe(0);
    const cjk = readFileSync(join(WEB, fileOf('src/i18n/cjk-fonts.css')), 'utf8');
    expect(faces(cjk, /Noto Sans JP/)).toBeGreaterThan(100);
    expect(faces(cjk, /Noto Sans KR/)).toBeGreaterThan(100);
    // loaded by the Japanese and Korean core messages' loaders (and when idle on other pages), never by the first page
    const firstPageCss = [...closure(...DIRECTORY_FIRST_PAGE)].flatMap(
      (file) => Object.values(manifest).find((chunk) => chunk.file === file)?.css ?? [],
    );
    expect(firstPageCss).not.toContain(fileOf('src/i18n/cjk-fonts.css'));
  });

  it("loads one language's messages at a time, and no page's GraphQL documents in the entry", () => {
    const entry = [...closure(entryKey)].map((file) => readFileSync(join(WEB, file), 'utf8')).join('\n');
    for (const lang of ['vi', 'en', 'ja', 'ko'])
      for (const part of [`src/i18n/locales/${lang}.json`, `src/i18n/messages/${lang}.ts`]) {
        expect(manifest[part]?.isDynamicEntry).toBe(true);
        expect(closure(entryKey).has(fileOf(part))).toBe(false);
      }
    // the directory's first page carries the core messages, not the other pages' (a match-view message in any language)
    const firstPage = [...closure(...DIRECTORY_FIRST_PAGE)].map((file) => readFileSync(join(WEB, file), 'utf8')).join('\n');
    expect(firstPage).not.toContain('relaxedTitle');
    // a message only the match view shows, in each language's words, is in no entry file
    expect(entry).not.toContain('buyer.match');
    // the documents of the match view and the dashboards travel with them, not with every page
    for (const operation of ['MatchSuppliers', 'SupplyCoverage', 'NeedForEdit', 'SearchSuppliers'])
      expect(entry).not.toContain(`value:\`${operation}\``);
  });

  it("names a page's own chunks for preloading in the index.html its URL is served with, and nothing the entry names", () => {
    for (const path of ['/vi', '/ja/buyer/needs/x/matches', '/en/analytics/coverage', '/ko/account'])
      for (const key of pageModules(path)) expect(manifest[key]).toBeDefined();
    const preloaded = (path: string) =>
      [...preloadLinks(manifest, path).matchAll(/rel="modulepreload" crossorigin href="\/([^"]+)"/g)].map((m) => m[1]);
    const match = preloaded('/vi/buyer/needs/5a1e/matches');
    expect(match).toEqual(
      expect.arrayContaining(
        [
          'src/i18n/locales/vi.json',
          'src/i18n/messages/vi.ts',
          'src/features/buyer/prefetch.ts',
          'src/features/buyer/routes/match-view.tsx',
        ].map(fileOf),
      ),
    );
    const entry = closure(entryKey);
    expect(match.filter((file) => entry.has(file))).toEqual([]);
    expect(match).not.toContain(fileOf('src/i18n/messages/en.ts'));
    expect(match).not.toContain(fileOf('src/features/analytics/routes/analytics.tsx'));
    expect(preloaded('/vi')).toContain(fileOf('src/features/directory/routes/directory.tsx'));
    expect(preloaded('/vi')).not.toContain(fileOf('src/i18n/messages/vi.ts'));
    expect(preloadLinks(manifest, '/graphql')).toBe('');
  });
});
