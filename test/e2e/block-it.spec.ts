// Block It in real Chromium: a link in a message on an allowed page that leads to a site the
// school hasn't approved is held before anything is loaded, and the pupil sees "Block it!"; an
// approved link in a message, and an ordinary link on the page, are left to the rules; an
// attachment gets its own words; and the listed platforms' pages offer "How to block someone
// here". Real hostnames resolve to the fixture server, which records every request.
import type { BrowserContext, Page } from '@playwright/test';
import { MESSAGING_PLATFORMS } from '../../shared/messaging-platforms';
import { expectNoAxeViolations } from './support/axe';
import { readPrompt, pressPromptButton, waitForPrompt } from './support/closed-shadow';
import { applyPolicy, BLOCK_PAGE } from './support/extension';
import { html, type FixtureServer } from './support/fixture-server';
import { pageButtons, storedPupilEvents, waitForPromptsScript } from './support/prompts-ready';
import { expect, test } from './support/test';

const CHAT = 'https://www.topmarks.co.uk/chat';

function chatPage(server: FixtureServer): void {
  server.route('www.topmarks.co.uk', '/chat', {
    body: html(
      'Class chat',
      `<header><nav><a id="outside-nav" href="https://prizes.example/nav">Prizes</a></nav></header>
       <main>
         <h1>Class chat</h1>
         <ul class="chat-messages">
           <li class="message">Look at this! <a id="outside" href="https://prizes.example/win">Win a prize</a></li>
           <li class="message">Our homework: <a id="approved" href="https://kids.example.org/owls">Owls</a></li>
           <li class="message">Same site: <a id="inside" href="/games">Games</a></li>
           <li class="message">File: <a id="attachment" href="https://files.example/homework.exe">homework.exe</a></li>
           <li class="message">Via a redirect: <a id="wrapped" href="https://www.google.com/url?q=https://prizes.example/wrapped">Click</a></li>
         </ul>
       </main>`,
    ),
  });
}

/** Opens the chat (in a new tab unless given one) once the prompts script is listening. */
async function openChat(
  launched: { context: BrowserContext; extensionId: string },
  server: FixtureServer,
  page?: Page,
): Promise<Page> {
  chatPage(server);
  const tab = page ?? (await launched.context.newPage());
  await tab.goto(CHAT);
  await waitForPromptsScript(tab, launched.extensionId);
  return tab;
}

test.beforeEach(async ({ launched }) => {
  await applyPolicy(launched.worker, {
    keyStage: 'ks2',
    ks2: ['www.topmarks.co.uk', 'kids.example.org', 'scratch.mit.edu', 'padlet.com'],
  });
});

test('a link in a chat to an unapproved site shows "Block it!" and nothing reaches the site; Stay here stays', async ({
  launched,
  server,
}) => {
  const page = await openChat(launched, server);
  await page.click('#outside');

  const prompt = await waitForPrompt(page);
  expect(prompt.role).toBe('alertdialog');
  expect(prompt.title).toBe('Block it! This link leaves the site');
  expect(prompt.text).toContain("You don't know who really sent it");
  expect(prompt.text).toContain('It goes to: prizes.example');
  expect(prompt.buttons).toEqual(['Stay here', 'Flag It']);
  await expectNoAxeViolations(page);

  await pressPromptButton(page, 'Stay here');
  await expect.poll(() => readPrompt(page)).toBeNull();
  expect(page.url()).toBe(CHAT);
  expect(server.requestsTo('prizes.example')).toHaveLength(0);
  await expect
    .poll(() => storedPupilEvents(launched.worker))
    .toEqual([
      {
        kind: 'block-it',
        detail: 'link',
        outcome: 'stayed',
        site: 'www.topmarks.co.uk',
        target: 'prizes.example',
      },
    ]);
});

test('from the keyboard: Enter on the link shows it with "Stay here" focused, Escape stays', async ({
  launched,
  server,
}) => {
  const page = await openChat(launched, server);
  // Through a platform's redirect, too: where it really leads is what counts.
  await page.focus('#wrapped');
  await page.keyboard.press('Enter');
  const prompt = await waitForPrompt(page);
  expect(prompt.text).toContain('It goes to: prizes.example');
  // Focus is on the safe choice: Enter again keeps the pupil here.
  await page.keyboard.press('Enter');
  await expect.poll(() => readPrompt(page)).toBeNull();
  await page.focus('#outside');
  await page.keyboard.press('Enter');
  await waitForPrompt(page);
  await page.keyboard.press('Escape');
  await expect.poll(() => readPrompt(page)).toBeNull();
  expect(page.url()).toBe(CHAT);
  expect(server.requestsTo('prizes.example')).toHaveLength(0);
  expect(server.requestsTo('www.google.com')).toHaveLength(0);
});

