// Zip It in real Chromium, with the school's settings given as managed policy the way Google
// Admin gives them: a pupil about to send a personal detail to a site outside the school's
// trusted list is stopped before anything leaves the page (the fixture server sees no request),
// asked "Zip it!", and sends only if they say their teacher said it's OK. Each choice is kept
// by kind only, never what was typed.
import type { Page, Worker } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { pressPromptButton, readPrompt, waitForPrompt } from './support/closed-shadow';
import { settingsWith } from './support/extension';
import { html } from './support/fixture-server';
import { writePolicyFile } from './support/policy-file';
import { waitForPromptsScript } from './support/prompts-ready';
import { expect, test } from './support/test';

const SITES = [
  'quiz.example.org',
  'chat.example.org',
  'games.example.net',
  'login.example.com',
  'www.purplemash.com',
];

let removePolicy: () => Promise<void>;

test.beforeAll(async () => {
  removePolicy = await writePolicyFile('safe-class-zip-it-e2e', {
    ks1Sites: SITES,
    ks2Sites: SITES,
    schoolName: 'Oakfield Primary School',
    zipItTrustedSites: ['https://www.purplemash.com/'],
    signInSites: ['login.example.com'],
  });
});

test.afterAll(async () => {
  await removePolicy();
});

/** Sets the key stage on the device and waits until the prompts config carries it. */
async function useKeyStage(worker: Worker, keyStage: 'ks1' | 'ks2'): Promise<void> {
  await worker.evaluate(
    (settings) => chrome.storage.local.set({ settings }),
    settingsWith({ keyStage }),
  );
  await expect
    .poll(
      () =>
        worker.evaluate(async () => {
          const { promptConfig } = await chrome.storage.local.get('promptConfig');
          return promptConfig as { keyStage: string; zipIt?: { schoolName: string | null } };
        }),
      { timeout: 10_000 },
    )
    .toMatchObject({ keyStage, zipIt: { schoolName: 'Oakfield Primary School' } });
}

interface StoredEvent {
  kind: string;
  detail: string;
  outcome: string;
  site: string;
}

function pupilEvents(worker: Worker): Promise<StoredEvent[]> {
  return worker.evaluate(
    () =>
      new Promise<StoredEvent[]>((resolve, reject) => {
        const open = indexedDB.open('safe-class');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const read = open.result.transaction('pupilEvents').objectStore('pupilEvents').getAll();
          read.onsuccess = () => resolve(read.result as StoredEvent[]);
        };
      }),
  );
}

const FORM = html(
  'Quiz',
  `<main><h1>Where do you live?</h1>
   <form action="/sent" method="get">
     <label for="where">Your answer</label> <input id="where" name="where">
     <button>Send</button>
   </form></main>`,
);

// A chat box that sends on Enter with its own script, as chat sites do: no form at all.
const CHAT = html(
  'Chat',
  `<main><h1>Class chat</h1>
   <ul id="log"></ul>
   <textarea id="message" rows="1" aria-label="Message"></textarea></main>
   <script>
     const box = document.getElementById('message');
     box.addEventListener('keydown', (event) => {
       if (event.key !== 'Enter' || event.shiftKey) return;
       event.preventDefault();
       fetch('/post?m=' + encodeURIComponent(box.value));
       const item = document.createElement('li');
       item.textContent = box.value;
       document.getElementById('log').append(item);
       box.value = '';
     });
   </script>`,
);

const LOGIN = html(
  'Log in',
  `<main><h1>Log in</h1>
   <form action="/login" method="post">
     <label for="user">Username</label> <input id="user" name="user">
     <label for="pw">Password</label> <input id="pw" name="pw" type="password">
     <button>Log in</button>
   </form></main>`,
);

/** The focused element's id, or its tag name when it has none (the prompt's host). */
const focused = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement;
    return active?.id || active?.tagName.toLowerCase() || '';
  });

/** Each record as "site detail outcome", sorted: records made together share a time. */
const eventLines = async (worker: Worker) =>
  (await pupilEvents(worker))
    .map((event) => `${event.kind} ${event.site} ${event.detail} ${event.outcome}`)
    .sort();

