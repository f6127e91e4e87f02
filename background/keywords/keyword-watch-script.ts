// Keeps the keyword-watch content script registered only while there are keywords to watch
// for. With no list it is unregistered, so web pages pay nothing at all for the feature.
import browser from 'webextension-polyfill';
import { classicContentScriptPath } from '../../shared/classic-content-scripts';
import { scripting } from '../chrome-adapter';
import { LOCAL_KEYS } from '../storage-keys';
import { deviceKeywords } from './device-keywords';

export const KEYWORD_WATCH_SCRIPT = 'keyword-watch';

const registration: chrome.scripting.RegisteredContentScript = {
  id: KEYWORD_WATCH_SCRIPT,
  // One classic file, not crxjs's module loader (shared/classic-content-scripts.ts says why).
  js: [classicContentScriptPath('keyword-watch')],
  matches: ['http://*/*', 'https://*/*'],
  // After the page has loaded: a search term or a title is no more urgent than the page.
  runAt: 'document_idle',
  // Searches and titles belong to the page the pupil sees, not to its frames.
  allFrames: false,
  persistAcrossSessions: true,
};

export async function syncKeywordWatch(): Promise<void> {
  const keywords = await deviceKeywords();
  const existing = await scripting.getRegisteredContentScripts([KEYWORD_WATCH_SCRIPT]);
  if (keywords.length === 0) {
    if (existing.length) await scripting.unregisterContentScripts([KEYWORD_WATCH_SCRIPT]);
    await browser.storage.local.remove(LOCAL_KEYS.keywordWatch);
    return;
  }
  // The list first, so a script that starts now finds it.
  await browser.storage.local.set({ [LOCAL_KEYS.keywordWatch]: keywords });
  if (!existing.length) await scripting.registerContentScripts([registration]);
}
