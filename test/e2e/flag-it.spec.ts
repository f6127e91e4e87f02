// Flag It, the whole path, as a school runs it: a real hub with its demo school, a pupil's
// Chromium with the extension pointed at the hub by a Chromium policy file, and a teacher's
// Chromium on the dashboard. A pupil flags a page (from the "Are you OK?" prompt a school
// keyword raises, and from a block page); the page is replaced at once and muted; the teacher
// sees it live; and a flag made while the hub is down, or with the service worker stopped
// before it could be sent, still arrives once, when the hub is back.
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { html, startFixtureServer, type FixtureServer } from './support/fixture-server';
import { apiLogin } from './support/hub-clients';
import { ENROLMENT_TOKEN, startHub, type HubProcess } from './support/hub-process';
import { launchBrowser, repoRoot, stopExtensionWorkers, type Launched } from './support/launch';
import { writePolicyFile } from './support/policy-file';
import { logInToDashboard } from './support/dashboard-login';

const PUPIL = 'ava.demo@demo.school';

let hub: HubProcess;
let removePolicy: (() => Promise<void>) | undefined;
let server: FixtureServer;
let pupil: Launched;
let teacher: Launched;
let dashboard: Page;

test.beforeEach(async () => {
  hub = await startHub();
  server = await startFixtureServer();
  removePolicy = await writePolicyFile('safe-class-flag-e2e', {
    keyStage: 'ks1',
    ks1Sites: ['www.topmarks.co.uk'],
    hubUrl: hub.url.replace('127.0.0.1', 'localhost'),
    enrolmentToken: ENROLMENT_TOKEN,
  });
  pupil = await launchBrowser({
    serverPort: server.port,
    distDir: path.join(repoRoot, 'dist-test'),
  });
  teacher = await launchBrowser({ serverPort: Number(new URL(hub.url).port), extension: false });
  const worker = pupil.worker;
  if (!worker) throw new Error('The extension did not start.');
  await worker.evaluate((email) => chrome.storage.local.set({ testPupilEmail: email }), PUPIL);

  dashboard = await teacher.context.newPage();
  await logInToDashboard(dashboard, hub, 'teacher');
  const ava = dashboard.getByRole('row', { name: /Ava Demo/ });
  await expect(ava).not.toContainText('Offline', { timeout: 20_000 });
});

test.afterEach(async () => {
  await removePolicy?.();
  await pupil?.close();
  await teacher?.close();
  await server?.close();
  await hub?.stop();
});

const flagItems = () =>
  dashboard.getByRole('region', { name: /^Flags/ }).getByRole('listitem', {
    name: 'Ava Demo flagged a page',
  });

/**
 * The "Are you OK?" prompts on a page. Its closed shadow root hides it from locators, not from
 * the accessibility tree a screen reader reads.
 */
async function keywordPrompts(page: Page): Promise<number> {
  const session = await page.context().newCDPSession(page);
  try {
    const { nodes } = await session.send('Accessibility.getFullAXTree');
    return nodes.filter(
      (node) => node.role?.value === 'dialog' && node.name?.value === 'Are you OK?',
    ).length;
  } finally {
    await session.detach();
  }
}

/** The DSL's keyword alerts at the hub: the keyword and the address, never the page. */
async function keywordAlerts(): Promise<string[]> {
  const dsl = await apiLogin(hub.url, 'dsl', hub.passwords.dsl ?? '');
  const alerts = (await (await dsl.call('GET', '/api/keyword-alerts')).json()) as {
    alerts: { keyword: string; url: string }[];
  };
  return alerts.alerts.map((alert) => `${alert.keyword} ${alert.url}`);
}

async function flagFromBlockPage(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('button', { name: 'Go back' })).toBeVisible();
  await page.getByRole('button', { name: 'Flag It' }).click();
  await expect(page).toHaveURL(/\/extension\/flag\.html/);
}

