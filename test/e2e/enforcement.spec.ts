// The enforcement core in real Chromium: what a pupil can reach, by every way of navigating,
// and proof from the fixture server that no blocked address was ever requested.
import { html } from './support/fixture-server';
import { applyPolicy, BLOCK_PAGE, expectBlocked } from './support/extension';
import { stopExtensionWorkers } from './support/launch';
import { expect, test } from './support/test';

test('with no policy at all, a pupil gets the KS1 starter list and nothing else', async ({
  launched,
  server,
}) => {
  const page = await launched.context.newPage();
  await page.goto('https://www.bbc.co.uk/cbeebies/');
  await expect(page.locator('#fixture')).toHaveText('www.bbc.co.uk /cbeebies/');
  await page.goto('https://www.bbc.co.uk/news/');
  await expectBlocked(page, 'https://www.bbc.co.uk/news/', 'ks1');
  expect(server.requestsTo((r) => r.path.startsWith('/news'))).toEqual([]);
});

test('KS1 reaches a path-limited entry and nothing beside it', async ({ launched, server }) => {
  await applyPolicy(launched.worker, {
    keyStage: 'ks1',
    ks1: ['https://www.bbc.co.uk/cbeebies/', '=www.topmarks.co.uk'],
  });
  const page = await launched.context.newPage();

  await page.goto('https://www.bbc.co.uk/cbeebies/shows');
  await expect(page.locator('#fixture')).toHaveText('www.bbc.co.uk /cbeebies/shows');
  await page.goto('http://www.topmarks.co.uk/maths');
  await expect(page.locator('#fixture')).toHaveText('www.topmarks.co.uk /maths');

  for (const blocked of [
    'https://www.bbc.co.uk/news/',
    'https://www.bbc.co.uk/CBEEBIES/',
    'https://games.topmarks.co.uk/',
    'https://www.example.com/',
  ]) {
    await page.goto(blocked);
    await expectBlocked(page, blocked, 'ks1');
  }
  // KS1's page works without reading: a picture and two large picture buttons.
  await expect(page.locator('svg.picture')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Go back' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Ask my teacher' })).toBeVisible();

  expect(server.requestsTo((r) => r.path.startsWith('/news'))).toEqual([]);
  expect(server.requestsTo((r) => r.path.startsWith('/CBEEBIES'))).toEqual([]);
  expect(server.requestsTo('games.topmarks.co.uk')).toEqual([]);
  expect(server.requestsTo('www.example.com')).toEqual([]);
});

test('KS2 reaches its wider list, is told why elsewhere, and can ask to visit', async ({
  launched,
  server,
}) => {
  await applyPolicy(launched.worker, {
    keyStage: 'ks2',
    ks2: ['bbc.co.uk', 'scratch.mit.edu'],
    alwaysBlocked: ['https://www.bbc.co.uk/sport/'],
  });
  const page = await launched.context.newPage();
  await page.goto('https://www.bbc.co.uk/news/');
  await expect(page.locator('#fixture')).toHaveText('www.bbc.co.uk /news/');

  await page.goto('https://www.bbc.co.uk/sport/football');
  await expectBlocked(page, 'https://www.bbc.co.uk/sport/football', 'ks2');
  await expect(page.getByRole('heading')).toHaveText('This site is blocked at school');

  const wanted = 'https://www.nasa.gov/moon/';
  await page.goto(wanted);
  await expectBlocked(page, wanted, 'ks2');
  await expect(page.getByRole('heading')).toHaveText("This site isn't on your class's list");
  await page.getByRole('button', { name: 'Ask to visit' }).click();
  await page.getByLabel('Why do you need this site?').fill('Our space topic');
  await page.getByRole('button', { name: 'Send request' }).click();
  await expect(page.getByRole('status')).toContainText('saved on this Chromebook');

  const stored = await launched.worker.evaluate(
    () =>
      new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open('safe-class');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const read = open.result
            .transaction('visitRequests')
            .objectStore('visitRequests')
            .getAll();
          read.onsuccess = () => resolve(read.result);
        };
      }),
  );
  expect(stored).toEqual([
    expect.objectContaining({ url: wanted, reason: 'Our space topic', status: 'pending' }),
  ]);
  expect(server.requestsTo('www.nasa.gov')).toEqual([]);
  expect(server.requestsTo((r) => r.path.startsWith('/sport'))).toEqual([]);
});

