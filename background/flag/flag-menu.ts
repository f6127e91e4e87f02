// Flag It from the keyboard and from the page's context menu. Both are browser UI, so they
// work on any page, even one that blocks right-clicks or swallows keys in its own scripts.
import browser, { type Menus, type Tabs } from 'webextension-polyfill';
import { FLAG_COMMAND } from '../../shared/flag-command';
import { activeTarget, targetOf, type FlagTarget } from './flag-target';

export const FLAG_MENU_ID = 'flag-this';

/** Made on install and update; Chrome keeps context menu items across restarts. */
export async function createFlagMenu(): Promise<void> {
  // An update would otherwise fail on the id the last version already created.
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({
    id: FLAG_MENU_ID,
    title: browser.i18n.getMessage('context_menu_flag'),
    contexts: ['page', 'frame', 'selection', 'link', 'editable', 'image', 'video', 'audio'],
  });
}

const tabOrActive = async (tab: Tabs.Tab | undefined): Promise<FlagTarget> =>
  (tab && targetOf(tab)) || activeTarget();

/** The tab a shortcut flags, or null when the command isn't Flag It. */
export async function commandTarget(
  command: string,
  tab: Tabs.Tab | undefined,
): Promise<FlagTarget | null> {
  return command === FLAG_COMMAND ? tabOrActive(tab) : null;
}

/** The tab a context menu click flags, or null when the item isn't Flag It. */
export async function menuTarget(
  info: Menus.OnClickData,
  tab: Tabs.Tab | undefined,
): Promise<FlagTarget | null> {
  return info.menuItemId === FLAG_MENU_ID ? tabOrActive(tab) : null;
}
