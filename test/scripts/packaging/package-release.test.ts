// The release files made from a build: the Web Store zip without the development key, and the
// self-hosted CRX and update manifest with the school's key and hub, each read back; every bad
// input refused with its reason.
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdtemp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { publicKeyDer, readCrx3 } from '../../../scripts/packaging/crx3';
import { extensionIdFromPublicKey } from '../../../scripts/packaging/extension-id';
import { packageRelease, type PackageOptions } from '../../../scripts/packaging/package-release';

const DEV_KEY = 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAjLpcdS6w';
let key: KeyObject;
let folder: string;
let dist: string;
let out: string;

beforeAll(() => {
  key = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
});

const manifest = {
  $schema: 'https://json.schemastore.org/chrome-manifest.json',
  manifest_version: 3,
  name: '__MSG_extensionName__',
  description: '__MSG_extensionDescription__',
  version: '1.2.0',
  default_locale: 'en_GB',
  key: DEV_KEY,
  background: { service_worker: 'service-worker-loader.js', type: 'module' },
};
const messages = {
  extensionName: { message: 'Safe Class' },
  extensionDescription: { message: 'Keeps pupils on approved websites.' },
};

async function writeDist(files: Record<string, string>) {
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dist, name)), { recursive: true });
    await writeFile(path.join(dist, name), text);
  }
}

beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'safe-class-package-'));
  dist = path.join(folder, 'dist');
  out = path.join(folder, 'release');
  await writeDist({
    'manifest.json': JSON.stringify(manifest),
    '_locales/en_GB/messages.json': JSON.stringify(messages),
    'service-worker-loader.js': "import './assets/main.js';\n",
    'assets/main.js': 'console.log("worker");\n'.repeat(50),
  });
});
afterEach(() => rm(folder, { recursive: true, force: true }));

const options = (more: Partial<PackageOptions> = {}): PackageOptions => ({
  distDir: dist,
  outDir: out,
  expectedVersion: '1.2.0',
  ...more,
});
const withKey = { hubUrl: 'https://hub.school.example/', signingKey: async () => key };

/** Every file of a zip, read by Python's zipfile (an independent implementation). */
async function unzip(zip: Buffer): Promise<Record<string, string>> {
  const file = path.join(folder, 'read.zip');
  await writeFile(file, zip);
  const script = `
import json, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    assert z.testzip() is None
    print(json.dumps({i.filename: z.read(i).decode() for i in z.infolist()}))
`;
  return JSON.parse(execFileSync('python3', ['-c', script, file], { encoding: 'utf8' }));
}

describe('the Web Store zip', () => {
  it('holds the build with the manifest’s key (and $schema) removed, manifest first', async () => {
    const result = await packageRelease(options());
    expect(result).toMatchObject({
      version: '1.2.0',
      webStoreZip: path.join(out, 'safe-class-1.2.0-webstore.zip'),
      selfHosted: null,
    });
    const files = await unzip(await readFile(result.webStoreZip));
    expect(Object.keys(files)).toEqual([
      'manifest.json',
      '_locales/en_GB/messages.json',
      'assets/main.js',
      'service-worker-loader.js',
    ]);
    const expected: Record<string, unknown> = { ...manifest };
    delete expected.key;
    delete expected.$schema;
    expect(JSON.parse(files['manifest.json'] as string)).toEqual(expected);
    expect(files['assets/main.js']).toBe('console.log("worker");\n'.repeat(50));
    expect(await readdir(out)).toEqual(['safe-class-1.2.0-webstore.zip']);
  });

  it('is byte-identical when packaged again', async () => {
    const first = await readFile((await packageRelease(options())).webStoreZip);
    const again = await packageRelease(options({ outDir: path.join(folder, 'again') }));
    expect((await readFile(again.webStoreZip)).equals(first)).toBe(true);
  });

  it('warns that the listing needs a 128-pixel icon when the manifest has none', async () => {
    expect((await packageRelease(options())).warnings).toEqual([
      'the manifest has no 128-pixel icon; the Web Store listing needs one uploaded',
    ]);
  });
});

