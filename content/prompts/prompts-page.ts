// The prompts on one page, once the prompts' module has loaded: the context the features share,
// and every feature started with one signal. The prompts script hands it every event it listens
// to from then on (`now`), and the events it saw or held while the module loaded (`later`). Each
// is looked at exactly (first-look.ts) and handed to every feature; a held event that turns out
// to be no moment of theirs is let go as it would have gone.
import { followLink } from './block-it/follow-link';
import { linkIn, see, type Seen } from './early-look';
import { PROMPT_FEATURES } from './features';
import { firstLook, type Look } from './first-look';
import { createPromptContext } from './prompt-context';
import type { LookHandler } from './prompt-feature';

export interface PromptsPage {
  /** An event while it is happening: a feature may stop it. */
  now(event: Event): void;
  /** An event the script saw before the module loaded, and whether it held it. */
  later(seen: Seen, held: boolean): void;
  /** The extension has gone from under the page: every feature and prompt ends. */
  end(): void;
}

/** The moments a feature decides when they were held: it sends, follows or asks. */
const DECIDED_WHEN_HELD = new Set<Look['kind']>(['submit', 'enter', 'send-button', 'link']);

/** A held click that was nothing to the prompts, done again: the page and the browser act on it. */
function letGo({ event, path }: Seen): void {
  const { ctrlKey, metaKey, shiftKey } = event as MouseEvent;
  const link = linkIn(path);
  if (link && (event.type === 'auxclick' || ctrlKey || metaKey || shiftKey)) {
    return followLink(link, true);
  }
  const origin = path[0];
  if (event.type === 'click' && origin instanceof Element && origin.isConnected) {
    origin.dispatchEvent(
      new MouseEvent('click', { bubbles: true, cancelable: true, composed: true, view: window }),
    );
  }
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
    now(event) {
      const look = firstLook(see(event));
      if (look && connected()) each((handler) => handler.now(look, event));
    },
    later(seen, held) {
      const look = firstLook(seen);
      if (held && !(look && DECIDED_WHEN_HELD.has(look.kind))) return letGo(seen);
      if (look) each((handler) => handler.later(look, held));
    },
    end: () => controller.abort(),
  };
}
