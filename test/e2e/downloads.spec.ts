// The download guard in real Chromium, on a fixture page of an approved site offering a
// program, a song, a worksheet and a program named as a PDF. Chromium handles downloads itself
// here, as on a Chromebook (launch.ts `downloadsDir`), so every file goes through the guard's
// downloads.onDeterminingFilename. What reaches the disk is read from the download folder; a
// later download that completes is the moment to look, since Chromium finished with the earlier
// ones before it.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { applyPolicy, BLOCK_PAGE } from './support/extension';
import { html } from './support/fixture-server';
import { launchBrowser, stopExtensionWorkers } from './support/launch';
import { openOptions, setFirstPin } from './support/options-page';
import { writeChromePolicyFile } from './support/policy-file';
import { expect, test as base } from './support/test';

const SITE = 'files.example.org';
const FILES = {
  exe: { name: 'setup.exe', type: 'application/x-msdownload', body: 'MZ not really a program' },
  mp3: { name: 'song.mp3', type: 'audio/mpeg', body: 'ID3 not really a song' },
  pdf: { name: 'worksheet.pdf', type: 'application/pdf', body: '%PDF-1.4 not really a PDF' },
  // Mislabelled: a program that calls itself a PDF, as a server says it is a program.
  fake: { name: 'report.pdf', type: 'application/x-msdownload', body: 'MZ a program in disguise' },
} as const;
type FileKey = keyof typeof FILES;

const test = base.extend<{ downloadsDir: string }>({
  // eslint-disable-next-line no-empty-pattern
  downloadsDir: async ({}, use) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'safe-class-downloads-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
  launched: async ({ server, downloadsDir }, use) => {
    const launched = await launchBrowser({ serverPort: server.port, downloadsDir });
    if (!launched.extensionId || !launched.worker) throw new Error('The extension did not start.');
    await use({ ...launched, extensionId: launched.extensionId, worker: launched.worker });
    await launched.close();
  },
});

test.beforeEach(async ({ server }) => {
  const links = Object.entries(FILES)
    .map(([key, file]) => `<p><a id="${key}" href="/files/${key}/${file.name}">${key}</a></p>`)
    .join('');
  server.route(SITE, '/', { body: html('Class files', `<h1>Class files</h1>${links}`) });
  for (const [key, file] of Object.entries(FILES)) {
    server.route(SITE, `/files/${key}/${file.name}`, {
      body: file.body,
      type: file.type,
      headers: { 'Content-Disposition': `attachment; filename="${file.name}"` },
    });
  }
});

interface StoredEvent {
  kind: string;
  detail: string;
  outcome: string;
  site: string;
  fileType?: string;
}

/** Every record of one IndexedDB table, read inside the worker as the extension stores it. */
function readTable<T>(worker: Worker, table: string): Promise<T[]> {
  return worker.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('safe-class');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const read = open.result.transaction(name).objectStore(name).getAll();
          read.onsuccess = () => {
            open.result.close();
            resolve(read.result as T[]);
          };
          read.onerror = () => reject(read.error);
        };
      }),
    table,
  );
}

const downloadRecords = async (worker: Worker) =>
  (await readTable<StoredEvent & { createdAt: string }>(worker, 'pupilEvents'))
    .filter((event) => event.kind === 'download')
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    .map(({ detail, outcome, site, fileType }) => ({ detail, outcome, site, fileType }));

async function openFiles(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`https://${SITE}/`);
  await expect(page.getByRole('heading', { name: 'Class files' })).toBeVisible();
  return page;
}

/** Clicks a file's link and returns the download page the guard opens for it. */
async function clickForPage(context: BrowserContext, files: Page, key: FileKey): Promise<Page> {
  const opened = context.waitForEvent('page');
  await files.click(`#${key}`);
  const page = await opened;
  await page.waitForURL(/\/extension\/download\.html/);
  await expect(page.getByRole('heading', { level: 1 })).not.toBeEmpty();
  return page;
}

/** Clicks the worksheet's link and waits until Chromium has written it completely. */
async function downloadWorksheet(worker: Worker, files: Page): Promise<void> {
  await files.click('#pdf');
  await expect
    .poll(() =>
      worker.evaluate(async () =>
        (await chrome.downloads.search({ state: 'complete' })).map((item) =>
          item.filename.split('/').pop(),
        ),
      ),
    )
    .toContain('worksheet.pdf');
}

