// The "How to block someone here" help: a small button in the bottom-left corner (the prompts
// use the bottom right) that opens the platform's few steps. It has its own closed shadow root
// rather than the prompt layer, because it stays while prompts come and go. Part of the drawing
// module; content/prompts/block-it/how-to-block.ts decides when it shows.
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { PLATFORM_HELP, type PlatformHelp } from '../../../shared/messaging-platform-help';
import { attachClosedShadow } from '../../closed-shadow';
import { text } from '../locale-text';
import { LineIcon } from '../prompt-card';
import { PROMPT_CSS } from '../prompt-styles';
import { CLOSE_ICON, SHIELD_ICON } from './block-it-icons';

// Small, below the prompts, so it covers as little of the page as it can.
const HELP_CSS = `
  .help { position: fixed; left: 0.75rem; bottom: 0.75rem; z-index: 2147483646;
    display: flex; align-items: flex-end; gap: 0.25rem; font: 1rem/1.4 system-ui, sans-serif;
    color: #1f2937; }
  .help button { min-height: 44px; min-width: 44px; padding: 0.25rem 0.75rem; font-size: 1rem;
    border-width: 2px; --tone: #b91c1c; box-shadow: 0 0.25rem 1rem rgb(0 0 0 / 20%); }
  .help button svg { width: 1.5rem; height: 1.5rem; }
  .help button.hide { padding: 0.25rem; }
  .help .card { max-width: min(24rem, calc(100vw - 1.5rem)); font-size: 1rem; }
  .help .card h2 { font-size: 1.2rem; }
  .help ol { margin: 0 0 0.75rem; padding-left: 1.5rem; }
  .help li { margin: 0.25rem 0; }
`;

function HowToBlock(props: { help: PlatformHelp; onHide(): void }) {
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <div class="help">
        <button type="button" aria-expanded="false" onClick={() => setOpen(true)}>
          <LineIcon path={SHIELD_ICON} />
          <span>{text('how_to_block_button')}</span>
        </button>
        <button
          type="button"
          class="hide"
          aria-label={text('how_to_block_hide')}
          title={text('how_to_block_hide')}
          onClick={props.onHide}
        >
          <LineIcon path={CLOSE_ICON} />
        </button>
      </div>
    );
  }
  return (
    <div class="help">
      <div
        class="card block-it ks2"
        role="dialog"
        aria-labelledby="how-to-block-title"
        tabIndex={-1}
        ref={(element) => element?.focus({ preventScroll: true })}
        onKeyDown={(event) => {
          if (event.key === 'Escape') setOpen(false);
        }}
      >
        <div class="head">
          <LineIcon class="picture" path={SHIELD_ICON} />
          <h2 id="how-to-block-title">{text('how_to_block_title', props.help.name)}</h2>
        </div>
        <ol>
          {props.help.blockSteps.map((key) => (
            <li key={key}>{text(key)}</li>
          ))}
        </ol>
        <div class="buttons">
          <button type="button" onClick={() => setOpen(false)}>
            <LineIcon path={CLOSE_ICON} />
            <span>{text('how_to_block_close')}</span>
          </button>
        </div>
      </div>
    </div>
  );
}

export interface HowToBlockHelp {
  show(): void;
  remove(): void;
}

/**
 * Makes the help for a platform (its id in shared/messaging-platforms.ts); `onHide` is the
 * pupil putting it away for this page. Null for a platform without steps.
 */
export function howToBlockHelp(platformId: string, onHide: () => void): HowToBlockHelp | null {
  const help = PLATFORM_HELP[platformId];
  if (!help) return null;
  const host = document.createElement('safe-class-help');
  const root = attachClosedShadow(host, PROMPT_CSS + HELP_CSS);
  const remove = () => {
    render(null, root);
    host.remove();
  };
  return {
    show() {
      if (host.isConnected) return;
      document.documentElement.append(host);
      render(
        <HowToBlock
          help={help}
          onHide={() => {
            remove();
            onHide();
          }}
        />,
        root,
      );
    },
    remove,
  };
}
