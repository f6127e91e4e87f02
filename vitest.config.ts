import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['test/setup/fake-browser.ts'],
    // Unit and worker tiers only; the real-browser tier runs under Playwright.
    exclude: ['test/e2e/**', 'node_modules/**'],
  },
});
