// Flags on the teacher dashboard in real Chromium against a real hub, with a simulated pupil
// device: a flag arrives live with a banner (the title is markup, shown as text), the pupil's
// "what happened" fills it in, the teacher records what they did, escalates another, the DSL
// closes it, and the incident log, the governors' summary and the keyword list each work and
// pass axe. The pupil's side in a real browser is flag-it.spec.ts.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import type { FlagUpload } from '../../shared/flag';
import { expectNoAxeViolations } from './support/axe';
import { connectDevice, type FakeDevice } from './support/hub-clients';
import { startHub, type HubProcess } from './support/hub-process';
import { launchBrowser, type Launched } from './support/launch';

const HOSTILE = '<img src=x onerror=alert(1)>';

test.describe.configure({ mode: 'serial' });

let hub: HubProcess;
let launched: Launched;
let page: Page;
let device: FakeDevice;
const problems: string[] = [];

async function sendFlag(flag: Partial<FlagUpload> & { id: string }): Promise<void> {
  const body: FlagUpload = {
    url: 'https://www.example.com/page',
    title: 'A page',
    reason: null,
    note: '',
    source: 'popup',
    createdAt: new Date().toISOString(),
    screenshot: null,
    ...flag,
  };
  const response = await fetch(`${hub.url}/api/device/flags`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${device.token}` },
    body: JSON.stringify({ flags: [body] }),
  });
  expect(await response.json()).toEqual({ stored: [flag.id], conflicts: [] });
}

async function logIn(username: 'teacher' | 'dsl'): Promise<void> {
  await page.goto(hub.url);
  const logOut = page.getByRole('button', { name: 'Log out' });
  // The page first asks the hub whether a login is open: wait for its answer either way.
  await expect(logOut.or(page.getByLabel('Username'))).toBeVisible();
  if (await logOut.isVisible()) await logOut.click();
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(hub.passwords[username] ?? '');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Flags' })).toBeVisible();
}

test.beforeAll(async () => {
  hub = await startHub();
  device = await connectDevice(hub.url, 'ava.demo@demo.school', 'e2e-device-flags');
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
  await logIn('teacher');
});

test.afterAll(async () => {
  device?.close();
  await launched?.close();
  await hub?.stop();
});

const flags = () => page.getByRole('region', { name: /^Flags/ });
const flagItem = () => flags().getByRole('listitem', { name: 'Ava Demo flagged a page' });

test('no flags: the panel says so, and the page passes axe', async () => {
  await expect(flags()).toContainText('No flag is waiting.');
  await expect(page.getByRole('button', { name: 'Flag sound: on' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expectNoAxeViolations(page);
});

test('a flag arrives live with an alert, its title shown as text', async () => {
  const id = randomUUID();
  await sendFlag({ id, title: HOSTILE, url: `https://www.example.com/?q=${HOSTILE}` });
  await expect(
    page.getByRole('alert').filter({ hasText: 'New flag from Ava Demo.' }),
  ).toBeVisible();
  await expect(flagItem()).toContainText(HOSTILE);
  await expect(flagItem()).toContainText('Not said (yet)');
  await expect(page.locator('main img')).toHaveCount(0);
  await expectNoAxeViolations(page);

  // The pupil then says what happened: the same flag fills in, no second one appears.
  await sendFlag({ id, title: HOSTILE, reason: 'contact', note: 'they asked where I live' });
  await expect(flagItem()).toContainText('Someone asked to meet them or for their details');
  await expect(flagItem()).toContainText('they asked where I live');
  await expect(flags().getByRole('listitem')).toHaveCount(1);
  expect(problems).toEqual([]);
});

