// The block page as a pupil meets it: readable without the worker, usable by keyboard alone,
// and free of accessibility violations in every state it can show.
import { html } from './support/fixture-server';
import { applyPolicy, expectBlocked } from './support/extension';
import { stopExtensionWorkers } from './support/launch';
import { expectNoAxeViolations } from './support/axe';
import { openOptions, setFirstPin } from './support/options-page';
import { expect, test } from './support/test';

test('KS1 block page: pictures, large buttons, no violations, and Go back returns', async ({
  launched,
  server,
}) => {
  await applyPolicy(launched.worker, { keyStage: 'ks1', ks1: ['www.topmarks.co.uk'] });
  server.route('www.topmarks.co.uk', '/start', {
    body: html('Start', '<a id="out" href="https://elsewhere.example/">out</a>'),
  });
  const page = await launched.context.newPage();
  await page.goto('https://www.topmarks.co.uk/start');
  await page.click('#out');
  await expectBlocked(page, 'https://elsewhere.example/', 'ks1');
  await expectNoAxeViolations(page);

  // Large targets: at least 64 CSS pixels high for small hands.
  for (const name of ['Go back', 'Ask my teacher']) {
    const box = await page.getByRole('button', { name }).boundingBox();
    expect(box?.height).toBeGreaterThanOrEqual(64);
  }

  await page.getByRole('button', { name: 'Ask my teacher' }).click();
  await expect(page.getByRole('status')).toHaveText('Put your hand up. Your teacher will help.');
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Go back' }).click();
  await expect(page).toHaveURL('https://www.topmarks.co.uk/start');
});

test('KS2 block page works by keyboard alone and passes axe in each state', async ({
  launched,
}) => {
  await applyPolicy(launched.worker, { keyStage: 'ks2', ks2: ['www.topmarks.co.uk'] });
  const page = await launched.context.newPage();
  await page.goto('https://www.youtube.com/watch?v=abc');
  await expectBlocked(page, 'https://www.youtube.com/watch?v=abc', 'ks2');
  await expectNoAxeViolations(page);

  // Go back, then Ask to visit, in tab order.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Go back' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Ask to visit' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expectNoAxeViolations(page);
  await page.getByLabel('Why do you need this site?').focus();
  await page.keyboard.type('A video for our Viking project');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Send request' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toContainText('saved on this Chromebook');
  await expectNoAxeViolations(page);
});

test('the block page renders while the worker is stopped, and shows the address as text', async ({
  launched,
}) => {
  await applyPolicy(launched.worker, { keyStage: 'ks2', ks2: ['www.topmarks.co.uk'] });
  await stopExtensionWorkers(launched.context, launched.extensionId);
  const page = await launched.context.newPage();
  const hostile = 'https://evil.example/<img src=x onerror=alert(1)>';
  await page.goto(hostile);
  await expect(page.getByRole('heading')).toHaveText("This site isn't on your class's list");
  // The address is shown as text: no element was made from it.
  await expect(page.locator('img')).toHaveCount(0);
  await expect(page.locator('main .address')).toContainText(
    'evil.example/<img src=x onerror=alert(1)>',
  );
});

test('the block page shows the teacher’s answer as it arrives, and passes axe in each', async ({
  launched,
  server,
}) => {
  await applyPolicy(launched.worker, { keyStage: 'ks2', ks2: ['www.topmarks.co.uk'] });
  const denied = await launched.context.newPage();
  await denied.goto('https://games.example.net/play');
  await expectBlocked(denied, 'https://games.example.net/play', 'ks2');
  await denied.getByRole('button', { name: 'Ask to visit' }).click();
  await denied.getByRole('button', { name: 'Send request' }).click();
  const allowed = await launched.context.newPage();
  await allowed.goto('https://www.ducksters.example/history');
  await allowed.getByRole('button', { name: 'Ask to visit' }).click();
  await allowed.getByLabel('Why do you need this site?').fill('Tudors homework');
  await allowed.getByRole('button', { name: 'Send request' }).click();
  await expect(allowed.getByRole('status')).toContainText('saved');

  // A teacher answers on this Chromebook's options page (no hub here).
  const options = await launched.context.newPage();
  await openOptions(options, launched.extensionId);
  await setFirstPin(options, 'Mr Jones', '2468');
  const requests = options.getByRole('region', { name: 'Requests to visit' });
  await requests
    .getByRole('row', { name: /games\.example\.net/ })
    .getByRole('button', { name: 'Deny' })
    .click();
  await requests
    .getByRole('row', { name: /ducksters\.example/ })
    .getByRole('button', { name: /Allow/ })
    .first()
    .click();

  await expect(denied.getByRole('status')).toHaveText('Your teacher said not this time.');
  await expect(denied.getByRole('button', { name: 'Open the page' })).toHaveCount(0);
  await expectNoAxeViolations(denied);
  await expect(allowed.getByRole('status')).toHaveText('Your teacher said yes!');
  const open = allowed.getByRole('button', { name: 'Open the page' });
  await expect(open).toBeFocused();
  await expectNoAxeViolations(allowed);
  // A reload still knows the answer (the page remembers its request for this address).
  await allowed.reload();
  await expect(allowed.getByRole('status')).toHaveText('Your teacher said yes!');
  await allowed.getByRole('button', { name: 'Open the page' }).click();
  await expect(allowed.locator('#fixture')).toHaveText('www.ducksters.example /history');
  expect(server.requestsTo('games.example.net')).toHaveLength(0);
});

test('the toolbar popup: one big Flag It button with focus, the shortcut, and no violations', async ({
  launched,
}) => {
  const popup = await launched.context.newPage();
  await popup.goto(`chrome-extension://${launched.extensionId}/extension/popup.html`);
  await expect(popup.getByRole('heading', { name: 'Did something upset you?' })).toBeVisible();
  const flag = popup.getByRole('button', { name: 'Flag It' });
  await expect(flag).toBeFocused();
  const box = await flag.boundingBox();
  expect(box?.height).toBeGreaterThanOrEqual(64);
  await expect(popup.getByText('Or press Alt+Shift+F')).toBeVisible();
  await expectNoAxeViolations(popup);
});
