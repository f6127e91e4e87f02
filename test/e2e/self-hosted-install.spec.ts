// Self-hosting, end to end: `npm run package` signs the production build with a school key for
// a real hub, the hub serves the release folder, and Chromium, given only the policy a school
// sets in Google Admin (ExtensionInstallForcelist with the hub's update URL), fetches, verifies
// and installs the extension under the school key's id and starts its worker. No extension is
// loaded from a folder. The managed policy then reaches it under that id, as the README says.
import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { readEnforcement, waitForEnforcement } from './support/extension';
import { launchManagedBrowser, waitForExtensionWorker } from './support/force-install';
import { startHub, type HubProcess } from './support/hub-process';
import { expectedExtensionId, repoRoot } from './support/launch';
import { writeChromePolicyFile } from './support/policy-file';

const INSTALL_TIMEOUT_MS = 45_000;

let folder: string;
let releaseDir: string;
let hub: HubProcess;

test.beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'safe-class-self-hosted-'));
  releaseDir = path.join(folder, 'release');
  hub = await startHub({ env: { HUB_RELEASE_DIR: releaseDir } });
});

test.afterEach(async () => {
  await hub.stop();
  await rm(folder, { recursive: true, force: true });
});

/** Runs the real command, as a school would, on the production build in dist/. */
async function runPackage(args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', 'scripts/package.ts', '--no-build', ...args],
    { cwd: repoRoot, env: { ...process.env, SAFE_CLASS_CRX_KEY: '' } },
  );
  return stdout;
}

test('Chromium force-installs the signed CRX from the hub and starts its worker', async () => {
  test.setTimeout(120_000);
  // The school's key, made the way the README tells an admin to.
  const keyFile = path.join(folder, 'school-key.pem');
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  await writeFile(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  const schoolId = expectedExtensionId(
    publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
  );
  // Chromium resolves only localhost here (support/force-install.ts), and so does the hub URL.
  const hubUrl = hub.url.replace('127.0.0.1', 'localhost');
  const updateUrl = `${hubUrl}/extension/updates.xml`;

  const output = await runPackage(['--hub-url', hubUrl, '--key', keyFile, '--out', releaseDir]);
  expect(output).toContain(`Extension id: ${schoolId}`);
  const forcelistLine = `${schoolId};${updateUrl}`;
  expect(output).toContain(`  ${forcelistLine}\n`);
  const version = JSON.parse(await readFile(path.join(repoRoot, 'manifest.json'), 'utf8')).version;

  const served = await fetch(updateUrl);
  expect(served.status).toBe(200);
  expect(await served.text()).toContain(
    `<updatecheck codebase='${hubUrl}/extension/safe-class-${version}.crx' version='${version}' />`,
  );

  const removePolicy = await writeChromePolicyFile('safe-class-self-hosted', {
    ExtensionInstallForcelist: [forcelistLine],
    DeveloperToolsAvailability: 1,
    // The school's extension policy goes under the school key's id (README).
    '3rdparty': { extensions: { [schoolId]: { keyStage: 'ks2' } } },
  });
  try {
    const browser = await launchManagedBrowser();
    try {
      const worker = await waitForExtensionWorker(browser.context, schoolId, INSTALL_TIMEOUT_MS);
      expect(new URL(worker.url()).host).toBe(schoolId);
      const self = await worker.evaluate(async () => {
        const info = await chrome.management.getSelf();
        const manifest = chrome.runtime.getManifest() as chrome.runtime.Manifest & {
          update_url?: string;
        };
        return {
          installType: info.installType,
          version: manifest.version,
          updateUrl: manifest.update_url,
        };
      });
      // Installed by policy from the hub, not loaded unpacked.
      expect(self).toEqual({ installType: 'admin', version, updateUrl });
      await waitForEnforcement(worker);
      await expect.poll(async () => (await readEnforcement(worker))?.keyStage).toBe('ks2');
    } finally {
      await browser.close();
    }
  } finally {
    await removePolicy();
  }
});
