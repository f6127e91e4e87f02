// The copyright reminders and the piracy category in real Chromium: copying more than the
// school's limit of words from a page shows "Remember to say where you found it" with the right
// citation (and the copy itself still happens); a short copy, or a copy of the pupil's own
// writing, shows nothing; dragging an image or opening its menu shows a short reminder; and a
// piracy site lands on the block page with its reason, with no request reaching it, even when
// the school's list allows it.
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { formatVisitDate } from '../../shared/citation';
import { expectNoAxeViolations } from './support/axe';
import { readPrompt, pressPromptButton, waitForPrompt } from './support/closed-shadow';
import { applyPolicy, BLOCK_PAGE } from './support/extension';
import { html, type FixtureServer } from './support/fixture-server';
import { launchBrowser } from './support/launch';
import { writePolicyFile } from './support/policy-file';
import { storedPupilEvents, waitForPromptsScript } from './support/prompts-ready';
import { expect, test } from './support/test';

const ARTICLE = 'https://kids.example.org/owls';
const SENTENCE = 'Barn owls hunt at night and can hear a mouse moving under deep snow. ';

function articlePage(server: FixtureServer): void {
  server.route('kids.example.org', '/owls', {
    body: html(
      'Owls of Britain',
      `<meta property="og:site_name" content="Kids Encyclopaedia">
       <main>
         <h1>Owls of Britain</h1>
         <p id="long">${SENTENCE.repeat(8)}</p>
         <p id="more">${SENTENCE.repeat(4)}</p>
         <p id="short">Owls are birds.</p>
         <img id="photo" alt="A barn owl" width="120" height="80"
           src="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='120' height='80'%3E%3Crect width='120' height='80' fill='%23a97'/%3E%3C/svg%3E">
         <div id="drop" style="width:200px;height:100px;border:1px solid #999">Drop here</div>
         <label for="notes">My notes</label>
         <textarea id="notes"></textarea>
       </main>`,
    ),
  });
}

/** The school's list for these tests, and the clipboard a pupil's own copy would use. */
async function setUp(launched: { worker: Worker; context: BrowserContext }): Promise<void> {
  await applyPolicy(launched.worker, {
    keyStage: 'ks2',
    ks2: ['kids.example.org', 'www.topmarks.co.uk', 'thepiratebay.org', 'y2mate.com'],
  });
  await launched.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: 'https://kids.example.org',
  });
}

/** Opens the article in a new tab once the prompts script is listening. */
async function openArticle(
  launched: { context: BrowserContext; extensionId: string | null },
  server: FixtureServer,
): Promise<Page> {
  articlePage(server);
  const page = await launched.context.newPage();
  await page.goto(ARTICLE);
  await waitForPromptsScript(page, launched.extensionId ?? '');
  return page;
}

/** Selects the element's text, as dragging across it would. */
async function selectAll(page: Page, selector: string): Promise<void> {
  await page.evaluate((target) => {
    const range = document.createRange();
    range.selectNodeContents(document.querySelector(target) as HTMLElement);
    document.getSelection()?.removeAllRanges();
    document.getSelection()?.addRange(range);
  }, selector);
}

const copyRecords = async (worker: Parameters<typeof storedPupilEvents>[0]) =>
  (await storedPupilEvents(worker)).filter((event) => event.kind === 'copyright');

test('copying a long passage shows the reminder with a citation to copy; the copy itself happens', async ({
  launched,
  server,
}) => {
  await setUp(launched);
  const page = await openArticle(launched, server);
  // The whole page, as a pupil does it: Ctrl+A, Ctrl+C.
  await page.click('#long');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+C');

  const prompt = await waitForPrompt(page);
  expect(prompt.title).toBe('Remember to say where you found it');
  expect(prompt.text).toContain('If you use them, say where you found them.');
  expect(prompt.buttons).toEqual(['Copy citation', 'OK']);
  // The pupil's copy went through untouched.
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(
    'Barn owls hunt at night',
  );
  await expectNoAxeViolations(page);

  await pressPromptButton(page, 'Copy citation');
  await expect
    .poll(async () => (await readPrompt(page))?.text)
    .toContain('Copied. You can paste it into your work.');
  const visited = formatVisitDate(new Date());
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    `"Owls of Britain". Kids Encyclopaedia (kids.example.org). ${ARTICLE}. Visited ${visited}.`,
  );
  await pressPromptButton(page, 'OK');
  await expect.poll(() => readPrompt(page)).toBeNull();
  await expect
    .poll(() => copyRecords(launched.worker))
    .toEqual([
      {
        kind: 'copyright',
        detail: 'copied-text',
        outcome: 'citation-copied',
        site: 'kids.example.org',
      },
    ]);
});