test('Show flags takes the keyboard to the panel; the sound can be muted', async () => {
  await page.getByRole('button', { name: 'Show flags' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Flags' })).toBeFocused();
  await expect(page.getByRole('alert').filter({ hasText: 'New flag' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Flag sound: on' }).click();
  await expect(page.getByRole('button', { name: 'Flag sound: off' })).toHaveAttribute(
    'aria-pressed',
    'false',
  );
  await page.reload();
  await expect(page.getByRole('button', { name: 'Flag sound: off' })).toBeVisible();
});

test('the teacher records what they did, and escalates another flag to the DSL', async () => {
  const item = flagItem();
  await item.getByRole('button', { name: 'Record what I did' }).click();
  await expect(item.getByRole('alert')).toHaveText('Say what you did: the incident log keeps it.');
  await item
    .getByRole('textbox', { name: 'What did you do?' })
    .fill('Closed the page with Ava and talked it through');
  await item.getByRole('button', { name: 'Record what I did' }).click();
  await expect(flags()).toContainText('No flag is waiting.');

  await sendFlag({ id: randomUUID(), title: 'Chat page', reason: 'unkind', source: 'block-page' });
  await expect(flagItem()).toContainText('Someone was unkind');
  await flagItem()
    .getByRole('textbox', { name: 'Note for the DSL (optional)' })
    .fill('Second time this week');
  await flagItem().getByRole('button', { name: 'Escalate to the DSL' }).click();
  await expect(flags()).toContainText('No flag is waiting.');
  await expectNoAxeViolations(page);
});

test('the incident log shows each flag with what was done and by whom', async () => {
  await page.getByRole('link', { name: 'Incident log' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Incident log' })).toBeFocused();
  const rows = page.locator('table.incidents tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('Someone was unkind');
  await expect(rows.nth(0)).toContainText('Ms Demo Teacher escalated it to the DSL');
  await expect(rows.nth(0)).toContainText('With the DSL');
  await expect(rows.nth(1)).toContainText(HOSTILE);
  await expect(rows.nth(1)).toContainText('Ms Demo Teacher recorded what they did');
  await expect(rows.nth(1)).toContainText('Ava Demo (Year 1 Owls), with the Flag It button');
  // Teachers don't get the whole school's export, alerts or keyword list.
  await expect(page.getByRole('link', { name: /Download the incident log/ })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'School keyword list' })).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test('the DSL sees the escalated flag, closes it, and has the export and the keyword list', async () => {
  await logIn('dsl');
  const item = flagItem();
  await expect(item).toContainText('Escalated to the DSL by Ms Demo Teacher');
  await item
    .getByRole('textbox', { name: 'What did you do?' })
    .fill('Spoke to parents; logged on CPOMS');
  await item.getByRole('button', { name: 'Close the incident' }).click();
  await expect(flags()).toContainText('No flag is waiting.');

  await page.getByRole('link', { name: 'Incident log' }).click();
  await expect(page.locator('table.incidents')).toContainText('Mr Demo Safeguarding closed it');
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download the incident log (CSV)' }).click();
  const csv = await readFile((await (await download).path()) ?? '', 'utf8');
  expect(csv).toContain('Spoke to parents; logged on CPOMS');
  // A title that starts like a formula can't run in a spreadsheet; this one is markup, as text.
  expect(csv).toContain(HOSTILE);

  const keywords = page.getByRole('region', { name: 'School keyword list' });
  await keywords.getByLabel('Keywords, one a line').fill('self harm\nrun away from home');
  await keywords.getByRole('button', { name: 'Save keywords' }).click();
  await expect(keywords.getByRole('status')).toHaveText(
    'Saved 2 keywords. Pupils’ devices get them at once.',
  );
  await device.waitFor(
    (message) =>
      message.type === 'snapshot' && message.snapshot.keywords.includes('run away from home'),
  );
  await expectNoAxeViolations(page);
  expect(problems).toEqual([]);
});

test('the governors’ summary shows counts only, and prints', async () => {
  await page.getByRole('link', { name: 'Printable summary for governors' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Safeguarding summary' })).toBeVisible();
  await expect(page.getByText('Flags: 2')).toBeVisible();
  const result = page.getByRole('region', { name: /^From / });
  await expect(result.getByRole('table', { name: 'By what happened' })).toContainText(
    'Someone was unkind',
  );
  await expect(result).not.toContainText('Ava Demo');
  await expect(result).not.toContainText('example.com');
  await expectNoAxeViolations(page);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('header.top')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
});
