import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  blockPageSender,
  EXTENSION_ORIGIN,
  FAKE_SCREENSHOT,
  fakeBrowser,
  installFakeExtension,
  type FakeDnr,
} from './fake-extension';
import { database } from '../../background/database';
import { coverAndLeave } from '../../background/flag/cover-page';
import {
  contentFlag,
  leaveFlagScreen,
  pupilFlag,
  pupilFlagDetails,
  pupilFlagStatus,
} from '../../background/flag/flag-handlers';
import { refreshManagedState } from '../../background/policy-store';
import { syncRules } from '../../background/rule-sync';
import type { PageEvent } from '../../shared/messages';

const popupSender = { id: fakeBrowser.runtime.id, url: `${EXTENSION_ORIGIN}extension/popup.html` };
const FLAG_SCREEN = `${EXTENSION_ORIGIN}extension/flag.html`;

let dnr: FakeDnr;
let events: PageEvent[];

/** Opens a tab and makes it the active one of the (last focused) window. */
async function openTab(url: string | undefined, title = '') {
  const tab = await fakeBrowser.tabs.create({ active: true, ...(url ? { url } : {}) });
  await fakeBrowser.tabs.update(tab.id, { title } as never);
  return (await fakeBrowser.tabs.get(tab.id ?? -1)) ?? tab;
}

async function useManaged(fields: Record<string, unknown>) {
  await fakeBrowser.storage.managed.set(fields);
  await refreshManagedState();
  // The worker's cached policy is rebuilt, as a managed change does (main.ts).
  await syncRules();
}

const flagScreenOf = (url: string) => {
  const parsed = new URL(url);
  return {
    // Node gives a chrome-extension: URL no origin, so the page is read off the text.
    page: url.split('?')[0],
    id: parsed.searchParams.get('id'),
    ks: parsed.searchParams.get('ks'),
  };
};

