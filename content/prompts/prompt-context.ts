// The context every prompt feature works through, built once per page when the prompts' module
// loads: the school's settings (read from storage, then kept current), messages to the worker,
// and the page's prompt layer. It lives in the module, not in the script every page parses:
// the first touch of `chrome.storage` alone costs a page load milliseconds.
import { createMessenger } from '../../shared/messenger';
import { readPromptConfig, type PromptConfig } from '../../shared/prompt-config';
import { PROMPT_CONFIG_KEY } from '../../shared/prompt-config-key';
import { showView } from './show-view';
import type { PromptContext } from './prompt-feature';

/**
 * `connected` is the prompts script's check that the extension is still there; when it is not,
 * the script aborts `signal`, and every feature and prompt ends with it.
 */
export function createPromptContext(signal: AbortSignal, connected: () => boolean): PromptContext {
  const send = createMessenger((envelope) => {
    if (!connected()) return Promise.reject(new Error('The extension has gone.'));
    return chrome.runtime.sendMessage(envelope);
  });

  let config: Promise<PromptConfig> | null = null;
  let following = false;

  /** The first read also follows later changes, so a policy change reaches an open page. */
  function readConfig(): Promise<PromptConfig> {
    if (config) return config;
    // Unreadable (the extension has gone) gives the strictest reading.
    if (!connected()) return Promise.resolve(readPromptConfig(undefined));
    const read = chrome.storage.local.get(PROMPT_CONFIG_KEY).then(
      (stored) => readPromptConfig(stored[PROMPT_CONFIG_KEY]),
      () => readPromptConfig(undefined),
    );
    config = read;
    if (!following) {
      following = true;
      chrome.storage.onChanged.addListener(function follow(changes, area) {
        if (signal.aborted) return chrome.storage.onChanged.removeListener(follow);
        if (area === 'local' && PROMPT_CONFIG_KEY in changes) {
          config = Promise.resolve(readPromptConfig(changes[PROMPT_CONFIG_KEY]?.newValue));
        }
      });
    }
    return read;
  }

  return {
    config: readConfig,
    send,
    async show(view, props, options) {
      const { keyStage } = await readConfig();
      if (signal.aborted) return () => undefined;
      return showView(view, props, keyStage, options, signal);
    },
    connected,
  };
}
