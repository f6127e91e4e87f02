// Block It: a pupil follows a link in a message, comment, chat or email on an allowed site to
// a site the school hasn't approved, or opens an attachment from one, and sees "Block it!"
// before leaving. Links within the site, and links the rules would open anyway, go through
// untouched. The prompts script finds a person's click or middle click on a link inside the
// event (first-look.ts) and holds one that may leave the site while this module loads; here
// the click is decided (block-it-decide.ts).
import type { PromptFeature } from '../prompt-feature';
import { createBlockItCheck } from './block-it-decide';

export const blockIt: PromptFeature = {
  name: 'block-it',
  start(_signal, context) {
    const check = createBlockItCheck(context);
    return {
      now(look, event) {
        if (look.kind === 'link' && context.connected()) check.now(event, look.link, look.newTab);
      },
      later(look, held) {
        if (look.kind === 'link' && held) check.later(look.link, look.newTab);
      },
    };
  },
};
