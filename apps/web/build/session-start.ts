import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { minify, transformWithOxc, type Plugin } from 'vite';

/**
 * The classic script that starts the session refresh before the app's entry has run
 * (src/lib/session-start.ts, which says why): that module with its types and `export` keywords
 * stripped, in a function that calls its `startSession`. The module may import nothing (a classic
 * script cannot, and importing the app's modules is what made an early module wait for the entry).
 */
export async function sessionStartScript(file: string): Promise<string> {
  const source = readFileSync(file, 'utf8');
  if (/^\s*import\s/m.test(source) || /^export\s*(\{|\*|default)/m.test(source))
    throw new Error(`session-start: ${file} must stand alone: no imports, no export lists or default export`);
  const { code } = await transformWithOxc(source, file, { lang: 'ts' });
  const script = `(() => {\n${code.replace(/^export /gm, '')}\nstartSession();\n})();\n`;
  return (await minify('session-start.js', script)).code;
}

/**
 * Writes that script as a hashed asset (`assets/session-start-<hash>.js`: the API serves /assets/
 * with a year's cache) and names it in index.html's head before the entry, `async` and at high
 * priority (an `async` script's default is low): it does not hold the page's parsing, and runs as soon
 * as it has arrived, long before the entry (≈ 250 kB) has arrived and been run. Same origin, so the page's CSP (`script-src 'self'`) is unchanged: no inline script, no nonce.
 * Build only: under `vite` (dev) the app sends the refresh itself, as it does when the script is late.
 */
export function sessionStart(file: string): Plugin {
  let script: { fileName: string; code: string } | undefined;
  return {
    name: 'hp:session-start',
    apply: 'build',
    async buildStart() {
      this.addWatchFile(file);
      const code = await sessionStartScript(file);
      script = { fileName: `assets/session-start-${createHash('sha256').update(code).digest('base64url').slice(0, 8)}.js`, code };
    },
    transformIndexHtml(html) {
      if (!html.includes('<!--hp:head-->')) throw new Error('session-start: index.html has no <!--hp:head--> to put the script before');
      return html.replace('<!--hp:head-->', `<script async fetchpriority="high" src="/${script!.fileName}"></script>\n    <!--hp:head-->`);
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: script!.fileName, source: script!.code });
    },
  };
}
