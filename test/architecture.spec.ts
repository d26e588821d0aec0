import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { TABLE_OWNERSHIP, tableOwners } from '#libs/database';

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
  return [
    ...text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/gm),
    ...text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => m[1]);
}

// Imports between libs and apps (layers, index-only, no cycles, a pure matching engine) are checked
// by dependency-cruiser: `npm run boundaries`, .dependency-cruiser.mjs.
describe('module boundaries', () => {
  // bulletproof-react's rule: shared code → features → app, and never one feature into another.
  it('web app: features never import other features; shared code never imports features or app', () => {
    const web = join(ROOT, 'apps/web/src');
    const offenders = sources(web).flatMap((file) => {
      const area = relative(web, file).split('/');
      return (
        imports(file)
          .filter((spec) => spec.startsWith('.'))
          .map((spec) => relative(web, join(file, '..', spec)).split('/'))
          // i18n bundles every feature's own messages (features/<name>/messages/*.json): data, not code.
          .filter((target) => !(area[0] === 'i18n' && target[0] === 'features' && target[2] === 'messages'))
          .filter((target) =>
            area[0] === 'features'
              ? target[0] === 'app' || (target[0] === 'features' && target[1] !== area[1])
              : area[0] !== 'app' && area[0] !== 'main.tsx' && (target[0] === 'features' || target[0] === 'app'),
          )
          .map((target) => `${relative(ROOT, file)} → ${target.join('/')}`)
      );
    });
    expect(offenders).toEqual([]);
  });
});

/** Source text without comments (SQL words in prose are not statements). */
function code(file: string): string {
  const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  return file.endsWith('.sql') ? text.replace(/--.*$/gm, '') : text.replace(/^\s*\/\/.*$/gm, '');
}

/** A lib's SQL files (libs/<lib>/sql/*.sql). */
function sqlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sqlFiles(path);
    return path.endsWith('.sql') ? [path] : [];
  });
}

/** Tables the migrations create. */
function migratedTables(): string[] {
  const dir = join(ROOT, 'libs/database/src/migrations');
  return [
    ...new Set(
      sources(dir).flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/CREATE (?:UNLOGGED )?TABLE (?:IF NOT EXISTS )?([a-z_][a-z0-9_]*)/g)].map((m) => m[1]),
      ),
    ),
  ].sort();
}

/** TypeORM entity class → table, from every `@Entity({ name })` in the libs. */
function entityTables(): Map<string, string> {
  const map = new Map<string, string>();
  for (const file of sources(join(ROOT, 'libs'))) {
    for (const m of readFileSync(file, 'utf8').matchAll(/@Entity\(\{\s*name:\s*'([a-z_]+)'\s*\}\)\s*export class (\w+)/g))
      map.set(m[2], m[1]);
  }
  return map;
}

interface TableUse {
  file: string;
  table: string;
  how: string;
}