beforeEach(async () => {
  dnr = installFakeExtension();
  await database.flags.clear();
  events = [];
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    events.push(message as PageEvent);
  });
  await syncRules();
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('pressing Flag It', () => {
  it('mutes the tab, covers it, sends it to the flag screen and stores the flag', async () => {
    const update = vi.spyOn(fakeBrowser.tabs, 'update');
    const tab = await openTab('https://games.example/chat?room=7', 'Chat room');
    update.mockClear();

    const { id } = await pupilFlag({ source: 'popup' }, popupSender);

    expect(update).toHaveBeenCalledWith(tab.id, { muted: true });
    expect(dnr.injections).toHaveLength(1);
    const [injection] = dnr.injections;
    expect(injection?.target).toEqual({ tabId: tab.id });
    expect(injection?.func).toBe(coverAndLeave);
    expect(flagScreenOf(String(injection?.args[0]))).toEqual({ page: FLAG_SCREEN, id, ks: 'ks1' });
    expect(injection?.args[1]).toBe('flag_cover_text');
    // The page leaves by itself (location.replace), so the worker doesn't navigate it too.
    expect(update).not.toHaveBeenCalledWith(
      tab.id,
      expect.objectContaining({ url: expect.anything() }),
    );

    const flag = await database.flags.get(id);
    expect(flag).toMatchObject({
      id,
      url: 'https://games.example/chat?room=7',
      title: 'Chat room',
      reason: null,
      note: '',
      source: 'popup',
      screenshot: null,
      revision: 0,
    });
    expect(Date.now() - Date.parse(flag?.createdAt ?? '')).toBeLessThan(5_000);
    expect(flag?.sentAt).toBeUndefined();
  });

  it('puts the key stage in the flag screen address', async () => {
    await useManaged({ keyStage: 'ks2' });
    await openTab('https://games.example/', 'Games');
    const { id } = await pupilFlag({ source: 'popup' }, popupSender);
    expect(flagScreenOf(String(dnr.injections[0]?.args[0]))).toEqual({
      page: FLAG_SCREEN,
      id,
      ks: 'ks2',
    });
  });

  it('has the flag stored before the status says so, and says so only then', async () => {
    await openTab('https://games.example/', 'Games');
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const add = database.flags.add.bind(database.flags);
    const heldAdd = async (...args: Parameters<typeof add>) => {
      await gate;
      return add(...args);
    };
    vi.spyOn(database.flags, 'add').mockImplementation(heldAdd as unknown as typeof add);

    const pressing = pupilFlag({ source: 'popup' }, popupSender);
    // The cover doesn't wait for the write...
    await vi.waitFor(() => expect(dnr.injections).toHaveLength(1));
    const id = flagScreenOf(String(dnr.injections[0]?.args[0])).id ?? '';
    // ...but the flag screen does: nothing says "stored" while the write is under way.
    expect(await pupilFlagStatus({ id })).toEqual({
      stored: false,
      detailsGiven: false,
      hub: false,
    });
    expect(events).toEqual([]);

    const storedWhenAnnounced: boolean[] = [];
    fakeBrowser.runtime.onMessage.addListener(async (message: unknown) => {
      if ((message as PageEvent).event === 'flag.stored') {
        storedWhenAnnounced.push(Boolean(await database.flags.get(id)));
      }
    });
    release();
    expect((await pressing).id).toBe(id);
    expect(events).toEqual([{ event: 'flag.stored', id }]);
    expect(storedWhenAnnounced).toEqual([true]);
    expect(await pupilFlagStatus({ id })).toEqual({
      stored: true,
      detailsGiven: false,
      hub: false,
    });
  });

  it('tells the flag screen when the flag could not be stored', async () => {
    await openTab('https://games.example/', 'Games');
    vi.spyOn(database.flags, 'add').mockRejectedValue(new Error('QuotaExceededError'));
    await expect(pupilFlag({ source: 'popup' }, popupSender)).rejects.toThrow('QuotaExceeded');
    const id = flagScreenOf(String(dnr.injections[0]?.args[0])).id;
    expect(events).toEqual([{ event: 'flag.failed', id }]);
  });

  it('says whether the school has a hub, so the screen knows what to promise', async () => {
    await useManaged({ hubUrl: 'https://hub.school.example', enrolmentToken: 'school-token-123' });
    await openTab('https://games.example/', 'Games');
    const { id } = await pupilFlag({ source: 'popup' }, popupSender);
    expect(await pupilFlagStatus({ id })).toEqual({ stored: true, detailsGiven: false, hub: true });
  });

  it('from the block page, flags its own tab with the blocked address and no title', async () => {
    const update = vi.spyOn(fakeBrowser.tabs, 'update');
    const tab = await openTab(blockPageSender.url, 'This page is not open for you');
    const { id } = await pupilFlag(
      { source: 'block-page' },
      { ...blockPageSender, tab: tab as never },
    );
    // An extension page can't be scripted: the tab itself goes to the flag screen.
    expect(dnr.injections).toEqual([]);
    expect(update).toHaveBeenCalledWith(tab.id, { url: expect.stringContaining(FLAG_SCREEN) });
    expect(await database.flags.get(id)).toMatchObject({
      url: 'https://x.example/',
      title: '',
      source: 'block-page',
    });
  });

  it('sends a browser page (no script allowed) straight to the flag screen', async () => {
    const update = vi.spyOn(fakeBrowser.tabs, 'update');
    const tab = await openTab('chrome://settings/', '');
    const { id } = await pupilFlag({ source: 'popup' }, popupSender);
    expect(dnr.injections).toEqual([]);
    expect(update).toHaveBeenCalledWith(tab.id, { muted: true });
    const navigation = update.mock.calls.find(([, change]) => 'url' in (change as object));
    expect(flagScreenOf(String((navigation?.[1] as { url: string }).url))).toMatchObject({ id });
  });

  it('still leaves a web page that Chrome refuses to script', async () => {
    const update = vi.spyOn(fakeBrowser.tabs, 'update');
    dnr.injectionError = new Error('The extensions gallery cannot be scripted.');
    const tab = await openTab('https://chromewebstore.google.com/', 'Web Store');
    const { id } = await pupilFlag({ source: 'popup' }, popupSender);
    expect(update).toHaveBeenCalledWith(tab.id, {
      url: expect.stringContaining(`${FLAG_SCREEN}?id=${id}`),
    });
    expect(await database.flags.get(id)).toBeDefined();
  });

  it('flags the tab a keyword prompt was shown in, as from the prompt', async () => {
    const tab = await openTab('https://search.example/?q=x', 'Results');
    await contentFlag({}, { id: fakeBrowser.runtime.id, url: tab.url, tab: tab as never });
    const [flag] = await database.flags.toArray();
    expect(flag).toMatchObject({ url: 'https://search.example/?q=x', source: 'prompt' });
    expect(dnr.injections[0]?.target).toEqual({ tabId: tab.id });
  });

  it('makes one flag of a second press on the same page, and none on the flag screen', async () => {
    const tab = await openTab('https://games.example/', 'Games');
    const first = await pupilFlag({ source: 'popup' }, popupSender);
    const again = await pupilFlag({ source: 'popup' }, popupSender);
    expect(again.id).toBe(first.id);

    await fakeBrowser.tabs.update(tab.id, {
      url: `${FLAG_SCREEN}?id=${first.id}&ks=ks1`,
    });
    dnr.injections = [];
    const onScreen = await pupilFlag({ source: 'popup' }, popupSender);
    expect(onScreen.id).toBe(first.id);
    expect(dnr.injections).toEqual([]);
    expect(await database.flags.count()).toBe(1);
  });

  it('records what the pupil says happened as a new revision waiting to be sent', async () => {
    await openTab('https://games.example/', 'Games');
    const { id } = await pupilFlag({ source: 'popup' }, popupSender);
    await database.flags.update(id, { sentAt: new Date().toISOString() });
    await pupilFlagDetails({ id, reason: 'contact', note: '  asked where I live ' });
    const flag = await database.flags.get(id);
    expect(flag).toMatchObject({ reason: 'contact', note: 'asked where I live', revision: 1 });
    expect(flag?.sentAt).toBeUndefined();
    expect(await pupilFlagStatus({ id })).toMatchObject({ stored: true, detailsGiven: true });
    await expect(
      pupilFlagDetails({ id: crypto.randomUUID(), reason: 'upset', note: '' }),
    ).rejects.toThrow(/no longer on this device/);
  });

  it('leaves the flag screen for the new tab page, with the sound back on', async () => {
    const update = vi.spyOn(fakeBrowser.tabs, 'update');
    const tab = await openTab(`${FLAG_SCREEN}?id=x`, 'Flag It');
    await leaveFlagScreen({}, { id: fakeBrowser.runtime.id, url: tab.url, tab: tab as never });
    expect(update).toHaveBeenCalledWith(tab.id, { url: 'chrome://newtab/', muted: false });
  });
});

