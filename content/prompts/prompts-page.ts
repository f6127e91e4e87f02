// The prompts on one page, once the prompts' module has loaded: the context the features share,
// and every feature started with one signal. The prompts script hands it each look from then on
// (`now`), and the moments it held or saw while the module loaded (`later`).
import type { Look } from './first-look';
import { PROMPT_FEATURES } from './features';
import { createPromptContext } from './prompt-context';
import type { LookHandler } from './prompt-feature';

export interface PromptsPage extends LookHandler {
  /** The extension has gone from under the page: every feature and prompt ends. */
  end(): void;
}

export function startPromptsPage(connected: () => boolean): PromptsPage {
  const controller = new AbortController();
  const { signal } = controller;
  const context = createPromptContext(signal, connected);
  const handlers: LookHandler[] = [];
  for (const feature of PROMPT_FEATURES) {
    try {
      handlers.push(feature.start(signal, context));
    } catch (error) {
      // One feature failing leaves the others working.
      console.error(`Safe Class: ${feature.name} did not start`, error);
    }
  }
  const each = (answer: (handler: LookHandler) => void) => {
    for (const handler of handlers) {
      if (signal.aborted) return;
      try {
        answer(handler);
      } catch (error) {
        console.error('Safe Class: a prompt failed', error);
      }
    }
  };
  return {
    now: (look: Look, event: Event) => each((handler) => handler.now(look, event)),
    later: (look: Look, held: boolean) => each((handler) => handler.later(look, held)),
    end: () => controller.abort(),
  };
}
