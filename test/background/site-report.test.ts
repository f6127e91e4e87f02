import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser, installFakeExtension } from './fake-extension';
import { FakeSocket, installFakeSocket, lastSocket } from './fake-socket';
import { connectToHub, onHubOpen, onPolicyChange } from '../../background/hub-link/hub-client';
import { readHubState } from '../../background/hub-link/hub-state';
import { TEST_PUPIL_EMAIL_KEY } from '../../background/hub-link/identity';
import { domainOf } from '../../background/hub-link/site-report';
import { refreshManagedState } from '../../background/policy-store';

const HUB = 'https://hub.school.example';
let activeUrl: string | undefined;

const tab = (url: string | undefined) => ({
  id: 7,
  index: 0,
  windowId: 1,
  active: true,
  highlighted: true,
  pinned: false,
  incognito: false,
  frozen: false,
  selected: true,
  discarded: false,
  autoDiscardable: true,
  groupId: -1,
  lastAccessed: 0,
  ...(url === undefined ? {} : { url }),
});

/** What the device told the hub about sites, in order. */
const siteReports = () =>
  lastSocket()
    .sent.filter((message) => message.type === 'site')
    .map((message) => message.domain);

/** Lets the reports settle (they wait half a second after the last change). */
const settle = async () => {
  await vi.advanceTimersByTimeAsync(600);
};

beforeEach(async () => {
  installFakeExtension();
  installFakeSocket();
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  onPolicyChange(() => undefined);
  activeUrl = 'https://www.bbc.co.uk/bitesize/maths?q=1';
  vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation(async () => [tab(activeUrl)]);
  vi.stubGlobal(
    'fetch',
    vi.fn(async () =>
      Response.json({
        deviceToken: 'device-token-0123456789',
        assigned: true,
        pupil: { name: 'Ava', classId: 1, keyStage: 'ks2' },
      }),
    ),
  );
  await fakeBrowser.storage.local.set({ [TEST_PUPIL_EMAIL_KEY]: 'ava@school.example' });
  await fakeBrowser.storage.managed.set({ hubUrl: HUB, enrolmentToken: 'school-token-123' });
  await refreshManagedState();
});

afterEach(() => {
  // The socket is module state in the worker: close it so the next test opens its own.
  FakeSocket.opened.at(-1)?.close();
  vi.clearAllTimers();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('the hub socket', () => {
  it('says hello, then asks for the outbox to be sent, and stores snapshots for its hub', async () => {
    const opened = vi.fn();
    onHubOpen(opened);
    await connectToHub();
    const socket = lastSocket();
    expect(socket.url).toBe('wss://hub.school.example/api/device/ws');
    socket.open();
    expect(socket.sent[0]).toEqual({ type: 'hello', deviceToken: 'device-token-0123456789' });
    expect(opened).toHaveBeenCalledTimes(1);

    socket.receive({
      type: 'snapshot',
      snapshot: { pupil: { name: 'Ava' }, classId: 3, keyStage: 'ks1', lesson: null },
    });
    await vi.waitFor(async () => expect((await readHubState())?.hubUrl).toBe(HUB));
    // A hub on an older contract leaves out the newer fields; they read as empty.
    expect(await readHubState()).toMatchObject({ keyStage: 'ks1', grants: [], schoolSites: [] });
  });
});

describe('site reports', () => {
  it('sends the active domain once the socket opens, and each change once, settled', async () => {
    await connectToHub();
    lastSocket().open();
    await vi.waitFor(() => expect(siteReports()).toEqual(['www.bbc.co.uk']));

    // A burst of changes sends only where the pupil lands, and the same domain never twice.
    activeUrl = 'https://www.bbc.co.uk/bitesize/english';
    await fakeBrowser.tabs.onUpdated.trigger(7, { url: activeUrl }, tab(activeUrl));
    activeUrl = 'https://scratch.mit.edu/projects/1';
    await fakeBrowser.tabs.onActivated.trigger({ tabId: 8, windowId: 1 });
    activeUrl = 'https://www.topmarks.co.uk/';
    await fakeBrowser.tabs.onUpdated.trigger(7, { status: 'loading' }, tab(activeUrl));
    await settle();
    expect(siteReports()).toEqual(['www.bbc.co.uk', 'www.topmarks.co.uk']);

    await fakeBrowser.tabs.onUpdated.trigger(7, { url: activeUrl }, tab(activeUrl));
    await settle();
    expect(siteReports()).toEqual(['www.bbc.co.uk', 'www.topmarks.co.uk']);

    // The block page (or any page that isn't on the web) is no site at all.
    activeUrl = 'chrome-extension://extension-id/extension/blocked.html?ks=ks2#https://x.example/';
    await fakeBrowser.tabs.onActivated.trigger({ tabId: 9, windowId: 1 });
    await settle();
    expect(siteReports()).toEqual(['www.bbc.co.uk', 'www.topmarks.co.uk', null]);
  });

  it('ignores changes in tabs the pupil is not looking at', async () => {
    await connectToHub();
    lastSocket().open();
    await vi.waitFor(() => expect(siteReports()).toHaveLength(1));
    await fakeBrowser.tabs.onUpdated.trigger(
      3,
      { url: 'https://elsewhere.example/' },
      { ...tab('https://elsewhere.example/'), active: false },
    );
    await settle();
    expect(siteReports()).toEqual(['www.bbc.co.uk']);
  });

  it('listens to tabs only while the socket is open, and reports afresh on a new socket', async () => {
    expect(fakeBrowser.tabs.onActivated.hasListeners()).toBe(false);
    await connectToHub();
    lastSocket().open();
    expect(fakeBrowser.tabs.onActivated.hasListeners()).toBe(true);
    expect(fakeBrowser.tabs.onUpdated.hasListeners()).toBe(true);
    await vi.waitFor(() => expect(siteReports()).toEqual(['www.bbc.co.uk']));

    lastSocket().close();
    expect(fakeBrowser.tabs.onActivated.hasListeners()).toBe(false);
    expect(fakeBrowser.tabs.onUpdated.hasListeners()).toBe(false);
    expect(fakeBrowser.windows.onFocusChanged.hasListeners()).toBe(false);

    await connectToHub();
    lastSocket().open();
    await vi.waitFor(() => expect(siteReports()).toEqual(['www.bbc.co.uk']));
  });

  it('reads only the host of a web address', () => {
    expect(domainOf('https://user:pw@www.bbc.co.uk:8443/path?q=secret#x')).toBe('www.bbc.co.uk');
    expect(domainOf('http://192.168.0.10/')).toBe('192.168.0.10');
    expect(domainOf('chrome://newtab/')).toBeNull();
    expect(domainOf('file:///home/pupil/a.html')).toBeNull();
    expect(domainOf(undefined)).toBeNull();
    expect(domainOf('not a url')).toBeNull();
  });
});