test("a short phrase, or the pupil's own writing, shows nothing; a selection over the limit does", async ({
  launched,
  server,
}) => {
  await setUp(launched);
  const page = await openArticle(launched, server);
  // A short phrase from the page.
  await page.click('#short', { clickCount: 3 });
  await page.keyboard.press('Control+C');
  // Their own long notes, in a text box.
  await page.fill('#notes', SENTENCE.repeat(6));
  await page.focus('#notes');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+C');
  // Then a selection of the long paragraph: this one is over the limit.
  await selectAll(page, '#long');
  await page.keyboard.press('Control+C');
  expect((await waitForPrompt(page)).title).toBe('Remember to say where you found it');
  await page.keyboard.press('Escape');
  await expect.poll(() => readPrompt(page)).toBeNull();
  // One reminder: the short copy and the notes made none (each would have been recorded when
  // the next prompt replaced it).
  await expect
    .poll(() => copyRecords(launched.worker))
    .toEqual([expect.objectContaining({ detail: 'copied-text', outcome: 'reminded' })]);
});

test("the limit and the platforms are the school's, from managed policy", async ({ server }) => {
  // Managed policy is read at start-up, so this test starts its own Chromium with the file.
  const removePolicy = await writePolicyFile('safe-class-copyright-e2e', {
    keyStage: 'ks2',
    ks2Sites: ['kids.example.org'],
    copyWordLimit: 150,
    messagingPlatforms: ['gmail', 'scratch'],
  });
  const launched = await launchBrowser({ serverPort: server.port });
  try {
    const worker = launched.worker;
    if (!worker || !launched.extensionId) throw new Error('The extension did not start.');
    await expect
      .poll(() =>
        worker.evaluate(async () => (await chrome.storage.local.get('promptConfig')).promptConfig),
      )
      .toEqual({
        keyStage: 'ks2',
        copyWordLimit: 150,
        messagingPlatforms: ['gmail', 'scratch'],
        // Zip It's part (since Zip It joined the config): nothing set for it here.
        zipIt: { trustedSites: [], signInSites: [], pupilName: null, schoolName: null },
      });
    const page = await openArticle(launched, server);
    // 112 words: under this school's limit.
    await selectAll(page, '#long');
    await page.keyboard.press('Control+C');
    // The whole page is over it.
    await page.click('h1');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Control+C');
    expect((await waitForPrompt(page)).title).toBe('Remember to say where you found it');
    await page.keyboard.press('Escape');
    await expect
      .poll(() => copyRecords(worker))
      .toEqual([expect.objectContaining({ detail: 'copied-text', outcome: 'reminded' })]);
  } finally {
    await launched.close();
    await removePolicy();
  }
});

test('dragging an image or opening its menu shows a short reminder, once each per page', async ({
  launched,
  server,
}) => {
  await setUp(launched);
  const page = await openArticle(launched, server);
  await page.click('#photo', { button: 'right' });
  const prompt = await waitForPrompt(page);
  expect(prompt.title).toBe('Pictures belong to the person who made them');
  expect(prompt.text).toContain('Ask before you use one, and say where it came from.');
  expect(prompt.buttons).toEqual(['OK']);
  await expectNoAxeViolations(page);
  await pressPromptButton(page, 'OK');
  await expect.poll(() => readPrompt(page)).toBeNull();

  // The menu again: no second reminder. A drag: its own, once.
  await page.click('#photo', { button: 'right' });
  await page.dragAndDrop('#photo', '#drop');
  expect((await waitForPrompt(page)).title).toBe('Pictures belong to the person who made them');
  await pressPromptButton(page, 'OK');
  await page.dragAndDrop('#photo', '#drop');
  await page.click('#photo', { button: 'right' });
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve)));
  expect(await readPrompt(page)).toBeNull();
  await expect
    .poll(() => copyRecords(launched.worker))
    .toEqual([
      expect.objectContaining({ detail: 'image', outcome: 'reminded' }),
      expect.objectContaining({ detail: 'image', outcome: 'reminded' }),
    ]);
});

test('a piracy site is blocked with its reason, though the school allowed it, and never reached', async ({
  launched,
  server,
}) => {
  await setUp(launched);
  const page = await launched.context.newPage();
  await page.goto('https://thepiratebay.org/search/owls');
  await expect(page).toHaveURL(BLOCK_PAGE);
  expect(new URL(page.url()).searchParams.get('why')).toBe('piracy');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'This site shares things without asking',
  );
  await expect(page.getByText(/shares films, music or games without asking/)).toBeVisible();
  // Like an always-blocked site: nothing to ask to visit.
  await expect(page.getByRole('button', { name: 'Ask to visit' })).toBeHidden();
  await expectNoAxeViolations(page);

  // A link click from an allowed page, and a stream ripper's subdomain.
  server.route('www.topmarks.co.uk', '/links', {
    body: html('Links', '<a id="ripper" href="https://en.y2mate.com/youtube/abc">MP3</a>'),
  });
  await page.goto('https://www.topmarks.co.uk/links');
  await page.click('#ripper');
  await expect(page).toHaveURL(BLOCK_PAGE);
  expect(new URL(page.url()).searchParams.get('why')).toBe('piracy');
  expect(server.requestsTo('thepiratebay.org')).toHaveLength(0);
  expect(server.requestsTo('en.y2mate.com')).toHaveLength(0);

  // KS1's words.
  await applyPolicy(launched.worker, { keyStage: 'ks1', ks1: ['thepiratebay.org'] });
  await page.goto('https://thepiratebay.org/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    "This site doesn't share fairly",
  );
  await expect(page.getByText(/without asking the people who made them/)).toBeVisible();
  expect(server.requestsTo('thepiratebay.org')).toHaveLength(0);
});
