// Which tab a flag is about, and what address it records. The block page stands for the page
// it blocked, so a flag pressed there names the blocked address, as the pupil saw it.
import browser, { type Runtime, type Tabs } from 'webextension-polyfill';
import { blockPageBase } from '../block-page-url';

export interface FlagTarget {
  tabId: number;
  windowId: number | undefined;
  /** Only the active tab of its window can be pictured (captureVisibleTab). */
  active: boolean;
  url: string;
  title: string;
}

export function targetOf(tab: Tabs.Tab, url = tab.url): FlagTarget | null {
  // A tab id below zero (TAB_ID_NONE) is no tab at all: a devtools window, say.
  if (tab.id === undefined || tab.id < 0) return null;
  return {
    tabId: tab.id,
    windowId: tab.windowId,
    active: tab.active,
    // Without the "tabs" permission a browser page's address and title are hidden: '' then.
    url: url ?? '',
    title: tab.title ?? '',
  };
}

/** The tab the pupil is looking at: the active tab of the window they last used. */
export async function activeTarget(): Promise<FlagTarget> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  const target = tab ? targetOf(tab) : null;
  if (!target) throw new Error('There is no page to flag.');
  return target;
}

/** The tab an extension page or content script sent from; its own URL is the sender's. */
export function senderTarget(sender: Runtime.MessageSender): FlagTarget {
  const target = sender.tab ? targetOf(sender.tab, sender.url ?? sender.tab.url) : null;
  if (!target) throw new Error('There is no page to flag.');
  return target;
}

/** The address and title a flag records for the tab: the block page gives the blocked ones. */
export function flaggedPage(target: FlagTarget): { url: string; title: string } {
  const blockPage = blockPageBase();
  if (target.url.startsWith(blockPage)) {
    const hash = target.url.indexOf('#');
    // The blocked page was never loaded, so it has no title to record.
    return { url: hash < 0 ? '' : target.url.slice(hash + 1), title: '' };
  }
  return { url: target.url, title: target.title };
}
