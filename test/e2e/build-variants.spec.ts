// What the builds hold. The e2e variant of the extension (dist-test/, `vite build --mode test`)
// may name a pupil in storage because a headless test browser can't sign in to Google; the
// production build in dist/ carries no trace of that hook. And the keyword prompt, which the
// worker injects into a page that matched a school keyword, is built as one small classic file,
// while the keyword watch that once ran on every page is gone from the build.
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

test('the keyword prompt ships as one small classic script, with no polyfill and no imports', async () => {
  // Injected into the page that matched, it must add nothing beyond itself
  // (shared/classic-content-scripts.ts).
  for (const dist of ['dist', 'dist-test']) {
    const scripts = path.join(repoRoot, dist, 'content-scripts');
    const text = await readFile(path.join(scripts, 'keyword-prompt.js'), 'utf8');
    expect(text.startsWith('(function(')).toBe(true);
    expect(text).not.toMatch(/\bimport\s*[({"'`]|\bexport\s/);
    expect(text).not.toContain('webextension-polyfill');
    expect(text).not.toContain('browser-polyfill');
    expect(text.length).toBeLessThan(12_000);
    expect(await readdir(scripts)).not.toContain('keyword-watch.js');
  }
});
