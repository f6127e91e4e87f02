// The prompts that teach at the moment they matter: Zip It, Block It and the copyright
// reminder. One classic script on every web page (background/prompts/prompts-script.ts), so a
// page pays for one injection, not one per feature. Each feature only adds event listeners
// until its moment comes; nothing is drawn, measured or observed before then, so a page that
// never triggers a prompt pays almost nothing (`npm run bench` measures it).
//
// It uses `chrome.*` directly rather than the polyfill, which would be parsed on every page.
import { createMessenger } from '../shared/messenger';
import { PROMPT_CONFIG_KEY, readPromptConfig, type PromptConfig } from '../shared/prompt-config';
import { PROMPT_FEATURES } from './prompts/features';
import type { PromptContext } from './prompts/prompt-feature';
import { showPrompt } from './prompts/prompt-layer';

const controller = new AbortController();
const { signal } = controller;

/** The extension was updated or removed under this page: every feature stops. */
function connected(): boolean {
  if (chrome.runtime?.id) return true;
  controller.abort();
  return false;
}

const send = createMessenger((envelope) => {
  if (!connected()) return Promise.reject(new Error('The extension has gone.'));
  return chrome.runtime.sendMessage(envelope);
});

function start(config: PromptConfig): void {
  let current = config;
  chrome.storage.onChanged.addListener(function follow(changes, area) {
    if (signal.aborted) return chrome.storage.onChanged.removeListener(follow);
    if (area === 'local' && PROMPT_CONFIG_KEY in changes) {
      current = readPromptConfig(changes[PROMPT_CONFIG_KEY]?.newValue);
    }
  });
  const context: PromptContext = {
    config: () => current,
    send,
    show: (render, options) => showPrompt(render, options, signal),
    connected,
  };
  for (const feature of PROMPT_FEATURES) {
    try {
      feature.init(signal, context);
    } catch (error) {
      // One feature failing leaves the others working.
      console.error(`Safe Class: ${feature.name} did not start`, error);
    }
  }
}

chrome.storage.local.get(PROMPT_CONFIG_KEY).then(
  (stored) => start(readPromptConfig(stored[PROMPT_CONFIG_KEY])),
  // Storage unreadable: the strictest reading, so every prompt still works.
  () => start(readPromptConfig(undefined)),
);
