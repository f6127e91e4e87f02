// The prompts that teach at the moment they matter: Zip It, Block It and the copyright
// reminder. One classic script on every web page (background/prompts/prompts-script.ts), so a
// page pays for one injection, not one per feature. At start each feature only adds listeners:
// no `chrome.*` call, no storage read, no drawing code (content/prompts/prompt-feature.ts has
// the measured reasons), so a page that never triggers a prompt pays almost nothing.
import { createMessenger } from '../shared/messenger';
import { PROMPT_CONFIG_KEY, readPromptConfig, type PromptConfig } from '../shared/prompt-config';
import { PROMPT_FEATURES } from './prompts/features';
import type { PromptContext } from './prompts/prompt-feature';
import { loadPromptsUi } from './prompts/prompt-loader';

const controller = new AbortController();
const { signal } = controller;

/** The extension was updated or removed under this page: every feature stops. */
function connected(): boolean {
  if (globalThis.chrome?.runtime?.id) return true;
  controller.abort();
  return false;
}

const send = createMessenger((envelope) => {
  if (!connected()) return Promise.reject(new Error('The extension has gone.'));
  return chrome.runtime.sendMessage(envelope);
});

let config: Promise<PromptConfig> | null = null;

/** The first read also follows later changes, so a policy change reaches an open page. */
function readConfig(): Promise<PromptConfig> {
  if (config) return config;
  if (!connected()) return Promise.resolve(readPromptConfig(undefined));
  let current = chrome.storage.local.get(PROMPT_CONFIG_KEY).then(
    (stored) => readPromptConfig(stored[PROMPT_CONFIG_KEY]),
    // Unreadable: the strictest reading, so every prompt still works.
    () => readPromptConfig(undefined),
  );
  config = current;
  chrome.storage.onChanged.addListener(function follow(changes, area) {
    if (signal.aborted) return chrome.storage.onChanged.removeListener(follow);
    if (area === 'local' && PROMPT_CONFIG_KEY in changes) {
      current = Promise.resolve(readPromptConfig(changes[PROMPT_CONFIG_KEY]?.newValue));
      config = current;
    }
  });
  return current;
}

const context: PromptContext = {
  config: readConfig,
  send,
  async show(view, props, options) {
    const [ui, { keyStage }] = await Promise.all([loadPromptsUi(), readConfig()]);
    if (signal.aborted) return () => undefined;
    return ui.showView(view, props, keyStage, options, signal);
  },
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
