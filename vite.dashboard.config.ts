// The teacher dashboard: a plain web page the hub serves from dist-hub/ (hub/server/static.ts),
// under a strict Content-Security-Policy, so nothing may be inlined into the page.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

const fromRoot = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

export default defineConfig({
  root: fromRoot('./hub/dashboard'),
  base: '/',
  // public/ holds the extension's files, not the dashboard's.
  publicDir: false,
  plugins: [preact()],
  build: {
    outDir: fromRoot('./dist-hub'),
    emptyOutDir: true,
    // The CSP allows 'self' only: no asset may become a data: URL.
    assetsInlineLimit: 0,
    // The polyfill would be an extra script for browsers teachers don't use.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 200,
  },
  // `vite --config vite.dashboard.config.ts` serves the page with a running hub (npm run hub).
  server: {
    proxy: { '/api': { target: 'http://127.0.0.1:8787', ws: true } },
  },
  // Unresolved imports must fail the build rather than warn.
  logLevel: 'warn',
});