test('a postcode in a form: the submit is stopped, "Don\'t send" keeps the words, and the teacher\'s OK sends it', async ({
  launched,
  server,
}) => {
  await useKeyStage(launched.worker, 'ks2');
  server.route('quiz.example.org', '/form', { body: FORM });
  const page = await launched.context.newPage();
  await page.goto('http://quiz.example.org/form');
  await page.locator('#where').fill('My postcode is SW1A 1AA');
  await page.getByRole('button', { name: 'Send' }).click();

  const prompt = await waitForPrompt(page);
  expect(prompt.role).toBe('alertdialog');
  expect(prompt.title).toBe('Zip it!');
  expect(prompt.text).toContain('Think before you send.');
  expect(prompt.text).toContain('This looks like a postcode. It shows where you live.');
  expect(prompt.buttons).toEqual(["Don't send", "My teacher said it's OK"]);
  // axe can't see into the prompt's closed shadow root (nor can the page): the page around it
  // must still pass, and the prompt's own role, name and buttons are read above through the
  // accessibility tree, as a screen reader reads them.
  await expectNoAxeViolations(page);

  // "Don't send" has focus: Enter on it keeps the words private and in place.
  expect(await focused(page)).toBe('safe-class-prompt');
  await page.keyboard.press('Enter');
  await expect.poll(() => readPrompt(page)).toBeNull();
  await expect(page.locator('#where')).toHaveValue('My postcode is SW1A 1AA');
  expect(await focused(page)).toBe('where');
  expect(page.url()).toBe('http://quiz.example.org/form');

  // Enter in the field is a send too; this time the teacher said it's OK.
  await page.locator('#where').press('Enter');
  await waitForPrompt(page);
  await pressPromptButton(page, "My teacher said it's OK");
  await page.waitForURL('http://quiz.example.org/sent?where=My+postcode+is+SW1A+1AA');
  expect(server.requestsTo((request) => request.path === '/sent')).toHaveLength(1);

  expect(await eventLines(launched.worker)).toEqual([
    'zip-it quiz.example.org postcode kept-private',
    'zip-it quiz.example.org postcode teacher-said-ok',
  ]);
  // By kind only: nothing typed is kept.
  expect(JSON.stringify(await pupilEvents(launched.worker))).not.toMatch(/SW1A|postcode is/i);
});

test('a chat box that sends on Enter: a phone number is stopped, a maths answer goes straight through', async ({
  launched,
  server,
}) => {
  await useKeyStage(launched.worker, 'ks2');
  server.route('chat.example.org', '/chat', { body: CHAT });
  const page = await launched.context.newPage();
  await page.goto('http://chat.example.org/chat');
  const box = page.getByRole('textbox', { name: 'Message' });
  const posts = () => server.requestsTo((request) => request.path === '/post');

  await box.fill('ring me on 07700 900123 and 12 Oak Road');
  await box.press('Enter');
  const prompt = await waitForPrompt(page);
  expect(prompt.text).toContain(
    'This looks like a home address. People online could use it to find you.',
  );
  expect(prompt.text).toContain(
    'This looks like a phone number. Strangers could use it to call or message you.',
  );
  await pressPromptButton(page, "Don't send");
  await expect.poll(() => readPrompt(page)).toBeNull();
  await expect(box).toHaveValue('ring me on 07700 900123 and 12 Oak Road');
  await expect(box).toBeFocused();

  // A maths answer is not a phone number: no prompt, and it sends.
  await box.fill('12 x 34 = 408');
  await box.press('Enter');
  await expect.poll(() => posts().length).toBe(1);
  expect(posts()[0]?.url).toBe('/post?m=12%20x%2034%20%3D%20408');
  expect(await readPrompt(page)).toBeNull();
  await expect(page.locator('#log li')).toHaveText(['12 x 34 = 408']);

  // The teacher's OK sends exactly this message, once.
  await box.fill('my number is 07700 900123');
  await box.press('Enter');
  await waitForPrompt(page);
  await pressPromptButton(page, "My teacher said it's OK");
  await expect.poll(() => posts().length).toBe(2);
  expect(posts()[1]?.url).toBe('/post?m=my%20number%20is%2007700%20900123');
  await expect(page.locator('#log li')).toHaveText(['12 x 34 = 408', 'my number is 07700 900123']);

  expect(await eventLines(launched.worker)).toEqual([
    'zip-it chat.example.org address kept-private',
    'zip-it chat.example.org phone kept-private',
    'zip-it chat.example.org phone teacher-said-ok',
  ]);
  expect(JSON.stringify(await pupilEvents(launched.worker))).not.toMatch(/07700|Oak Road/);
});

