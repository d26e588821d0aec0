import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { SuppliersService } from '#libs/companies';
import type { AppConfig } from '#libs/config';
import { logger } from '#libs/core';
import { preloadLinks, readWebManifest } from './web-preload.js';

/** Paths the API answers itself; everything else that asks for HTML is a page of the web app. */
const API_PATHS = /^\/(graphql|health|analytics|auth|assets)(\/|$)/;
const LANGS = new Set(['vi', 'en', 'ja', 'ko']);
const PROFILE = /^\/(vi|en|ja|ko)\/suppliers\/([0-9a-f-]{36})\/?$/i;
const HEAD_BLOCK = /<!--hp:head-->[\s\S]*?<!--\/hp:head-->/;

/** The built web app: `dist/web` beside the compiled API, or under dist/ when the API runs from source (tests). */
export function defaultWebDistDir(): string {
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  const besideBuild = join(root, 'web');
  return existsSync(join(besideBuild, 'index.html')) ? besideBuild : join(root, 'dist', 'web');
}

/**
 * The page's Content Security Policy. Scripts and styles load from the app's own origin only; the
 * component library's few <style> elements carry the per-response nonce (never 'unsafe-inline');
 * images may also come from the configured map tile server.
 */
export function webAppCsp(nonce: string, tileUrl: string): string {
  const tileOrigin = tileUrl === 'none' ? '' : ` ${new URL(tileUrl.replace(/\{[a-z]\}/g, '0')).origin}`;
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}'`,
    `img-src 'self' data:${tileOrigin}`,
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).replace(/\s\S*$/, '')}…`;
}

/**
 * Serves the built web app beside the API (one process, one port): hashed assets with a long cache
 * life, and index.html for every page URL (the SPA's router takes it from there), with a fresh style
 * nonce, the page's own code named for preloading (`web-preload.ts`: it downloads while the entry is
 * parsed) and, on a supplier's profile, the supplier's own title and description for search engines.
 */
export function serveWebApp(app: NestExpressApplication, config: AppConfig): void {
  const dir = resolve(config.WEB_DIST_DIR ?? defaultWebDistDir());
  const indexFile = join(dir, 'index.html');
  if (!existsSync(indexFile)) {
    logger.emit('warn', 'no built web app: serving the API only (run npm run build)', { dir }, 'WebApp');
    return;
  }
  const template = readFileSync(indexFile, 'utf8');
  const manifest = readWebManifest(dir);
  app.useStaticAssets(join(dir, 'assets'), { prefix: '/assets/', index: false, immutable: true, maxAge: '365d', fallthrough: false });

  const suppliers = app.get(SuppliersService);
  async function headFor(path: string): Promise<string | undefined> {
    const profile = PROFILE.exec(path);
    if (!profile) return undefined;
    const [, lang, id] = profile;
    try {
      const supplier = await suppliers.getVisible(null, id.toLowerCase());
      const description = (lang === 'vi' ? supplier.descriptionVi : (supplier.descriptionEn ?? supplier.descriptionVi)) ?? supplier.nameVi;
      const name = lang === 'vi' ? supplier.nameVi : (supplier.tradeNameEn ?? supplier.nameVi);
      return `<title>${escapeHtml(`${name} — Hải Phòng`)}</title>\n    <meta name="description" content="${escapeHtml(clip(description, 160))}" />`;
    } catch {
      return undefined; // unknown or hidden supplier: the page itself says so
    }
  }

  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || API_PATHS.test(req.path) || !req.accepts('html')) return next();
    void (async () => {
      const nonce = randomBytes(16).toString('base64');
      const lang = req.path.split('/')[1] ?? '';
      let html = template.replace(
        '<!--hp:head-->',
        `<!--hp:head-->\n    <meta name="hp-style-nonce" content="${nonce}" />\n    <meta name="hp-map-tiles" content="${escapeHtml(config.MAP_TILE_URL)}" />`,
      );
      if (LANGS.has(lang)) html = html.replace(/<html lang="[a-z]+">/, `<html lang="${lang}">`);
      const preload = preloadLinks(manifest, req.path);
      if (preload) html = html.replace('</head>', `  ${preload}\n  </head>`);
      const head = await headFor(req.path);
      if (head) html = html.replace(HEAD_BLOCK, (block) => block.replace(/<title>[\s\S]*?<meta name="description"[^>]*>/, head));
      res.setHeader('Content-Security-Policy', webAppCsp(nonce, config.MAP_TILE_URL));
      res.setHeader('Cache-Control', 'no-store');
      res.type('html').send(html);
    })().catch(next);
  });
}
