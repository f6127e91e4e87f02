import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  blockPageSender,
  contentSender,
  EXTENSION_ORIGIN,
  fakeBrowser,
  installFakeExtension,
  optionsSender,
} from './fake-extension';
import { createMessageRouter, type Handlers } from '../../background/message-router';

const handlers = () => {
  const calls: string[] = [];
  const record = (name: string) =>
    vi.fn(async () => {
      calls.push(name);
      return name === 'admin.status' ? { pinSource: 'none' } : { id: 'x', storedOnDevice: true };
    });
  return {
    calls,
    handlers: new Proxy({} as Handlers, { get: (_, name: string) => record(name) }),
  };
};

beforeEach(() => void installFakeExtension());

describe('message router', () => {
  it('answers its own options page', async () => {
    const { handlers: h, calls } = handlers();
    const route = createMessageRouter(h, async () => undefined);
    const reply = await route({ name: 'admin.status', body: {} }, optionsSender);
    expect(reply).toEqual({ ok: true, data: { pinSource: 'none' } });
    expect(calls).toEqual(['admin.status']);
  });

  it.each([
    ['a content script', contentSender],
    ['the block page', blockPageSender],
    ['another extension', { ...optionsSender, id: 'someone-else' }],
    [
      'a page of its own that is not the options page',
      { id: fakeBrowser.runtime.id, url: 'chrome-extension://extension-id/evil.html' },
    ],
  ])('refuses a policy message from %s', async (_, sender) => {
    const { handlers: h, calls } = handlers();
    const route = createMessageRouter(h, async () => undefined);
    const reply = await route({ name: 'admin.status', body: {} }, sender);
    expect(reply).toEqual({ ok: false, error: 'This page may not send that message.' });
    expect(calls).toEqual([]);
  });

  it('lets the block page ask to visit, but not a content script', async () => {
    const { handlers: h } = handlers();
    const route = createMessageRouter(h, async () => undefined);
    const message = { name: 'pupil.askToVisit', body: { url: 'https://x.example/', reason: '' } };
    expect((await route(message, blockPageSender)).ok).toBe(true);
    expect((await route(message, contentSender)).ok).toBe(false);
  });

  it('lets the popup, the block page and the flag screen flag, but not a content script', async () => {
    const { handlers: h, calls } = handlers();
    const route = createMessageRouter(h, async () => undefined);
    const page = (path: string) => ({
      id: fakeBrowser.runtime.id,
      url: `${EXTENSION_ORIGIN}${path}`,
    });
    const press = { name: 'pupil.flag', body: { source: 'popup' } };
    expect((await route(press, page('extension/popup.html'))).ok).toBe(true);
    expect((await route({ ...press, body: { source: 'block-page' } }, blockPageSender)).ok).toBe(
      true,
    );
    const details = {
      name: 'pupil.flagDetails',
      body: { id: '6f1c2b1e-2a4b-4c3d-9e8f-0a1b2c3d4e5f', reason: null, note: 'a note' },
    };
    expect((await route(details, page('extension/flag.html?id=x&ks=ks1'))).ok).toBe(true);
    expect((await route(press, contentSender)).ok).toBe(false);
    // A page can't claim a source that isn't its own kind of press.
    expect((await route({ ...press, body: { source: 'shortcut' } }, blockPageSender)).ok).toBe(
      false,
    );
    // Nothing to send is refused, with a reason.
    expect(
      await route({ ...details, body: { ...details.body, note: '  ' } }, blockPageSender),
    ).toEqual({ ok: false, error: 'Choose what happened or write a note.' });
    expect(calls).toEqual(['pupil.flag', 'pupil.flag', 'pupil.flagDetails']);
  });

  it('refuses an unknown message and explains a malformed body', async () => {
    const { handlers: h } = handlers();
    const route = createMessageRouter(h, async () => undefined);
    expect(await route({ name: 'admin.selfDestruct', body: {} }, optionsSender)).toEqual({
      ok: false,
      error: 'Unknown message.',
    });
    const reply = await route(
      { name: 'admin.setFirstPin', body: { pin: '12', name: 'A' } },
      optionsSender,
    );
    expect(reply).toEqual({ ok: false, error: 'A PIN is 4 to 12 digits.' });
  });
});
