// The keyword watch in the worker: a tab's new address and title against the device's list,
// each keyword reported once for each address a tab shows, the prompt injected once, and what
// it did kept in storage.session, so a stopped worker neither forgets nor repeats.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Tabs } from 'webextension-polyfill';
import { contentSender, fakeBrowser, installFakeExtension, type FakeDnr } from './fake-extension';
import { database } from '../../background/database';
import { storeHubState } from '../../background/hub-link/hub-state';
import { recordKeywordAlert, REPEAT_ALERT_MS } from '../../background/keywords/keyword-alerts';
import {
  removeRetiredWatch,
  RETIRED_WATCH_LIST_KEY,
  RETIRED_WATCH_SCRIPT,
  syncKeywordWatch,
} from '../../background/keywords/keyword-watch-sync';
import { forgetClosedTab, watchTabChange } from '../../background/keywords/tab-keyword-watch';
import { listenToTabs } from '../../background/keywords/tab-listening';
import { createMessageRouter, type Handlers } from '../../background/message-router';
import { refreshManagedState } from '../../background/policy-store';
import { SESSION_KEYS } from '../../background/storage-keys';

const HUB = 'https://hub.school.example';
const SEARCH = 'https://www.google.com/search?q=self+harm';
const PROMPT_FILE = 'content-scripts/keyword-prompt.js';

let dnr: FakeDnr;
let alerted: ReturnType<typeof vi.fn<() => void>>;

async function useManaged(fields: Record<string, unknown>) {
  await fakeBrowser.storage.managed.clear();
  await fakeBrowser.storage.managed.set(fields);
  await refreshManagedState();
}

const openTab = async (url: string) => (await fakeBrowser.tabs.create({ url })) as Tabs.Tab;

/** The tab changes as Chrome reports it, and the watch looks at the change. */
async function change(
  tab: Tabs.Tab,
  info: { url?: string; title?: string },
  watch = watchTabChange,
): Promise<void> {
  const tabId = tab.id ?? -1;
  const updated = (await fakeBrowser.tabs.update(tabId, info as Tabs.UpdateUpdatePropertiesType))!;
  await watch(tabId, info, updated, alerted);
}

/** Several changes, one after the other, as a page reports them while it loads. */
async function changes(tab: Tabs.Tab, infos: { url?: string; title?: string }[]): Promise<void> {
  for (const info of infos) await change(tab, info);
}

const alertsNow = async () =>
  (await database.keywordAlerts.orderBy('createdAt').toArray()).map(
    ({ keyword, where, url }) => `${keyword} ${where} ${url}`,
  );
const prompts = () => dnr.fileInjections;
const tabRecords = async () =>
  (await fakeBrowser.storage.session.get(SESSION_KEYS.keywordTabs))[SESSION_KEYS.keywordTabs];

