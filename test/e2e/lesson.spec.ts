// A lesson on the device: enforced once stored, and over on the device's own clock. The hub
// that pushes lessons is tested end to end separately; here the worker is given a lesson the
// way its hub client stores one.
import { applyPolicy, expectBlocked, readEnforcement } from './support/extension';
import { expect, test } from './support/test';

test('a focus lesson replaces the list while it runs and ends by itself, offline', async ({
  launched,
}) => {
  await applyPolicy(launched.worker, { keyStage: 'ks2', ks2: ['scratch.mit.edu'] });
  const before = (await readEnforcement(launched.worker))?.policyHash;
  const endsAt = new Date(Date.now() + 6_000).toISOString();
  await launched.worker.evaluate(async (end) => {
    await chrome.storage.local.set({
      lesson: {
        id: '6f1c2b1e-2a4b-4c3d-9e8f-0a1b2c3d4e5f',
        name: 'Volcanoes',
        mode: 'focus',
        sites: ['volcano.example.org'],
        startsAt: new Date(Date.now() - 1_000).toISOString(),
        endsAt: end,
        teacher: 'Ms Khan',
      },
    });
  }, endsAt);
  await expect
    .poll(async () => (await readEnforcement(launched.worker))?.policyHash)
    .not.toBe(before);

  const page = await launched.context.newPage();
  await page.goto('https://volcano.example.org/');
  await expect(page.locator('#fixture')).toHaveText('volcano.example.org /');
  await page.goto('https://scratch.mit.edu/');
  await expectBlocked(page, 'https://scratch.mit.edu/', 'ks2');

  // No hub and no teacher: the device's alarm ends the lesson and the class list returns.
  await expect
    .poll(async () => (await readEnforcement(launched.worker))?.policyHash, { timeout: 20_000 })
    .toBe(before);
  await page.goto('https://scratch.mit.edu/');
  await expect(page.locator('#fixture')).toHaveText('scratch.mit.edu /');
  await page.goto('https://volcano.example.org/');
  await expectBlocked(page, 'https://volcano.example.org/', 'ks2');
});
