// The DfE filtering record in real Chromium: every blocked navigation leaves one record on the
// device (its address, why, when, "blocked"), a reload of the block page adds none, a web proxy
// and chrome://extensions land on the block page as attempts to get round the filter and are
// recorded as such, and with a classroom hub the record reaches it with the device and pupil.
import path from 'node:path';
import type { Page, Worker } from '@playwright/test';
import Database from 'better-sqlite3';
import { expectNoAxeViolations } from './support/axe';
import { applyPolicy, BLOCK_PAGE, waitForEnforcement } from './support/extension';
import { html, type FixtureServer } from './support/fixture-server';
import { ENROLMENT_TOKEN, startHub } from './support/hub-process';
import { launchBrowser, repoRoot } from './support/launch';
import { writePolicyFile } from './support/policy-file';
import { expect, test } from './support/test';

interface StoredRecord {
  id: string;
  createdAt: string;
  url: string;
  category: string;
  verdict: string;
  sentAt?: string;
}

/** The filtering records the worker stored (background/filtering/filtering-record-store.ts). */
export function storedFilteringRecords(worker: Worker): Promise<StoredRecord[]> {
  return worker.evaluate(
    () =>
      new Promise<StoredRecord[]>((resolve, reject) => {
        const open = indexedDB.open('safe-class');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction('filteringRecords').objectStore('filteringRecords').getAll();
          all.onerror = () => reject(all.error);
          all.onsuccess = () => {
            db.close();
            const records = all.result as StoredRecord[];
            resolve(records.sort((a, b) => a.createdAt.localeCompare(b.createdAt)));
          };
        };
      }),
  );
}

const summary = (records: StoredRecord[]) =>
  records.map(({ url, category, verdict }) => ({ url, category, verdict }));

/** An allowed page with links, so the blocked navigations are the pupil's own clicks. */
function linksPage(server: FixtureServer, links: Record<string, string>): string {
  const anchors = Object.entries(links)
    .map(([id, href]) => `<li><a id="${id}" href="${href}">${id}</a></li>`)
    .join('');
  server.route('www.topmarks.co.uk', '/links', { body: html('Links', `<ul>${anchors}</ul>`) });
  return 'https://www.topmarks.co.uk/links';
}

/** Whether the block page has marked its history entry as recorded (record-attempt.ts). */
const entryRecorded = (page: Page) =>
  page.evaluate(() => {
    const state: unknown = history.state;
    return typeof state === 'object' && state !== null && 'filteringRecordMade' in state;
  });

test('a blocked navigation leaves exactly one record, and a reload of the block page none', async ({
  launched,
  server,
}) => {
  await applyPolicy(launched.worker, { keyStage: 'ks2', ks2: ['www.topmarks.co.uk'] });
  const page = await launched.context.newPage();
  await page.goto(
    linksPage(server, {
      offList: 'https://games.example.net/play?level=3',
      second: 'https://other.example.net/',
    }),
  );
  await page.click('#offList');
  await expect(page).toHaveURL(BLOCK_PAGE);
  expect(new URL(page.url()).searchParams.get('why')).toBe('list');
  await expect
    .poll(async () => summary(await storedFilteringRecords(launched.worker)))
    .toEqual([
      { url: 'https://games.example.net/play?level=3', category: 'list', verdict: 'blocked' },
    ]);
  const [first] = await storedFilteringRecords(launched.worker);
  expect(first?.id).toMatch(/^[0-9a-f-]{36}$/);
  expect(Date.parse(first?.createdAt ?? '')).toBeGreaterThan(Date.now() - 60_000);
  await expect.poll(() => entryRecorded(page)).toBe(true);

  // The reload shows the same page from the same history entry, which says it was recorded.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await entryRecorded(page)).toBe(true);
  // A new attempt afterwards is recorded: once it is there, the reload's would have been too.
  await page.goBack();
  await page.click('#second');
  await expect(page).toHaveURL(BLOCK_PAGE);
  await expect
    .poll(async () => summary(await storedFilteringRecords(launched.worker)))
    .toEqual([
      { url: 'https://games.example.net/play?level=3', category: 'list', verdict: 'blocked' },
      { url: 'https://other.example.net/', category: 'list', verdict: 'blocked' },
    ]);
  expect(server.requestsTo('games.example.net')).toHaveLength(0);
});

test('a web proxy is blocked as a way round the filter, never reached, and recorded', async ({
  launched,
  server,
}) => {
  // Even on the school's own list, a proxy stays blocked.
  await applyPolicy(launched.worker, {
    keyStage: 'ks2',
    ks2: ['www.topmarks.co.uk', 'croxyproxy.com'],
  });
  const page = await launched.context.newPage();
  await page.goto(linksPage(server, { proxy: 'https://www.croxyproxy.com/' }));
  await page.click('#proxy');
  await expect(page).toHaveURL(BLOCK_PAGE);
  expect(new URL(page.url()).searchParams.get('why')).toBe('circumvention');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'This site gets round the safety filter',
  );
  await expect(
    page.getByText(/This site is for getting round the school's safety filter/),
  ).toBeVisible();
  // Nothing to ask to visit.
  await expect(page.getByRole('button', { name: 'Ask to visit' })).toBeHidden();
  await expectNoAxeViolations(page);
  await expect
    .poll(async () => summary(await storedFilteringRecords(launched.worker)))
    .toEqual([
      { url: 'https://www.croxyproxy.com/', category: 'circumvention', verdict: 'blocked' },
    ]);
  expect(server.requestsTo('www.croxyproxy.com')).toHaveLength(0);

  // KS1 sees the safety shield and short words.
  await applyPolicy(launched.worker, { keyStage: 'ks1', ks1: ['www.topmarks.co.uk'] });
  await page.goto('https://nordvpn.com/download/');
  await expect(page).toHaveURL(BLOCK_PAGE);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Our safety shield stays on');
  await expect(page.locator('#shield')).toBeVisible();
  await expect(page.locator('#owl')).toBeHidden();
  await expectNoAxeViolations(page);
  expect(server.requestsTo('nordvpn.com')).toHaveLength(0);
});

