// Self-hosting, end to end: `npm run package` signs the production build with a school key for
// a real hub, the hub serves the release folder, and Chromium, given only the policy a school
// sets in Google Admin (ExtensionInstallForcelist with the hub's update URL), fetches, verifies
// and installs the extension under the school key's id and starts its worker. No extension is
// loaded from a folder. The managed policy then reaches it under that id, as the README says.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { readEnforcement, waitForEnforcement } from './support/extension';
import { launchManagedBrowser, waitForExtensionWorker } from './support/force-install';
import { startHub, type HubProcess } from './support/hub-process';
import { repoRoot } from './support/launch';
import { writeChromePolicyFile } from './support/policy-file';
import { packageSchoolRelease } from './support/school-release';

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

test('Chromium force-installs the signed CRX from the hub and starts its worker', async () => {
  test.setTimeout(120_000);
  // The school's key and release, made the way the README tells an admin to.
  const { schoolId, hubUrl, updateUrl, forcelistLine, output } = await packageSchoolRelease(
    folder,
    releaseDir,
    hub,
  );
  expect(output).toContain(`Extension id: ${schoolId}`);
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