describe('screenshots', () => {
  it('are never taken unless the school switched them on', async () => {
    await openTab('https://games.example/', 'Games');
    const { id } = await pupilFlag({ source: 'popup' }, popupSender);
    expect(dnr.captures).toEqual([]);
    expect((await database.flags.get(id))?.screenshot).toBeNull();

    await useManaged({ flagScreenshots: false });
    await openTab('https://other.example/', 'Other');
    const off = await pupilFlag({ source: 'popup' }, popupSender);
    expect(dnr.captures).toEqual([]);
    expect((await database.flags.get(off.id))?.screenshot).toBeNull();
  });

  it('are taken, before the cover goes on, when switched on', async () => {
    await useManaged({ flagScreenshots: true });
    const order: string[] = [];
    vi.spyOn(fakeBrowser.tabs, 'captureVisibleTab').mockImplementation(async () => {
      order.push('capture');
      return FAKE_SCREENSHOT;
    });
    const inject = chrome.scripting.executeScript;
    vi.spyOn(chrome.scripting, 'executeScript').mockImplementation(async (injection) => {
      order.push('cover');
      return inject(injection);
    });
    const tab = await openTab('https://games.example/', 'Games');
    const { id } = await pupilFlag({ source: 'popup' }, popupSender);
    expect(order).toEqual(['capture', 'cover']);
    expect(fakeBrowser.tabs.captureVisibleTab).toHaveBeenCalledWith(tab.windowId, {
      format: 'jpeg',
      quality: expect.any(Number),
    });
    expect((await database.flags.get(id))?.screenshot).toBe(FAKE_SCREENSHOT);
  });

  it('are left out when too large for the hub (and nothing here can shrink them)', async () => {
    await useManaged({ flagScreenshots: true });
    vi.spyOn(fakeBrowser.tabs, 'captureVisibleTab').mockImplementation(
      async () => `data:image/jpeg;base64,${'A'.repeat(500_000)}`,
    );
    await openTab('https://games.example/', 'Games');
    const { id } = await pupilFlag({ source: 'popup' }, popupSender);
    expect((await database.flags.get(id))?.screenshot).toBeNull();
  });

  it('are not taken of a tab the pupil is not looking at', async () => {
    await useManaged({ flagScreenshots: true });
    const tab = await openTab('https://games.example/', 'Games');
    await contentFlag(
      {},
      { id: fakeBrowser.runtime.id, url: tab.url, tab: { ...tab, active: false } as never },
    );
    expect(dnr.captures).toEqual([]);
  });
});