describe('the self-hosted CRX and update manifest', () => {
  it('signs the build with the school key, its id, key and update_url inside', async () => {
    const result = await packageRelease(options(withKey));
    const id = extensionIdFromPublicKey(publicKeyDer(key));
    expect(result.selfHosted).toEqual({
      crxFile: path.join(out, 'safe-class-1.2.0.crx'),
      updateManifestFile: path.join(out, 'updates.xml'),
      extensionId: id,
      updateUrl: 'https://hub.school.example/extension/updates.xml',
      crxUrl: 'https://hub.school.example/extension/safe-class-1.2.0.crx',
    });
    const crx = readCrx3(await readFile(path.join(out, 'safe-class-1.2.0.crx')));
    expect(crx.extensionId).toBe(id);
    const inside = JSON.parse((await unzip(crx.zip))['manifest.json'] as string);
    expect(inside.key).toBe(publicKeyDer(key).toString('base64'));
    expect(extensionIdFromPublicKey(Buffer.from(inside.key, 'base64'))).toBe(id);
    expect(inside.update_url).toBe('https://hub.school.example/extension/updates.xml');
    expect(inside.$schema).toBeUndefined();

    const xml = await readFile(path.join(out, 'updates.xml'), 'utf8');
    expect(xml).toContain(`<app appid='${id}'>`);
    expect(xml).toContain(
      "<updatecheck codebase='https://hub.school.example/extension/safe-class-1.2.0.crx' version='1.2.0' />",
    );
    expect((await readdir(out)).sort()).toEqual([
      'safe-class-1.2.0-webstore.zip',
      'safe-class-1.2.0.crx',
      'updates.xml',
    ]);
  });

  it('takes a plain-http hub on this machine (a demo or a test)', async () => {
    const result = await packageRelease(options({ ...withKey, hubUrl: 'http://localhost:8787' }));
    expect(result.selfHosted?.updateUrl).toBe('http://localhost:8787/extension/updates.xml');
  });
});

describe('bad input', () => {
  it.each([
    [
      'http://hub.school.example',
      '--hub-url: the hub must be reached over https (http only on this machine).',
    ],
    ['hub.school.example', "--hub-url: 'hub.school.example' is not a web address."],
    [
      'ftp://hub.school.example',
      '--hub-url: the hub must be reached over https (http only on this machine).',
    ],
    [
      'https://school.example/hub',
      "--hub-url: give the hub's address alone (https://school.example), without a path or query.",
    ],
    [
      'https://hub.school.example/?x=1',
      "--hub-url: give the hub's address alone (https://hub.school.example), without a path or query.",
    ],
  ])('refuses the hub address %s, before asking for a key', async (hubUrl, reason) => {
    let asked = false;
    const signingKey = async () => {
      asked = true;
      return key;
    };
    await expect(packageRelease(options({ hubUrl, signingKey }))).rejects.toThrow(reason);
    expect(asked).toBe(false);
  });

  it('refuses a missing build', async () => {
    await rm(dist, { recursive: true });
    await expect(packageRelease(options())).rejects.toThrow(
      `There is no build at ${dist}: run \`npm run build\` first.`,
    );
  });

  it('refuses a build without a manifest', async () => {
    await rm(path.join(dist, 'manifest.json'));
    await expect(packageRelease(options())).rejects.toThrow(`${dist} has no manifest.json`);
  });

  it('refuses the e2e test build, and never asks for a key for it', async () => {
    await writeDist({ 'assets/identity.js': 'storage.get("testPupilEmail")' });
    let asked = false;
    const signingKey = async () => {
      asked = true;
      return key;
    };
    await expect(packageRelease(options({ ...withKey, signingKey }))).rejects.toThrow(
      `${dist} is the e2e test build (assets/identity.js has its test hook)`,
    );
    expect(asked).toBe(false);
    await expect(readdir(out)).rejects.toThrow();
  });

  it('refuses a stale build of another version', async () => {
    await expect(packageRelease(options({ expectedVersion: '1.3.0' }))).rejects.toThrow(
      `${dist} is a build of version 1.2.0, but manifest.json says 1.3.0: run \`npm run build\` again.`,
    );
  });

  it.each([
    ['{', 'DIST/manifest.json is not valid JSON.'],
    ['[]', 'DIST/manifest.json is not a JSON object.'],
    ['{"name":"x"}', 'DIST/manifest.json has no version.'],
  ])('refuses the manifest %s', async (text, reason) => {
    await writeDist({ 'manifest.json': text });
    await expect(packageRelease(options())).rejects.toThrow(reason.replace('DIST', dist));
  });

  it('refuses a version Chromium would not take', async () => {
    await writeDist({ 'manifest.json': JSON.stringify({ ...manifest, version: '1.2.0-beta' }) });
    await expect(packageRelease(options({ expectedVersion: '1.2.0-beta' }))).rejects.toThrow(
      "The manifest version '1.2.0-beta' is not one to four numbers",
    );
  });

  it('refuses what the Web Store would refuse: a description over 132 characters', async () => {
    const long = { ...messages, extensionDescription: { message: 'x'.repeat(133) } };
    await writeDist({ '_locales/en_GB/messages.json': JSON.stringify(long) });
    await expect(packageRelease(options())).rejects.toThrow(
      'The Web Store would refuse this build: the description is 133 characters; the Web Store takes 132.',
    );
  });

  it('refuses a hub address without a key', async () => {
    await expect(packageRelease(options({ hubUrl: 'https://hub.school.example' }))).rejects.toThrow(
      'A self-hosted package needs the school’s signing key.',
    );
  });
});
