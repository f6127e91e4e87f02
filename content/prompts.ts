// The prompts that teach at the moment they matter: Zip It, Block It and the copyright
// reminder. One classic script on every web page (background/prompts/prompts-script.ts), so a
// page pays for one injection, not one per feature. It is kept tiny, because every page parses
// and runs it: at start each feature only adds listeners (no `chrome.*` call, no storage read,
// no DOM query; content/prompts/prompt-feature.ts has the measured reasons), and the script
// holds only the cheap checks that tell whether an event matters. Everything else, the settings
// reader included, is in the prompts' module (content/prompts-module.tsx), loaded on a
// pupil's action, so a page that never triggers a prompt never parses it.
import { createMessenger } from '../shared/messenger';
import { PROMPT_CONFIG_KEY } from '../shared/prompt-config-key';
import type { PromptConfig } from '../shared/prompt-config';
import { PROMPT_FEATURES } from './prompts/features';
import type { PromptContext } from './prompts/prompt-feature';
import { loadPromptsModule } from './prompts/prompt-loader';

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
let following = false;

/** The stored value read by the module's reader; unreadable gives the strictest reading. */
const configFrom = (stored: Promise<unknown>): Promise<PromptConfig> =>
  Promise.all([loadPromptsModule(), stored.catch(() => undefined)]).then(([module, value]) =>
    module.readPromptConfig(value),
  );

/** The first read also follows later changes, so a policy change reaches an open page. */
function readConfig(): Promise<PromptConfig> {
  if (config) return config;
  if (!connected()) return configFrom(Promise.resolve(undefined));
  const read = configFrom(
    chrome.storage.local.get(PROMPT_CONFIG_KEY).then((stored) => stored[PROMPT_CONFIG_KEY]),
  );
  config = read;
  // Only the module can fail here (the extension was updated under the page): try again later.
  read.catch(() => {
    if (config === read) config = null;
  });
  if (!following) {
    following = true;
    chrome.storage.onChanged.addListener(function follow(changes, area) {
      if (signal.aborted) return chrome.storage.onChanged.removeListener(follow);
      if (area === 'local' && PROMPT_CONFIG_KEY in changes) {
        config = configFrom(Promise.resolve(changes[PROMPT_CONFIG_KEY]?.newValue));
      }
    });
  }
  return read;
}

const context: PromptContext = {
  config: readConfig,
  send,
  logic: loadPromptsModule,
  async show(view, props, options) {
    const [module, { keyStage }] = await Promise.all([loadPromptsModule(), readConfig()]);
    if (signal.aborted) return () => undefined;
    return module.showView(view, props, keyStage, options, signal);
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
