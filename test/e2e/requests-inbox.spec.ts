// The requests inbox in real Chromium against a real hub: a pupil's device uploads "ask to
// visit" requests (one with markup for a reason), the teacher sees them arrive live, answers
// one from the keyboard, and the device is sent a snapshot that holds the grant. Axe throughout.
import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import type { Snapshot } from '../../shared/hub-protocol';
import { expectNoAxeViolations } from './support/axe';
import { connectDevice, type FakeDevice } from './support/hub-clients';
import { startHub, type HubProcess } from './support/hub-process';
import { launchBrowser, type Launched } from './support/launch';
import { logInToDashboard } from './support/dashboard-login';

const HOSTILE = '<img src=x onerror=alert(1)>';

test.describe.configure({ mode: 'serial' });

let hub: HubProcess;
let launched: Launched;
let page: Page;
let device: FakeDevice;
const problems: string[] = [];

async function ask(url: string, reason: string): Promise<string> {
  const id = randomUUID();
  const response = await fetch(`${hub.url}/api/device/requests`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${device.token}` },
    body: JSON.stringify({ requests: [{ id, url, reason, createdAt: new Date().toISOString() }] }),
  });
  expect(await response.json()).toEqual({ stored: [id], conflicts: [] });
  return id;
}

test.beforeAll(async () => {
  hub = await startHub();
  device = await connectDevice(hub.url, 'ava.demo@demo.school', 'e2e-device-requests');
  launched = await launchBrowser({ extension: false, serverPort: Number(new URL(hub.url).port) });
  page = await launched.context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      problems.push(message.text());
    }
  });
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await logInToDashboard(page, hub, 'teacher');
  await expect(page.getByRole('heading', { level: 2, name: 'Year 1 Owls' })).toBeVisible();
  await expect(page.getByText('Live', { exact: true })).toBeVisible();
});

test.afterAll(async () => {
  device?.close();
  await launched?.close();
  await hub?.stop();
});

const inbox = () => page.getByRole('region', { name: /Requests to visit/ });
const request = (name: RegExp | string) => inbox().getByRole('listitem', { name });

test('an empty inbox says so and passes axe', async () => {
  await expect(inbox().getByText('No pupil is waiting for an answer.')).toBeVisible();
  await expectNoAxeViolations(page);
});

test('a request arrives live, its reason and address shown as text', async () => {
  await ask(`https://www.example.com/${encodeURIComponent(HOSTILE)}`, HOSTILE);
  const item = request('Ava Demo asks to visit');
  await expect(item).toBeVisible();
  await expect(item.locator('.request-reason')).toHaveText(`Why: ${HOSTILE}`);
  await expect(item.locator('.request-url')).toContainText('https://www.example.com/');
  await expect(inbox().locator('h3 .count')).toHaveText('1');
  await expect(page.locator('main img')).toHaveCount(0);
  // No lesson runs, so "this lesson" can't be chosen and "today" is.
  await expect(item.getByLabel('This lesson (no lesson is running)')).toBeDisabled();
  await expect(item.getByLabel('The rest of today')).toBeChecked();
  await expectNoAxeViolations(page);
  expect(problems).toEqual([]);
});

test('Deny answers it, and it moves to Answered', async () => {
  await ask('https://www.denied.example/', 'for homework');
  const item = request('Ava Demo asks to visit').filter({ hasText: 'www.denied.example' });
  await item.getByRole('button', { name: 'Deny' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Denied.' })).toBeVisible();
  await expect(item).toHaveCount(0);
  await expect(inbox().locator('.answered-list')).toContainText('www.denied.example');
  await expect(inbox().locator('.answered-list')).toContainText('denied by Ms Demo Teacher');
});

test('allowing from the keyboard sends the device a snapshot with the grant', async () => {
  const item = request('Ava Demo asks to visit');
  await expect(item).toHaveCount(1);
  await item.getByLabel('Ava Demo only').focus();
  await page.keyboard.press('ArrowDown');
  await expect(item.getByLabel('The whole class')).toBeChecked();
  await item.getByRole('button', { name: 'Allow' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Allowed.' })).toBeVisible();
  await expect(inbox().getByText('No pupil is waiting for an answer.')).toBeVisible();
  await expect(inbox().locator('.answered-list')).toContainText(
    'allowed for the class today by Ms Demo Teacher',
  );
  const message = await device.waitFor(
    (sent) => sent.type === 'snapshot' && sent.snapshot.grants.length > 0,
  );
  const snapshot = (message as { snapshot: Snapshot }).snapshot;
  expect(snapshot.grants).toEqual([expect.objectContaining({ site: '=www.example.com' })]);
  expect(Date.parse(snapshot.grants[0]?.until ?? '')).toBeGreaterThan(Date.now());
  expect(snapshot.answers.map((answer) => answer.status).sort()).toEqual(['allowed', 'denied']);
  await expectNoAxeViolations(page);
  expect(problems).toEqual([]);
});

test('a teacher asks for a site to be added for good, and the change log shows it', async () => {
  await ask('https://www.ordnancesurvey.example/maps', 'maps for geography');
  const item = request('Ava Demo asks to visit');
  await item.getByRole('button', { name: 'Ask to add it to the school list for good' }).click();
  await item.getByRole('button', { name: 'Send to the admin' }).click();
  await expect(item.getByRole('alert')).toHaveText('Give the reason: the change log keeps it.');
  await item
    .getByLabel('Why should every Key stage 1 pupil have it?')
    .fill('Every geography lesson');
  await item.getByRole('button', { name: 'Send to the admin' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Sent: the admin decides' }),
  ).toBeVisible();
  // The pupil still needs an answer today: the request stays in the inbox.
  await expect(item).toHaveCount(1);

  await page.getByRole('link', { name: 'Change log' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Change log' })).toBeFocused();
  const rows = page.locator('table.change-log tbody tr');
  await expect(rows.first()).toContainText('List change asked for');
  await expect(rows.first()).toContainText('=www.ordnancesurvey.example');
  await expect(rows.first()).toContainText('Every geography lesson');
  await expect(page.locator('table.change-log')).toContainText('Visit allowed');
  await expect(page.locator('table.change-log')).toContainText(HOSTILE);
  // A teacher reads the log; only the admin and the DSL download all of it.
  await expect(page.getByRole('link', { name: /Download the whole log/ })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'School admin' })).toHaveCount(0);
  await expect(page.locator('main img')).toHaveCount(0);
  await expectNoAxeViolations(page);
  expect(problems).toEqual([]);
});
