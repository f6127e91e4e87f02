// The options page in real Chromium against the real background: PIN set-up and unlocking,
// list edits and their errors, key stage, export, requests, and an axe audit of each view.
import { readFile } from 'node:fs/promises';
import { readEnforcement } from './support/extension';
import { expectNoAxeViolations } from './support/axe';
import { openOptions, setFirstPin } from './support/options-page';
import { expect, test } from './support/test';

const NAME = 'Ms Patel';
const PIN = '4826';

test('sets the first PIN, locks, refuses a wrong PIN and unlocks with the right one', async ({
  launched,
}) => {
  const page = await launched.context.newPage();
  await openOptions(page, launched.extensionId);
  await expect(page).toHaveTitle('Safe Class settings');
  await expectNoAxeViolations(page);

  // A mismatch is caught on the page, before the slow hash.
  await page.getByLabel('Your name').fill(NAME);
  await page.getByLabel('PIN', { exact: true }).fill(PIN);
  await page.getByLabel('Confirm PIN').fill('4827');
  await page.getByRole('button', { name: 'Set PIN and unlock' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'The two PINs are not the same. Type the same PIN in both boxes.',
  );
  await page.getByLabel('PIN', { exact: true }).fill('12');
  await page.getByRole('button', { name: 'Set PIN and unlock' }).click();
  await expect(page.getByRole('alert')).toHaveText('A PIN is 4 to 12 digits.');

  await setFirstPin(page, NAME, PIN);
  await expect(page.getByText(/^\d+ rules in force, updated /)).toBeVisible({ timeout: 10_000 });
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('heading', { name: 'Unlock Safe Class settings' })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('Settings locked.');
  await expectNoAxeViolations(page);

  await expect(page.getByLabel('Your name')).toHaveValue(NAME);
  await page.getByLabel('PIN', { exact: true }).fill('0000');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert')).toHaveText('That PIN is not right.');

  await page.getByLabel('PIN', { exact: true }).fill(PIN);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByText(`Signed in as ${NAME}`)).toBeVisible();

  // The session token lives only in the page's memory: a reload asks for the PIN again.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Unlock Safe Class settings' })).toBeVisible();
  expect(await page.evaluate(() => localStorage.length)).toBe(0);
});

test('adds sites with a bad line, removes one, and exports the list as CSV', async ({
  launched,
}) => {
  const page = await launched.context.newPage();
  await openOptions(page, launched.extensionId);
  await setFirstPin(page, NAME, PIN);

  const panel = page.getByRole('tabpanel', { name: /KS1 sites/ });
  await expect(panel.getByText('The built-in starter list is in force')).toBeVisible();
  await expect(panel.getByRole('row', { name: /www\.topmarks\.co\.uk/ })).toContainText(
    'Built-in starter list',
  );

  await panel
    .getByLabel('Add sites, one per line')
    .fill('www.example.org\nbbc co uk\nhttps://kids.example.com/maths/\n');
  await panel.getByRole('button', { name: 'Add', exact: true }).click();

  await expect(panel.getByRole('status').filter({ hasText: 'Added' })).toHaveText(
    'Added 2. 0 were already on the list. Lines not added: 1 (listed below).',
  );
  const notAdded = panel.getByRole('region', { name: 'Lines not added' });
  await expect(notAdded.getByRole('listitem')).toHaveText([
    "line 2: 'bbc co uk' is not a web address",
  ]);
  for (const site of ['www.example.org', 'kids.example.com/maths/']) {
    const row = panel.getByRole('row', { name: new RegExp(site.replaceAll('.', '\\.')) });
    await expect(row).toContainText('Added on this device');
    await expect(row).toContainText(NAME);
  }
  // The list now has entries of its own, so the starter list has stepped aside.
  await expect(panel.getByText('The built-in starter list is in force')).toHaveCount(0);
  await expect(panel.getByRole('row', { name: /www\.topmarks\.co\.uk/ })).toHaveCount(0);

  await panel.getByRole('button', { name: 'Remove www.example.org' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Removed' })).toHaveText(
    'Removed www.example.org.',
  );
  await expect(panel.getByRole('row', { name: /www\.example\.org/ })).toHaveCount(0);
  await expect(panel.getByRole('row', { name: /kids\.example\.com/ })).toHaveCount(1);

  const downloading = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Export as CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('safe-class-ks1-sites.csv');
  const csv = await readFile(await download.path(), 'utf8');
  const lines = csv.trimEnd().split('\r\n');
  expect(lines[0]).toBe('site,source,added_by,added_at');
  expect(lines).toHaveLength(2);
  expect(lines[1]).toMatch(/^kids\.example\.com\/maths\/,local,Ms Patel,\d{4}-\d\d-\d\dT/);

  await expectNoAxeViolations(page);
});

test('switches the key stage, and the rules follow', async ({ launched }) => {
  const page = await launched.context.newPage();
  await openOptions(page, launched.extensionId);
  await setFirstPin(page, NAME, PIN);

  const ks1 = page.getByRole('radio', { name: 'KS1 (ages 5 to 7)' });
  const ks2 = page.getByRole('radio', { name: 'KS2 (ages 7 to 11)' });
  await expect(ks1).toBeChecked();
  await expect(page.getByText('KS1, the strictest, is used until you choose one')).toBeVisible();
  const before = await readEnforcement(launched.worker);

  await ks2.check();
  await expect(page.getByRole('status').filter({ hasText: 'Key stage' })).toHaveText(
    'Key stage set to KS2.',
  );
  await expect(ks2).toBeChecked();
  await expect(page.getByText('KS1, the strictest, is used until you choose one')).toHaveCount(0);
  const after = await readEnforcement(launched.worker);
  expect(after?.keyStage).toBe('ks2');
  expect(after?.policyHash).not.toBe(before?.policyHash);
  await expect(page.getByText(/^\d+ rules in force, updated /)).toBeVisible();

  // Keyboard only: arrow keys move the choice within the group, as in any radio group.
  await ks2.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('status').filter({ hasText: 'Key stage' })).toHaveText(
    'Key stage set to KS1.',
  );
  await expect(ks1).toBeChecked();
});

