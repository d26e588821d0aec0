import { join } from 'node:path';
import { defineConfig } from 'vite';
import { graphqlDocuments } from './build/graphql-documents.js';
import { sessionStart } from './build/session-start.js';

/**
 * The web app. `vite build` writes to dist/web, which the API serves at `/` (apps/api/src/web-app.ts);
 * `vite` (npm run dev:web) serves it with live reload and proxies the API's paths to a running API
 * (API_URL, default http://localhost:3000). JSX is compiled by Vite's own Oxc transform.
 */
const api = process.env.API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root: import.meta.dirname,
  oxc: { jsx: { runtime: 'automatic' } },
  plugins: [graphqlDocuments(join(import.meta.dirname, 'src')), sessionStart(join(import.meta.dirname, 'src/lib/session-start.ts'))],
  build: {
    rolldownOptions: {
      // React Router and Mantine mark modules "use client" for server components; meaningless in this SPA.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
    outDir: '../../dist/web',
    emptyOutDir: true,
    // Every asset is a file: the page's CSP allows fonts and images from 'self', not data: URIs.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 600,
    // dist/web/.vite/manifest.json: which chunks each page loads (test/web/bundle.spec.ts checks the budgets).
    manifest: true,
  },
  server: {
    proxy: Object.fromEntries(['/graphql', '/auth', '/health', '/analytics'].map((path) => [path, { target: api, changeOrigin: false }])),
  },
});
