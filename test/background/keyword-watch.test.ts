import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { contentSender, fakeBrowser, installFakeExtension, type FakeDnr } from './fake-extension';
import { database } from '../../background/database';
import { storeHubState } from '../../background/hub-link/hub-state';
import { recordKeywordAlert, REPEAT_ALERT_MS } from '../../background/keywords/keyword-alerts';
import {
  KEYWORD_WATCH_SCRIPT,
  syncKeywordWatch,
} from '../../background/keywords/keyword-watch-script';
import { createMessageRouter, type Handlers } from '../../background/message-router';
import { refreshManagedState } from '../../background/policy-store';
import { KEYWORD_WATCH_KEY } from '../../shared/keyword-watch-list';

const HUB = 'https://hub.school.example';

let dnr: FakeDnr;

async function useManaged(fields: Record<string, unknown>) {
  await fakeBrowser.storage.managed.clear();
  await fakeBrowser.storage.managed.set(fields);
  await refreshManagedState();
}

const watchList = async () =>
  (await fakeBrowser.storage.local.get(KEYWORD_WATCH_KEY))[KEYWORD_WATCH_KEY];
const watchScripts = () => dnr.scripts.filter((script) => script.id === KEYWORD_WATCH_SCRIPT);

beforeEach(async () => {
  dnr = installFakeExtension();
  await database.keywordAlerts.clear();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('the keyword-watch content script', () => {
  it('is not registered while there are no keywords: web pages pay nothing', async () => {
    await useManaged({ keyStage: 'ks2' });
    await syncKeywordWatch();
    expect(watchScripts()).toEqual([]);
    expect(await watchList()).toBeUndefined();
  });

  it('is registered for web pages once there are keywords, with the list beside it', async () => {
    await useManaged({ keywords: ['self harm', 'grooming'] });
    await syncKeywordWatch();
    expect(watchScripts()).toEqual([
      expect.objectContaining({
        matches: ['http://*/*', 'https://*/*'],
        runAt: 'document_idle',
        allFrames: false,
        persistAcrossSessions: true,
      }),
    ]);
    expect(watchScripts()[0]?.js).toEqual(['content-scripts/keyword-watch.js']);
    expect(await watchList()).toEqual(['self harm', 'grooming']);

    // A second sync with the list unchanged registers nothing twice.
    await syncKeywordWatch();
    expect(watchScripts()).toHaveLength(1);
  });

  it("adds the hub's keywords to the managed ones, while the school names that hub", async () => {
    await useManaged({
      hubUrl: HUB,
      enrolmentToken: 'school-token-123',
      keywords: ['Self harm'],
    });
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
    expect(await watchList()).toEqual(['Self harm', 'radicalisation']);

    // The hub alone is enough to watch.
    await useManaged({ hubUrl: HUB, enrolmentToken: 'school-token-123' });
    await syncKeywordWatch();
    expect(await watchList()).toEqual(['self-harm', 'radicalisation']);
    expect(watchScripts()).toHaveLength(1);
  });

  it('is unregistered, and the list removed, when the list empties', async () => {
    await useManaged({ keywords: ['grooming'] });
    await syncKeywordWatch();
    expect(watchScripts()).toHaveLength(1);
    await useManaged({ keywords: [] });
    await syncKeywordWatch();
    expect(watchScripts()).toEqual([]);
    expect(await watchList()).toBeUndefined();
  });

  it("leaves the backstop's registrations alone", async () => {
    dnr.scripts.push({
      id: 'backstop-outside-allowed',
      js: ['backstop.js'],
      matches: ['<all_urls>'],
    });
    await useManaged({ keywords: ['grooming'] });
    await syncKeywordWatch();
    await useManaged({ keywords: [] });
    await syncKeywordWatch();
    expect(dnr.scripts.map((script) => script.id)).toEqual(['backstop-outside-allowed']);
  });
});

describe('keyword alerts', () => {
  const match = {
    keyword: 'self harm',
    where: 'search' as const,
    url: 'https://www.google.com/search?q=self+harm',
  };

  beforeEach(async () => {
    await useManaged({ keywords: ['Self harm', 'grooming'] });
  });

  it('records a match once: the term and the address, nothing else', async () => {
    expect(await recordKeywordAlert(match)).toBe(true);
    expect(await recordKeywordAlert(match)).toBe(false);
    expect(await recordKeywordAlert({ ...match, where: 'title' })).toBe(false);
    const alerts = await database.keywordAlerts.toArray();
    expect(alerts).toHaveLength(1);
    expect(Object.keys(alerts[0] ?? {}).sort()).toEqual(
      ['createdAt', 'id', 'keyword', 'url', 'where'].sort(),
    );
    // Stored as the school's list spells it.
    expect(alerts[0]).toMatchObject({ keyword: 'Self harm', where: 'search', url: match.url });
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

  it("refuses a keyword that isn't on the list, and an address that isn't a web page", async () => {
    expect(await recordKeywordAlert({ ...match, keyword: 'homework' })).toBe(false);
    expect(await recordKeywordAlert({ ...match, url: 'chrome://history/?q=self+harm' })).toBe(
      false,
    );
    expect(await database.keywordAlerts.count()).toBe(0);
  });

  it('comes from a content script, which may report a match and flag but nothing more', async () => {
    const calls: string[] = [];
    const handlers = new Proxy({} as Handlers, {
      get: (_, name: string) => async () => {
        calls.push(name);
        return name === 'content.keywordMatch' ? { recorded: true } : {};
      },
    });
    const route = createMessageRouter(handlers, async () => undefined);
    expect((await route({ name: 'content.keywordMatch', body: match }, contentSender)).ok).toBe(
      true,
    );
    expect((await route({ name: 'content.flag', body: {} }, contentSender)).ok).toBe(true);
    expect((await route({ name: 'pupil.flag', body: { source: 'popup' } }, contentSender)).ok).toBe(
      false,
    );
    expect(
      (
        await route(
          {
            name: 'pupil.flagDetails',
            body: { id: crypto.randomUUID(), reason: 'upset', note: '' },
          },
          contentSender,
        )
      ).ok,
    ).toBe(false);
    expect(
      (
        await route(
          { name: 'content.keywordMatch', body: { ...match, where: 'body' } },
          contentSender,
        )
      ).ok,
    ).toBe(false);
    expect(calls).toEqual(['content.keywordMatch', 'content.flag']);
  });
});
