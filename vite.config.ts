import { defineConfig } from 'vite';
import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import manifest from './manifest.json' with { type: 'json' };
import { classicContentScripts } from './scripts/classic-content-scripts';
import { inlinePageStyles } from './scripts/inline-page-styles';

export default defineConfig(({ mode }) => ({
  // `--mode test` builds the e2e variant (see background/hub-link/identity.ts); production is false.
  define: { __TEST__: JSON.stringify(mode === 'test') },
  plugins: [inlinePageStyles(), preact(), crx({ manifest }), classicContentScripts()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The worker may not load code lazily (MV3 forbids remote and dynamic import in workers),
    // so a warning about chunking is a failure here, not noise.
    chunkSizeWarningLimit: 400,
    // Chrome preloads modules natively; the polyfill would be one more request on the block page.
    modulePreload: { polyfill: false },
    rollupOptions: {
      // Pages only a web page navigates to (web_accessible_resources), which crxjs doesn't
      // find through the manifest by itself; the popup comes in as the action's default_popup.
      input: {
        blocked: 'extension/blocked.html',
        flag: 'extension/flag.html',
        // Opened by the worker in a new tab when it stops a download.
        download: 'extension/download.html',
        // The pupils' privacy page, linked from the popup and the block page.
        privacy: 'extension/privacy.html',
      },
    },
  },
  // Unresolved imports must fail the build rather than warn.
  logLevel: 'warn',
}));
