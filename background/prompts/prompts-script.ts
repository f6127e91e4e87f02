// Keeps the prompts content script (Zip It, Block It, copyright: content/prompts.ts) registered
// on every web page. It is registered rather than declared in the manifest so that it is one
// classic file (shared/classic-content-scripts.ts says why).
import { classicContentScriptPath } from '../../shared/classic-content-scripts';
import { scripting } from '../chrome-adapter';

export const PROMPTS_SCRIPT = 'prompts';

const registration: chrome.scripting.RegisteredContentScript = {
  id: PROMPTS_SCRIPT,
  js: [classicContentScriptPath('prompts')],
  matches: ['http://*/*', 'https://*/*'],
  // Nothing here is needed before the page is usable: a pupil types, copies or clicks after.
  runAt: 'document_idle',
  // A form or a chat in an embedded frame (a school's embedded quiz, say) is prompted too.
  allFrames: true,
  persistAcrossSessions: true,
};

export async function syncPromptsScript(): Promise<void> {
  const existing = await scripting.getRegisteredContentScripts([PROMPTS_SCRIPT]);
  if (existing.length === 0) await scripting.registerContentScripts([registration]);
}