test('Enter on a link before Block It has loaded its checks: held while they load, then decided', async ({
  launched,
  server,
}) => {
  // A fresh page where the pupil's first act is Enter on a link: no pointer came first, and the
  // click follows the key in the same task, so Block It's module can't be loaded by the click.
  // (Whether the module was already read by then depends on timing, so this proves the
  // outcome either way rather than which path reached it.)
  const page = await openChat(launched, server);
  await page.focus('#approved');
  await page.keyboard.press('Enter');
  // An approved link in a message goes where it leads once the checks are in.
  await expect(page).toHaveURL('https://kids.example.org/owls');
  expect(server.requestsTo('kids.example.org')).toHaveLength(1);

  // An unapproved one shows "Block it!", and nothing reaches the site.
  await openChat(launched, server, page);
  await page.focus('#outside');
  await page.keyboard.press('Enter');
  expect((await waitForPrompt(page)).text).toContain('It goes to: prizes.example');
  await pressPromptButton(page, 'Stay here');

  // A link outside the messages goes on to meet the rules, as it would have.
  await openChat(launched, server, page);
  await page.focus('#outside-nav');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(BLOCK_PAGE);
  expect(server.requestsTo('prizes.example')).toHaveLength(0);

  // A link within the site never waits: it goes at once.
  const fresh = await openChat(launched, server);
  await fresh.focus('#inside');
  await fresh.keyboard.press('Enter');
  await expect(fresh).toHaveURL('https://www.topmarks.co.uk/games');
});

test('a middle click is held too, and opens no tab', async ({ launched, server }) => {
  const page = await openChat(launched, server);
  const pagesBefore = launched.context.pages().length;
  await page.click('#outside', { button: 'middle' });
  expect((await waitForPrompt(page)).title).toBe('Block it! This link leaves the site');
  await pressPromptButton(page, 'Stay here');
  expect(launched.context.pages()).toHaveLength(pagesBefore);
  expect(server.requestsTo('prizes.example')).toHaveLength(0);
});

test('Flag It on "Block it!" goes to the flag screen and is recorded', async ({
  launched,
  server,
}) => {
  const page = await openChat(launched, server);
  await page.click('#outside');
  await waitForPrompt(page);
  await pressPromptButton(page, 'Flag It');
  await expect(page).toHaveURL(/\/extension\/flag\.html/);
  expect(server.requestsTo('prizes.example')).toHaveLength(0);
  await expect
    .poll(() => storedPupilEvents(launched.worker))
    .toEqual([expect.objectContaining({ kind: 'block-it', detail: 'link', outcome: 'flagged' })]);
});

test('an attachment in a message gets the attachment words, and is not fetched', async ({
  launched,
  server,
}) => {
  const page = await openChat(launched, server);
  await page.click('#attachment');
  const prompt = await waitForPrompt(page);
  expect(prompt.title).toBe("Block it! Don't open this file");
  expect(prompt.text).toContain('A file in a message can be a trick');
  expect(prompt.text).toContain('It goes to: files.example');
  await pressPromptButton(page, 'Stay here');
  expect(server.requestsTo('files.example')).toHaveLength(0);
  await expect
    .poll(() => storedPupilEvents(launched.worker))
    .toEqual([expect.objectContaining({ detail: 'attachment', outcome: 'stayed' })]);
});

test('KS1 sees the pictorial card', async ({ launched, server }) => {
  await applyPolicy(launched.worker, { keyStage: 'ks1', ks1: ['www.topmarks.co.uk'] });
  const page = await openChat(launched, server);
  await page.click('#outside');
  const prompt = await waitForPrompt(page);
  expect(prompt.title).toBe('Stop! This link goes somewhere new.');
  expect(prompt.buttons).toEqual(['Stay here', 'Flag It']);
  await expectNoAxeViolations(page);
});

