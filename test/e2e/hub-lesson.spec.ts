// The whole path, as a school runs it. A real hub (hub/server/main.ts with its demo school); a
// pupil's Chromium with the extension, pointed at the hub by managed policy the way Google Admin
// sets it; a teacher's Chromium on the dashboard. The teacher starts a focus lesson, the
// pupil's browser enforces it and says so, the teacher ends it, and the class list returns. And a
// KS2 pupil's "ask to visit" travels through the device's outbox (the hub down at first) to the
// teacher's inbox, and the answer back to the block page.
import path from 'node:path';
import { startFixtureServer, type FixtureServer } from './support/fixture-server';
import { expectBlocked, readEnforcement } from './support/extension';
import { ENROLMENT_TOKEN, startHub, type HubProcess } from './support/hub-process';
import { launchBrowser, repoRoot, type Launched } from './support/launch';
import { writePolicyFile } from './support/policy-file';
import { logInToDashboard } from './support/dashboard-login';
import { expect, test } from '@playwright/test';

const PUPIL = 'ava.demo@demo.school';
const KS2_PUPIL = 'dev.demo@demo.school';

let hub: HubProcess;
let removePolicy: (() => Promise<void>) | undefined;
let server: FixtureServer;
let pupil: Launched;
let teacher: Launched;

test.beforeEach(async () => {
  hub = await startHub();
  server = await startFixtureServer();
  removePolicy = await writePolicyFile('safe-class-hub-e2e', {
    keyStage: 'ks1',
    ks1Sites: ['www.topmarks.co.uk'],
    // The pupil's browser maps every host to the fixture server, except localhost.
    hubUrl: hub.url.replace('127.0.0.1', 'localhost'),
    enrolmentToken: ENROLMENT_TOKEN,
  });
  // The e2e build (dist-test/) lets the test name the pupil: a headless browser can't sign in.
  pupil = await launchBrowser({
    serverPort: server.port,
    distDir: path.join(repoRoot, 'dist-test'),
  });
  teacher = await launchBrowser({ serverPort: Number(new URL(hub.url).port), extension: false });
});

test.afterEach(async () => {
  await removePolicy?.();
  await pupil?.close();
  await teacher?.close();
  await server?.close();
  await hub?.stop();
});

test('a focus lesson started in the dashboard is enforced by the pupil, then the class list returns', async () => {
  const worker = pupil.worker;
  if (!worker) throw new Error('The extension did not start.');
  await expect.poll(async () => (await readEnforcement(worker))?.keyStage).toBe('ks1');
  await worker.evaluate((email) => chrome.storage.local.set({ testPupilEmail: email }), PUPIL);

  const dashboard = await teacher.context.newPage();
  await logInToDashboard(dashboard, hub, 'teacher');
  await expect(dashboard.getByRole('heading', { level: 2, name: 'Year 1 Owls' })).toBeVisible();
  const ava = dashboard.getByRole('row', { name: /Ava Demo/ });
  // The pupil's device enrolled and connected: no longer offline.
  await expect(ava).not.toContainText('Offline', { timeout: 20_000 });

  await dashboard.getByLabel('Lesson name').fill('Volcanoes');
  await dashboard.getByLabel('Sites, one a line').fill('volcano.example.org');
  await dashboard.getByLabel('Focus (only these sites)').check();
  await dashboard.getByRole('button', { name: 'Start lesson' }).click();
  await expect(dashboard.getByRole('region', { name: 'Lesson running: Volcanoes' })).toBeVisible();
  // The device confirms only once the lesson's rules are in DNR.
  await expect(ava).toContainText('Enforcing', { timeout: 10_000 });

  const page = await pupil.context.newPage();
  await page.goto('https://volcano.example.org/');
  await expect(page.locator('#fixture')).toHaveText('volcano.example.org /');
  await page.goto('https://www.topmarks.co.uk/');
  await expectBlocked(page, 'https://www.topmarks.co.uk/', 'ks1');

  await dashboard.getByRole('button', { name: 'End lesson' }).click();
  await expect(dashboard.getByRole('region', { name: /Lesson running/ })).toHaveCount(0);
  await expect(ava).toContainText('Enforcing', { timeout: 10_000 });
  await page.goto('https://www.topmarks.co.uk/');
  await expect(page.locator('#fixture')).toHaveText('www.topmarks.co.uk /');
  await page.goto('https://volcano.example.org/');
  await expectBlocked(page, 'https://volcano.example.org/', 'ks1');
  expect(server.requestsTo((r) => r.host === 'volcano.example.org' && r.path === '/')).toHaveLength(
    1,
  );
});

test('a KS2 pupil asks to visit, with the hub down at first; the teacher allows it and the block page opens it', async () => {
  // The device's reconnect and outbox back off while the hub is down: up to 32 s apart.
  test.setTimeout(150_000);
  const worker = pupil.worker;
  if (!worker) throw new Error('The extension did not start.');
  await worker.evaluate((email) => chrome.storage.local.set({ testPupilEmail: email }), KS2_PUPIL);

  const dashboard = await teacher.context.newPage();
  await logInToDashboard(dashboard, hub, 'dsl');
  await dashboard.getByRole('link', { name: /Year 5 Kestrels/ }).click();
  const dev = dashboard.getByRole('row', { name: /Dev Demo/ });
  await expect(dev).not.toContainText('Offline', { timeout: 20_000 });
  // The hub's roster says KS2, whatever the device's own policy says (KS1 here).
  await expect.poll(async () => (await readEnforcement(worker))?.keyStage).toBe('ks2');

  // The pupil asks while the hub is down (killed, as in a crash): the request waits on the
  // device, and reaches the teacher once the hub is back.
  await hub.kill();
  const page = await pupil.context.newPage();
  await page.goto('https://www.vikings.example/longships');
  await expectBlocked(page, 'https://www.vikings.example/longships', 'ks2');
  await page.getByRole('button', { name: 'Ask to visit' }).click();
  await page.getByLabel('Why do you need this site?').fill('For our Viking project');
  await page.getByRole('button', { name: 'Send request' }).click();
  await expect(page.getByRole('status').first()).toContainText('saved');
  await hub.restart();

  const inbox = dashboard.getByRole('region', { name: /Requests to visit/ });
  const request = inbox.getByRole('listitem', { name: 'Dev Demo asks to visit' });
  await expect(request).toContainText('https://www.vikings.example/longships', {
    timeout: 60_000,
  });
  await expect(request).toContainText('For our Viking project');
  await request.getByRole('button', { name: 'Allow' }).click();
  await expect(dashboard.getByRole('status').filter({ hasText: 'Allowed.' })).toBeVisible();

  // The block page hears the answer and offers the page; the site now loads.
  const open = page.getByRole('button', { name: 'Open the page' });
  await expect(open).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('Your teacher said yes!')).toBeVisible();
  await expect(open).toBeFocused();
  await open.click();
  await expect(page.locator('#fixture')).toHaveText('www.vikings.example /longships');
  // The teacher sees the site the pupil is on, as its domain only.
  await expect(dev).toContainText('www.vikings.example', { timeout: 10_000 });
  expect(server.requestsTo('www.vikings.example')).toHaveLength(1);
});