/** What a file writes and reads, by raw SQL and by TypeORM calls naming an entity. */
export function tableUses(file: string, tables: Set<string>, entities: Map<string, string>): { writes: TableUse[]; reads: TableUse[] } {
  const text = code(file);
  const uses = (patterns: RegExp[], byEntity: boolean) =>
    patterns.flatMap((pattern) =>
      [...text.matchAll(pattern)].flatMap((m) => {
        const table = byEntity ? entities.get(m[1]) : m[1].toLowerCase();
        return table && tables.has(table) ? [{ file: relative(ROOT, file), table, how: m[0].replace(/\s+/g, ' ').slice(0, 60) }] : [];
      }),
    );
  const writes = [
    ...uses(
      [
        /\binsert\s+into\s+([a-z_][a-z0-9_]*)/gi,
        /\bupdate\s+([a-z_][a-z0-9_]*)(?:\s+(?:as\s+)?[a-z_]+)?\s+set\b/gi,
        /\bdelete\s+from\s+([a-z_][a-z0-9_]*)/gi,
        /\btruncate\s+(?:table\s+)?([a-z_][a-z0-9_]*)/gi,
      ],
      false,
    ),
    ...uses(
      [
        /\.(?:into|update|insert|delete|save|upsert|remove|softDelete|restore|increment|decrement)\(\s*(\w+Entity)\b/g,
        /\.delete\(\)\s*\.from\(\s*(\w+Entity)\b/g,
        /(?:getRepository|InjectRepository)\(\s*(\w+Entity)\b/g,
      ],
      true,
    ),
  ];
  const reads = [
    ...uses([/\b(?:from|join)\s+([a-z_][a-z0-9_]*)/gi], false),
    ...uses([/\.(?:createQueryBuilder|find|findBy|findOne|findOneBy|findAndCount|count|countBy|exists|existsBy)\(\s*(\w+Entity)\b/g], true),
  ];
  return { writes, reads };
}

describe('table ownership (TABLE_OWNERSHIP in libs/database)', () => {
  const tables = migratedTables();
  const owners = tableOwners();
  const entities = entityTables();
  const libFiles = [...sources(join(ROOT, 'libs')), ...sqlFiles(join(ROOT, 'libs'))].filter(
    (file) => !file.endsWith('.spec.ts') && !file.includes('/libs/database/src/migrations/'),
  );
  const libOf = (file: string) => relative(join(ROOT, 'libs'), file).split('/')[0];

  it('every migrated table has exactly one owning lib', () => {
    const declared = Object.values(TABLE_OWNERSHIP).flatMap((o) => [...o.owns]);
    expect(declared.filter((t, i) => declared.indexOf(t) !== i)).toEqual([]);
    expect([...declared].sort()).toEqual(tables);
  });

  it('each entity lives in the lib that owns its table', () => {
    const misplaced = sources(join(ROOT, 'libs')).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/@Entity\(\{\s*name:\s*'([a-z_]+)'/g)]
        .filter((m) => owners.get(m[1]) !== libOf(file))
        .map((m) => `${relative(ROOT, file)}: ${m[1]} (owned by ${owners.get(m[1])})`),
    );
    expect(misplaced).toEqual([]);
  });

  it('a lib writes only the tables it owns (raw SQL and TypeORM writes)', () => {
    const offenders = libFiles.flatMap((file) =>
      tableUses(file, new Set(tables), entities)
        .writes.filter((use) => owners.get(use.table) !== libOf(file))
        .map((use) => `${use.file} writes ${use.table} (owned by ${owners.get(use.table)}): ${use.how}`),
    );
    expect(offenders).toEqual([]);
  });

  it("a lib reads another lib's table only with read-only SQL it declares in TABLE_OWNERSHIP.reads", () => {
    const offenders = libFiles.flatMap((file) => {
      const lib = libOf(file);
      const declared = TABLE_OWNERSHIP[lib as keyof typeof TABLE_OWNERSHIP] as
        { owns: readonly string[]; reads: readonly string[] } | undefined;
      return tableUses(file, new Set(tables), entities)
        .reads.filter((use) => !declared?.owns.includes(use.table) && !declared?.reads.includes(use.table))
        .map((use) => `${use.file} reads ${use.table} (owned by ${owners.get(use.table)}), undeclared: ${use.how}`);
    });
    expect([...new Set(offenders)]).toEqual([]);
  });

  it('declares no read it does not make (the map stays true)', () => {
    const used = new Map<string, Set<string>>();
    for (const file of libFiles)
      for (const use of tableUses(file, new Set(tables), entities).reads)
        used.set(libOf(file), (used.get(libOf(file)) ?? new Set()).add(use.table));
    const stale = Object.entries(TABLE_OWNERSHIP).flatMap(([lib, { reads }]) =>
      reads.filter((table) => !used.get(lib)?.has(table)).map((table) => `${lib} declares it reads ${table} but does not`),
    );
    expect(stale).toEqual([]);
  });
});
