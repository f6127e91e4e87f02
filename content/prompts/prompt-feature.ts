// The contract every prompt feature (Zip It, Block It, copyright) keeps with the prompts script
// (content/prompts.ts): it is started once per page with a signal that ends it, and reaches the
// page's prompt layer and the worker only through the context.
import type { ComponentChild } from 'preact';
import type { createMessenger } from '../../shared/messenger';
import type { PromptConfig } from '../../shared/prompt-config';

export type Send = ReturnType<typeof createMessenger>;

export interface ShowOptions {
  /**
   * `modal`: centred over a dimmed page, and the page can't be used until it is answered (Zip It
   * before a send). `corner`: a card in the corner that the page stays usable behind.
   */
  placement: 'modal' | 'corner';
  /** Called once when the prompt goes, however it went (a button, Escape, the signal). */
  onClose?: () => void;
}

export interface PromptContext {
  /** The school's and pupil's settings, read when the page started; kept current. */
  config(): PromptConfig;
  send: Send;
  /**
   * Shows one prompt in the page's closed shadow root, replacing any prompt already shown, and
   * returns what closes it. `render` gets that same close function for its buttons.
   */
  show(render: (close: () => void) => ComponentChild, options: ShowOptions): () => void;
  /** False once the extension was updated or removed under this page: stop reacting then. */
  connected(): boolean;
}

export interface PromptFeature {
  name: string;
  /** Adds the feature's listeners with `{ signal }`, so aborting removes every one. */
  init(signal: AbortSignal, context: PromptContext): void;
}
