// What the builds hold. The e2e variant of the extension (dist-test/, `vite build --mode test`)
// may name a pupil in storage because a headless test browser can't sign in to Google; the
// production build in dist/ carries no trace of that hook. And the content script that runs on
// every page is built as one classic file.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { repoRoot } from './support/launch';

async function bundleText(dist: string): Promise<string> {
  const assets = path.join(repoRoot, dist, 'assets');
  const files = (await readdir(assets)).filter((file) => file.endsWith('.js'));
  const texts = await Promise.all(files.map((file) => readFile(path.join(assets, file), 'utf8')));
  return texts.join('\n');
}

test('the production build has no test identity hook; the e2e build does', async () => {
  expect(await bundleText('dist')).not.toContain('testPupilEmail');
  expect(await bundleText('dist-test')).toContain('testPupilEmail');
});

test('the keyword watch ships as one small classic script, with no polyfill and no imports', async () => {
  // Any content script costs a page its isolated world; this one must add nothing beyond that
  // (shared/classic-content-scripts.ts).
  for (const dist of ['dist', 'dist-test']) {
    const file = path.join(repoRoot, dist, 'content-scripts', 'keyword-watch.js');
    const text = await readFile(file, 'utf8');
    expect(text.startsWith('(function(')).toBe(true);
    expect(text).not.toMatch(/\bimport\s*[({"'`]|\bexport\s/);
    expect(text).not.toContain('webextension-polyfill');
    expect(text).not.toContain('browser-polyfill');
    expect(text.length).toBeLessThan(12_000);
  }
});
