import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { documentModule, replaceGraphqlCalls } from './graphql-documents.js';

describe('graphql-documents (the build plugin that ships each page only its own GraphQL documents)', () => {
  it('replaces each graphql() call with its own document, imported alone, keeping every line where it was', () => {
    const source = [
      "import { graphql } from '../gql/index.js';",
      'export const NeedQuery = graphql(`',
      '  query Need($id: ID!) {',
      '    sourcingNeed(id: $id) { id ...NeedFields }',
      '  }',
      '`);',
      'export const NeedFieldsFragmentDoc = graphql(`',
      '  fragment NeedFields on SourcingNeed { id title }',
      '`);',
      'const after = 1;',
    ].join('\n');
    const out = replaceGraphqlCalls(source)!;
    expect(out.split('\n')).toHaveLength(source.split('\n').length);
    expect(out.split('\n')[9]).toBe('const after = 1;');
    expect(out).toContain('import __graphql_NeedDocument from "virtual:graphql-document/NeedDocument";');
    expect(out).toContain('import __graphql_NeedFieldsFragmentDoc from "virtual:graphql-document/NeedFieldsFragmentDoc";');
    // a module may export a constant named like the document: the import must not clash with it
    expect(out).toContain('export const NeedFieldsFragmentDoc = __graphql_NeedFieldsFragmentDoc');
    expect(out).not.toContain('graphql(`');
  });

  it('leaves a module without graphql() calls alone', () => {
    expect(replaceGraphqlCalls("export const x = 'graphql';")).toBeUndefined();
  });

  it('refuses a document without a named operation (codegen could not have typed it)', () => {
    expect(() => replaceGraphqlCalls('const Q = graphql(`{ me { id } }`);')).toThrow(/no named operation/);
  });

  it('reads one document out of the generated module, and fails clearly when codegen has not run', () => {
    const generated = readFileSync(new URL('../src/gql/graphql.ts', import.meta.url), 'utf8');
    const viewer = documentModule(generated, 'ViewerDocument');
    expect(viewer.startsWith('export default {"kind":"Document"')).toBe(true);
    expect(JSON.parse(viewer.slice('export default '.length, -1))).toMatchObject({
      definitions: [{ kind: 'OperationDefinition', name: { value: 'Viewer' } }],
    });
    expect(() => documentModule(generated, 'NoSuchDocument')).toThrow(/run npm run web:codegen/);
  });
});