beforeEach(async () => {
  dnr = installFakeExtension();
  alerted = vi.fn<() => void>();
  await database.keywordAlerts.clear();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('the keyword watch', () => {
  beforeEach(async () => {
    await useManaged({ keywords: ['Self harm', 'grooming'] });
  });

  it('finds a keyword in a search, records the keyword and the address, and asks the pupil', async () => {
    const tab = await openTab('https://www.google.com/');
    await change(tab, { url: SEARCH });
    expect(await alertsNow()).toEqual([`Self harm search ${SEARCH}`]);
    expect(alerted).toHaveBeenCalledOnce();
    // Into the tab's top document that matched, by the prompt's own small file.
    expect(prompts()).toEqual([
      { target: { tabId: tab.id, documentIds: [`${tab.id} ${SEARCH}`] }, files: [PROMPT_FILE] },
    ]);
  });

  it("finds a keyword in a single-page app's new title", async () => {
    const tab = await openTab('https://chat.example/');
    await change(tab, { title: 'Chat' });
    expect(await alertsNow()).toEqual([]);
    await change(tab, { title: 'Ways to self-harm | Chat' });
    expect(await alertsNow()).toEqual(['Self harm title https://chat.example/']);
    expect(prompts()).toHaveLength(1);
  });

  it('reports each keyword once for each address, and asks once for each address', async () => {
    const tab = await openTab('https://www.google.com/');
    await changes(tab, [
      { url: SEARCH },
      { title: 'self harm - Google Search' },
      { title: 'self harm and grooming - Google Search' },
    ]);
    expect(await alertsNow()).toEqual([`Self harm search ${SEARCH}`, `grooming title ${SEARCH}`]);
    expect(prompts()).toHaveLength(1);

    // A new search is a new address: reported and asked again.
    const next = 'https://www.google.com/search?q=self+harm+help';
    await change(tab, { url: next });
    expect(await alertsNow()).toHaveLength(3);
    expect(prompts()).toHaveLength(2);
    expect(alerted).toHaveBeenCalledTimes(3);
  });

  it('never matches the address Chrome shows as the title of a page without one', async () => {
    const tab = await openTab('https://stories.example/self-harm');
    for (const title of ['stories.example/self-harm', 'https://stories.example/self-harm']) {
      await change(tab, { title });
    }
    expect(await alertsNow()).toEqual([]);
    // The page's own title is a title.
    await change(tab, { title: 'Self-harm: stories' });
    expect(await alertsNow()).toEqual(['Self harm title https://stories.example/self-harm']);
  });

  it('leaves pages that are not web pages alone', async () => {
    const tab = await openTab('chrome://newtab/');
    await changes(tab, [
      { url: 'chrome://history/?q=self+harm' },
      { title: 'self harm - History' },
      { url: 'file:///home/pupil/self-harm.html?q=self+harm' },
    ]);
    expect(await alertsNow()).toEqual([]);
    expect(prompts()).toEqual([]);
  });

  it('remembers what it did across a worker restart', async () => {
    const tab = await openTab('https://www.google.com/');
    await change(tab, { url: SEARCH });
    expect(await tabRecords()).toEqual({
      [String(tab.id)]: { url: SEARCH, reported: ['Self harm'], prompted: true },
    });

    // A new worker: the module's own memory is gone, storage.session is not. Long enough later
    // that the alert store alone would take the same search as a new moment.
    vi.resetModules();
    const restarted = await import('../../background/keywords/tab-keyword-watch');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + REPEAT_ALERT_MS + 1_000);
    await change(tab, { title: 'self harm - Google Search' }, restarted.watchTabChange);
    expect(await alertsNow()).toHaveLength(1);
    expect(prompts()).toHaveLength(1);
  });

  it("forgets a tab's record when it moves to a new address or closes", async () => {
    const tab = await openTab('https://www.google.com/');
    await change(tab, { url: SEARCH });
    await change(tab, { url: 'https://www.bbc.co.uk/bitesize' });
    expect(await tabRecords()).toBeUndefined();

    await change(tab, { url: SEARCH });
    expect(await tabRecords()).toBeDefined();
    await forgetClosedTab(tab.id ?? -1);
    expect(await tabRecords()).toBeUndefined();
  });

  it('records the alert, but asks no page the tab has already left or that refuses scripts', async () => {
    const tab = await openTab('https://www.google.com/');
    const left = (await fakeBrowser.tabs.update(tab.id ?? -1, { url: SEARCH }))!;
    await fakeBrowser.tabs.update(tab.id ?? -1, { url: 'https://www.bbc.co.uk/' });
    await watchTabChange(tab.id ?? -1, { url: SEARCH }, left, alerted);
    expect(await alertsNow()).toEqual([`Self harm search ${SEARCH}`]);
    expect(prompts()).toEqual([]);

    dnr.injectionError = new Error('Cannot access contents of the page.');
    const other = await openTab('https://www.bing.com/');
    await change(other, { url: 'https://www.bing.com/search?q=grooming' });
    expect(await alertsNow()).toHaveLength(2);
  });
});

describe('with no keywords', () => {
  it('does nothing at all, and stops listening to tabs', async () => {
    await useManaged({ keyStage: 'ks2' });
    const updated = vi.fn();
    listenToTabs(updated, vi.fn());
    expect(fakeBrowser.tabs.onUpdated.hasListener(updated)).toBe(true);
    const tab = await openTab('https://www.google.com/');
    await change(tab, { url: SEARCH });
    expect(await alertsNow()).toEqual([]);
    expect(prompts()).toEqual([]);
    expect(await tabRecords()).toBeUndefined();
    expect(fakeBrowser.tabs.onUpdated.hasListener(updated)).toBe(false);
  });
});

describe('keeping the watch in step with the list', () => {
  const updated = vi.fn();
  const removed = vi.fn();
  const listening = () => [
    fakeBrowser.tabs.onUpdated.hasListener(updated),
    fakeBrowser.tabs.onRemoved.hasListener(removed),
  ];

  beforeEach(() => {
    listenToTabs(updated, removed);
  });

  it('listens to tabs only while there are keywords, and forgets every tab when they go', async () => {
    await useManaged({ keyStage: 'ks2' });
    await syncKeywordWatch();
    expect(listening()).toEqual([false, false]);

    await useManaged({ keywords: ['grooming'] });
    await syncKeywordWatch();
    expect(listening()).toEqual([true, true]);
    const tab = await openTab('https://www.google.com/');
    await change(tab, { url: 'https://www.google.com/search?q=grooming' });
    expect(await tabRecords()).toBeDefined();

    await useManaged({ keywords: [] });
    await syncKeywordWatch();
    expect(listening()).toEqual([false, false]);
    expect(await tabRecords()).toBeUndefined();
  });

  it('looks at each page with its own copy of the list, never reading the whole policy', async () => {
    await useManaged({ keywords: ['grooming'] });
    await syncKeywordWatch();
    const policyReads = vi.spyOn(fakeBrowser.storage.local, 'get');
    const tab = await openTab('https://www.bbc.co.uk/');
    await changes(tab, [{ url: 'https://www.bbc.co.uk/news' }, { title: 'BBC News' }]);
    await change(tab, { url: 'https://www.google.com/search?q=grooming' });
    expect(policyReads).not.toHaveBeenCalled();
    expect(await alertsNow()).toEqual(['grooming search https://www.google.com/search?q=grooming']);
  });

  it('reads the list from its sources when there is no copy yet, as when the browser starts', async () => {
    await useManaged({ keywords: ['grooming'] });
    await fakeBrowser.storage.session.clear();
    const tab = await openTab('https://www.google.com/');
    await change(tab, { url: 'https://www.google.com/search?q=grooming' });
    expect(await alertsNow()).toEqual(['grooming search https://www.google.com/search?q=grooming']);
    expect(
      (await fakeBrowser.storage.session.get(SESSION_KEYS.keywordList))[SESSION_KEYS.keywordList],
    ).toEqual(['grooming']);
  });

  it("takes the hub's keywords with the managed ones, while the school names that hub", async () => {
    await useManaged({ hubUrl: HUB, enrolmentToken: 'school-token-123' });
    await syncKeywordWatch();
    expect(listening()).toEqual([false, false]);
    await storeHubState(HUB, {
      pupil: { name: 'Ava' },
      classId: 1,
      keyStage: 'ks2',
      lesson: null,
      grants: [],
      schoolSites: [],
      answers: [],
      keywords: ['self-harm', 'radicalisation'],
    });
    await syncKeywordWatch();
    expect(listening()).toEqual([true, true]);
    const tab = await openTab('https://www.google.com/');
    await change(tab, { url: 'https://www.google.com/search?q=radicalisation' });
    expect(await alertsNow()).toEqual([
      'radicalisation search https://www.google.com/search?q=radicalisation',
    ]);
  });

  it('removes the content script an older version registered, and its copy of the list', async () => {
    dnr.scripts.push(
      { id: RETIRED_WATCH_SCRIPT, js: ['content-scripts/keyword-watch.js'], matches: ['*://*/*'] },
      { id: 'prompts', js: ['content-scripts/prompts.js'], matches: ['*://*/*'] },
      { id: 'backstop-outside-allowed', js: ['backstop.js'], matches: ['<all_urls>'] },
    );
    await fakeBrowser.storage.local.set({ [RETIRED_WATCH_LIST_KEY]: ['grooming'] });
    await useManaged({ keywords: ['grooming'] });
    await removeRetiredWatch();
    expect(dnr.scripts.map((script) => script.id)).toEqual(['prompts', 'backstop-outside-allowed']);
    expect(await fakeBrowser.storage.local.get(RETIRED_WATCH_LIST_KEY)).toEqual({});
    // Nothing is registered for the watch again.
    await syncKeywordWatch();
    expect(dnr.scripts).toHaveLength(2);
  });
});

describe('keyword alerts', () => {
  const match = { keyword: 'Self harm', where: 'search' as const, url: SEARCH };

  it('records a match once: the term and the address, nothing else', async () => {
    expect(await recordKeywordAlert(match)).toBe(true);
    expect(await recordKeywordAlert(match)).toBe(false);
    expect(await recordKeywordAlert({ ...match, where: 'title' })).toBe(false);
    const alerts = await database.keywordAlerts.toArray();
    expect(alerts).toHaveLength(1);
    expect(Object.keys(alerts[0] ?? {}).sort()).toEqual(
      ['createdAt', 'id', 'keyword', 'url', 'where'].sort(),
    );
    expect(alerts[0]).toMatchObject(match);
  });

  it('records the same keyword on another address, and again after a few minutes', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    expect(await recordKeywordAlert(match)).toBe(true);
    expect(
      await recordKeywordAlert({ ...match, url: 'https://www.bing.com/search?q=self+harm' }),
    ).toBe(true);
    vi.setSystemTime(Date.now() + REPEAT_ALERT_MS + 1_000);
    expect(await recordKeywordAlert(match)).toBe(true);
    expect(await database.keywordAlerts.count()).toBe(3);
  });

  it('comes only from the worker: a content script may flag, but has no way to make up an alert', async () => {
    const calls: string[] = [];
    const handlers = new Proxy({} as Handlers, {
      get: (_, name: string) => async () => {
        calls.push(name);
        return {};
      },
    });
    const route = createMessageRouter(handlers, async () => undefined);
    expect((await route({ name: 'content.flag', body: {} }, contentSender)).ok).toBe(true);
    expect((await route({ name: 'content.keywordMatch', body: match }, contentSender)).ok).toBe(
      false,
    );
    expect(calls).toEqual(['content.flag']);
  });
});
