// The teacher dashboard in real Chromium against a real hub (hub/server/main.ts on a free port,
// fresh data): login, the class list, the live class view, a focus lesson started and ended,
// pupils' text rendered as text, keyboard use, axe, and the headers the page is served with.
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { apiLogin, connectDevice, type FakeDevice } from './support/hub-clients';
import { startHub, type HubProcess } from './support/hub-process';
import { launchBrowser, type Launched } from './support/launch';

const HOSTILE = '<img src=x onerror=alert(1)>';

test.describe.configure({ mode: 'serial' });

let hub: HubProcess;
let launched: Launched;
let page: Page;
let device: FakeDevice | undefined;
/** Console errors, page errors and dialogs: a CSP violation or an alert() would land here. */
const problems: string[] = [];

test.beforeAll(async () => {
  hub = await startHub();
  // A pupil whose name is markup, added the way a school adds pupils: a roster CSV.
  const teacher = await apiLogin(hub.url, 'teacher', hub.passwords.teacher ?? '');
  const classes = (await (await teacher.call('GET', '/api/classes')).json()) as {
    classes: { id: number; name: string }[];
  };
  const owls = classes.classes.find((item) => item.name === 'Year 1 Owls');
  const csv = `name,email,class\n${HOSTILE},hostile@demo.school,Year 1 Owls\n`;
  const roster = await teacher.call('POST', `/api/classes/${owls?.id}/roster`, csv, 'text/csv');
  expect(await roster.json()).toMatchObject({ added: 1, errorCount: 0 });

  launched = await launchBrowser({ extension: false, serverPort: Number(new URL(hub.url).port) });
  page = await launched.context.newPage();
  page.on('console', (message) => {
    // A 401 (logged out, wrong password) is logged by Chromium as a failed load: expected.
    const text = message.text();
    if (message.type() === 'error' && !text.startsWith('Failed to load resource')) {
      problems.push(text);
    }
  });
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
});

test.afterAll(async () => {
  device?.close();
  await launched?.close();
  await hub?.stop();
});

const pupilRow = (name: string) => page.locator('table.pupils tbody tr', { hasText: name });

test('a wrong password is refused in an alert, and the login page passes axe', async () => {
  await page.goto(hub.url);
  await expect(
    page.getByRole('heading', { name: 'Log in to the teacher dashboard' }),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('Username').fill('teacher');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('alert')).toHaveText('Wrong username or password.');
  await expectNoAxeViolations(page);
});

