import { defineConfig } from '@playwright/test';

// Each test launches its own Chromium through test/e2e/support/launch.ts (extensions need a
// persistent context), so Playwright's project browser is unused, and one worker suits two cores.
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: 'list',
  timeout: 60_000,
  forbidOnly: !!process.env.CI,
  use: {},
});
