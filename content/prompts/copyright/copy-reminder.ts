// The copyright reminder for words: copying more than the school's limit of words from a page
// shows "Remember to say where you found it" with a citation to copy. The copy itself goes
// ahead untouched, and the card comes after. The prompts script takes the copied words inside
// the copy event, leaving out copies from text boxes and editors (the pupil's own writing) and
// from the prompts themselves (first-look.ts); counting them and the card are copy-remind.ts.
import type { Look } from '../first-look';
import type { PromptFeature } from '../prompt-feature';
import { remindCopy } from './copy-remind';

export const copyReminder: PromptFeature = {
  name: 'copyright-copy',
  start(_signal, context) {
    // One reminder at a time: a second long copy while it is up needs no second card.
    let open = false;
    // A copy goes ahead either way, so one seen while the module loaded is reminded the same.
    const remind = (look: Look) => {
      if (look.kind !== 'copy' || open || !context.connected()) return;
      open = true;
      const done = () => (open = false);
      remindCopy(context, look.copied, done).catch(done);
    };
    return { now: remind, later: remind };
  },
};
