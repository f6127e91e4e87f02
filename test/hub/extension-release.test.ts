// The self-hosted extension as the hub serves it from its release folder: the update manifest
// and the CRX with their types and ETags, public, and nothing else in the folder reachable.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type HubApp } from '../../hub/server/app';
import { openDatabase } from '../../hub/server/database';

const XML = "<?xml version='1.0' encoding='UTF-8'?>\n<gupdate protocol='2.0'></gupdate>\n";
const CRX = Buffer.concat([Buffer.from('Cr24'), Buffer.from([3, 0, 0, 0, 0, 0, 0, 0, 0xff, 0])]);
const SECRET = '-----BEGIN PRIVATE KEY-----\nnot for the web\n';

let folder: string;
let app: HubApp;
const appFor = (releaseDir: string | undefined) =>
  createApp({ db: openDatabase({ kind: 'sqlite', file: ':memory:' }), releaseDir, log: () => {} });

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'safe-class-release-'));
  await writeFile(path.join(folder, 'updates.xml'), XML);
  await writeFile(path.join(folder, 'safe-class-1.2.0.crx'), CRX);
  await writeFile(path.join(folder, 'signing-key.pem'), SECRET);
  await writeFile(path.join(folder, 'safe-class-1.2.0-webstore.zip'), 'PK');
  app = appFor(folder);
});
afterAll(() => rm(folder, { recursive: true, force: true }));

describe('the release files', () => {
  it('serves the update manifest as XML, revalidated by ETag, to anyone', async () => {
    const response = await app.request('/extension/updates.xml');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/xml');
    expect(response.headers.get('Cache-Control')).toBe('no-cache');
    expect(response.headers.get('ETag')).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(await response.text()).toBe(XML);
  });

  it('serves the CRX as a Chrome extension, byte for byte, with Chromium’s query string', async () => {
    const response = await app.request(
      '/extension/safe-class-1.2.0.crx?os=linux&x=id%3Dabc%26installedby%3Dpolicy',
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/x-chrome-extension');
    expect(response.headers.get('Cache-Control')).toBe('no-cache');
    expect(Buffer.from(await response.arrayBuffer()).equals(CRX)).toBe(true);
  });

  it('answers a request with the current ETag with 304 and no body', async () => {
    const etag = (await app.request('/extension/updates.xml')).headers.get('ETag') as string;
    for (const header of [etag, `W/${etag}`, `"old", ${etag}`, '*']) {
      const response = await app.request('/extension/updates.xml', {
        headers: { 'If-None-Match': header },
      });
      expect([header, response.status, await response.text()]).toEqual([header, 304, '']);
      expect(response.headers.get('ETag')).toBe(etag);
    }
    const stale = await app.request('/extension/updates.xml', {
      headers: { 'If-None-Match': '"old"' },
    });
    expect(stale.status).toBe(200);
  });

  it('serves a new release at once, under a new ETag', async () => {
    const before = (await app.request('/extension/updates.xml')).headers.get('ETag');
    const newer = XML.replace('2.0', '2.0 ');
    await writeFile(path.join(folder, 'updates.xml'), newer);
    try {
      const response = await app.request('/extension/updates.xml');
      expect(await response.text()).toBe(newer);
      expect(response.headers.get('ETag')).not.toBe(before);
    } finally {
      await writeFile(path.join(folder, 'updates.xml'), XML);
    }
  });

  it('answers HEAD with the headers', async () => {
    const response = await app.request('/extension/updates.xml', { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('ETag')).toMatch(/^"/);
  });
});

describe('what it does not serve', () => {
  it.each([
    '/extension/signing-key.pem',
    '/extension/safe-class-1.2.0-webstore.zip',
    '/extension/../extension/signing-key.pem',
    '/extension/%2e%2e/signing-key.pem',
    '/extension/..%2fsigning-key.pem',
    '/extension/updates.xml/',
    '/extension/sub/updates.xml',
    '/signing-key.pem',
  ])('%s is the API’s 404', async (requestPath) => {
    const response = await app.request(requestPath);
    const text = await response.text();
    expect([requestPath, response.status]).toEqual([requestPath, 404]);
    expect(text).not.toContain('PRIVATE KEY');
    expect(JSON.parse(text).error).toMatch(/^There is no GET /);
  });

  it('does not take a POST', async () => {
    const response = await app.request('/extension/updates.xml', { method: 'POST' });
    expect(response.status).toBe(404);
  });

  it('answers 404 JSON saying what to do when there is no release yet', async () => {
    const missing = await appFor(path.join(folder, 'no-such-folder')).request(
      '/extension/updates.xml',
    );
    expect(missing.status).toBe(404);
    expect(missing.headers.get('Cache-Control')).toBe('no-store');
    expect(await missing.json()).toEqual({
      error:
        "The hub's release folder has no updates.xml: run `npm run package -- --hub-url <this hub's address>` and set HUB_RELEASE_DIR to the folder it wrote.",
    });
    const otherVersion = await app.request('/extension/safe-class-9.9.9.crx');
    expect(otherVersion.status).toBe(404);
    expect((await otherVersion.json()).error).toContain('has no safe-class-9.9.9.crx');
  });

  it('answers 404 JSON when the hub has no release folder at all', async () => {
    const response = await appFor(undefined).request('/extension/safe-class-1.2.0.crx');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: 'This hub serves no extension release: start it with HUB_RELEASE_DIR set.',
    });
  });
});
