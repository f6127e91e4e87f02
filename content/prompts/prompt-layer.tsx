// The page's one prompt layer: a host element with a closed shadow root, so the page can neither
// read a prompt nor restyle it, and Preact renders into it. One prompt at a time; showing
// another replaces it. Focus moves into a prompt and goes back where it was when it closes.
import { render, type ComponentChild } from 'preact';
import { attachClosedShadow } from '../closed-shadow';
import { PROMPT_CSS } from './prompt-styles';
import type { ShowOptions } from './prompt-feature';

interface Layer {
  host: HTMLElement;
  root: ShadowRoot;
}

let layer: Layer | null = null;
let closeCurrent: (() => void) | null = null;

function createLayer(): Layer {
  const host = document.createElement('safe-class-prompt');
  const root = attachClosedShadow(host, PROMPT_CSS);
  return { host, root };
}

const FOCUSABLE = 'button:not([disabled]), a[href], input, textarea, select, [tabindex="0"]';

/** Keeps Tab inside a modal prompt: the page behind it can't be used until it is answered. */
function trapTab(event: KeyboardEvent, root: ShadowRoot): void {
  const items = [...root.querySelectorAll<HTMLElement>(FOCUSABLE)];
  const first = items[0];
  const last = items[items.length - 1];
  if (!first || !last) return;
  const active = root.activeElement;
  if (event.shiftKey && (active === first || !active)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (active === last || !active)) {
    event.preventDefault();
    first.focus();
  }
}

export function showPrompt(
  renderPrompt: (close: () => void) => ComponentChild,
  options: ShowOptions,
  signal: AbortSignal,
): () => void {
  closeCurrent?.();
  layer ??= createLayer();
  const { host, root } = layer;
  const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  let open = true;
  const close = () => {
    if (!open) return;
    open = false;
    closeCurrent = null;
    signal.removeEventListener('abort', close);
    render(null, root);
    host.remove();
    returnTo?.focus({ preventScroll: true });
    options.onClose?.();
  };
  closeCurrent = close;
  signal.addEventListener('abort', close, { once: true });

  if (!host.isConnected) document.documentElement.append(host);
  render(
    <div
      class={`layer ${options.placement}`}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          close();
        } else if (event.key === 'Tab' && options.placement === 'modal') {
          trapTab(event, root);
        }
      }}
    >
      {renderPrompt(close)}
    </div>,
    root,
  );
  // The prompt's first marked control (or the dialog itself) takes focus, so a keyboard or
  // switch user meets it at once.
  const first = root.querySelector<HTMLElement>('[data-autofocus]') ?? root.querySelector('[role]');
  (first as HTMLElement | null)?.focus({ preventScroll: true });
  return close;
}