test('a program is cancelled before it lands and the pupil is told why; a worksheet completes', async ({
  launched,
  server,
  downloadsDir,
}) => {
  await applyPolicy(launched.worker, { keyStage: 'ks2', ks2: [SITE] });
  const files = await openFiles(launched.context);
  const page = await clickForPage(launched.context, files, 'exe');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    "Programs can't be downloaded at school",
  );
  await expect(page.getByText('Programs, apps and scripts can change or harm')).toBeVisible();
  await expect(page.locator('#file')).toHaveText('setup.exe');
  await expect(page.getByText(`From ${SITE}`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Ask my teacher' })).toHaveCount(0);
  await expectNoAxeViolations(page);
  // Not on the pupil's downloads list either.
  expect(
    await launched.worker.evaluate(async () =>
      (await chrome.downloads.search({})).map((item) => item.filename),
    ),
  ).toEqual([]);

  await downloadWorksheet(launched.worker, files);
  expect(await readdir(downloadsDir)).toEqual(['worksheet.pdf']);
  expect(server.requestsTo(SITE).map((request) => request.path)).toContain('/files/exe/setup.exe');
  await expect
    .poll(() => downloadRecords(launched.worker))
    .toEqual([
      { detail: 'program', outcome: 'blocked', site: SITE, fileType: '.exe' },
      { detail: 'document', outcome: 'allowed', site: SITE, fileType: '.pdf' },
    ]);

  // Go back closes the tab the guard opened; the pupil is on the site's page again.
  await page.getByRole('button', { name: 'Go back' }).click();
  await expect.poll(() => page.isClosed()).toBe(true);
});

test('a program named as a PDF is cancelled and said to be disguised', async ({
  launched,
  downloadsDir,
}) => {
  await applyPolicy(launched.worker, { keyStage: 'ks2', ks2: [SITE] });
  const files = await openFiles(launched.context);
  const page = await clickForPage(launched.context, files, 'fake');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    "This file isn't what its name says",
  );
  await expect(page.locator('#file')).toHaveText('report.pdf');
  await downloadWorksheet(launched.worker, files);
  expect(await readdir(downloadsDir)).toEqual(['worksheet.pdf']);
  await expect
    .poll(() => downloadRecords(launched.worker))
    .toEqual([
      { detail: 'program', outcome: 'blocked', site: SITE, fileType: 'application/x-msdownload' },
      { detail: 'document', outcome: 'allowed', site: SITE, fileType: '.pdf' },
    ]);
});

test('a worksheet from a site off the list never lands', async ({
  launched,
  server,
  downloadsDir,
}) => {
  await applyPolicy(launched.worker, { keyStage: 'ks2', ks2: [SITE] });
  server.route(SITE, '/files/moved/worksheet.pdf', {
    body: '',
    status: 302,
    headers: { Location: 'https://cdn.elsewhere.example/worksheet.pdf' },
  });
  server.route('cdn.elsewhere.example', '/worksheet.pdf', {
    body: FILES.pdf.body,
    type: FILES.pdf.type,
    headers: { 'Content-Disposition': 'attachment; filename="worksheet.pdf"' },
  });
  // A download link that leads off the list is a navigation to Chromium, so the rules send it
  // to the block page before any request leaves.
  const files = await openFiles(launched.context);
  await files.evaluate(() => {
    const link = document.createElement('a');
    link.id = 'moved';
    link.href = '/files/moved/worksheet.pdf';
    link.download = 'worksheet.pdf';
    link.textContent = 'moved';
    document.body.append(link);
  });
  await files.click('#moved');
  await expect(files).toHaveURL(BLOCK_PAGE);
  expect(server.requestsTo('cdn.elsewhere.example')).toEqual([]);

  // A download that is no navigation ("Save link as…", here started the same way through
  // chrome.downloads) is fetched; the guard stops the file.
  const opened = launched.context.waitForEvent('page');
  await launched.worker.evaluate(
    (url) => chrome.downloads.download({ url }),
    'https://cdn.elsewhere.example/worksheet.pdf',
  );
  const page = await opened;
  await page.waitForURL(/\/extension\/download\.html/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    "This file isn't from a site on your class's list",
  );
  await expect(page.getByText('From cdn.elsewhere.example')).toBeVisible();
  await expectNoAxeViolations(page);
  const worksheets = await openFiles(launched.context);
  await downloadWorksheet(launched.worker, worksheets);
  expect(await readdir(downloadsDir)).toEqual(['worksheet.pdf']);
  await expect
    .poll(async () => (await downloadRecords(launched.worker))[0])
    .toEqual({
      detail: 'document',
      outcome: 'blocked',
      site: 'cdn.elsewhere.example',
      fileType: '.pdf',
    });
});

