// Takes the upsetting page off the screen at once: the school's procedure is to close the
// screen and report. A page we may script is paused and covered by a calm layer, then replaced
// by the flag screen (so Back doesn't return to it); any other tab (an extension page such as
// the block page, or a browser page) is simply sent to the flag screen.
import browser from 'webextension-polyfill';
import { scripting } from '../chrome-adapter';

/**
 * Runs inside the flagged page (the extension's isolated world), so it must stand alone: Chrome
 * serialises the function, and nothing it refers to outside itself exists there.
 */
export function coverAndLeave(flagScreen: string, words: string): void {
  for (const media of document.querySelectorAll<HTMLMediaElement>('audio, video')) {
    try {
      media.muted = true;
      media.pause();
    } catch {
      // A media element that refuses goes with the page a moment later.
    }
  }
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  // Styles through the CSSOM, which a page's Content-Security-Policy never refuses.
  const style = (element: HTMLElement, rules: readonly (readonly [string, string])[]) => {
    for (const [name, value] of rules) element.style.setProperty(name, value, 'important');
  };
  const host = document.createElement('div');
  style(host, [
    ['all', 'initial'],
    ['position', 'fixed'],
    ['inset', '0'],
    ['width', '100vw'],
    ['height', '100vh'],
    ['max-width', 'none'],
    ['max-height', 'none'],
    ['margin', '0'],
    ['padding', '0'],
    ['border', '0'],
    ['z-index', '2147483647'],
    ['background', '#f5f0fb'],
    ['display', 'block'],
  ]);
  // Closed, so the page's own scripts can't read or restyle the layer.
  const shadow = host.attachShadow({ mode: 'closed' });
  const layer = document.createElement('div');
  style(layer, [
    ['position', 'fixed'],
    ['inset', '0'],
    ['display', 'flex'],
    ['align-items', 'center'],
    ['justify-content', 'center'],
    ['background', '#f5f0fb'],
    ['color', '#1f2937'],
    ['font', '600 1.6rem system-ui, sans-serif'],
  ]);
  layer.textContent = words;
  shadow.append(layer);
  document.documentElement.append(host);
  try {
    // The top layer is above every z-index, including a page's own dialogs and popovers.
    host.setAttribute('popover', 'manual');
    host.showPopover();
  } catch {
    // Older engines: the z-index alone has to do.
  }
  // After this script has answered, so the worker never mistakes the navigation for a failure.
  setTimeout(() => location.replace(flagScreen), 0);
}

const scriptable = (url: string) => /^https?:\/\//i.test(url);

/** Covers the tab and sends it to the flag screen. */
export async function leaveForFlagScreen(tabId: number, url: string, flagScreen: string) {
  if (scriptable(url)) {
    try {
      await scripting.executeScript({
        target: { tabId },
        func: coverAndLeave,
        args: [flagScreen, browser.i18n.getMessage('flag_cover_text')],
      });
      return;
    } catch (error) {
      // A page Chrome won't let extensions script (the Web Store, an error page): leave it
      // the plain way.
      console.warn('Could not cover the flagged page', error);
    }
  }
  await browser.tabs.update(tabId, { url: flagScreen });
}
