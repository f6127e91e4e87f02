// The copyright reminder for words, in the prompts' module: counts the words the pupil copied
// (the prompts script, copy-reminder.ts, read them in the copy event) and, over the school's
// limit, shows "Remember to say where you found it" with a citation to copy.
import { countWords } from '../../../shared/word-count';
import type { PromptContext } from '../prompt-feature';

export async function remindCopy(
  context: PromptContext,
  copied: string,
  done: () => void,
): Promise<void> {
  const { copyWordLimit } = await context.config();
  if (countWords(copied, copyWordLimit) <= copyWordLimit) return done();
  let recorded = false;
  const record = (outcome: 'reminded' | 'citation-copied') => {
    if (recorded) return;
    recorded = true;
    void context
      .send('content.pupilEvent', { kind: 'copyright', detail: 'copied-text', outcome })
      .catch(() => undefined);
  };
  await context.show(
    'copyright-citation',
    { onCopied: () => record('citation-copied') },
    {
      placement: 'corner',
      onClose: () => {
        record('reminded');
        done();
      },
    },
  );
}