test('list tabs work from the keyboard', async ({ launched }) => {
  const page = await launched.context.newPage();
  await openOptions(page, launched.extensionId);
  await setFirstPin(page, NAME, PIN);

  const ks1Tab = page.getByRole('tab', { name: /KS1 sites/ });
  await expect(ks1Tab).toHaveAttribute('aria-selected', 'true');
  await ks1Tab.focus();
  await page.keyboard.press('ArrowRight');
  const ks2Tab = page.getByRole('tab', { name: /KS2 sites/ });
  await expect(ks2Tab).toBeFocused();
  await expect(ks2Tab).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel', { name: /KS2 sites/ })).toBeVisible();
  await expect(page.getByRole('tabpanel', { name: /KS1 sites/ })).toBeHidden();
  await page.keyboard.press('End');
  await expect(page.getByRole('tab', { name: /Image sources/ })).toBeFocused();
  await expect(page.getByRole('tabpanel', { name: /Image sources/ })).toContainText(
    'images.nasa.gov',
  );
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('tab', { name: /Always blocked/ })).toBeFocused();
  await expect(page.getByRole('tabpanel', { name: /Always blocked/ })).toContainText(
    'No sites on this list.',
  );
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(ks1Tab).toBeFocused();
});

test("a pupil's request can be allowed for the class or denied", async ({ launched }) => {
  // Requests arrive from the extension's pupil pages; make two the way the block page does.
  const pupilPage = await launched.context.newPage();
  await pupilPage.goto(`chrome-extension://${launched.extensionId}/extension/blocked.html`);
  for (const [url, reason] of [
    ['https://www.nasa.gov/moon/', 'Our space topic'],
    ['https://games.example.net/', ''],
  ]) {
    await pupilPage.evaluate(
      async (body) => chrome.runtime.sendMessage({ name: 'pupil.askToVisit', body }),
      { url, reason },
    );
  }
  await pupilPage.close();

  const page = await launched.context.newPage();
  await openOptions(page, launched.extensionId);
  await setFirstPin(page, NAME, PIN);

  const requests = page.getByRole('region', { name: 'Requests to visit' });
  const moon = requests.getByRole('row', { name: /nasa\.gov/ });
  await expect(moon).toContainText('Our space topic');
  await expect(moon).toContainText('Waiting');
  const games = requests.getByRole('row', { name: /games\.example\.net/ });
  await expect(games).toContainText('No reason given');

  await moon.getByRole('button', { name: 'Allow for the class' }).click();
  await expect(moon).toContainText(`Allowed by ${NAME}`);
  await expect(moon.getByRole('button')).toHaveCount(0);
  const ks1 = page.getByRole('tabpanel', { name: /KS1 sites/ });
  await expect(ks1.getByRole('row', { name: /www\.nasa\.gov/ })).toContainText('Teacher approval');

  await games.getByRole('button', { name: 'Deny' }).click();
  await expect(games).toContainText(`Denied by ${NAME}`);
  await expect(ks1).not.toContainText('games.example.net');
  await expectNoAxeViolations(page);
});

test('changes the PIN', async ({ launched }) => {
  const page = await launched.context.newPage();
  await openOptions(page, launched.extensionId);
  await setFirstPin(page, NAME, PIN);

  const form = page.getByRole('region', { name: 'Change the teacher PIN' });
  await form.getByLabel('Current PIN').fill('1111');
  await form.getByLabel('New PIN', { exact: true }).fill('99887766');
  await form.getByLabel('Confirm new PIN').fill('99887766');
  await form.getByRole('button', { name: 'Change PIN' }).click();
  await expect(form.getByRole('alert')).toHaveText('The current PIN is not right.');
  await form.getByLabel('Current PIN').fill(PIN);
  await form.getByLabel('New PIN', { exact: true }).fill('99887766');
  await form.getByLabel('Confirm new PIN').fill('99887766');
  await form.getByRole('button', { name: 'Change PIN' }).click();
  await expect(form.getByRole('status')).toHaveText('The teacher PIN has been changed.');

  await page.getByRole('button', { name: 'Lock' }).click();
  await page.getByLabel('PIN', { exact: true }).fill(PIN);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert')).toHaveText('That PIN is not right.');
  await page.getByLabel('PIN', { exact: true }).fill('99887766');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByText(`Signed in as ${NAME}`)).toBeVisible();
});

test('an ended session returns to the unlock form with the reason', async ({ launched }) => {
  const page = await launched.context.newPage();
  await openOptions(page, launched.extensionId);
  await setFirstPin(page, NAME, PIN);

  // The settings must have loaded first: a session cleared while they load sends the page
  // back to the unlock form before there is anything to press.
  const checkAgain = page.getByRole('button', { name: 'Check again' });
  await expect(checkAgain).toBeVisible();
  // What the browser does on restart, and what the 30-minute expiry amounts to.
  await launched.worker.evaluate(() => chrome.storage.session.clear());
  await checkAgain.click();

  await expect(page.getByRole('heading', { name: 'Unlock Safe Class settings' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveText(
    'Your session has ended. Enter the teacher PIN again.',
  );
  await expect(page.getByRole('heading', { name: 'Unlock Safe Class settings' })).toBeFocused();
});