test('a password prompts on a site not approved for signing in, and not on a sign-in site', async ({
  launched,
  server,
}) => {
  await useKeyStage(launched.worker, 'ks2');
  server.route('games.example.net', '/login', { body: LOGIN });
  server.route('login.example.com', '/login', { body: LOGIN });
  const logins = (host: string) =>
    server.requestsTo((request) => request.host === host && request.method === 'POST');
  const page = await launched.context.newPage();

  await page.goto('http://games.example.net/login');
  await page.getByLabel('Username').fill('zoe123');
  await page.getByLabel('Password').fill('secret-word');
  await page.getByRole('button', { name: 'Log in' }).click();
  const prompt = await waitForPrompt(page);
  expect(prompt.text).toContain(
    "This is a password, and this isn't a site your school uses for signing in. Keep passwords secret.",
  );
  await pressPromptButton(page, "Don't send");
  await expect.poll(() => readPrompt(page)).toBeNull();
  await expect(page.getByLabel('Password')).toHaveValue('secret-word');

  // The school's sign-in site: the same form signs in without a prompt.
  await page.goto('http://login.example.com/login');
  await page.getByLabel('Username').fill('zoe.brown@oakfield.example.org');
  await page.getByLabel('Password').fill('secret-word');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect.poll(() => logins('login.example.com').length).toBe(1);
  expect(logins('games.example.net')).toEqual([]);

  expect(await eventLines(launched.worker)).toEqual([
    'zip-it games.example.net password kept-private',
  ]);
  expect(JSON.stringify(await pupilEvents(launched.worker))).not.toMatch(/secret|zoe123/);
});

test("the school's trusted site sends without a prompt; the school's name elsewhere prompts", async ({
  launched,
  server,
}) => {
  await useKeyStage(launched.worker, 'ks2');
  server.route('www.purplemash.com', '/form', { body: FORM });
  server.route('quiz.example.org', '/form', { body: FORM });
  const page = await launched.context.newPage();

  await page.goto('http://www.purplemash.com/form');
  await page.locator('#where').fill('I go to Oakfield Primary, SW1A 1AA');
  await page.getByRole('button', { name: 'Send' }).click();
  await page.waitForURL(/^http:\/\/www\.purplemash\.com\/sent\?/);

  await page.goto('http://quiz.example.org/form');
  await page.locator('#where').fill('I go to Oakfield Primary');
  await page.getByRole('button', { name: 'Send' }).click();
  const prompt = await waitForPrompt(page);
  expect(prompt.text).toContain("This is your school's name. It tells people where to find you.");
  await page.keyboard.press('Escape');
  await expect.poll(() => readPrompt(page)).toBeNull();
  expect(server.requestsTo((request) => request.path === '/sent')).toHaveLength(1);
  expect(await eventLines(launched.worker)).toEqual([
    'zip-it quiz.example.org school kept-private',
  ]);
});

// A rich-text comment box with a Send button beside it, outside any form, as many sites build it.
const COMMENTS = html(
  'Comments',
  `<main><h1>Comments</h1>
   <div id="comment" contenteditable="true" role="textbox" aria-multiline="true"
        aria-label="Add a comment"></div>
   <div role="button" tabindex="0" id="send" aria-label="Post comment">➤</div></main>
   <script>
     document.getElementById('send').addEventListener('click', () => {
       const box = document.getElementById('comment');
       fetch('/comment?c=' + encodeURIComponent(box.innerText));
       box.textContent = '';
     });
   </script>`,
);

