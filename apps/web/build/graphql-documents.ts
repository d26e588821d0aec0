import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

/**
 * `graphql(\`query Name …\`)` (GraphQL Code Generator's client preset) looks its document up in one
 * map of every document in the app (`src/gql/gql.ts`), so the entry chunk carried every query and
 * mutation of every page (≈ 115 kB minified). This plugin replaces each call with its document alone,
 * as a module of its own (`virtual:graphql-document/<Name>Document`, or `…FragmentDoc` for a fragment),
 * read from the generated `src/gql/graphql.ts`: a page's chunk then carries only the documents it
 * uses. (One module per document, not imports from `graphql.ts`: the bundler keeps a module whole in
 * one chunk, and `graphql.ts` is shared by every page.) The preset's own answer is a Babel or SWC
 * plugin; Vite 8 compiles with Oxc. Types are untouched: `tsc` still reads the calls.
 */
const CALL = /\bgraphql\(\s*`([^`]*)`\s*\)/g;
const DEFINITION = /^\s*(query|mutation|subscription|fragment)\s+([A-Za-z_][A-Za-z0-9_]*)/m;
const PREFIX = 'virtual:graphql-document/';
const RESOLVED = `\0${PREFIX}`;
/** A local name no source uses (a module may export a constant named like its document). */
const LOCAL = '__graphql_';

/** The source with every `graphql(\`…\`)` replaced by its document, or undefined when it has none. Lines keep their numbers. */
export function replaceGraphqlCalls(code: string): string | undefined {
  const names = new Set<string>();
  const replaced = code.replace(CALL, (call, body: string) => {
    const definition = DEFINITION.exec(body);
    if (!definition) throw new Error(`graphql-documents: no named operation or fragment in ${call.slice(0, 80)}`);
    const [, kind, name] = definition;
    const constant = kind === 'fragment' ? `${name}FragmentDoc` : `${name}Document`;
    names.add(constant);
    return `${LOCAL}${constant}${'\n'.repeat(call.split('\n').length - 1)}`;
  });
  if (names.size === 0) return undefined;
  const imports = [...names].map((name) => `import ${LOCAL}${name} from ${JSON.stringify(PREFIX + name)};`).join(' ');
  return `${imports} ${replaced}`;
}

/** One generated document (`export const <name> = {…} as unknown as DocumentNode<…>;`) as a module's default export. */
export function documentModule(generated: string, name: string): string {
  const line = generated.split('\n').find((l) => l.startsWith(`export const ${name} = `));
  const json = line?.slice(`export const ${name} = `.length).replace(/ as unknown as DocumentNode<.*>;$/, '');
  if (!json?.startsWith('{')) throw new Error(`graphql-documents: ${name} is not in the generated documents (run npm run web:codegen)`);
  return `export default ${json};`;
}

export function graphqlDocuments(srcDir: string): Plugin {
  const gqlDir = join(srcDir, 'gql');
  const generatedFile = join(gqlDir, 'graphql.ts');
  return {
    name: 'hp:graphql-documents',
    enforce: 'pre',
    resolveId(id) {
      return id.startsWith(PREFIX) ? `\0${id}` : null;
    },
    load(id) {
      if (!id.startsWith(RESOLVED)) return null;
      this.addWatchFile(generatedFile);
      return documentModule(readFileSync(generatedFile, 'utf8'), id.slice(RESOLVED.length));
    },
    transform(code, id) {
      const file = id.split('?')[0]!;
      if (!file.startsWith(srcDir) || file.startsWith(gqlDir) || !/\.tsx?$/.test(file) || !code.includes('graphql(')) return null;
      const replaced = replaceGraphqlCalls(code);
      return replaced === undefined ? null : { code: replaced, map: null };
    },
  };
}
