// Zip It: before a pupil sends a personal detail to a site outside the school's trusted list,
// the send stops and asks "Zip it!", with "Don't send" as the default. It listens, in the
// capture phase on the window (before the page's own handlers), for the moments of sending: a
// form's submit, Enter in a text box or chat box, and a click on a submit or send button. At
// that moment it reads only what is being sent, and only the kinds of detail found (never the
// text) are recorded with the pupil's choice. A page where nobody sends anything pays for four
// listeners: the school's settings and the prompts' module (the detectors and the card, in
// zip-it-check.ts) are first read when the pupil focuses a box to type in. This file, in the
// script every page parses, only finds the moment of sending: that must happen inside the event.
import type { PromptConfig } from '../../../shared/prompt-config';
import { readAhead } from '../../../shared/read-ahead';
import { isChatBox, isSendButtonName } from '../../../shared/zip-it/send-moments';
import type { PromptContext, PromptFeature, PromptsModule } from '../prompt-feature';
import { editableRoot, isTypedInput, textBoxHints, type TextBox } from './send-targets';
import type { SendMoment, ZipItCheck } from './zip-it-check';

const BUTTONS = 'button, input[type=submit], input[type=image], input[type=button], [role=button]';

/** The element an event really started at, inside any open shadow root. */
const origin = (event: Event): Element | null => {
  const first = event.composedPath()[0];
  return first instanceof Element ? first : null;
};

function buttonName(button: HTMLElement): string {
  const value = button instanceof HTMLInputElement ? button.value : '';
  return [button.getAttribute('aria-label'), button.textContent, value, button.title]
    .filter(Boolean)
    .join(' ')
    .trim();
}

/** A form's implicit submission, as Enter in one of its fields does it. */
function submitImplicitly(form: HTMLFormElement): void {
  const button = form.querySelector<HTMLElement>(
    'button:not([type]), button[type=submit], input[type=submit], input[type=image]',
  );
  if (button) button.click();
  else form.requestSubmit();
}

/** The text box a send button sends: its form's, else the one last typed in near it. */
function boxForButton(button: HTMLElement, lastBox: TextBox | null): TextBox | null {
  if (lastBox?.isConnected) return lastBox;
  let container = button.parentElement;
  for (let depth = 0; container && depth < 6; depth++, container = container.parentElement) {
    const box = container.querySelector<HTMLElement>(
      'textarea, input:not([type]), input[type=text], input[type=search], [contenteditable]',
    );
    if (box) return editableRoot(box) ?? box;
  }
  return null;
}

export function startZipIt(signal: AbortSignal, context: PromptContext): void {
  const module = readAhead(() => context.logic());
  const config = readAhead(() => context.config());
  let lastBox: TextBox | null = null;
  let zipItCheck: ZipItCheck | null = null;
  const checker = (loaded: PromptsModule) =>
    (zipItCheck ??= loaded.createZipItCheck(signal, context));

  /** Stops the send and asks, if it holds personal details and has no pass. */
  function check(event: Event, moment: SendMoment): void {
    if (!context.connected()) return;
    const loaded = module.now();
    const known: PromptConfig | null = config.now();
    if (loaded && known) return checker(loaded).now(event, moment, known);
    // The module or the settings aren't read yet (a send before any box was focused, or just
    // after a policy change): hold the send while they are read, then ask, or send it again as
    // it was. The send done again is checked with both known, so it goes straight through.
    event.preventDefault();
    event.stopImmediatePropagation();
    void Promise.all([module.read(), config.read()]).then(
      ([read, settings]) => checker(read).later(moment, settings),
      // The send stays stopped: a detail is never sent because the check could not load.
      (error: unknown) => console.error('Safe Class: Zip It could not check a send', error),
    );
  }

  window.addEventListener(
    'submit',
    (event) => {
      const form = event.target;
      if (!(form instanceof HTMLFormElement)) return;
      const submitter = (event as SubmitEvent).submitter;
      check(event, {
        sent: form,
        focus: lastBox && form.contains(lastBox) ? lastBox : null,
        resend: () => {
          try {
            form.requestSubmit(submitter);
          } catch {
            // The button has gone or moved out of the form: send without it.
            form.requestSubmit();
          }
        },
      });
    },
    { capture: true, signal },
  );

  window.addEventListener(
    'keydown',
    (event) => {
      if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
      const target = origin(event);
      if (!target) return;
      const init: KeyboardEventInit = {
        key: event.key,
        code: event.code,
        keyCode: event.keyCode,
        which: event.which,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        altKey: event.altKey,
        bubbles: true,
        cancelable: true,
        composed: true,
      } as KeyboardEventInit;
      if (isTypedInput(target)) {
        const { form } = target;
        check(event, {
          sent: form ?? target,
          focus: target,
          resend: () => {
            // The page's own Enter handlers first, then the form's submission if none stopped it.
            const again = new KeyboardEvent('keydown', init);
            if (target.dispatchEvent(again) && form) submitImplicitly(form);
          },
        });
        return;
      }
      const box = target instanceof HTMLTextAreaElement ? target : editableRoot(target);
      if (!box || !isChatBox(textBoxHints(box))) return;
      check(event, {
        sent: box,
        focus: box,
        resend: () => void box.dispatchEvent(new KeyboardEvent('keydown', init)),
      });
    },
    { capture: true, signal },
  );

  window.addEventListener(
    'click',
    (event) => {
      if (event.button !== 0) return;
      const button = origin(event)?.closest<HTMLElement>(BUTTONS);
      if (!button) return;
      const form =
        button instanceof HTMLButtonElement || button instanceof HTMLInputElement
          ? button.form
          : null;
      const submits =
        form !== null &&
        (button instanceof HTMLButtonElement
          ? button.type === 'submit'
          : button instanceof HTMLInputElement && ['submit', 'image'].includes(button.type));
      if (!submits && !isSendButtonName(buttonName(button))) return;
      const sent = form ?? boxForButton(button, lastBox);
      if (!sent) return;
      check(event, {
        sent,
        focus: form ? (lastBox && form.contains(lastBox) ? lastBox : null) : sent,
        resend: () => button.click(),
      });
    },
    { capture: true, signal },
  );

  // Which box the pupil typed in last, so a send button outside a form knows what it sends.
  // Focusing a box is also when the school's settings and the prompts' module are first read,
  // so they are known by the time anything typed there is sent.
  window.addEventListener(
    'focusin',
    (event) => {
      const target = origin(event);
      if (!target) return;
      const box =
        isTypedInput(target) || target instanceof HTMLTextAreaElement
          ? target
          : editableRoot(target);
      if (!box) return;
      lastBox = box;
      if (!context.connected()) return;
      module.now();
      config.now();
    },
    { capture: true, signal },
  );
}

export const zipIt: PromptFeature = { name: 'zip-it', init: startZipIt };
