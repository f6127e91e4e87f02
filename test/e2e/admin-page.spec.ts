// School admin in real Chromium against a real hub: a change request approved (and the device
// sent the site at once), a site added and removed with reasons, a class added with a roster CSV
// that has a bad line, a member of staff added who can then log in, and the change log with its
// CSV download. Axe on each part; keyboard for the approval.
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import type { Snapshot } from '../../shared/hub-protocol';
import { expectNoAxeViolations } from './support/axe';
import { apiLogin, connectDevice, type FakeDevice } from './support/hub-clients';
import { startHub, type HubProcess } from './support/hub-process';
import { launchBrowser, type Launched } from './support/launch';
import { logInToDashboard } from './support/dashboard-login';

test.describe.configure({ mode: 'serial' });

let hub: HubProcess;
let launched: Launched;
let page: Page;
let device: FakeDevice;
const problems: string[] = [];

test.beforeAll(async () => {
  hub = await startHub();
  device = await connectDevice(hub.url, 'dev.demo@demo.school', 'e2e-device-admin');
  const teacher = await apiLogin(hub.url, 'teacher', hub.passwords.teacher ?? '');
  const asked = await teacher.call(
    'POST',
    '/api/change-requests',
    JSON.stringify({ site: 'www.nasa.example', keyStage: 'ks2', reason: 'Space topic' }),
  );
  expect(asked.status).toBe(201);

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

const section = (name: string | RegExp) => page.getByRole('region', { name });

test('the admin page passes axe with a change request waiting', async () => {
  await expect(
    section(/Changes to the school list/).getByRole('listitem', {
      name: 'Add www.nasa.example to the Key stage 2 list?',
    }),
  ).toContainText('Space topic');
  await expectNoAxeViolations(page);
});

test('approving from the keyboard puts the site on every KS2 device at once', async () => {
  const item = section(/Changes to the school list/).getByRole('listitem', {
    name: 'Add www.nasa.example to the Key stage 2 list?',
  });
  await item.getByLabel('Note for the log (optional)').fill('Agreed with the head');
  await page.keyboard.press('Tab');
  await expect(item.getByRole('button', { name: 'Approve and add' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('status').filter({ hasText: 'www.nasa.example is on the school list now.' }),
  ).toBeVisible();
  await expect(section(/Changes to the school list/)).toContainText(
    'www.nasa.example (Key stage 2): approved by Demo Admin',
  );
  await expect(section('Sites the hub adds to the school lists')).toContainText('Space topic');
  const sent = await device.waitFor(
    (message) =>
      message.type === 'snapshot' && message.snapshot.schoolSites.includes('www.nasa.example'),
  );
  expect((sent as { snapshot: Snapshot }).snapshot.keyStage).toBe('ks2');
});

test('a site is added and removed, each with its reason', async () => {
  const sites = section('Sites the hub adds to the school lists');
  await sites.getByLabel('Site', { exact: true }).fill('http://user@bad.example/');
  await sites.getByLabel('Why (kept in the change log)').fill('testing');
  await sites.getByRole('button', { name: 'Add site' }).click();
  await expect(sites.getByRole('alert')).toContainText('contains a username or password');
  await sites.getByLabel('Site', { exact: true }).fill('=www.oxfordowl.example');
  await sites.getByLabel('Key stage', { exact: true }).selectOption('ks1');
  await sites.getByRole('button', { name: 'Add site' }).click();
  await expect(sites.getByRole('row', { name: /www\.oxfordowl\.example/ })).toBeVisible();

  await sites.getByRole('button', { name: 'Remove =www.oxfordowl.example' }).click();
  await sites.getByRole('button', { name: 'Remove it' }).click();
  await expect(sites.getByRole('alert')).toHaveText('Give the reason: the change log keeps it.');
  await sites.getByLabel('Why remove =www.oxfordowl.example?').fill('Added by mistake');
  await sites.getByRole('button', { name: 'Remove it' }).click();
  await expect(sites.getByRole('row', { name: /www\.oxfordowl\.example/ })).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test('a new class takes a roster CSV, and a bad line is named by its number', async () => {
  const classes = section('Classes and rosters');
  await classes.getByLabel('Class name').fill('Year 3 Robins');
  await classes.getByLabel('Key stage', { exact: true }).selectOption('ks2');
  await classes.getByLabel('Teacher').selectOption({ label: 'Ms Demo Teacher' });
  await classes.getByRole('button', { name: 'Add class' }).click();
  await expect(classes.getByRole('row', { name: /Year 3 Robins/ })).toBeVisible();

  const csv =
    'name,email,class\nRia Robin,ria@demo.school,Year 3 Robins\nNo Email,bob@,Year 3 Robins\n';
  await classes.getByLabel('Import a roster CSV for Year 3 Robins').setInputFiles({
    name: 'robins.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv),
  });
  await expect(classes.getByRole('alert').first()).toContainText(
    'Year 3 Robins: 1 added, 0 updated, 0 unchanged, 1 lines with problems.',
  );
  await expect(
    classes.getByRole('list', { name: 'Lines with problems in the Year 3 Robins roster' }),
  ).toContainText('line 3');
  await expect(classes.getByRole('row', { name: /Year 3 Robins/ })).toContainText('1');
  await expectNoAxeViolations(page);
});

test('a member of staff is added and can log in', async () => {
  const staff = section('Staff');
  await staff.getByLabel('Name', { exact: true }).fill('Mr New Teacher');
  await staff.getByLabel('Username').fill('newteacher');
  await staff.getByLabel('First password').fill('short');
  await staff.getByRole('button', { name: 'Add staff member' }).click();
  await expect(staff.getByRole('alert')).toContainText('password');
  await staff.getByLabel('First password').fill('a-long-first-password');
  await staff.getByRole('button', { name: 'Add staff member' }).click();
  await expect(staff.getByRole('row', { name: /Mr New Teacher/ })).toContainText('newteacher');
  const login = await apiLogin(hub.url, 'newteacher', 'a-long-first-password');
  expect((await login.call('GET', '/api/classes')).status).toBe(200);
  await expectNoAxeViolations(page);
});

test('the change log lists every change and downloads as CSV', async () => {
  await page.getByRole('link', { name: 'Change log' }).click();
  const log = page.locator('table.change-log');
  await expect(log).toContainText('List change approved');
  await expect(log).toContainText('Agreed with the head');
  await expect(log).toContainText('Site removed from the school list');
  await expect(log).toContainText('Added by mistake');
  await expectNoAxeViolations(page);
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download the whole log (CSV)' }).click();
  const file = await (await download).path();
  const text = await readFile(file, 'utf8');
  expect(text).toContain('change.approved');
  expect(text).toContain('Space topic');
  expect(problems).toEqual([]);
});
