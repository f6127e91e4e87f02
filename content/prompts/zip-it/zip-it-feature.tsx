// Zip It: before a pupil sends a personal detail to a site outside the school's trusted list,
// the send stops and asks "Zip it!", with "Don't send" as the default. It listens, in the
// capture phase on the window (before the page's own handlers), for the moments of sending: a
// form's submit, Enter in a text box or chat box, and a click on a submit or send button. At
// that moment it reads only what is being sent, and only the kinds of detail found (never the
// text) are recorded with the pupil's choice. A page where nobody sends anything pays for four
// listeners.
import {
  detectPersonalData,
  type SentField,
  type ZipItDetail,
} from '../../../shared/zip-it/personal-data-detectors';
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
import { ZipItCard } from './zip-it-card';

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

export function startZipIt(signal: AbortSignal, context: PromptContext): void {
  const pass = createSendPass();
  let lastBox: TextBox | null = null;

  /** Stops the send and asks, if it holds personal details and has no pass. */
  function check(event: Event, moment: SendMoment): void {
    if (!context.connected()) return;
    const { zipIt } = context.config();
    const url = new URL(location.href);
    const signInSite = siteListIncludes(zipIt.signInSites, url);
    // On the school's trusted sites only the password rule applies.
    const fields = siteListIncludes(zipIt.trustedSites, url)
      ? moment.fields.filter((field) => field.password)
      : moment.fields;
    const details = detectPersonalData(fields, zipIt, { signInSite });
    if (details.length === 0) return;
    const fingerprint = `${details.join()}\n${moment.fields.map((field) => field.value).join('\n')}`;
    if (pass.allows(fingerprint)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    ask(details, moment, () => pass.grant(fingerprint));
  }

  function ask(details: ZipItDetail[], moment: SendMoment, grant: () => void): void {
    let chosen = false;
    const record = (outcome: 'kept-private' | 'teacher-said-ok') =>
      Promise.all(
        details.map((detail) =>
          context.send('content.pupilEvent', { kind: 'zip-it', detail, outcome }),
        ),
      );
    const close = context.show(
      () => (
        <ZipItCard
          keyStage={context.config().keyStage}
          details={details}
          onKeep={async () => {
            await record('kept-private');
            chosen = true;
            close();
          }}
          onTeacherSaidOk={async () => {
            await record('teacher-said-ok');
            chosen = true;
            grant();
            close();
            moment.resend();
          }}
        />
      ),
      {
        placement: 'modal',
        onClose: () => {
          // Escape also keeps it private; the pupil's words stay where they were.
          if (!chosen) void record('kept-private').catch(() => undefined);
          moment.focus?.focus({ preventScroll: true });
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
  window.addEventListener(
    'focusin',
    (event) => {
      const target = origin(event);
      if (!target) return;
      if (isTypedInput(target) || target instanceof HTMLTextAreaElement) lastBox = target;
      else if (target instanceof HTMLElement && target.isContentEditable) {
        lastBox = editableRoot(target);
      }
    },
    { capture: true, signal },
  );
}

export const zipIt: PromptFeature = { name: 'zip-it', init: startZipIt };
