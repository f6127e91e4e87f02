// The e2e test object: every test gets its own fixture server and its own Chromium profile
// with the built extension loaded, both torn down afterwards.
import { test as base } from '@playwright/test';
import { startFixtureServer, type FixtureServer } from './fixture-server';
import { launchBrowser, type Launched } from './launch';
import { waitForEnforcement } from './extension';

interface Fixtures {
  server: FixtureServer;
  launched: Launched & { extensionId: string; worker: NonNullable<Launched['worker']> };
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  server: async ({}, use) => {
    const server = await startFixtureServer();
    await use(server);
    await server.close();
  },
  launched: async ({ server }, use) => {
    const launched = await launchBrowser({
      serverPort: server.port,
      // sw.example.org hosts the service-worker case: over plain http it needs to count as a
      // secure origin for the page to register a worker.
      extraArgs: ['--unsafely-treat-insecure-origin-as-secure=http://sw.example.org'],
    });
    if (!launched.extensionId || !launched.worker) throw new Error('The extension did not start.');
    await waitForEnforcement(launched.worker);
    await use({ ...launched, extensionId: launched.extensionId, worker: launched.worker });
    await launched.close();
  },
});

export { expect } from '@playwright/test';