test('a link click, a script navigation and a new window all land on the block page', async ({
  launched,
  server,
}) => {
  await applyPolicy(launched.worker, { keyStage: 'ks2', ks2: ['www.topmarks.co.uk'] });
  server.route('www.topmarks.co.uk', '/links', {
    body: html(
      'Links',
      `<a id="link" href="https://link.example/">link</a>
         <a id="popup" href="https://popup.example/" target="_blank">new window</a>
         <button id="script" onclick="location.href='https://script.example/x'">go</button>`,
    ),
  });
  const page = await launched.context.newPage();
  await page.goto('https://www.topmarks.co.uk/links');
  await page.click('#link');
  await expectBlocked(page, 'https://link.example/', 'ks2');

  await page.goto('https://www.topmarks.co.uk/links');
  await page.click('#script');
  await expectBlocked(page, 'https://script.example/x', 'ks2');

  await page.goto('https://www.topmarks.co.uk/links');
  const [popup] = await Promise.all([launched.context.waitForEvent('page'), page.click('#popup')]);
  await expectBlocked(popup, 'https://popup.example/', 'ks2');

  for (const host of ['link.example', 'script.example', 'popup.example']) {
    expect(server.requestsTo(host)).toEqual([]);
  }
});

test('a disallowed iframe inside an allowed page is never requested', async ({
  launched,
  server,
}) => {
  await applyPolicy(launched.worker, { keyStage: 'ks2', ks2: ['www.topmarks.co.uk'] });
  server.route('www.topmarks.co.uk', '/framed', {
    body: html(
      'Framed',
      `<iframe id="bad" src="https://ads.example/frame"></iframe>
       <iframe id="good" src="https://www.topmarks.co.uk/inner"></iframe>`,
    ),
  });
  const page = await launched.context.newPage();
  await page.goto('https://www.topmarks.co.uk/framed');
  const frameUrl = (selector: string) =>
    page
      .locator(selector)
      .evaluate((frame: HTMLIFrameElement) => frame.contentWindow?.location.href);
  await expect
    .poll(() => page.frames().map((frame) => frame.url()))
    .toContainEqual(expect.stringMatching(BLOCK_PAGE));
  await expect(page.frameLocator('#good').locator('#fixture')).toHaveText(
    'www.topmarks.co.uk /inner',
  );
  await expect(page.frameLocator('#bad').getByText('Part of this page is hidden:')).toBeVisible();
  await expect(frameUrl('#good')).resolves.toBe('https://www.topmarks.co.uk/inner');
  expect(server.requestsTo('ads.example')).toEqual([]);
});

test("a page served by a site's own service worker is caught once the site is taken off the list", async ({
  launched,
  server,
}) => {
  await applyPolicy(launched.worker, {
    keyStage: 'ks2',
    ks2: ['sw.example.org', 'www.topmarks.co.uk'],
  });
  server.route('sw.example.org', '/', {
    body: html(
      'Offline-first site',
      `<h1 id="fixture">sw home</h1>
       <script>navigator.serviceWorker.register('/sw.js').then(() => navigator.serviceWorker.ready)
         .then(() => { document.title = 'sw ready'; });</script>`,
    ),
  });
  // The worker answers every navigation itself, so the network (and DNR) never sees the page.
  server.route('sw.example.org', '/sw.js', {
    type: 'text/javascript',
    body: `self.addEventListener('install', () => self.skipWaiting());
      self.addEventListener('activate', (e) => e.waitUntil(self.clients.claim()));
      self.addEventListener('fetch', (e) => {
        if (e.request.mode === 'navigate') {
          e.respondWith(new Response('<!doctype html><title>cached</title><h1 id="cached">served by the site worker</h1>',
            { headers: { 'Content-Type': 'text/html' } }));
        }
      });`,
  });
  const page = await launched.context.newPage();
  await page.goto('http://sw.example.org/');
  await expect(page).toHaveTitle('sw ready');
  await page.goto('http://sw.example.org/lesson');
  await expect(page.locator('#cached')).toHaveText('served by the site worker');

  await applyPolicy(launched.worker, { keyStage: 'ks2', ks2: ['www.topmarks.co.uk'] });
  server.clear();
  await page.goto('http://sw.example.org/lesson').catch(() => undefined);
  await expectBlocked(page, 'http://sw.example.org/lesson', 'ks2');
  expect(server.requestsTo((r) => r.host === 'sw.example.org' && r.path === '/lesson')).toEqual([]);
});

