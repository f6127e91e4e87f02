// The managed policy given the way a school gives it: a Chromium policy file holding the same
// JSON an admin types into Google Admin's "Policy for extensions" box.
import { expectBlocked, readEnforcement } from './support/extension';
import { openOptions, setFirstPin } from './support/options-page';
import { EXTENSION_ID, writePolicyFile } from './support/policy-file';
import { expect, test } from './support/test';

let removePolicy: () => Promise<void>;

test.beforeAll(async () => {
  removePolicy = await writePolicyFile('safe-class-e2e', {
    keyStage: 'ks2',
    ks2Sites: ['bbc.co.uk', 'bbc co uk', 'https://scratch.mit.edu/projects/'],
    alwaysBlockedSites: ['https://www.bbc.co.uk/sport/'],
    teacherPinHash: '1234',
  });
});

test.afterAll(async () => {
  await removePolicy();
});

test('managed policy from a Chromium policy file sets the key stage and lists, and bad fields are reported', async ({
  launched,
  server,
}) => {
  expect(launched.extensionId).toBe(EXTENSION_ID);
  await expect.poll(async () => (await readEnforcement(launched.worker))?.keyStage).toBe('ks2');

  const page = await launched.context.newPage();
  await page.goto('https://www.bbc.co.uk/newsround/');
  await expect(page.locator('#fixture')).toHaveText('www.bbc.co.uk /newsround/');
  await page.goto('https://scratch.mit.edu/projects/123');
  await expect(page.locator('#fixture')).toHaveText('scratch.mit.edu /projects/123');

  await page.goto('https://www.bbc.co.uk/sport/');
  await expectBlocked(page, 'https://www.bbc.co.uk/sport/', 'ks2');
  await page.goto('https://scratch.mit.edu/explore');
  await expectBlocked(page, 'https://scratch.mit.edu/explore', 'ks2');
  expect(server.requestsTo((r) => r.path.startsWith('/sport') || r.path === '/explore')).toEqual(
    [],
  );

  const managed = await launched.worker.evaluate(async () => {
    const stored = await chrome.storage.local.get('managedState');
    return stored.managedState as { errors: string[]; fields: Record<string, unknown> };
  });
  expect(managed.errors).toEqual([
    "ks2Sites item 2: 'bbc co uk' is not a web address",
    'teacherPinHash: not a PIN hash made by `npm run pin-hash`; kept the last good value',
  ]);
  expect(managed.fields.keyStage).toBe('ks2');
  expect(managed.fields.teacherPinHash).toBeUndefined();
});

test('a local key stage cannot override the managed one', async ({ launched }) => {
  await expect.poll(async () => (await readEnforcement(launched.worker))?.keyStage).toBe('ks2');
  await launched.worker.evaluate(async () => {
    const { settings } = await chrome.storage.local.get('settings');
    await chrome.storage.local.set({
      settings: {
        ...(settings as object),
        schemaVersion: 1,
        keyStage: 'ks1',
        lists: { ks1: [], ks2: [], alwaysBlocked: [] },
        pinHash: null,
      },
    });
  });
  const page = await launched.context.newPage();
  await page.goto('https://www.bbc.co.uk/newsround/');
  await expect(page.locator('#fixture')).toHaveText('www.bbc.co.uk /newsround/');
  expect((await readEnforcement(launched.worker))?.keyStage).toBe('ks2');
});

test('the options page shows managed entries locked, the key stage fixed and the policy problems', async ({
  launched,
}) => {
  await expect.poll(async () => (await readEnforcement(launched.worker))?.keyStage).toBe('ks2');
  const page = await launched.context.newPage();
  await openOptions(page, launched.extensionId);
  // The managed PIN hash was refused, so the device has no PIN yet and asks for a first one.
  await setFirstPin(page, 'Ms Khan', '4826');

  await expect(page.getByText("Set by your school's managed policy")).toBeVisible();
  for (const radio of await page.getByRole('radio').all()) await expect(radio).toBeDisabled();

  const problems = page.getByRole('region', { name: "Problems in your school's managed policy" });
  await expect(problems).toContainText("ks2Sites item 2: 'bbc co uk' is not a web address");
  await expect(problems).toContainText('teacherPinHash: not a PIN hash');

  const ks2 = page.getByRole('tabpanel', { name: /KS2 sites/ });
  const row = ks2.getByRole('row', { name: /^bbc\.co\.uk/ });
  await expect(row).toContainText('Managed by school');
  await expect(row).toContainText('Locked: change in Google Admin');
  await expect(row.getByRole('button', { name: 'Remove' })).toHaveCount(0);
});
