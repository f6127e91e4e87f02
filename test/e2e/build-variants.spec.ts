// The e2e variant of the extension (dist-test/, `vite build --mode test`) may name a pupil in
// storage because a headless test browser can't sign in to Google. This proves the production
// build in dist/ carries no trace of that hook.
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
