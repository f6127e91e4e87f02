// Ask-to-download through a real classroom hub, as a school runs it: the pupil's Chromium (the
// hub named by managed policy) holds a song, the pupil asks, the request travels through the
// device's outbox to the teacher's inbox on the dashboard, the teacher allows it once, and the
// pupil's download page offers Download, which fetches the file once.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { readEnforcement } from './support/extension';
import { html, startFixtureServer, type FixtureServer } from './support/fixture-server';
import { ENROLMENT_TOKEN, startHub, type HubProcess } from './support/hub-process';
import { launchBrowser, repoRoot, type Launched } from './support/launch';
import { writePolicyFile } from './support/policy-file';
import { logInToDashboard } from './support/dashboard-login';

const SITE = 'music.example.org';
const KS2_PUPIL = 'dev.demo@demo.school';

let hub: HubProcess;
let server: FixtureServer;
let removePolicy: (() => Promise<void>) | undefined;
let pupil: Launched;
let teacher: Launched;
let downloadsDir: string;

test.beforeEach(async () => {
  hub = await startHub();
  server = await startFixtureServer();
  server.route(SITE, '/', {
    body: html('Songs', '<h1>Songs</h1><a id="song" href="/songs/song.mp3">A song</a>'),
  });
  server.route(SITE, '/songs/song.mp3', {
    body: 'ID3 not really a song',
    type: 'audio/mpeg',
    headers: { 'Content-Disposition': 'attachment; filename="song.mp3"' },
  });
  removePolicy = await writePolicyFile('safe-class-downloads-e2e', {
    keyStage: 'ks2',
    ks2Sites: [SITE],
    hubUrl: hub.url.replace('127.0.0.1', 'localhost'),
    enrolmentToken: ENROLMENT_TOKEN,
  });
  downloadsDir = await mkdtemp(path.join(tmpdir(), 'safe-class-downloads-'));
  // The e2e build lets the test name the pupil: a headless browser can't sign in.
  pupil = await launchBrowser({
    serverPort: server.port,
    distDir: path.join(repoRoot, 'dist-test'),
    downloadsDir,
  });
  teacher = await launchBrowser({ serverPort: Number(new URL(hub.url).port), extension: false });
});

test.afterEach(async () => {
  await removePolicy?.();
  await pupil?.close();
  await teacher?.close();
  await server?.close();
  await hub?.stop();
  await rm(downloadsDir, { recursive: true, force: true });
});

test('a song waits for the teacher’s yes in the dashboard, then downloads once', async () => {
  const worker = pupil.worker;
  if (!worker) throw new Error('The extension did not start.');
  await worker.evaluate((email) => chrome.storage.local.set({ testPupilEmail: email }), KS2_PUPIL);

  const dashboard = await teacher.context.newPage();
  await logInToDashboard(dashboard, hub, 'dsl');
  await dashboard.getByRole('link', { name: /Year 5 Kestrels/ }).click();
  await expect(dashboard.getByRole('row', { name: /Dev Demo/ })).not.toContainText('Offline', {
    timeout: 20_000,
  });
  await expect.poll(async () => (await readEnforcement(worker))?.keyStage).toBe('ks2');

  const files = await pupil.context.newPage();
  await files.goto(`https://${SITE}/`);
  const opened = pupil.context.waitForEvent('page');
  await files.click('#song');
  const page = await opened;
  await page.waitForURL(/\/extension\/download\.html/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Ask your teacher before you download this',
  );
  await page.getByRole('button', { name: 'Ask my teacher' }).click();
  await expect(page.getByRole('status')).toContainText('saved');

  const inbox = dashboard.getByRole('region', { name: /Requests to visit or download/ });
  const request = inbox.getByRole('listitem', { name: 'Dev Demo asks to download' });
  await expect(request).toContainText(`song.mp3 from ${SITE}`, { timeout: 30_000 });
  // Once, for this pupil: no "whole class", no "how long".
  await expect(request.getByLabel('The whole class')).toHaveCount(0);
  await expectNoAxeViolations(dashboard);
  await request.getByRole('button', { name: 'Allow once' }).click();
  await expect(
    dashboard.getByRole('status').filter({ hasText: 'can download the file once' }),
  ).toBeVisible();
  await expect(inbox.locator('.answered-list')).toContainText('download allowed once by');

  const download = page.getByRole('button', { name: 'Download' });
  await expect(download).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('status')).toHaveText('Your teacher said yes!');
  const fetchedBefore = server.requestsTo(SITE).filter((r) => r.path.endsWith('.mp3')).length;
  await download.click();
  await expect
    .poll(() =>
      worker.evaluate(async () =>
        (await chrome.downloads.search({ state: 'complete' })).map((item) => item.filename),
      ),
    )
    .toEqual([path.join(downloadsDir, 'song.mp3')]);
  expect(await readdir(downloadsDir)).toEqual(['song.mp3']);
  expect(server.requestsTo(SITE).filter((r) => r.path.endsWith('.mp3'))).toHaveLength(
    fetchedBefore + 1,
  );
  // No site was granted: the hub's grants for the pupil stay empty.
  const grants = await worker.evaluate(async () => {
    const stored = await chrome.storage.local.get('hubState');
    return (stored.hubState as { grants?: unknown[] } | undefined)?.grants ?? [];
  });
  expect(grants).toEqual([]);
});