test('music is held with the copyright prompt; the teacher’s yes lets it through once', async ({
  launched,
  server,
  downloadsDir,
}) => {
  await applyPolicy(launched.worker, { keyStage: 'ks2', ks2: [SITE] });
  const files = await openFiles(launched.context);
  const page = await clickForPage(launched.context, files, 'mp3');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Ask your teacher before you download this',
  );
  await expect(
    page.getByText('Music, films and books belong to the people who made them.'),
  ).toBeVisible();
  await expect(page.locator('#file')).toHaveText('song.mp3');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Ask my teacher' }).click();
  await expect(page.getByRole('status')).toContainText('saved on this Chromebook');
  await expectNoAxeViolations(page);
  const requests = await readTable<Record<string, unknown>>(launched.worker, 'visitRequests');
  expect(requests).toEqual([
    expect.objectContaining({
      kind: 'download',
      fileName: 'song.mp3',
      url: `https://${SITE}/files/mp3/song.mp3`,
      status: 'pending',
    }),
  ]);

  // No hub here: a teacher answers on this Chromebook's options page, and no site is added.
  const options = await launched.context.newPage();
  await openOptions(options, launched.extensionId);
  await setFirstPin(options, 'Mr Jones', '2468');
  const row = options
    .getByRole('region', { name: 'Requests to visit' })
    .getByRole('row', { name: /song\.mp3/ });
  await expect(row).toContainText('Asks to download song.mp3');
  await row.getByRole('button', { name: /Allow/ }).click();

  await expect(page.getByRole('status')).toHaveText('Your teacher said yes!');
  const download = page.getByRole('button', { name: 'Download' });
  await expect(download).toBeFocused();
  await expectNoAxeViolations(page);
  const fetchedBefore = server.requestsTo((request) => request.path.endsWith('song.mp3')).length;
  await download.click();
  await expect(page.getByRole('status')).toHaveText(
    'It is downloading now. Look in your Downloads folder.',
  );
  await expect
    .poll(() =>
      launched.worker.evaluate(async () =>
        (await chrome.downloads.search({ state: 'complete' })).map((item) => item.filename),
      ),
    )
    .toEqual([path.join(downloadsDir, 'song.mp3')]);
  expect(server.requestsTo((request) => request.path.endsWith('song.mp3'))).toHaveLength(
    fetchedBefore + 1,
  );

  // Once: the same link again is held again, with nothing left to press but asking anew.
  const again = await clickForPage(launched.context, files, 'mp3');
  await expect(again.getByRole('button', { name: 'Ask my teacher' })).toBeVisible();
  await expect(again.getByRole('button', { name: 'Download' })).toBeHidden();
  await downloadWorksheet(launched.worker, files);
  expect((await readdir(downloadsDir)).sort()).toEqual(['song.mp3', 'worksheet.pdf']);
  await expect
    .poll(() => downloadRecords(launched.worker))
    .toEqual([
      { detail: 'media', outcome: 'held', site: SITE, fileType: '.mp3' },
      { detail: 'media', outcome: 'approved', site: SITE, fileType: '.mp3' },
      { detail: 'media', outcome: 'held', site: SITE, fileType: '.mp3' },
      { detail: 'document', outcome: 'allowed', site: SITE, fileType: '.pdf' },
    ]);
});

test('KS1 sees pictures and large buttons, and hears the copyright idea in one sentence', async ({
  launched,
}) => {
  await applyPolicy(launched.worker, { keyStage: 'ks1', ks1: [SITE] });
  const files = await openFiles(launched.context);
  const held = await clickForPage(launched.context, files, 'mp3');
  await expect(held.getByRole('heading', { level: 1 })).toHaveText('Ask your teacher first');
  await expect(held.locator('svg.picture.held-only')).toBeVisible();
  await expect(held.locator('svg.picture.stop-only')).toBeHidden();
  await expect(held.locator('#explain')).toHaveText(
    'Music, films and books belong to the people who made them.',
  );
  for (const name of ['Go back', 'Ask my teacher']) {
    const box = await held.getByRole('button', { name }).boundingBox();
    expect(box?.height).toBeGreaterThanOrEqual(64);
  }
  await expectNoAxeViolations(held);
  await held.getByRole('button', { name: 'Ask my teacher' }).click();
  await expect(held.getByRole('status')).toHaveText('Put your hand up. Your teacher will help.');

  const stopped = await clickForPage(launched.context, files, 'exe');
  await expect(stopped.getByRole('heading', { level: 1 })).toHaveText("Let's leave this one");
  await expect(stopped.locator('svg.picture.stop-only')).toBeVisible();
  await expect(stopped.locator('#explain')).toBeHidden();
  await expectNoAxeViolations(stopped);
});

