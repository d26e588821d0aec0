import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One chunk of the built web app's Vite manifest (`dist/web/.vite/manifest.json`). */
interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/**
 * The modules a page's URL loads before it can render (by their source path, the manifest's keys),
 * following apps/web/src/app/router.tsx: the page's lazy route (and its loader, which starts the
 * page's queries), and the words it waits for. The entry names its own imports in index.html; these
 * the browser would only ask for once the entry has been parsed and run and the router has matched
 * the URL (≈ 0.6 s later with 4× CPU throttling).
 */
const PAGES: { path: RegExp; modules: (lang: string) => string[] }[] = [
  { path: /^\/[a-z]{2}\/?$/, modules: () => ['src/features/directory/routes/directory.tsx'] },
  {
    path: /^\/[a-z]{2}\/buyer\/needs\/[^/]+\/matches\/?$/,
    modules: (lang) => [`src/i18n/messages/${lang}.ts`, 'src/features/buyer/prefetch.ts', 'src/features/buyer/routes/match-view.tsx'],
  },
  {
    path: /^\/[a-z]{2}\/analytics\/[^/]+\/?$/,
    modules: (lang) => [
      `src/i18n/messages/${lang}.ts`,
      'src/features/analytics/prefetch.ts',
      'src/features/analytics/routes/analytics.tsx',
    ],
  },
];
/** The languages whose core messages load with the entry alone (ja and ko also wait for their fonts' rules). */
const CORE = /^\/(vi|en|ja|ko)(\/|$)/;

/** The Vite manifest beside the built web app, or undefined (a build without one preloads nothing). */
export function readWebManifest(dir: string): Manifest | undefined {
  const file = join(dir, '.vite', 'manifest.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Manifest) : undefined;
}

/** The manifest keys `PAGES` names for `path` (exported for the bundle test, which checks they exist). */
export function pageModules(path: string): string[] {
  const lang = CORE.exec(path)?.[1];
  if (!lang) return [];
  const page = PAGES.find((p) => p.path.test(path));
  return [`src/i18n/locales/${lang}.json`, ...(page?.modules(lang) ?? [])];
}

/**
 * `<link rel="modulepreload">` for the page's modules and their static imports (not those of the
 * entry, which index.html names already), and `<link rel="preload" as="style">` for their
 * stylesheets (fetched, not applied: the chunk applies them when it runs, as before).
 */
export function preloadLinks(manifest: Manifest | undefined, path: string): string {
  if (!manifest) return '';
  const entry = Object.keys(manifest).find((key) => manifest[key].isEntry);
  const closure = (keys: string[], into = new Set<string>()) => {
    for (const key of keys) {
      if (into.has(key) || !manifest[key]) continue;
      into.add(key);
      closure(manifest[key].imports ?? [], into);
    }
    return into;
  };
  const loaded = entry ? closure([entry]) : new Set<string>();
  const scripts: string[] = [];
  const styles: string[] = [];
  for (const key of closure(pageModules(path))) {
    if (loaded.has(key)) continue;
    scripts.push(manifest[key].file);
    styles.push(...(manifest[key].css ?? []));
  }
  return [
    ...scripts.map((file) => `<link rel="modulepreload" crossorigin href="/${file}" />`),
    ...[...new Set(styles)].map((file) => `<link rel="preload" as="style" crossorigin href="/${file}" />`),
  ].join('\n    ');
}