test('an approved link in a message, and a link within the site, go through untouched', async ({
  launched,
  server,
}) => {
  const page = await openChat(launched, server);
  await page.click('#approved');
  await expect(page).toHaveURL('https://kids.example.org/owls');
  expect(server.requestsTo('kids.example.org')).toHaveLength(1);

  await openChat(launched, server, page);
  await page.click('#inside');
  await expect(page).toHaveURL('https://www.topmarks.co.uk/games');

  // Ctrl-click asks for a new tab: it opens one, and this page stays.
  await openChat(launched, server, page);
  const opened = launched.context.waitForEvent('page');
  await page.click('#approved', { modifiers: ['Control'] });
  const tab = await opened;
  await expect(tab).toHaveURL('https://kids.example.org/owls');
  expect(page.url()).toBe(CHAT);
  expect(await storedPupilEvents(launched.worker)).toEqual([]);
});

test('an ordinary link on the page (not in a message) is left to the block page', async ({
  launched,
  server,
}) => {
  const page = await openChat(launched, server);
  await page.click('#outside-nav');
  await expect(page).toHaveURL(BLOCK_PAGE);
  expect(await readPrompt(page)).toBeNull();
  expect(server.requestsTo('prizes.example')).toHaveLength(0);
});

test('"How to block someone here" on a listed platform\'s comments, and nowhere else', async ({
  launched,
  server,
}) => {
  server.route('scratch.mit.edu', '/projects/123/', {
    body: html(
      'Owl game on Scratch',
      `<main><h1>Owl game</h1><section class="comments-container">
         <div class="comment">Great game! <a href="https://prizes.example/">free gems</a></div>
       </section></main>`,
    ),
  });
  server.route('padlet.com', '/class4/wall', {
    body: html('Class 4 wall', '<main><h1>Class 4 wall</h1><p>No posts yet.</p></main>'),
  });
  const page = await launched.context.newPage();
  await page.goto('https://scratch.mit.edu/projects/123/');
  await waitForPromptsScript(page, launched.extensionId);
  await expect.poll(() => pageButtons(page)).toContain('How to block someone here');
  await pressPromptButton(page, 'How to block someone here');
  const help = await waitForPrompt(page);
  expect(help.role).toBe('dialog');
  expect(help.title).toBe('How to block someone on Scratch');
  expect(help.text).toContain('Select Report next to the comment.');
  expect(help.text).toContain('Tell your teacher what happened.');
  await expectNoAxeViolations(page);
  await pressPromptButton(page, 'Close');
  await expect.poll(() => readPrompt(page)).toBeNull();

  // A link in the comments is Block It's too, with the help still there.
  await page.click('.comment a');
  expect((await waitForPrompt(page)).title).toBe('Block it! This link leaves the site');
  await pressPromptButton(page, 'Stay here');
  expect(await pageButtons(page)).toContain('How to block someone here');

  // Hidden, it stays hidden on this page, however the pupil clicks on.
  await pressPromptButton(page, 'Hide this help');
  await expect.poll(() => pageButtons(page)).not.toContain('How to block someone here');
  await page.click('h1');
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve)));
  expect(await pageButtons(page)).not.toContain('How to block someone here');

  // A listed platform's page with no messages on it: no help, until messages appear.
  await page.goto('https://padlet.com/class4/wall');
  await waitForPromptsScript(page, launched.extensionId);
  await page.click('h1');
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve)));
  expect(await pageButtons(page)).not.toContain('How to block someone here');
  await page.evaluate(() => {
    const post = document.createElement('div');
    post.className = 'surface-post';
    post.textContent = 'Hello class';
    document.querySelector('main')?.append(post);
  });
  await page.click('h1');
  await expect.poll(() => pageButtons(page)).toContain('How to block someone here');

  // Not a platform at all: the chat page offers Block It, never the help.
  await openChat(launched, server, page);
  await page.click('h1');
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve)));
  expect(await pageButtons(page)).not.toContain('How to block someone here');
});

test("every platform's message-area selectors are valid CSS in Chromium", async ({
  launched,
  server,
}) => {
  const page = await openChat(launched, server);
  const selectors = MESSAGING_PLATFORMS.flatMap((platform) => platform.areas);
  const invalid = await page.evaluate((all) => {
    return all.filter((selector) => {
      try {
        document.querySelector(selector);
        return false;
      } catch {
        return true;
      }
    });
  }, selectors);
  expect(invalid).toEqual([]);
});
