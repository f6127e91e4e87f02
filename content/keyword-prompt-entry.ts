// The "Are you OK?" prompt as the worker injects it, only into a page whose address or title
// matched a school keyword (background/keywords/keyword-prompt-injection.ts): the watching is
// the worker's, so no other page loads any of this. One small classic file
// (shared/classic-content-scripts.ts), using `chrome.*` rather than the polyfill.
import { createMessenger } from '../shared/messenger';
import { showKeywordPrompt } from './keyword-prompt';

const send = createMessenger((envelope) => chrome.runtime.sendMessage(envelope));

// Each injection runs again in this document's one isolated world: a single-page app's next
// matching search injects it again, and the pupil should meet one prompt, not a stack of them.
const injected = globalThis as typeof globalThis & { safeClassKeywordPrompt?: HTMLElement };
if (!injected.safeClassKeywordPrompt?.isConnected) {
  injected.safeClassKeywordPrompt = showKeywordPrompt(() =>
    send('content.flag', {}).then(() => undefined),
  );
}
