// The built dashboard as the hub serves it: the page and its hashed assets with their types,
// caching and CSP; nothing outside the build folder; a clear answer when it isn't built.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DASHBOARD_CSP, dashboardFiles } from '../../hub/server/static';

let root: string;
let app: Hono;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'safe-class-static-'));
  await mkdir(path.join(root, 'assets'));
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>t</title>');
  await writeFile(path.join(root, 'assets', 'index-abc123.js'), 'console.log(1);');
  await writeFile(path.join(root, 'assets', 'index-abc123.css'), 'body{}');
  await writeFile(path.join(root, 'secret.txt'), 'not for the web');
  app = new Hono();
  app.use(dashboardFiles(root));
  app.all('*', (c) => c.text('fell through', 404));
});

afterAll(() => rm(root, { recursive: true, force: true }));

describe('the dashboard files', () => {
  it('serves the page at / under the CSP, revalidated on every visit', async () => {
    const response = await app.request('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('Cache-Control')).toBe('no-cache');
    expect(response.headers.get('Content-Security-Policy')).toBe(DASHBOARD_CSP);
    expect(DASHBOARD_CSP).toMatch(/^default-src 'self'; script-src 'self'; style-src 'self';/);
    expect(DASHBOARD_CSP).not.toContain('unsafe');
  });

  it.each([
    ['/assets/index-abc123.js', 'text/javascript; charset=utf-8'],
    ['/assets/index-abc123.css', 'text/css; charset=utf-8'],
  ])('serves %s as %s, cached for a year', async (file, type) => {
    const response = await app.request(file);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe(type);
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
  });

  it.each([
    '/secret.txt',
    '/index.html',
    '/assets/../secret.txt',
    '/assets/%2e%2e%2fsecret.txt',
    '/assets/.hidden.js',
    '/assets/nope.js',
    '/assets/index-abc123.txt',
    '/assets/sub/index-abc123.js',
  ])('passes %s on to the API (its 404)', async (file) => {
    const response = await app.request(file);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('fell through');
  });

  it('only answers GET and HEAD', async () => {
    expect((await app.request('/', { method: 'POST' })).status).toBe(404);
    expect((await app.request('/', { method: 'HEAD' })).status).toBe(200);
  });

  it('says how to build the dashboard when it is not built', async () => {
    const bare = new Hono();
    bare.use(dashboardFiles(path.join(root, 'missing')));
    const response = await bare.request('/');
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      error: 'The dashboard is not built: run `npm run build:hub`.',
    });
  });
});
