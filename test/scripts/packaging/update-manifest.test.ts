// The update manifest Chromium reads from the hub (gupdate protocol 2.0), and the release names
// the package command and the hub share.
import { describe, expect, it } from 'vitest';
import { updateManifestXml } from '../../../scripts/packaging/update-manifest';
import {
  crxFileName,
  crxPath,
  isExtensionVersion,
  releaseFileFor,
  UPDATE_MANIFEST_PATH,
} from '../../../shared/extension-release';

describe('updateManifestXml', () => {
  it('names the app, its version and the CRX URL as Chromium expects', () => {
    expect(
      updateManifestXml({
        extensionId: 'jfihchfhddpjfhemlalhlcmdfnilofie',
        version: '1.2.3',
        codebase: 'https://hub.school.example/extension/safe-class-1.2.3.crx',
      }),
    ).toBe(
      [
        "<?xml version='1.0' encoding='UTF-8'?>",
        "<gupdate xmlns='http://www.google.com/update2/response' protocol='2.0'>",
        "  <app appid='jfihchfhddpjfhemlalhlcmdfnilofie'>",
        "    <updatecheck codebase='https://hub.school.example/extension/safe-class-1.2.3.crx' version='1.2.3' />",
        '  </app>',
        '</gupdate>',
        '',
      ].join('\n'),
    );
  });

  it('escapes what XML attributes can’t hold', () => {
    const xml = updateManifestXml({
      extensionId: 'a',
      version: '1',
      codebase: `https://hub.example/x.crx?a=1&b='2'<>"`,
    });
    expect(xml).toContain(
      "codebase='https://hub.example/x.crx?a=1&amp;b=&apos;2&apos;&lt;&gt;&quot;'",
    );
  });
});

describe('release names', () => {
  it('puts the version in the CRX’s name and path', () => {
    expect(crxFileName('0.1.0')).toBe('safe-class-0.1.0.crx');
    expect(crxPath('0.1.0')).toBe('/extension/safe-class-0.1.0.crx');
    expect(UPDATE_MANIFEST_PATH).toBe('/extension/updates.xml');
  });

  it.each([
    ['1', true],
    ['0.1.0', true],
    ['65535.0.0.65535', true],
    ['1.2.3.4.5', false],
    ['65536', false],
    ['01.2', false],
    ['1.2-beta', false],
    ['', false],
    ['1..2', false],
  ])('version %j is %s', (version, ok) => {
    expect(isExtensionVersion(version)).toBe(ok);
  });

  it.each([
    ['/extension/updates.xml', 'updates.xml'],
    ['/extension/safe-class-0.1.0.crx', 'safe-class-0.1.0.crx'],
    ['/extension/safe-class-1.crx', 'safe-class-1.crx'],
    ['/extension/signing-key.pem', null],
    ['/extension/safe-class-0.1.0-webstore.zip', null],
    ['/extension/../release/signing-key.pem', null],
    ['/extension/%2e%2e/signing-key.pem', null],
    ['/extension/sub/updates.xml', null],
    ['/extension/updates.xml/', null],
    ['/extension/safe-class-0.1.0.crx.partial-12', null],
    ['/extension/', null],
    ['/updates.xml', null],
  ])('the hub serves %s as %j', (requestPath, file) => {
    expect(releaseFileFor(requestPath)).toBe(file);
  });
});
