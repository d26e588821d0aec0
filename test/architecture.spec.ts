import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from '@jest/globals';

const ROOT = new URL('..', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(path) && !path.includes('/src/gql/') ? [path] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/gm), ...text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]!);
}

describe('module boundaries', () => {
  const libFiles = sources(join(ROOT, 'libs'));

  it('libs never import from apps', () => {
    const offenders = libFiles.filter((file) => imports(file).some((spec) => spec.includes('/apps/') || spec.startsWith('../../../apps')));
    expect(offenders.map((f) => relative(ROOT, f))).toEqual([]);
  });

  it('libs reach other libs only through their index (#libs/<name>), never by path', () => {
    const offenders = libFiles.filter((file) => imports(file).some((spec) => /^(\.\.\/){2,}[a-z-]+\/src/.test(spec) || spec.includes('/libs/')));
    expect(offenders.map((f) => relative(ROOT, f))).toEqual([]);
  });

  it('the matching engine is pure: no Nest, TypeORM, database or other lib', () => {
    const offenders = sources(join(ROOT, 'libs/matching')).flatMap((file) => imports(file).filter((spec) => !spec.startsWith('./') && !spec.startsWith('../') && spec !== '@jest/globals' && spec !== 'fast-check').map((spec) => `${relative(ROOT, file)} → ${spec}`));
    expect(offenders).toEqual([]);
  });

  // bulletproof-react's rule: shared code → features → app, and never one feature into another.
  it('web app: features never import other features; shared code never imports features or app', () => {
    const web = join(ROOT, 'apps/web/src');
    const offenders = sources(web).flatMap((file) => {
      const area = relative(web, file).split('/');
      return imports(file)
        .filter((spec) => spec.startsWith('.'))
        .map((spec) => relative(web, join(file, '..', spec)).split('/'))
        // i18n bundles every feature's own messages (features/<name>/messages/*.json): data, not code.
        .filter((target) => !(area[0] === 'i18n' && target[0] === 'features' && target[2] === 'messages'))
        .filter((target) => (area[0] === 'features' ? target[0] === 'app' || (target[0] === 'features' && target[1] !== area[1]) : area[0] !== 'app' && area[0] !== 'main.tsx' && (target[0] === 'features' || target[0] === 'app')))
        .map((target) => `${relative(ROOT, file)} → ${target.join('/')}`);
    });
    expect(offenders).toEqual([]);
  });
});