test('a teacher sees only their own class, with its roster pupils offline', async () => {
  await page.getByLabel('Password').fill(hub.passwords.teacher ?? '');
  await page.getByLabel('Password').press('Enter');
  await expect(page.getByText('Logged in as Ms Demo Teacher (teacher)')).toBeVisible();
  const classes = page.getByRole('navigation', { name: 'Your classes' }).getByRole('link');
  await expect(classes).toHaveCount(1);
  await expect(classes).toContainText('Year 1 Owls');
  await expect(page.getByText('Year 5 Kestrels')).toHaveCount(0);
  // The teacher's only class opens by itself.
  await expect(page.getByRole('heading', { level: 2, name: 'Year 1 Owls' })).toBeVisible();
  for (const name of ['Ava Demo', 'Ben Demo', 'Cara Demo']) {
    await expect(pupilRow(name)).toContainText('Offline');
    await expect(pupilRow(name)).toContainText('Never');
  }
  await expect(page.getByText('Live', { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('a pupil name that is markup is shown as text', async () => {
  const row = pupilRow(HOSTILE);
  await expect(row.getByRole('rowheader')).toHaveText(HOSTILE);
  await expect(page.locator('main img')).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('a pupil device shows up live with its status and site', async () => {
  device = await connectDevice(hub.url, 'ava.demo@demo.school', 'e2e-device-ava');
  device.send({ type: 'site', domain: 'www.bbc.co.uk' });
  await expect(pupilRow('Ava Demo')).toContainText('Pending');
  await expect(pupilRow('Ava Demo').locator('td.domain')).toHaveText('www.bbc.co.uk');
  await expect(pupilRow('Ava Demo').locator('time')).toBeVisible();
});

test('the hub’s reasons for a bad lesson are shown as they are', async () => {
  await page.getByLabel('Lesson name').fill('Phonics');
  await page
    .getByLabel('Sites, one a line')
    .fill('www.phonicsplay.co.uk\n\nhttp://user@bad.example/');
  await page.getByRole('button', { name: 'Start lesson' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    "sites item 2: 'http://user@bad.example/' contains a username or password",
  );
  // Blank lines went, so "item 2" is line 2 of what the teacher now sees.
  await expect(page.getByLabel('Sites, one a line')).toHaveValue(
    'www.phonicsplay.co.uk\nhttp://user@bad.example/',
  );
});

test('a focus lesson starts from the keyboard and shows as running with its sites', async () => {
  await page.getByLabel('Sites, one a line').fill('www.phonicsplay.co.uk');
  const chip = page.getByRole('button', { name: 'www.topmarks.co.uk' });
  await chip.focus();
  await page.keyboard.press('Space');
  await expect(chip).toHaveAttribute('aria-pressed', 'true');
  expect(
    await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle),
  ).not.toBe('none');
  await expect(page.getByLabel('Focus (only these sites)')).toBeChecked();
  await page.getByLabel('Length').selectOption({ label: '30 minutes' });
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Start lesson' }).focus();
  await page.keyboard.press('Enter');

  const running = page.getByRole('region', { name: 'Lesson running: Phonics' });
  await expect(running).toBeVisible();
  await expect(
    page.getByRole('status').filter({ hasText: 'The lesson has started.' }),
  ).toBeVisible();
  await expect(running).toContainText('Focus: only these sites');
  await expect(running.getByRole('listitem')).toHaveText([
    'www.phonicsplay.co.uk',
    'www.topmarks.co.uk',
  ]);
  const endsAt = await running.locator('time').getAttribute('datetime');
  const minutesLeft = (Date.parse(endsAt ?? '') - Date.now()) / 60_000;
  expect(minutesLeft).toBeGreaterThan(29);
  expect(minutesLeft).toBeLessThanOrEqual(30);
  await expect(page.getByRole('heading', { name: 'Lesson running: Phonics' })).toBeFocused();

  // The device gets the lesson and confirms it: the dashboard shows it enforcing, live.
  const start = await device?.next('lesson.start');
  device?.send({ type: 'lesson.enforcing', lessonId: start?.lesson.id ?? null, policyHash: 'e2e' });
  await expect(pupilRow('Ava Demo')).toContainText('Enforcing');
  await expectNoAxeViolations(page);
});

test('End lesson ends it for the class and brings the builder back', async () => {
  await page.getByRole('button', { name: 'End lesson' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The lesson has ended.' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Start a lesson' })).toBeFocused();
  await expect(page.getByRole('region', { name: /Lesson running/ })).toHaveCount(0);
  await device?.next('lesson.end');
});

test('without the socket, the page polls every 2 s and still updates', async () => {
  await page.routeWebSocket(/\/api\/teacher\/ws$/, (socket) => socket.close());
  await page.reload();
  await expect(page.getByText('Updating every 2 seconds')).toBeVisible();
  device?.send({ type: 'site', domain: 'www.topmarks.co.uk' });
  await expect(pupilRow('Ava Demo').locator('td.domain')).toHaveText('www.topmarks.co.uk');
});

test('a site domain that is markup is shown as text', async () => {
  // The hub passes on only hosts; this proves the page would be safe if one got through.
  await page.route(/\/api\/classes\/\d+\/live$/, async (route) => {
    const response = await route.fetch();
    const view = (await response.json()) as { pupils: { domain: string | null }[] };
    for (const pupil of view.pupils) pupil.domain = HOSTILE;
    await route.fulfill({ response, json: view });
  });
  await expect(pupilRow('Ava Demo').locator('td.domain')).toHaveText(HOSTILE);
  await expect(page.locator('main img')).toHaveCount(0);
  await page.unrouteAll();
  expect(problems).toEqual([]);
});

test('Log out returns to the login form', async () => {
  await page.reload();
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'You have logged out.' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();
});

test('the DSL sees every class', async () => {
  await page.getByLabel('Username').fill('dsl');
  await page.getByLabel('Password').fill(hub.passwords.dsl ?? '');
  await page.getByRole('button', { name: 'Log in' }).click();
  const classes = page.getByRole('navigation', { name: 'All classes' }).getByRole('link');
  await expect(classes).toHaveCount(2);
  await classes.filter({ hasText: 'Year 1 Owls' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Year 1 Owls' })).toBeFocused();
  await expect(pupilRow('Ava Demo')).toContainText('Pending');
});

test('the hub serves the page under a strict CSP, and its assets with long caching', async () => {
  const pageResponse = await fetch(hub.url);
  const csp = pageResponse.headers.get('Content-Security-Policy') ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  expect(pageResponse.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
  expect(pageResponse.headers.get('Cache-Control')).toBe('no-cache');
  const html = await pageResponse.text();
  expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
  const asset = await fetch(hub.url + script);
  expect(asset.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
  expect(asset.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
  const missing = await fetch(`${hub.url}/assets/nope.js`);
  expect(missing.status).toBe(404);
  expect(problems).toEqual([]);
});
