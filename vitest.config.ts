import { defineConfig } from 'vitest/config';

export default defineConfig({
  define: { __TEST__: 'true' },
  plugins: [
    {
      // In the extension build crxjs turns `file.ts?script` into the built script's path; the
      // worker tier needs the path, never the content script running in Node.
      name: 'content-script-path',
      enforce: 'pre',
      load(id) {
        const [file, query] = id.split('?');
        if (query === 'script') return `export default ${JSON.stringify(file)};`;
        return undefined;
      },
    },
  ],
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['test/setup/fake-browser.ts'],
    // Unit and worker tiers only; the real-browser tier runs under Playwright.
    exclude: ['test/e2e/**', 'node_modules/**'],
  },
});
