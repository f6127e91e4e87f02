// The contract every prompt feature (Zip It, Block It, the copyright reminders) keeps with the
// prompts' page (prompts-page.ts). A feature lives in the prompts' module, which the prompts
// script loads on the first moment that may need it; it never adds listeners of its own for
// those moments. The script looks at each event once (first-look.ts) and the page hands every
// look to every feature, which answers the kinds it cares for and ignores the rest.
//
// Cost rule, measured (`npm run bench`, content-script rows): every page parses and runs the
// prompts script, so a feature adds nothing to it but the checks that must be made inside an
// event (first-look.ts). Everything a feature does after that is here, in the module.
import type { PromptConfig } from '../../shared/prompt-config';
import type { Look } from './first-look';
import type { PromptViewName, PromptViewProps } from './prompt-views';
import type { Send } from './send';

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
  /** The school's and pupil's settings, kept current; a read that fails gives the strictest. */
  config(): Promise<PromptConfig>;
  /** Messages to the worker (shared/messages.ts). */
  send: Send;
  /**
   * Shows one prompt view (prompt-views.ts) in the page's closed shadow root, replacing any
   * prompt already shown, and resolves to what closes it.
   */
  show<N extends PromptViewName>(
    view: N,
    props: PromptViewProps[N],
    options: ShowOptions,
  ): Promise<() => void>;
  /** False once the extension was updated or removed under this page: stop reacting then. */
  connected(): boolean;
}

/** What a feature does with a look. */
export interface LookHandler {
  /**
   * A look while its event is still happening: the feature may stop the event (a send that
   * must ask first, a link that must be asked about).
   */
  now(look: Look, event: Event): void;
  /**
   * A look whose event is over: the prompts script saw it before the module was loaded, and
   * `held` it when it had to wait (a send, a link that may leave). A held moment is decided
   * now: sent again, followed, or asked about.
   */
  later(look: Look, held: boolean): void;
}

export interface PromptFeature {
  name: string;
  /** Starts the feature on this page; `signal` ends it and every prompt it shows. */
  start(signal: AbortSignal, context: PromptContext): LookHandler;
}
