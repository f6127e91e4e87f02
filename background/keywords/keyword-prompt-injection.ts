// Shows "Are you OK? You can flag it." in a tab whose address or title matched a keyword, by
// injecting the prompt's small classic script (content/keyword-prompt-entry.ts) into that tab's
// top document. Only into the document that matched: a tab that has moved on since would ask
// the pupil about a page they have left, and its Flag It would flag the wrong page.
import browser from 'webextension-polyfill';
import { classicContentScriptPath } from '../../shared/classic-content-scripts';
import { scripting } from '../chrome-adapter';

export async function promptInTab(tabId: number, url: string): Promise<void> {
  try {
    const frame = await browser.webNavigation.getFrame({ tabId, frameId: 0 });
    if (frame?.url !== url) return;
    // Chrome runs it once that document is idle, as a registered script would be, and refuses
    // it if the document has gone by then.
    await scripting.injectFiles({
      target: { tabId, documentIds: [frame.documentId] },
      files: [classicContentScriptPath('keyword-prompt')],
    });
  } catch {
    // The tab closed or moved on, or shows a page Chrome lets no extension script. The alert
    // is recorded already; there is no page left to ask.
  }
}
