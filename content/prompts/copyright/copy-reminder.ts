// The copyright reminder for words: copying more than the school's limit of words from a page
// shows "Remember to say where you found it" with a citation to copy. The copy itself goes
// ahead untouched: the listener is passive and the card comes after. Copies from text boxes
// and editors (the pupil's own writing) don't count, nor copies from the prompts themselves.
// Here, in the script every page parses, only the copied words are taken, in the copy event;
// counting them and the card are in the prompts' module (copy-remind.ts).
import type { PromptFeature } from '../prompt-feature';

function fromOwnWriting(event: Event): boolean {
  const target = event.target;
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest('safe-class-prompt, safe-class-help')) return true;
  return (
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target.isContentEditable
  );
}

export const copyReminder: PromptFeature = {
  name: 'copyright-copy',
  init(signal, context) {
    // One reminder at a time: a second long copy while it is up needs no second card.
    let open = false;
    document.addEventListener(
      'copy',
      (event) => {
        if (!event.isTrusted || open || fromOwnWriting(event)) return;
        // The words as copied, read now: the selection may change by the time the card shows.
        const copied = document.getSelection()?.toString() ?? '';
        if (!copied.trim() || !context.connected()) return;
        open = true;
        const done = () => (open = false);
        void context
          .logic()
          .then((module) => module.remindCopy(context, copied, done))
          .catch(done);
      },
      { signal, passive: true },
    );
  },
};
