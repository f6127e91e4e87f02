// Chromium as a managed Chromebook meets the self-hosted extension: nothing loaded from a
// folder; a policy file's ExtensionInstallForcelist makes Chromium fetch the update manifest
// and the CRX from the hub and install it. What that needs, found by trying (Chromium 156):
// - Playwright's default --disable-extensions keeps every extension off, policy ones too;
// - its default --disable-background-networking switches off the extension updater, which is
//   what fetches a force-installed extension, so neither may be passed;
// - Chromium keeps DevTools (and so Playwright) out of extensions installed by policy unless
//   the DeveloperToolsAvailability policy is 1, so the test's policy sets it to see the worker.
// With background networking on, every host but localhost (the hub) resolves to nothing, so
// Chromium's own background requests never leave the machine.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Worker } from '@playwright/test';

export interface ManagedBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launchManagedBrowser(): Promise<ManagedBrowser> {
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'safe-class-managed-'));
  const removeProfile = () =>
    rm(userDataDir, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 });
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      ignoreDefaultArgs: ['--disable-extensions', '--disable-background-networking'],
      args: [
        '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost',
        '--disable-sync',
        '--no-first-run',
        '--no-default-browser-check',
        '--disable-quic',
        '--disable-gpu',
      ],
    });
  } catch (error) {
    await removeProfile();
    throw error;
  }
  return {
    context,
    close: async () => {
      await context.close();
      await removeProfile();
    },
  };
}

/** The worker of this extension once Chromium has installed and started it. */
export async function waitForExtensionWorker(
  context: BrowserContext,
  extensionId: string,
  timeout: number,
): Promise<Worker> {
  const isOurs = (worker: Worker) => worker.url().startsWith(`chrome-extension://${extensionId}/`);
  return (
    context.serviceWorkers().find(isOurs) ??
    (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout }))
  );
}
