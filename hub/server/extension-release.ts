// Serves the self-hosted extension from the hub's release folder (HUB_RELEASE_DIR, written by
// `npm run package -- --hub-url …`): the update manifest Chromium polls and the signed CRXs it
// names. Pupils' Chromebooks fetch these before the extension even exists on them, so they are
// public, and like the dashboard's files they hold no pupil data: they are answered here, before
// the access gate and its no-store rule, and are not API endpoints (access.test.ts checks both).
// Only the two kinds of name in shared/extension-release.ts are served, so nothing else in the
// folder (the Web Store zip, a signing key) can be asked for, and no path can leave it.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Context, MiddlewareHandler } from 'hono';
import { releaseFileFor } from '../../shared/extension-release';

const CONTENT_TYPES = {
  xml: 'application/xml',
  crx: 'application/x-chrome-extension',
} as const;

/**
 * Caches may keep a copy but must ask again each time: a new release replaces updates.xml, and
 * the ETag makes asking cheap for the hundreds of devices that poll it.
 */
const CACHE_CONTROL = 'no-cache';

function notFound(c: Context, message: string): Response {
  return c.json({ error: message }, 404, { 'Cache-Control': 'no-store' });
}

function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === etag || tag === '*');
}

const isMissing = (error: unknown) =>
  error instanceof Error && 'code' in error && ['ENOENT', 'ENOTDIR'].includes(String(error.code));

/** `releaseDir` absent: this hub was started without one (tests, or an app built by hand). */
export function extensionReleaseFiles(releaseDir: string | undefined): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const name = releaseFileFor(c.req.path);
    if (!name) return next();
    if (!releaseDir) {
      return notFound(
        c,
        'This hub serves no extension release: start it with HUB_RELEASE_DIR set.',
      );
    }
    let body: Buffer;
    try {
      body = await readFile(path.join(releaseDir, name));
    } catch (error) {
      if (!isMissing(error)) throw error;
      return notFound(
        c,
        `The hub's release folder has no ${name}: run \`npm run package -- --hub-url <this hub's address>\` and set HUB_RELEASE_DIR to the folder it wrote.`,
      );
    }
    const etag = `"${createHash('sha256').update(body).digest('base64url')}"`;
    const headers = { ETag: etag, 'Cache-Control': CACHE_CONTROL };
    if (matchesEtag(c.req.header('If-None-Match'), etag)) return c.body(null, 304, headers);
    const type = name.endsWith('.crx') ? CONTENT_TYPES.crx : CONTENT_TYPES.xml;
    return c.body(new Uint8Array(body), 200, { ...headers, 'Content-Type': type });
  };
}
