// Zip It: before a pupil sends a personal detail to a site outside the school's trusted list,
// the send stops and asks "Zip it!", with "Don't send" as the default. The moments of sending
// (a form's submit, Enter in a one-line box or a chat box, a click on a submit or send button)
// are found by the prompts script inside their events (first-look.ts); here, in the prompts'
// module, each becomes what is being sent and how to send it again, and goes to the check
// (zip-it-check.ts), which reads only what is being sent and records only the kinds of detail
// found (never the text) with the pupil's choice.
import type { PromptConfig } from '../../../shared/prompt-config';
import { readAhead } from '../../../shared/read-ahead';
import type { Look } from '../first-look';
import type { PromptFeature } from '../prompt-feature';
import { isChatBox } from '../../../shared/zip-it/send-moments';
import { editableRoot, isTypedInput, textBoxHints, type TextBox } from './send-targets';
import { createZipItCheck, type SendMoment } from './zip-it-check';

/** A form's implicit submission, as Enter in one of its fields does it. */
function submitImplicitly(form: HTMLFormElement): void {
  const button = form.querySelector<HTMLElement>(
    'button:not([type]), button[type=submit], input[type=submit], input[type=image]',
  );
  if (button) button.click();
  else form.requestSubmit();
}

/** The text box a send button sends: the one last typed in, else one near the button. */
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

/** Enter in this box sends (a one-line box, a chat box) rather than starting a new line. */
const entersSend = (box: TextBox): boolean => isTypedInput(box) || isChatBox(textBoxHints(box));

/**
 * Enter in a box for writing, held before the module loaded, typed again: the page's own
 * handlers see the key, then the new line goes in where the pupil's cursor is, as the key
 * would have put it (an event made by a script has no such effect of its own).
 */
function typeAgain(box: TextBox, keys: KeyboardEvent): void {
  if (!pressAgain(box, keys)) return;
  const active = box.ownerDocument.activeElement;
  if (!active || !(active === box || box.contains(active))) return;
  box.ownerDocument.execCommand(
    box instanceof HTMLTextAreaElement ? 'insertLineBreak' : 'insertParagraph',
  );
}

/** Enter pressed again as the pupil pressed it: the page's own handlers see the same keys. */
function pressAgain(box: TextBox, keys: KeyboardEvent): boolean {
  const again = new KeyboardEvent('keydown', {
    key: keys.key,
    code: keys.code,
    keyCode: keys.keyCode,
    which: keys.which,
    ctrlKey: keys.ctrlKey,
    metaKey: keys.metaKey,
    altKey: keys.altKey,
    bubbles: true,
    cancelable: true,
    composed: true,
  } as KeyboardEventInit);
  return box.dispatchEvent(again);
}

export const zipIt: PromptFeature = {
  name: 'zip-it',
  start(signal, context) {
    const config = readAhead(() => context.config());
    const check = createZipItCheck(signal, context);
    // Which box the pupil typed in last, so a send button outside a form knows what it sends.
    let lastBox: TextBox | null = null;

    /** What a look sends and how to send it again, or null when it sends nothing. */
    function momentOf(look: Look): SendMoment | null {
      switch (look.kind) {
        case 'submit': {
          const { form, submitter } = look;
          return {
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
          };
        }
        case 'enter': {
          const { box, keys } = look;
          if (!entersSend(box)) return null;
          const form = isTypedInput(box) ? box.form : null;
          return {
            sent: form ?? box,
            focus: box,
            // The page's own Enter handlers first, then the form's submission if none stopped it.
            resend: () => {
              if (pressAgain(box, keys) && form) submitImplicitly(form);
            },
          };
        }
        case 'send-button': {
          const { button } = look;
          const form =
            button instanceof HTMLButtonElement || button instanceof HTMLInputElement
              ? button.form
              : null;
          const sent = form ?? boxForButton(button, lastBox);
          if (!sent) return null;
          return {
            sent,
            focus: form ? (lastBox && form.contains(lastBox) ? lastBox : null) : sent,
            resend: () => button.click(),
          };
        }
        default:
          return null;
      }
    }

    /** A box focused or typed in is where a send button's words come from, and a sign of a send. */
    const inBox = (look: Look): boolean => {
      if (look.kind !== 'box' && look.kind !== 'enter') return false;
      lastBox = look.box;
      // The settings are read now, so they are known by the time anything typed there is sent.
      config.now();
      return look.kind === 'box';
    };

    return {
      now(look, event) {
        if (inBox(look)) return;
        const moment = momentOf(look);
        if (!moment || !context.connected()) return;
        const known: PromptConfig | null = config.now();
        if (known) return check.now(event, moment, known);
        // The settings aren't read yet (a send before any box was focused, or just after a
        // policy change): hold the send while they are read, then ask, or send it again.
        event.preventDefault();
        event.stopImmediatePropagation();
        void config.read().then((settings) => check.later(moment, settings));
      },
      later(look, held) {
        if (inBox(look) || !held) return;
        const moment = momentOf(look);
        if (moment) void config.read().then((settings) => check.later(moment, settings));
        // Held all the same, and not a send after all: let it go as it would have gone.
        else if (look.kind === 'send-button') look.button.click();
        else if (look.kind === 'enter') typeAgain(look.box, look.keys);
      },
    };
  },
};