test('a school keyword raises "Are you OK?"; Flag It hides the page, mutes it, and the teacher sees it live', async () => {
  server.route('www.topmarks.co.uk', '/chat', {
    body: html(
      'I want to self harm - Chat',
      '<p>Chat</p><audio src="/sound.wav" autoplay loop></audio>',
    ),
  });
  const page = await pupil.context.newPage();
  await page.goto('https://www.topmarks.co.uk/chat');
  // The prompt is in a closed shadow root: a pupil reaches it by keyboard, as focus moves there.
  await page.waitForTimeout(500);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/extension\/flag\.html/, { timeout: 10_000 });
  await expect(page.getByRole('status').first()).toContainText('Your teacher knows.');
  const tabMuted = await pupil.worker?.evaluate(async () => {
    const [tab] = await chrome.tabs.query({
      url: chrome.runtime.getURL('extension/flag.html') + '*',
    });
    return tab?.mutedInfo?.muted ?? null;
  });
  expect(tabMuted).toBe(true);
  // Back never returns to the page that upset them.
  await page.goBack().catch(() => undefined);
  await expect(page).not.toHaveURL('https://www.topmarks.co.uk/chat');
  await page.goForward().catch(() => undefined);

  // The teacher's dashboard: a banner, then the flag with what happened once the pupil says.
  await expect(
    dashboard.getByRole('alert').filter({ hasText: 'New flag from Ava Demo.' }),
  ).toBeVisible();
  await expect(flagItems()).toContainText('I want to self harm - Chat');
  await expect(flagItems()).toContainText('the “Are you OK?” prompt');
  await expect(page).toHaveURL(/\/extension\/flag\.html/);
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Upset' }).click();
  await expect(page.getByRole('status').first()).toContainText('Thank you. Your teacher knows.');
  await expect(flagItems()).toContainText('Something upset them');
  await expectNoAxeViolations(page);

  // The DSL's keyword alert holds the keyword and the address, never the page.
  await expect.poll(keywordAlerts).toEqual(['self harm https://www.topmarks.co.uk/chat']);
  // The worker did the watching: no page loads a keyword-watch content script.
  const scripts = await pupil.worker?.evaluate(async () =>
    (await chrome.scripting.getRegisteredContentScripts()).map((script) => script.id),
  );
  expect(scripts).toContain('prompts');
  expect(scripts).not.toContain('keyword-watch');
});

test('a single-page app that changes its title to a school keyword raises "Are you OK?" once', async () => {
  server.route('www.topmarks.co.uk', '/spa', {
    body: html(
      'Chat',
      `<p>Chat</p><script>addEventListener('load', () => setTimeout(() => {
        document.title = 'Can anyone help? I self harm - Chat';
      }, 300));</script>`,
    ),
  });
  const page = await pupil.context.newPage();
  await page.goto('https://www.topmarks.co.uk/spa');
  await expect.poll(() => keywordPrompts(page), { timeout: 10_000 }).toBe(1);
  await expect.poll(keywordAlerts).toEqual(['self harm https://www.topmarks.co.uk/spa']);

  // The same title again, and the prompt's file injected into the page a second time: still
  // one prompt and one alert.
  await page.evaluate(() => {
    document.title = 'Chat';
    setTimeout(() => (document.title = 'Can anyone help? I self harm - Chat'), 100);
  });
  await pupil.worker?.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ url: 'https://www.topmarks.co.uk/spa' });
    await chrome.scripting.executeScript({
      target: { tabId: tab?.id ?? -1, frameIds: [0] },
      files: ['content-scripts/keyword-prompt.js'],
    });
  });
  await page.waitForTimeout(1_000);
  expect(await keywordPrompts(page)).toBe(1);
  expect(await keywordAlerts()).toEqual(['self harm https://www.topmarks.co.uk/spa']);
});

test('a flag made while the hub is down, then the worker stopped, arrives once when the hub is back', async () => {
  test.setTimeout(180_000);
  await hub.kill();
  const page = await pupil.context.newPage();
  await flagFromBlockPage(page, 'https://www.chatroom.example/room');
  // Stored on the device: the screen may say so, though the hub is down.
  await expect(page.getByRole('status').first()).toContainText('Your teacher knows.');
  await page.getByRole('button', { name: 'Unkind' }).click();
  await expect(page.getByRole('status').first()).toContainText('Thank you.');
  if (!pupil.extensionId) throw new Error('No extension id');
  await stopExtensionWorkers(pupil.context, pupil.extensionId);
  await hub.restart();

  // Only the worker's own alarms can wake it now: its outbox retry or the hub watchdog.
  await expect(flagItems()).toContainText('www.chatroom.example/room', { timeout: 150_000 });
  await expect(flagItems()).toContainText('Someone was unkind');
  await expect(flagItems()).toContainText('Flag It on a block page');
  await expect(flagItems()).toHaveCount(1);
  const dsl = await apiLogin(hub.url, 'dsl', hub.passwords.dsl ?? '');
  const listed = (await (await dsl.call('GET', '/api/flags?status=all')).json()) as {
    flags: unknown[];
  };
  expect(listed.flags).toHaveLength(1);
  expect(server.requestsTo('www.chatroom.example')).toHaveLength(0);
});

test('a flag made while the hub is down survives the browser restarting, and arrives once', async () => {
  test.setTimeout(120_000);
  await hub.kill();
  const page = await pupil.context.newPage();
  await flagFromBlockPage(page, 'https://www.games.example/lobby');
  await expect(page.getByRole('status').first()).toContainText('Your teacher knows.');
  // The browser closes (the Chromebook shuts its lid), keeping its profile, then starts again.
  await pupil.context.close();
  await hub.restart();
  pupil = await launchBrowser({
    serverPort: server.port,
    distDir: path.join(repoRoot, 'dist-test'),
    userDataDir: pupil.userDataDir,
  });
  await expect(flagItems()).toContainText('www.games.example/lobby', { timeout: 90_000 });
  await expect(flagItems()).toHaveCount(1);
});
