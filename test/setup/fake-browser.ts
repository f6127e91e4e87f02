// Unit and worker tiers run in Node, where the real polyfill throws ("This script should only
// be loaded in a browser extension"), so it is swapped for @webext-core/fake-browser. Dexie
// gets an in-memory IndexedDB. Real-browser behaviour is proven in test/e2e.
import 'fake-indexeddb/auto';
import { vi } from 'vitest';

vi.mock('webextension-polyfill', async () => {
  const { fakeBrowser } = await import('@webext-core/fake-browser');
  return { default: fakeBrowser };
});