test('opening chrome://extensions lands on the block page and is recorded as getting round the filter', async ({
  launched,
}) => {
  await applyPolicy(launched.worker, { keyStage: 'ks2', ks2: ['www.topmarks.co.uk'] });
  const page = await launched.context.newPage();
  // The extension takes the tab away mid-navigation, so goto itself ends in an abort.
  await page.goto('chrome://extensions/').catch(() => undefined);
  await expect(page).toHaveURL(BLOCK_PAGE);
  const blocked = new URL(page.url());
  expect(blocked.searchParams.get('why')).toBe('circumvention');
  expect(blocked.hash).toBe('#chrome://extensions/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'This site gets round the safety filter',
  );
  await expect(page.getByText('chrome://extensions/', { exact: true })).toBeVisible();
  // chrome://extensions can't be asked for.
  await expect(page.getByRole('button', { name: 'Ask to visit' })).toBeHidden();
  await expect
    .poll(async () => summary(await storedFilteringRecords(launched.worker)))
    .toEqual([{ url: 'chrome://extensions/', category: 'circumvention', verdict: 'blocked' }]);

  // Other browser pages are left alone.
  await page.goto('chrome://version/');
  await expect(page).toHaveURL('chrome://version/');
});

interface HubRow {
  id: string;
  device: string;
  pupil_email: string | null;
  created_at: string;
  received_at: string;
  url: string;
  category: string;
  verdict: string;
}

/** The hub's filtering record as its database holds it, read beside the running hub. */
function hubFilteringRecords(dataDir: string): HubRow[] {
  const db = new Database(path.join(dataDir, 'hub.sqlite'), { readonly: true });
  try {
    return db
      .prepare(
        `select r.id, d.device_id as device, p.email as pupil_email, r.created_at, r.received_at,
           r.url, r.category, r.verdict
         from filtering_records r
           join devices d on d.id = r.device_id
           left join pupils p on p.id = r.pupil_id
         order by r.created_at`,
      )
      .all() as HubRow[];
  } finally {
    db.close();
  }
}

test('with a classroom hub, the record reaches it with the device, pupil, time, address and verdict', async ({
  server,
}) => {
  const pupilEmail = 'dev.demo@demo.school';
  const hub = await startHub();
  const removePolicy = await writePolicyFile('safe-class-filtering-record-e2e', {
    keyStage: 'ks2',
    ks2Sites: ['www.topmarks.co.uk'],
    hubUrl: hub.url.replace('127.0.0.1', 'localhost'),
    enrolmentToken: ENROLMENT_TOKEN,
  });
  // The e2e build lets the test name the pupil: a headless browser can't sign in.
  const pupil = await launchBrowser({
    serverPort: server.port,
    distDir: path.join(repoRoot, 'dist-test'),
  });
  try {
    const worker = pupil.worker;
    if (!worker) throw new Error('The extension did not start.');
    await worker.evaluate(
      (email) => chrome.storage.local.set({ testPupilEmail: email }),
      pupilEmail,
    );
    // The school's policy is installed before the pupil browses (until then everything is blocked).
    await waitForEnforcement(worker);

    const page = await pupil.context.newPage();
    const before = new Date().toISOString();
    await page.goto(linksPage(server, { proxy: 'https://www.croxyproxy.com/browse?u=games' }));
    await page.click('#proxy');
    await expect(page).toHaveURL(BLOCK_PAGE);

    await expect
      .poll(() => hubFilteringRecords(hub.dataDir), { timeout: 30_000 })
      .toEqual([
        {
          id: expect.stringMatching(/^[0-9a-f-]{36}$/),
          device: expect.any(String),
          pupil_email: pupilEmail,
          created_at: expect.any(String),
          received_at: expect.any(String),
          url: 'https://www.croxyproxy.com/browse?u=games',
          category: 'circumvention',
          verdict: 'blocked',
        },
      ]);
    const [row] = hubFilteringRecords(hub.dataDir);
    if (!row) throw new Error('The hub holds no record.');
    // The device is this Chromium: the id it made once and enrolled with.
    const deviceId = await worker.evaluate(async () => {
      const stored = await chrome.storage.local.get('deviceId');
      return stored.deviceId as string | undefined;
    });
    expect(row.device).toBe(deviceId);
    // When the pupil tried, by the device's clock: after the test began, before it arrived.
    expect(row.created_at >= before && row.created_at <= row.received_at).toBe(true);
    // The device's copy is marked as held by the hub, under the same id.
    await expect
      .poll(async () =>
        (await storedFilteringRecords(worker)).map((r) => [r.id, Boolean(r.sentAt)]),
      )
      .toEqual([[row.id, true]]);
    expect(server.requestsTo('www.croxyproxy.com')).toHaveLength(0);
  } finally {
    await removePolicy();
    await pupil.close();
    await hub.stop();
  }
});