test('a send button beside a rich-text box: an email address is stopped until the teacher says OK', async ({
  launched,
  server,
}) => {
  await useKeyStage(launched.worker, 'ks2');
  server.route('chat.example.org', '/comments', { body: COMMENTS });
  const page = await launched.context.newPage();
  await page.goto('http://chat.example.org/comments');
  const box = page.getByRole('textbox', { name: 'Add a comment' });
  const comments = () => server.requestsTo((request) => request.path === '/comment');
  await box.click();
  await page.keyboard.type('write to me at star.gamer99@example.com');
  // Enter in a box for writing is a new line, not a send.
  await page.keyboard.press('Enter');
  expect(await readPrompt(page)).toBeNull();
  await page.getByRole('button', { name: 'Post comment' }).click();
  const prompt = await waitForPrompt(page);
  expect(prompt.text).toContain(
    'This looks like an email address. Strangers could use it to contact you.',
  );
  await pressPromptButton(page, "Don't send");
  await expect.poll(() => readPrompt(page)).toBeNull();
  await expect(box).toHaveText('write to me at star.gamer99@example.com');
  await expect(box).toBeFocused();

  await page.getByRole('button', { name: 'Post comment' }).click();
  await waitForPrompt(page);
  await pressPromptButton(page, "My teacher said it's OK");
  await expect.poll(() => comments().length).toBe(1);
  // The comment as typed, with the new line Enter made.
  expect(decodeURIComponent(comments()[0]?.url ?? '')).toMatch(
    /^\/comment\?c=write to me at star\.gamer99@example\.com\n+$/,
  );
  expect(await eventLines(launched.worker)).toEqual([
    'zip-it chat.example.org email kept-private',
    'zip-it chat.example.org email teacher-said-ok',
  ]);
});

// A form whose box the page focuses itself while it loads, before the prompts script starts: the
// pupil types and presses Enter with no focus event for Zip It to read the school's settings
// on. The page notes whose Enter it saw: the pupil's own key, or Zip It sending it again.
const FOCUSED_FORM = html(
  'Quiz',
  `<main><h1>Where do you live?</h1>
   <form action="/sent" method="get">
     <label for="where">Your answer</label> <input id="where" name="where">
     <input type="hidden" name="enter" id="enter">
     <button>Send</button>
   </form></main>
   <script>
     const where = document.getElementById('where');
     where.addEventListener('keydown', (event) => {
       if (event.key !== 'Enter') return;
       document.getElementById('enter').value = event.isTrusted ? 'pupil' : 'again';
     });
     where.focus();
   </script>`,
);

test('a send before Zip It has loaded is held, checked, then asked about or sent as it was', async ({
  launched,
  server,
}) => {
  // The pupil's first key in the box is Enter: the words came without a key (pasted, or filled
  // in), so nothing before the send loaded Zip It's checks or read the school's settings.
  await useKeyStage(launched.worker, 'ks2');
  server.route('quiz.example.org', '/focused', { body: FOCUSED_FORM });
  const page = await launched.context.newPage();
  const sent = () => server.requestsTo((request) => request.path === '/sent');

  // Nothing personal: the Enter is held while they load, then pressed again, once.
  await page.goto('http://quiz.example.org/focused');
  await waitForPromptsScript(page, launched.extensionId);
  await expect(page.locator('#where')).toBeFocused();
  await page.locator('#where').fill('12 x 34 = 408');
  await page.keyboard.press('Enter');
  await page.waitForURL('http://quiz.example.org/sent?where=12+x+34+%3D+408&enter=again');
  expect(sent()).toHaveLength(1);

  // A postcode, held the same way: once the settings are read, the pupil is asked.
  await page.goto('http://quiz.example.org/focused');
  await waitForPromptsScript(page, launched.extensionId);
  await expect(page.locator('#where')).toBeFocused();
  await page.locator('#where').fill('My postcode is SW1A 1AA');
  await page.keyboard.press('Enter');
  const prompt = await waitForPrompt(page);
  expect(prompt.text).toContain('This looks like a postcode. It shows where you live.');
  await pressPromptButton(page, "Don't send");
  await expect.poll(() => readPrompt(page)).toBeNull();
  await expect(page.locator('#where')).toHaveValue('My postcode is SW1A 1AA');
  expect(sent()).toHaveLength(1);

  // The settings are known now: the pupil's own Enter goes straight through, not sent again.
  await page.locator('#where').fill('12 x 34 = 408');
  await page.keyboard.press('Enter');
  await page.waitForURL('http://quiz.example.org/sent?where=12+x+34+%3D+408&enter=pupil');
  expect(sent()).toHaveLength(2);
  expect(await eventLines(launched.worker)).toEqual([
    'zip-it quiz.example.org postcode kept-private',
  ]);
});

