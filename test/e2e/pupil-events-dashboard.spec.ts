// "Prompts & downloads" on the teacher dashboard in real Chromium against a real hub: records of
// Zip It, Block It, copyright and download moments arrive from simulated pupils' devices through
// the device API (as the outbox sends them), reach the open class live, and read as one line of
// counts per pupil, those needing a look first, with the types, sites and each record on demand,
// by keyboard, over the dates the teacher chooses; every state passes axe. The pupil's side in a
// real browser is each prompt's own spec.
import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import type { PupilEventUpload } from '../../shared/pupil-event';
import { expectNoAxeViolations } from './support/axe';
import { connectDevice, type FakeDevice } from './support/hub-clients';
import { startHub, type HubProcess } from './support/hub-process';
import { launchBrowser, type Launched } from './support/launch';
import { logInToDashboard } from './support/dashboard-login';

test.describe.configure({ mode: 'serial' });

let hub: HubProcess;
let launched: Launched;
let page: Page;
let ava: FakeDevice;
let ben: FakeDevice;
const problems: string[] = [];

type NewRecord = Omit<PupilEventUpload, 'id' | 'createdAt'>;

/** Uploads records as the device's outbox does; returns them as sent, for a retry. */
async function upload(device: FakeDevice, events: (PupilEventUpload | NewRecord)[]) {
  const sent = events.map((event) =>
    'id' in event ? event : { ...event, id: randomUUID(), createdAt: new Date().toISOString() },
  );
  const response = await fetch(`${hub.url}/api/device/pupil-events`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${device.token}` },
    body: JSON.stringify({ events: sent }),
  });
  expect(await response.json()).toEqual({ stored: sent.map((event) => event.id), conflicts: [] });
  return sent;
}

const panel = () => page.getByRole('region', { name: 'Prompts & downloads' });
const pupils = () => panel().getByRole('list', { name: 'Records per pupil' }).getByRole('listitem');

test.beforeAll(async () => {
  hub = await startHub();
  ava = await connectDevice(hub.url, 'ava.demo@demo.school', 'e2e-device-records-ava');
  ben = await connectDevice(hub.url, 'ben.demo@demo.school', 'e2e-device-records-ben');
  launched = await launchBrowser({ extension: false, serverPort: Number(new URL(hub.url).port) });
  page = await launched.context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      problems.push(message.text());
    }
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await logInToDashboard(page, hub, 'teacher');
  // The teacher's one class opens by itself; records then come over the live socket.
  await expect(page.getByRole('heading', { level: 2, name: 'Year 1 Owls' })).toBeVisible();
  await expect(page.getByText('Live', { exact: true })).toBeVisible();
});

test.afterAll(async () => {
  ava?.close();
  ben?.close();
  await launched?.close();
  await hub?.stop();
});

test('no records yet: the panel says so for today, and the page passes axe', async () => {
  await expect(panel()).toContainText('No records for these dates.');
  const today = await page.evaluate(() => {
    const now = new Date();
    const two = (n: number) => String(n).padStart(2, '0');
    return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
  });
  await expect(panel().getByLabel('From')).toHaveValue(today);
  await expect(panel().getByLabel('To')).toHaveValue(today);
  await expectNoAxeViolations(page);
});

test('records arrive live, grouped per pupil, what needs a look first', async () => {
  const avas = await upload(ava, [
    { kind: 'zip-it', detail: 'postcode', outcome: 'kept-private', site: 'chat.example.com' },
    { kind: 'zip-it', detail: 'postcode', outcome: 'kept-private', site: 'chat.example.com' },
    { kind: 'zip-it', detail: 'phone', outcome: 'kept-private', site: 'games.example.org' },
    { kind: 'copyright', detail: 'image', outcome: 'reminded', site: 'pics.example.com' },
  ]);
  await upload(ben, [
    { kind: 'zip-it', detail: 'email', outcome: 'teacher-said-ok', site: 'forms.example.com' },
    {
      kind: 'download',
      detail: 'program',
      outcome: 'blocked',
      site: 'free-games.example.net',
      fileType: '.exe',
    },
    {
      kind: 'block-it',
      detail: 'link',
      outcome: 'flagged',
      site: 'chat.example.com',
      target: 'prizes.example.net',
    },
  ]);

  // No reload: the hub's nudge reads them again.
  await expect(pupils()).toHaveCount(2);
  await expect(panel()).toContainText('Today: 7 records from 2 pupils. 3 need a look.');
  await expect(pupils().nth(0)).toContainText('Ben Demo');
  await expect(pupils().nth(0)).toContainText('Needs a look: 3');
  await expect(pupils().nth(0)).toContainText('Zip It: 1 teacher said OK');
  await expect(pupils().nth(0)).toContainText('Block It: 1 flagged');
  await expect(pupils().nth(0)).toContainText('Downloads: 1 blocked');
  await expect(pupils().nth(1)).toContainText('Ava Demo');
  await expect(pupils().nth(1)).toContainText('Zip It: 3 kept private');
  await expect(pupils().nth(1)).toContainText('Copyright: 1 reminded');
  await expect(pupils().nth(1)).not.toContainText('Needs a look');
  const totals = panel().getByRole('table', { name: 'Records by kind for the whole class' });
  await expect(totals.getByRole('row', { name: /^Zip It/ })).toContainText(
    '3 kept private, 1 teacher said OK',
  );

  // A retry of records the hub holds (the outbox's resend) counts nothing twice.
  await upload(ava, avas);
  await expect(panel().getByRole('button', { name: 'Refresh' })).toBeVisible();
  await panel().getByRole('button', { name: 'Refresh' }).click();
  await expect(panel()).toContainText('Today: 7 records from 2 pupils.');
  await expectNoAxeViolations(page);
  expect(problems).toEqual([]);
});

test('a pupil opens by keyboard onto the types, sites and each record', async () => {
  const benLine = pupils().nth(0);
  await benLine.locator('summary').focus();
  await page.keyboard.press('Enter');
  const groups = benLine.getByRole('table', { name: 'Ben Demo: records by type' });
  await expect(groups).toBeVisible();
  const rows = groups.locator('tbody tr');
  await expect(rows).toHaveCount(3);
  // The three that need a look, marked in words.
  await expect(rows.nth(0)).toContainText('Zip It: email address');
  await expect(rows.nth(0)).toContainText('teacher said OK');
  await expect(rows.nth(0)).toContainText('Needs a look');
  await expect(rows.nth(0)).toContainText('forms.example.com');
  await expect(groups.getByRole('row', { name: /Block It: link/ })).toContainText(
    'Link led to:prizes.example.net',
  );
  await expect(groups.getByRole('row', { name: /Downloads: program/ })).toContainText(
    'File types:.exe',
  );

  const each = benLine.getByRole('button', { name: 'Show each record' });
  await each.focus();
  await page.keyboard.press('Enter');
  const list = benLine.getByRole('list', { name: 'Each record for Ben Demo, newest first' });
  await expect(list.getByRole('listitem')).toHaveCount(3);
  await expect(list).toContainText('Block It, link: flagged');
  await expect(list).toContainText('prizes.example.net');
  await expect(benLine.getByRole('button', { name: 'Hide each record' })).toHaveAttribute(
    'aria-expanded',
    'true',
  );
  await expectNoAxeViolations(page);

  // Another record arrives while the list is open: it joins both, live.
  await upload(ben, [
    { kind: 'download', detail: 'media', outcome: 'held', site: 'music.example.com' },
  ]);
  await expect(benLine).toContainText('Needs a look: 4');
  await expect(list.getByRole('listitem')).toHaveCount(4);
  await expect(list.getByRole('listitem').first()).toContainText('Downloads, audio or video');
});

test('other dates: an earlier day has none, and today comes back', async () => {
  const yesterday = await page.evaluate(() => {
    const then = new Date();
    then.setDate(then.getDate() - 1);
    const two = (n: number) => String(n).padStart(2, '0');
    return `${then.getFullYear()}-${two(then.getMonth() + 1)}-${two(then.getDate())}`;
  });
  const today = await panel().getByLabel('To').inputValue();
  await panel().getByLabel('From').fill(yesterday);
  await panel().getByLabel('To').fill(yesterday);
  await panel().getByRole('button', { name: 'Show' }).click();
  await expect(panel()).toContainText('No records for these dates.');

  // A range the hub refuses is said in words, and what was shown stays.
  await panel().getByLabel('From').fill(today);
  await panel().getByRole('button', { name: 'Show' }).click();
  await expect(panel().getByRole('alert')).toHaveText('to: expected a time after from');

  await panel().getByLabel('To').fill(today);
  await panel().getByLabel('From').fill(yesterday);
  await panel().getByRole('button', { name: 'Show' }).click();
  await expect(pupils()).toHaveCount(2);
  await expect(panel()).toContainText('8 records from 2 pupils.');
  await expect(panel().getByRole('alert')).toHaveCount(0);
  await expectNoAxeViolations(page);
  expect(problems).toEqual([]);
});
