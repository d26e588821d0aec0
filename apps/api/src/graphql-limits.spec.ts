import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { buildSchema, type DocumentNode, getIntrospectionQuery, type OperationDefinitionNode, parse, validate } from 'graphql';
import { loadConfig } from '#libs/config';
import { checkOperation, measureOperation } from './graphql-limits.js';

const ROOT = new URL('../../../', import.meta.url).pathname;
const schema = buildSchema(readFileSync(join(ROOT, 'schema.gql'), 'utf8'));

function operations(document: DocumentNode): OperationDefinitionNode[] {
  return document.definitions.filter((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
}

function measure(query: string, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  expect(validate(schema, document)).toEqual([]);
  return measureOperation(schema, document, operations(document)[0], variables);
}

/** GraphQL documents written in the repository's clients: README examples, benchmarks, evaluation, tests. */
function clientDocuments(): { where: string; text: string }[] {
  const found: { where: string; text: string }[] = [];
  for (const match of readFileSync(join(ROOT, 'README.md'), 'utf8').matchAll(/```graphql\n([\s\S]*?)```/g))
    found.push({ where: 'README.md', text: match[1] });
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));
  for (const file of ['apps/bench/src', 'apps/eval/src', 'test'].flatMap((dir) => walk(join(ROOT, dir))).filter((f) => f.endsWith('.ts'))) {
    for (const match of readFileSync(file, 'utf8').matchAll(/`([^`]*)`/g)) {
      const text = match[1].replace(/\$\{[^}]*\}/g, '1');
      if (!/^\s*(query|mutation|\{)/.test(text)) continue;
      try {
        if (validate(schema, parse(text)).length === 0) found.push({ where: file.slice(ROOT.length), text });
      } catch {
        // not a GraphQL document (or one built from pieces): skipped
      }
    }
  }
  return found;
}

describe('operation measures', () => {
  it('costs objects, with lists at their size argument, their default, or the assumed 10', () => {
    expect(measure('{ suppliers(first: 100) { totalCount edges { node { id processes { code } } } } }')).toEqual({
      depth: 5,
      cost: 1 + 100 * (1 + 1 + 10),
      aliases: 0,
    });
    expect(measure('{ suppliers { edges { node { id } } } }').cost).toBe(1 + 20 * 2); // first defaults to 20
    expect(measure('{ taxonomyVersion me { id } }')).toEqual({ depth: 2, cost: 1, aliases: 0 });
  });

  it('reads sizes from variables and from inside the search input', () => {
    const search = 'query($n: Int!) { searchSuppliers(input: { hitsPerPage: $n }) { hits { supplier { id } } } }';
    expect(measure(search, { n: 50 }).cost).toBe(1 + 50 * 2);
    expect(
      measure('query($i: SearchSuppliersInput!) { searchSuppliers(input: $i) { hits { score } } }', { i: { hitsPerPage: 7 } }).cost,
    ).toBe(1 + 7);
    expect(measure('query($i: SearchSuppliersInput!) { searchSuppliers(input: $i) { hits { score } } }', { i: {} }).cost).toBe(1 + 20);
  });

  it('counts fragments and aliases, and measures nested spreads without exploring every path', () => {
    expect(measure('{ a: me { ...U } b: me { ...U } } fragment U on User { id memberships { companyId } }')).toEqual({
      depth: 3,
      cost: 2 * (1 + 10),
      aliases: 2,
    });
    // 2^40 paths through the fragments: measured in linear time, and far over any cost limit.
    const levels = 40;
    const fragments = Array.from(
      { length: levels },
      (_, i) => `fragment F${i} on Query { ${i + 1 < levels ? `...F${i + 1} ... on Query { ...F${i + 1} }` : 'me { id }'} }`,
    );
    const started = Date.now();
    const measured = measure(`{ ...F0 } ${fragments.join(' ')}`);
    expect(Date.now() - started).toBeLessThan(500);
    expect(measured.cost).toBeGreaterThan(1e9);
  });

  it('names the first limit exceeded', () => {
    const limits = { maxDepth: 5, maxCost: 100, maxAliases: 2 };
    expect(checkOperation({ depth: 5, cost: 100, aliases: 2 }, limits)).toBeUndefined();
    expect(checkOperation({ depth: 6, cost: 1000, aliases: 3 }, limits)!.extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      limit: 'depth',
      actual: 6,
      max: 5,
      http: { status: 400 },
    });
    expect(checkOperation({ depth: 1, cost: 101, aliases: 0 }, limits)!.extensions).toMatchObject({ limit: 'cost', actual: 101 });
  });
});

describe('default limits', () => {
  const defaults = loadConfig({});
  const limits = { maxDepth: defaults.GRAPHQL_MAX_DEPTH, maxCost: defaults.GRAPHQL_MAX_COST, maxAliases: defaults.GRAPHQL_MAX_ALIASES };
  const documents = clientDocuments();

  it("find the clients' documents", () => {
    expect(documents.filter((d) => d.where === 'README.md').length).toBeGreaterThanOrEqual(6);
    expect(documents.some((d) => d.where.startsWith('apps/bench'))).toBe(true);
    expect(documents.some((d) => d.where.startsWith('apps/eval'))).toBe(true);
    expect(documents.length).toBeGreaterThan(50);
  });

  it("admit every document of the repository's clients, even at the largest page sizes the API allows", () => {
    const largest = { first: 100, n: 100, input: { hitsPerPage: 100 }, i: { hitsPerPage: 100 } };
    const over: string[] = [];
    for (const { where, text } of [
      ...documents,
      {
        where: 'sandbox introspection',
        text: getIntrospectionQuery({
          descriptions: true,
          inputValueDeprecation: true,
          specifiedByUrl: true,
          directiveIsRepeatable: true,
          schemaDescription: true,
        }),
      },
    ]) {
      const document = parse(text, { maxTokens: defaults.GRAPHQL_MAX_TOKENS });
      for (const operation of operations(document)) {
        const error = checkOperation(measureOperation(schema, document, operation, largest), limits);
        if (error) over.push(`${where}: ${error.message}`);
      }
    }
    expect(over).toEqual([]);
  });
});
