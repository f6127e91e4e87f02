// The copyright reminder for pictures: dragging an image out of a page, or opening its menu
// (where "Save image as…" is), shows a short note that pictures belong to the person who made
// them. Neither is blocked: the note comes after a drag ends (so it can't disturb the drag) and
// as the menu opens. Once per page for each, so it doesn't nag.
import type { Look } from '../first-look';
import type { PromptFeature } from '../prompt-feature';

export const imageReminder: PromptFeature = {
  name: 'copyright-image',
  start(_signal, context) {
    const reminded = new Set<'drag' | 'menu'>();
    // A drag or a menu is never held, so one seen while the module loaded is reminded the same.
    const once = (look: Look) => {
      if (look.kind !== 'image') return;
      const { moment } = look;
      if (reminded.has(moment) || !context.connected()) return;
      reminded.add(moment);
      void context
        .send('content.pupilEvent', { kind: 'copyright', detail: 'image', outcome: 'reminded' })
        .catch(() => undefined);
      void context.show('copyright-image', {}, { placement: 'corner' }).catch(() => undefined);
    };
    return { now: once, later: once };
  },
};
