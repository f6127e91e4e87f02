// Zip It: before a pupil sends a personal detail to a site outside the school's trusted list,
// the send stops and asks "Zip it!", with "Don't send" as the default. It listens, in the
// capture phase on the window (before the page's own handlers), for the moments of sending: a
// form's submit, Enter in a text box or chat box, and a click on a submit or send button. At
// that moment it reads only what is being sent, and only the kinds of detail found (never the
// text) are recorded with the pupil's choice. A page where nobody sends anything pays for four
// listeners: the school's settings are first read when the pupil focuses a box to type in, and
// the card's drawing code loads only when a card is shown (content/prompts/prompt-feature.ts).
import {
  detectPersonalData,
  type SentField,
  type ZipItDetail,
} from '../../../shared/zip-it/personal-data-detectors';
import type { PromptConfig } from '../../../shared/prompt-config';
import { readAhead } from '../../../shared/read-ahead';
import { isChatBox, isSendButtonName } from '../../../shared/zip-it/send-moments';
import { siteListIncludes } from '../../../shared/zip-it/site-list';
import type { PromptContext, PromptFeature } from '../prompt-feature';
import { createSendPass } from '../../../shared/zip-it/send-pass';
import {
  boxFields,
  editableRoot,
  formFields,
  isTypedInput,
  textBoxHints,
  type TextBox,
} from './sent-fields';

/** What is being sent, where focus goes back to, and how to send it again. */
interface SendMoment {
  fields: SentField[];
  focus: HTMLElement | null;
  resend: () => void;
}

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

/** A send stopped and held until the pupil chooses. */
interface Held {
  details: ZipItDetail[];
  /** Lets this same send through when it is done again. */
  grant: () => void;
}

const stop = (event: Event) => {
  event.preventDefault();
  event.stopImmediatePropagation();
};

export function startZipIt(signal: AbortSignal, context: PromptContext): void {
  const pass = createSendPass();
  const config = readAhead(() => context.config());
  let lastBox: TextBox | null = null;

  /** What in this send must wait for the pupil's choice, or null when it may go. */
  function toHold(moment: SendMoment, { zipIt }: PromptConfig): Held | null {
    const url = new URL(location.href);
    const signInSite = siteListIncludes(zipIt.signInSites, url);
    // On the school's trusted sites only the password rule applies.
    const fields = siteListIncludes(zipIt.trustedSites, url)
      ? moment.fields.filter((field) => field.password)
      : moment.fields;
    const details = detectPersonalData(fields, zipIt, { signInSite });
    if (details.length === 0) return null;
    const fingerprint = `${details.join()}\n${moment.fields.map((field) => field.value).join('\n')}`;
    if (pass.allows(fingerprint)) return null;
    return { details, grant: () => pass.grant(fingerprint) };
  }

  /** Stops the send and asks, if it holds personal details and has no pass. */
  function check(event: Event, moment: SendMoment): void {
    if (!context.connected()) return;
    // Nothing typed holds no detail, whatever the school's settings say.
    if (moment.fields.every((field) => field.value.trim() === '')) return;
    const known = config.now();
    if (known) {
      const held = toHold(moment, known);
      if (!held) return;
      stop(event);
      show(held, moment);
      return;
    }
    // The settings aren't read yet (a send before any box was focused, or just after a policy
    // change): hold the send while they are read, then ask, or send it again as it was. The
    // send done again is checked with the settings known, so it goes straight through.
    stop(event);
    void config.read().then((read) => {
      if (signal.aborted) return;
      const held = toHold(moment, read);
      if (held) show(held, moment);
      else moment.resend();
    });
  }

  function show(held: Held, moment: SendMoment): void {
    ask(held, moment).catch((error: unknown) => {
      // The send stays stopped: a detail is never sent because the card failed to draw.
      console.error('Safe Class: the Zip It card did not show', error);
    });
  }

  async function ask({ details, grant }: Held, moment: SendMoment): Promise<void> {
    let chosen: 'kept-private' | 'teacher-said-ok' | null = null;
    const record = (outcome: 'kept-private' | 'teacher-said-ok') =>
      Promise.all(
        details.map((detail) =>
          context.send('content.pupilEvent', { kind: 'zip-it', detail, outcome }),
        ),
      );
    await context.show(
      'zip-it',
      {
        details,
        onKeep: async () => {
          await record('kept-private');
          chosen = 'kept-private';
        },
        onTeacherSaidOk: async () => {
          await record('teacher-said-ok');
          chosen = 'teacher-said-ok';
          grant();
        },
      },
      {
        placement: 'modal',
        onClose: () => {
          // Escape also keeps it private; the pupil's words stay where they were.
          if (chosen === null) void record('kept-private').catch(() => undefined);
          moment.focus?.focus({ preventScroll: true });
          if (chosen === 'teacher-said-ok') moment.resend();
        },
      },
    );
  }

  window.addEventListener(
    'submit',
    (event) => {
      const form = event.target;
      if (!(form instanceof HTMLFormElement)) return;
      const submitter = (event as SubmitEvent).submitter;
      check(event, {
        fields: formFields(form),
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
          fields: form ? formFields(form) : boxFields(target),
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
        fields: boxFields(box),
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
      const box = form ? null : boxForButton(button, lastBox);
      if (!form && !box) return;
      check(event, {
        fields: form ? formFields(form) : box ? boxFields(box) : [],
        focus: form ? (lastBox && form.contains(lastBox) ? lastBox : null) : box,
        resend: () => button.click(),
      });
    },
    { capture: true, signal },
  );

  // Which box the pupil typed in last, so a send button outside a form knows what it sends.
  // Focusing a box is also when the school's settings are first read, so they are known by
  // the time anything typed there is sent.
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
      if (context.connected()) config.now();
    },
    { capture: true, signal },
  );
}

export const zipIt: PromptFeature = { name: 'zip-it', init: startZipIt };