const WRITING_BOX = html(
  'Story',
  `<main><h1>Write your story</h1>
   <form action="/sent" method="get">
     <label for="story">Your story</label> <textarea id="story" name="story" rows="6"></textarea>
     <button>Post</button>
   </form></main>
   <script>
     const story = document.getElementById('story');
     story.addEventListener('keydown', (event) => {
       if (event.key === 'Enter') document.title = event.isTrusted ? 'pupil' : 'again';
     });
     story.focus();
   </script>`,
);

test('Enter held in a box for writing before Zip It loaded still starts a new line, and sends nothing', async ({
  launched,
  server,
}) => {
  await useKeyStage(launched.worker, 'ks2');
  server.route('quiz.example.org', '/story', { body: WRITING_BOX });
  const page = await launched.context.newPage();
  await page.goto('http://quiz.example.org/story');
  await waitForPromptsScript(page, launched.extensionId);
  const story = page.locator('#story');
  await expect(story).toBeFocused();
  // Words that came without a key, then Enter first: it is held while Zip It loads, which
  // finds a box for writing (six rows), so the key is pressed again and its new line put in.
  await story.fill('Once upon a time');
  await page.keyboard.press('Enter');
  await expect(story).toHaveValue('Once upon a time\n');
  await expect(page).toHaveTitle('again');
  // The pupil types on from the new line, as if nothing had happened.
  await page.keyboard.type('there was an owl.');
  await expect(story).toHaveValue('Once upon a time\nthere was an owl.');
  await page.keyboard.press('Enter');
  await expect(story).toHaveValue('Once upon a time\nthere was an owl.\n');
  await expect(page).toHaveTitle('pupil');
  expect(server.requestsTo((request) => request.path === '/sent')).toHaveLength(0);
  expect(await readPrompt(page)).toBeNull();
});

test('KS1 sees the simple, pictured version', async ({ launched, server }) => {
  await useKeyStage(launched.worker, 'ks1');
  server.route('chat.example.org', '/chat', { body: CHAT });
  const page = await launched.context.newPage();
  await page.goto('http://chat.example.org/chat');
  const box = page.getByRole('textbox', { name: 'Message' });
  await box.fill('i live at 12 oak road my birthday is 3rd May');
  await box.press('Enter');
  const prompt = await waitForPrompt(page);
  expect(prompt.title).toBe('Zip it!');
  // The words are for the adult beside them; the pictures carry the same meaning.
  expect(prompt.text).toBe(
    "Zip it! Stop! This is about you. Keep it safe. Home Birthday Don't send My teacher said it's OK",
  );
  expect(prompt.buttons).toEqual(["Don't send", "My teacher said it's OK"]);
  await expectNoAxeViolations(page);
  await pressPromptButton(page, "Don't send");
  await expect.poll(() => readPrompt(page)).toBeNull();
  await expect(box).toHaveValue('i live at 12 oak road my birthday is 3rd May');
  expect(server.requestsTo((request) => request.path === '/post')).toEqual([]);
  expect(await eventLines(launched.worker)).toEqual([
    'zip-it chat.example.org address kept-private',
    'zip-it chat.example.org birth-date kept-private',
  ]);
});