test('a policy change takes effect without a restart', async ({ launched }) => {
  await applyPolicy(launched.worker, { keyStage: 'ks2', ks2: ['www.topmarks.co.uk'] });
  const page = await launched.context.newPage();
  await page.goto('https://scratch.mit.edu/');
  await expectBlocked(page, 'https://scratch.mit.edu/', 'ks2');

  await applyPolicy(launched.worker, {
    keyStage: 'ks2',
    ks2: ['www.topmarks.co.uk', 'scratch.mit.edu'],
  });
  await page.goto('https://scratch.mit.edu/');
  await expect(page.locator('#fixture')).toHaveText('scratch.mit.edu /');

  // Changing the key stage swaps the whole list.
  await applyPolicy(launched.worker, {
    keyStage: 'ks1',
    ks1: ['www.topmarks.co.uk'],
    ks2: ['scratch.mit.edu'],
  });
  await page.goto('https://scratch.mit.edu/');
  await expectBlocked(page, 'https://scratch.mit.edu/', 'ks1');
});

test('blocking holds while the service worker is stopped, and no request leaks', async ({
  launched,
  server,
}) => {
  await applyPolicy(launched.worker, { keyStage: 'ks2', ks2: ['www.topmarks.co.uk'] });
  await stopExtensionWorkers(launched.context, launched.extensionId);
  const page = await launched.context.newPage();
  await page.goto('https://cold.example/');
  await expectBlocked(page, 'https://cold.example/', 'ks2');
  await page.goto('https://www.topmarks.co.uk/');
  await expect(page.locator('#fixture')).toHaveText('www.topmarks.co.uk /');
  expect(server.requestsTo('cold.example')).toEqual([]);
});

test('a same-page history change cannot walk a KS1 path entry onto another path', async ({
  launched,
  server,
}) => {
  await applyPolicy(launched.worker, { keyStage: 'ks1', ks1: ['https://www.bbc.co.uk/cbeebies/'] });
  server.route('www.bbc.co.uk', '/cbeebies/app', {
    body: html(
      'App',
      `<button id="spa" onclick="history.pushState({}, '', '/news/world')">news</button>`,
    ),
  });
  const page = await launched.context.newPage();
  await page.goto('https://www.bbc.co.uk/cbeebies/app');
  await page.click('#spa');
  await expectBlocked(page, 'https://www.bbc.co.uk/news/world', 'ks1');
  expect(server.requestsTo((r) => r.path.startsWith('/news'))).toEqual([]);
});

test('a tab already open on a site is sent to the block page when the site comes off the list', async ({
  launched,
}) => {
  await applyPolicy(launched.worker, {
    keyStage: 'ks2',
    ks2: ['www.topmarks.co.uk', 'scratch.mit.edu'],
  });
  const page = await launched.context.newPage();
  await page.goto('https://scratch.mit.edu/projects/1');
  await expect(page.locator('#fixture')).toHaveText('scratch.mit.edu /projects/1');
  // An allowed page never loads the backstop script, so nothing hides it.
  expect(await page.evaluate(() => document.documentElement.style.visibility)).toBe('');

  await applyPolicy(launched.worker, { keyStage: 'ks2', ks2: ['www.topmarks.co.uk'] });
  await expectBlocked(page, 'https://scratch.mit.edu/projects/1', 'ks2');
});
