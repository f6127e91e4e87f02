// Zip It's decision, in the prompts' module: whether what is being sent holds a personal detail
// that must wait for the pupil's choice, and the "Zip it!" card that asks. The prompts script
// (zip-it-feature.ts) finds the moment of sending and hands it here, at once when this module
// and the settings are already read, or after holding the send while they are read.
import {
  detectPersonalData,
  type ZipItDetail,
} from '../../../shared/zip-it/personal-data-detectors';
import type { PromptConfig } from '../../../shared/prompt-config';
import { createSendPass } from '../../../shared/zip-it/send-pass';
import { siteListIncludes } from '../../../shared/zip-it/site-list';
import type { PromptContext } from '../prompt-feature';
import { fieldsOf } from './sent-fields';
import type { TextBox } from './send-targets';

/** What is being sent (a form, or one text box), where focus goes back to, how to send it again. */
export interface SendMoment {
  sent: HTMLFormElement | TextBox;
  focus: HTMLElement | null;
  resend: () => void;
}

/** A send stopped and held until the pupil chooses. */
interface Held {
  details: ZipItDetail[];
  /** Lets this same send through when it is done again. */
  grant: () => void;
}

export interface ZipItCheck {
  /** Decides a send inside its own event: stops it when the pupil must be asked. */
  now(event: Event, moment: SendMoment, config: PromptConfig): void;
  /** Decides a send the prompts script already stopped: asks, or sends it again as it was. */
  later(moment: SendMoment, config: PromptConfig): void;
}

export function createZipItCheck(signal: AbortSignal, context: PromptContext): ZipItCheck {
  const pass = createSendPass();

  /** What in this send must wait for the pupil's choice, or null when it may go. */
  function toHold(moment: SendMoment, { zipIt }: PromptConfig): Held | null {
    const sent = fieldsOf(moment.sent);
    // Nothing typed holds no detail, whatever the school's settings say.
    if (sent.every((field) => field.value.trim() === '')) return null;
    const url = new URL(location.href);
    const signInSite = siteListIncludes(zipIt.signInSites, url);
    // On the school's trusted sites only the password rule applies.
    const fields = siteListIncludes(zipIt.trustedSites, url)
      ? sent.filter((field) => field.password)
      : sent;
    const details = detectPersonalData(fields, zipIt, { signInSite });
    if (details.length === 0) return null;
    const fingerprint = `${details.join()}\n${sent.map((field) => field.value).join('\n')}`;
    if (pass.allows(fingerprint)) return null;
    return { details, grant: () => pass.grant(fingerprint) };
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

  return {
    now(event, moment, config) {
      const held = toHold(moment, config);
      if (!held) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      show(held, moment);
    },
    later(moment, config) {
      if (signal.aborted) return;
      const held = toHold(moment, config);
      if (held) show(held, moment);
      else moment.resend();
    },
  };
}