test('with the worker stopped, a program is still cancelled', async ({
  launched,
  downloadsDir,
}) => {
  await applyPolicy(launched.worker, { keyStage: 'ks2', ks2: [SITE] });
  const files = await openFiles(launched.context);
  await stopExtensionWorkers(launched.context, launched.extensionId);
  const page = await clickForPage(launched.context, files, 'exe');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    "Programs can't be downloaded at school",
  );
  await downloadWorksheet(launched.worker, files);
  expect(await readdir(downloadsDir)).toEqual(['worksheet.pdf']);
  await expect
    .poll(async () => (await downloadRecords(launched.worker))[0])
    .toEqual({ detail: 'program', outcome: 'blocked', site: SITE, fileType: '.exe' });
});

const MAGNET = 'magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567&dn=film';

test('a magnet link is handed to the system, where no extension rule can reach it', async ({
  launched,
  server,
}) => {
  // Chrome's matcher says a rule would match, yet the navigation never meets it: Chrome hands
  // an unknown scheme to the operating system before any request exists. Should this ever
  // change, this test fails and the guard can block magnet links itself.
  await applyPolicy(launched.worker, { keyStage: 'ks2', ks2: [SITE] });
  const matched = await launched.worker.evaluate(async (url) => {
    await chrome.declarativeNetRequest.updateDynamicRules({
      addRules: [
        {
          id: 999_999,
          priority: 999_999,
          action: { type: chrome.declarativeNetRequest.RuleActionType.BLOCK },
          condition: {
            urlFilter: '|magnet:',
            resourceTypes: [chrome.declarativeNetRequest.ResourceType.MAIN_FRAME],
          },
        },
      ],
    });
    const outcome = await chrome.declarativeNetRequest.testMatchOutcome({
      url,
      type: chrome.declarativeNetRequest.ResourceType.MAIN_FRAME,
    });
    return outcome.matchedRules.map((rule) => rule.ruleId);
  }, MAGNET);
  expect(matched).toEqual([999_999]);
  server.route(SITE, '/magnet', {
    body: html('Films', `<a id="magnet" href="${MAGNET}">film</a>`),
  });
  const page = await launched.context.newPage();
  await page.goto(`https://${SITE}/magnet`);
  const handedOver = page.waitForEvent('requestfailed');
  await page.click('#magnet');
  const failed = await handedOver;
  // Aborted in the browser for the system to open, not ERR_BLOCKED_BY_CLIENT (the rule).
  expect([failed.url(), failed.failure()?.errorText]).toEqual([MAGNET, 'net::ERR_ABORTED']);
  // Not blocked by the rule: the page stays, as it does when the system takes a link.
  await expect(page).toHaveURL(`https://${SITE}/magnet`);
});

test('the school’s URLBlocklist policy "magnet:*" blocks magnet links', async ({ server }) => {
  const removePolicy = await writeChromePolicyFile('safe-class-magnet-e2e', {
    URLBlocklist: ['magnet:*'],
  });
  const launched = await launchBrowser({ serverPort: server.port });
  try {
    if (!launched.worker) throw new Error('The extension did not start.');
    await applyPolicy(launched.worker, { keyStage: 'ks2', ks2: [SITE] });
    server.route(SITE, '/magnet', {
      body: html('Films', `<a id="magnet" href="${MAGNET}">film</a>`),
    });
    const page = await launched.context.newPage();
    await page.goto(`https://${SITE}/magnet`);
    await page.click('#magnet');
    await expect(page).toHaveURL('chrome-error://chromewebdata/');
    // The same navigation, asked for directly, names why.
    await expect(launched.context.newPage().then((tab) => tab.goto(MAGNET))).rejects.toThrow(
      'net::ERR_BLOCKED_BY_ADMINISTRATOR',
    );
  } finally {
    await launched.close();
    await removePolicy();
  }
});
