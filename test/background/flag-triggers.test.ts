// The worker's own listeners (background/main.ts): the keyboard shortcut and the context menu
// each flag a tab, with their own source. The worker is loaded once, as Chrome loads it, so
// its top-level listeners are the ones under test.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser, fakeFlagEvents, installFakeExtension, type FakeDnr } from './fake-extension';
import { database } from '../../background/database';

let dnr: FakeDnr;

beforeAll(async () => {
  dnr = installFakeExtension();
  await import('../../background/main');
});

beforeEach(async () => {
  await database.flags.clear();
  dnr.injections = [];
});

async function openTab(url: string, active = true) {
  const tab = await fakeBrowser.tabs.create({ url, active });
  return tab;
}

const flagsNow = () => database.flags.toArray();

describe('Flag It from the browser', () => {
  it('creates "Flag this" in the context menu on install', async () => {
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    await expect.poll(() => dnr.menus.map((menu) => menu.id)).toEqual(['flag-this']);
    expect(dnr.menus[0]).toMatchObject({
      title: 'context_menu_flag',
      contexts: expect.arrayContaining(['page', 'link', 'image', 'video', 'selection']),
    });
  });

  it('flags the active tab from the keyboard shortcut', async () => {
    const tab = await openTab('https://games.example/shortcut');
    await fakeFlagEvents().commands.onCommand.trigger('flag-it', tab);
    await expect.poll(flagsNow).toHaveLength(1);
    expect((await flagsNow())[0]).toMatchObject({
      url: 'https://games.example/shortcut',
      source: 'shortcut',
    });
    expect(dnr.injections[0]?.target).toEqual({ tabId: tab.id });
  });

  it('finds the active tab itself when the shortcut comes without one', async () => {
    const tab = await openTab('https://games.example/no-tab-given');
    await fakeFlagEvents().commands.onCommand.trigger('flag-it', undefined);
    await expect.poll(flagsNow).toHaveLength(1);
    expect((await flagsNow())[0]).toMatchObject({ url: tab.url, source: 'shortcut' });
  });

  it('ignores any other command', async () => {
    await openTab('https://games.example/other');
    await fakeFlagEvents().commands.onCommand.trigger('something-else', undefined);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await flagsNow()).toEqual([]);
  });

  it('flags the tab "Flag this" was chosen in, from the context menu', async () => {
    await openTab('https://games.example/elsewhere');
    const tab = await openTab('https://games.example/menu');
    await fakeFlagEvents().contextMenus.onClicked.trigger(
      { menuItemId: 'flag-this', editable: false, modifiers: [] },
      tab,
    );
    await expect.poll(flagsNow).toHaveLength(1);
    expect((await flagsNow())[0]).toMatchObject({
      url: 'https://games.example/menu',
      source: 'context-menu',
    });
  });
});
