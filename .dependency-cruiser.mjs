/**
 * Import boundaries, checked by `npm run boundaries` (part of `npm test`). See README "Architecture".
 *
 * LAYERS is the declared direction between libs: a lib imports only libs of a LOWER layer (so no
 * cycle between libs is possible), and only through their `src/index.ts` (`#libs/<name>`).
 */
export const LAYERS = [
  ['core', 'config', 'database', 'matching', 'local-infra'],
  ['taxonomy', 'accounts', 'search-outbox'],
  ['companies'],
  ['sourcing', 'search', 'registry', 'track-records'],
  ['introductions', 'matchmaking', 'health'],
  ['upgrades', 'demo-data'],
  ['analytics'],
  ['platform'],
];

/** How the measuring tools start the API they measure (the only cross-app imports). */
const MEASURED_API = ['^apps/api/src/bootstrap\\.ts$', '^apps/bench/src/support\\.ts$'];

const layerOf = new Map(LAYERS.flatMap((libs, layer) => libs.map((lib) => [lib, layer])));
const notBelow = (layer) => [...layerOf].filter(([, other]) => other >= layer).map(([lib]) => lib);

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'lib-imports-app',
      comment: 'libs never import apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'app-imports-other-app',
      comment: 'apps never import other apps: what two apps share lives in a lib (libs/platform)',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: ['^apps/$1/', ...MEASURED_API] },
    },
    {
      name: 'only-tools-start-the-api',
      comment: 'the one exception above: the measuring tools (bench, eval) start the API they measure in-process',
      severity: 'error',
      from: { path: '^apps/([^/]+)/', pathNot: '^apps/(bench|eval)/' },
      to: { path: MEASURED_API, pathNot: '^apps/$1/' },
    },
    {
      name: 'lib-deep-import',
      comment: 'another lib is used only through its src/index.ts (#libs/<name>)',
      severity: 'error',
      from: { path: '^libs/([^/]+)/' },
      to: { path: '^libs/', pathNot: ['^libs/$1/', '^libs/[^/]+/src/index\\.ts$'] },
    },
    {
      name: 'app-deep-import',
      comment: 'apps and tests use a lib only through its src/index.ts (#libs/<name>)',
      severity: 'error',
      from: { path: '^(apps|test)/' },
      to: { path: '^libs/', pathNot: ['^libs/[^/]+/src/index\\.ts$'] },
    },
    ...LAYERS.flatMap((libs, layer) =>
      libs.map((lib) => ({
        name: `layer-${lib}`,
        comment: `${lib} (layer ${layer}) imports only libs of lower layers (LAYERS in .dependency-cruiser.mjs)`,
        severity: 'error',
        from: { path: `^libs/${lib}/` },
        to: {
          path: `^libs/(${notBelow(layer)
            .filter((other) => other !== lib)
            .join('|')})/`,
        },
      })),
    ),
    {
      name: 'matching-is-pure',
      comment: 'the matching engine imports nothing but itself (no Nest, TypeORM, database, node built-ins or other lib)',
      severity: 'error',
      from: { path: '^libs/matching/', pathNot: '\\.spec\\.ts$' },
      to: { pathNot: '^libs/matching/' },
    },
    {
      name: 'no-circular',
      comment: 'no import cycles (within a lib either)',
      severity: 'error',
      from: { path: '^(apps|libs)/' },
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'every import resolves',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^dist/', '^apps/web/', 'node_modules'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['types', 'import', 'node', 'default'],
      extensions: ['.ts', '.js', '.mjs', '.json'],
    },
  },
};
