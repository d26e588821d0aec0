import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import vi from './locales/vi.json' with { type: 'json' };

function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keys(value as object, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

const SRC = new URL('..', import.meta.url).pathname;

/** The app's own modules a file loads before it runs (static relative imports), transitively. */
function staticClosure(...files: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(/^import [^;]*?from '(\.[^']+)'/gms)) {
      const base = join(dirname(file), spec!.replace(/\.js$/, ''));
      const found = ['.ts', '.tsx'].map((ext) => base + ext).find((path) => existsSync(path));
      if (found) visit(found);
    }
  };
  files.forEach((file) => visit(join(SRC, file)));
  return seen;
}

/**
 * The directory's first page loads only the core messages (`locales/<lang>.json`); the pages'
 * messages come later (`i18n/instance.ts`). A key of theirs used by the directory, the layout or
 * what they import would show as its raw name until then.
 */
describe('core messages', () => {
  it('hold every key the directory and the layout ask for', () => {
    const files = staticClosure('main.tsx', 'features/directory/routes/directory.tsx');
    expect(files.size).toBeGreaterThan(20);
    const known = new Set(keys(vi).map((key) => key.replace(/_(one|other)$/, '')));
    const prefixes = [...known].map((key) => key.split('.').slice(0, -1).join('.'));
    const missing = [...files].flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      const literal = [...text.matchAll(/\bt\(\s*'([a-zA-Z]+\.[a-zA-Z.]+)'/g)].map((m) => m[1]!).filter((key) => !known.has(key));
      // `t(\`enums.zone.${code}\`)`: the part before the placeholder must be a core branch
      const templated = [...text.matchAll(/\bt\(\s*`([a-zA-Z.]+)\.\$\{/g)].map((m) => m[1]!).filter((prefix) => !prefixes.includes(prefix));
      return [...literal, ...templated].map((key) => `${file.slice(SRC.length)}: ${key}`);
    });
    expect(missing).toEqual([]);
  });
});
