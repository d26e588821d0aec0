import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { API_ERROR_CODES } from '../lib/api-errors.js';
import { formatDate, formatNumber } from './format.js';
import { LANGUAGES } from './languages.js';
import { MESSAGES } from './index.js';

function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keys(value as object, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'gql' ? [] : sources(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('translations', () => {
  const reference = keys(MESSAGES.vi).sort();

  it.each(LANGUAGES.filter((lang) => lang !== 'vi'))('%s has exactly the keys of vi, none empty', (lang) => {
    expect(keys(MESSAGES[lang]).sort()).toEqual(reference);
    const empty = keys(MESSAGES[lang]).filter(
      (key) => !String(key.split('.').reduce<any>((node, part) => node[part], MESSAGES[lang])).trim(),
    );
    expect(empty).toEqual([]);
  });

  it('has a message for every API error code', () => {
    expect(API_ERROR_CODES.filter((code) => !reference.includes(`errors.${code}`))).toEqual([]);
  });

  it('has every key the source code asks for by name', () => {
    const root = new URL('..', import.meta.url).pathname;
    const used = sources(root).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z]+\.[a-zA-Z.]+)'/g)].map((m) => m[1]!),
    );
    const known = new Set(reference.map((key) => key.replace(/_(one|other)$/, '')));
    expect([...new Set(used)].filter((key) => !known.has(key))).toEqual([]);
  });

  it('writes numbers and dates as each language does', () => {
    expect(formatNumber('vi', 1_200_000)).toBe('1.200.000');
    expect(formatDate('vi', '2026-12-02')).toBe('02/12/2026');
    expect(formatNumber('en', 1_200_000)).toBe('1,200,000');
    expect(formatDate('ja', '2026-12-02')).toBe('2026/12/02');
  });
});
