// The copyright reminder for pictures: dragging an image out of a page, or opening its menu
// (where "Save image as…" is), shows a short note that pictures belong to the person who made
// them. Neither is blocked: the note comes after a drag ends (so it can't disturb the drag) and
// as the menu opens. Once per page for each, so it doesn't nag.
import type { PromptFeature } from '../prompt-feature';

type Moment = 'drag' | 'menu';

export const imageReminder: PromptFeature = {
  name: 'copyright-image',
  start(_signal, context) {
    const reminded = new Set<Moment>();
    const once = (moment: Moment) => {
      if (reminded.has(moment) || !context.connected()) return;
      reminded.add(moment);
      void context
        .send('content.pupilEvent', { kind: 'copyright', detail: 'image', outcome: 'reminded' })
        .catch(() => undefined);
      void context.show('copyright-image', {}, { placement: 'corner' }).catch(() => undefined);
    };
    return {
      now: (look) => look.kind === 'image' && once(look.moment),
      later: (look) => look.kind === 'image' && once(look.moment),
    };
  },
};
