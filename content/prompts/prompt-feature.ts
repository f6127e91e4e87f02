// The contract every prompt feature (Zip It, Block It, copyright) keeps with the prompts script
// (content/prompts.ts): it is started once per page with a signal that ends it, and reaches the
// storage, the worker and the page's prompt layer only through the context.
//
// Cost rule, measured (`npm run bench`, content-script rows): on this machine a content script
// that only adds listeners costs a page about 1.3 ms of main thread; the first touch of
// `chrome.storage` adds about 3.4 ms more, and every kilobyte of script adds compile time. So a
// feature's `init` adds listeners and nothing else: no `chrome.*` call, no config read, no DOM
// query. Every kilobyte counts too, so the script holds only the listeners and the cheap checks
// that decide whether an event matters; the rest (detectors, decisions, drawing) is a separate
// module the context loads when an action may need it (`logic()`), read ahead on the earliest
// cheap sign of one (a focus, a pointer down on a link).
import type { Send } from './send';
import type { PromptConfig } from '../../shared/prompt-config';
import type { PromptViewName, PromptViewProps } from './prompt-views';
import type { PromptsModule } from './prompt-loader';

export type { PromptsModule };

export type { Send };

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
  /**
   * The school's and pupil's settings. Read from storage on the first call (never at start, see
   * above) and kept current after that; a read that fails gives the strictest reading.
   */
  config(): Promise<PromptConfig>;
  /** Messages to the worker (shared/messages.ts); the first call wakes the runtime binding. */
  send: Send;
  /**
   * Shows one prompt view (content/prompts/prompt-views.ts) in the page's closed shadow root,
   * replacing any prompt already shown, and resolves to what closes it. The first call loads the
   * prompts' module.
   */
  show<N extends PromptViewName>(
    view: N,
    props: PromptViewProps[N],
    options: ShowOptions,
  ): Promise<() => void>;
  /**
   * The prompts' module: the detectors, the decisions and the drawing code. Loaded on the first
   * call and the same promise after that (shared/read-ahead.ts reads it ahead).
   */
  logic(): Promise<PromptsModule>;
  /** False once the extension was updated or removed under this page: stop reacting then. */
  connected(): boolean;
}

export interface PromptFeature {
  name: string;
  /** Adds the feature's listeners with `{ signal }`, so aborting removes every one. */
  init(signal: AbortSignal, context: PromptContext): void;
}
