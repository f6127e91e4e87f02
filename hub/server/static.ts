// Serves the built teacher dashboard (`npm run build:hub` writes dist-hub/): the page at `/` and
// its hashed files at `/assets/<name>`. These are public files with no pupil data in them, so
// they are answered here, before the access gate, and are not API endpoints (access.test.ts
// lists every endpoint). Anything else falls through to the API and its JSON 404.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MiddlewareHandler } from 'hono';

export const DASHBOARD_DIR = fileURLToPath(new URL('../../dist-hub/', import.meta.url));

/**
 * Only the page's own files run and load; no inline script or style, no plugins, no framing.
 * Trusted Types make any write of an HTML string into the page throw (ARCHITECTURE rule 6: web text is data).
 */
export const DASHBOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  "trusted-types 'none'",
].join('; ');

const TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

// One flat folder of names Vite made: no slash and no leading dot, so no way out of it.
const ASSET = /^\/assets\/([A-Za-z0-9_-][A-Za-z0-9._-]{0,200})$/;

interface DashboardFile {
  file: string;
  type: string;
  cache: string;
}

function fileFor(requestPath: string): DashboardFile | null {
  // The page is read again on every visit, so a new build shows at once.
  if (requestPath === '/') {
    return { file: 'index.html', type: 'text/html; charset=utf-8', cache: 'no-cache' };
  }
  const name = ASSET.exec(requestPath)?.[1];
  const type = name && TYPES[path.extname(name)];
  if (!name || !type) return null;
  // Vite puts a content hash in every asset's name: a changed file is a new name.
  return { file: `assets/${name}`, type, cache: 'public, max-age=31536000, immutable' };
}

export function dashboardFiles(root: string = DASHBOARD_DIR): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const wanted = fileFor(c.req.path);
    if (!wanted) return next();
    let body: Uint8Array<ArrayBuffer>;
    try {
      body = new Uint8Array(await readFile(path.join(root, wanted.file)));
    } catch {
      if (wanted.file !== 'index.html') return next();
      return c.json({ error: 'The dashboard is not built: run `npm run build:hub`.' }, 503, {
        'Cache-Control': 'no-store',
      });
    }
    return c.body(body, 200, {
      'Content-Type': wanted.type,
      'Cache-Control': wanted.cache,
      'Content-Security-Policy': DASHBOARD_CSP,
    });
  };
}
