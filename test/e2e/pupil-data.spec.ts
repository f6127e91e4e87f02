// Data protection on School admin, in real Chromium against a real hub: the admin finds a pupil,
// downloads everything held about them as JSON, erases it from the keyboard after a confirm step
// that says what stays (an open flag), sees the erasure in the log, changes a retention period
// with a reason (a bad one named by the hub), and reads the weekly summary. Axe on each step.
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { connectDevice, type FakeDevice } from './support/hub-clients';
import { startHub, type HubProcess } from './support/hub-process';
import { launchBrowser, type Launched } from './support/launch';
import { logInToDashboard } from './support/dashboard-login';

test.describe.configure({ mode: 'serial' });

const FLAG_ID = '7d0c6a52-4b1e-4c3f-9d2a-00000000e2e1';
const REQUEST_ID = '7d0c6a52-4b1e-4c3f-9d2a-00000000e2e2';

let hub: HubProcess;
let launched: Launched;
let page: Page;
let device: FakeDevice;
const problems: string[] = [];

async function deviceCall(path: string, body?: unknown): Promise<Response> {
  return fetch(`${hub.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${device.token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

test.beforeAll(async () => {
  hub = await startHub();
  device = await connectDevice(hub.url, 'ava.demo@demo.school', 'e2e-device-pupil-data');
  const now = new Date().toISOString();
  const flagged = await deviceCall('/api/device/flags', {
    flags: [
      {
        id: FLAG_ID,
        url: 'https://www.example.com/scary',
        title: 'A scary page',
        reason: 'upset',
        note: '',
        source: 'popup',
        createdAt: now,
        screenshot: null,
      },
    ],
  });
  expect(flagged.status).toBe(200);
  const asked = await deviceCall('/api/device/requests', {
    requests: [
      { id: REQUEST_ID, url: 'https://maps.example.org/', reason: 'For geography', createdAt: now },
    ],
  });
  expect(asked.status).toBe(200);

  launched = await launchBrowser({ extension: false, serverPort: Number(new URL(hub.url).port) });
  page = await launched.context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      problems.push(message.text());
    }
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await logInToDashboard(page, hub, 'admin');
  await page.getByRole('link', { name: 'School admin' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'School admin' })).toBeFocused();
});

test.afterAll(async () => {
  device?.close();
  await launched?.close();
  await hub?.stop();
});

const pupilData = () => page.getByRole('region', { name: 'Pupil data' });
const ava = () => pupilData().getByRole('listitem', { name: 'Ava Demo' });

test('the admin finds a pupil and downloads everything held about them as JSON', async () => {
  await pupilData().getByLabel('Pupil’s name or email').fill('a');
  await pupilData().getByRole('button', { name: 'Find pupil' }).click();
  await expect(pupilData().getByRole('alert')).toHaveText(
    'Type at least 2 letters of the name or email.',
  );
  await pupilData().getByLabel('Pupil’s name or email').fill('ava.demo');
  await page.keyboard.press('Enter');
  await expect(ava()).toContainText('ava.demo@demo.school, Year 1 Owls');
  await expect(
    pupilData().getByRole('list', { name: 'Pupils found' }).getByRole('listitem'),
  ).toHaveCount(1);
  await expectNoAxeViolations(page);

  const download = page.waitForEvent('download');
  await ava().getByRole('link', { name: 'Download Ava Demo’s data (JSON)' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toMatch(/^pupil-\d+-data-\d{4}-\d{2}-\d{2}\.json$/);
  const data = JSON.parse(await readFile(await saved.path(), 'utf8')) as {
    pupil: { name: string };
    records: { type: string; rows: { id: string }[] }[];
  };
  expect(data.pupil.name).toBe('Ava Demo');
  const rowsOf = (type: string) => data.records.find((section) => section.type === type)?.rows;
  expect(rowsOf('flags')?.map((row) => row.id)).toEqual([FLAG_ID]);
  expect(rowsOf('visit_requests')?.map((row) => row.id)).toEqual([REQUEST_ID]);
});

test('erasing says first what stays, needs a reason, and goes in the erasure log', async () => {
  await ava().getByRole('button', { name: 'Erase Ava Demo’s data…' }).click();
  const confirm = ava().getByRole('group', { name: 'Erase Ava Demo’s data?' });
  await expect(confirm.getByRole('heading', { name: 'Erase Ava Demo’s data?' })).toBeFocused();
  await expect(confirm).toContainText('Requests to visit or download: 1');
  await expect(confirm).toContainText(
    `Flags ${FLAG_ID}: An open safeguarding case: it stays until the DSL closes it.`,
  );
  await expectNoAxeViolations(page);

  await confirm.getByRole('button', { name: 'Erase for good' }).click();
  await expect(confirm.getByRole('alert')).toHaveText('Give the reason: the erasure log keeps it.');
  await confirm
    .getByLabel('Why (kept in the erasure log; don’t write the pupil’s name)')
    .fill('Left the school in July');
  await page.keyboard.press('Enter');
  await expect(pupilData().getByRole('status')).toHaveText(
    'Ava Demo’s data is erased, except 2 records kept for an open case.',
  );
  await expect(page.getByRole('heading', { level: 3, name: 'Pupil data' })).toBeFocused();
  await expect(ava()).toHaveCount(0);

  const log = page.getByRole('region', { name: 'Erasure log' });
  await expect(log.getByRole('row', { name: /Left the school in July/ })).toContainText(
    'Requests to visit or download: 1',
  );
  await expect(log).toContainText('Demo Admin');
  await expect(log).not.toContainText('Ava');
  await expectNoAxeViolations(page);
  // The device's token no longer opens anything.
  expect((await deviceCall('/api/device/snapshot')).status).toBe(401);
});

test('a retention period is changed with a reason, within the hub’s bounds', async () => {
  const periods = page.getByRole('region', { name: 'How long the hub keeps data' });
  const alerts = periods.getByLabel('Days to keep: Keyword alerts');
  await expect(alerts).toHaveValue('365');
  await alerts.fill('10');
  await periods.getByLabel('Why change them (kept in the change log)').fill('Our policy');
  await periods.getByRole('button', { name: 'Save periods' }).click();
  await expect(periods.getByRole('alert')).toHaveText(
    'days.keyword_alerts: expected a whole number of days from 30 to 2190',
  );
  await alerts.fill('180');
  await periods.getByRole('button', { name: 'Save periods' }).click();
  await expect(periods.getByRole('status')).toHaveText('Saved: 1 periods changed.');
  await expect(alerts).toHaveValue('180');
  await expect(periods.getByRole('row', { name: /Flags/ }).first()).toContainText(
    'An open safeguarding case',
  );
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Change log' }).click();
  await expect(page.locator('table.change-log')).toContainText('Retention period changed');
  await expect(page.locator('table.change-log')).toContainText(
    'Keyword alerts: kept 365 days, now 180 days',
  );
});

test('the weekly summary counts the kept flag, Monday to Sunday, with no names', async () => {
  await page.goto(`${hub.url}/#summary`);
  const week = page.getByRole('region', { name: /^From Monday.* to Sunday/ });
  await expect(week.getByRole('heading', { name: 'Flags: 1' })).toBeVisible();
  // The erased pupil's request is gone; the open flag is still counted.
  await expect(
    week.getByRole('heading', { name: 'Requests to visit or download: 0' }),
  ).toBeVisible();
  await expect(week).not.toContainText('Ava');
  await expect(week).not.toContainText('example');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Previous week' }).click();
  await expect(week.getByRole('heading', { name: 'Flags: 0' })).toBeVisible();
  expect(problems).toEqual([]);
});
