// The copyright reminder for pictures: dragging an image out of a page, or opening its menu
// (where "Save image as…" is), shows a short note that pictures belong to the person who made
// them. Neither is blocked: the listeners are passive, the note comes after a drag ends (so it
// can't disturb the drag) and as the menu opens. Once per page for each, so it doesn't nag.
import type { PromptContext, PromptFeature } from '../prompt-feature';

type Moment = 'drag' | 'menu';

const isImage = (event: Event) => event.composedPath()[0] instanceof HTMLImageElement;

function remind(context: PromptContext): void {
  if (!context.connected()) return;
  void context
    .send('content.pupilEvent', { kind: 'copyright', detail: 'image', outcome: 'reminded' })
    .catch(() => undefined);
  void context.show('copyright-image', {}, { placement: 'corner' }).catch(() => undefined);
}

export const imageReminder: PromptFeature = {
  name: 'copyright-image',
  init(signal, context) {
    const reminded = new Set<Moment>();
    let dragging = false;
    const once = (moment: Moment) => {
      if (reminded.has(moment)) return;
      reminded.add(moment);
      remind(context);
    };
    const options = { signal, capture: true, passive: true } as const;
    document.addEventListener(
      'dragstart',
      (event) => (dragging = event.isTrusted && isImage(event)),
      options,
    );
    document.addEventListener(
      'dragend',
      () => {
        if (dragging) once('drag');
        dragging = false;
      },
      options,
    );
    document.addEventListener(
      'contextmenu',
      (event) => {
        if (event.isTrusted && isImage(event)) once('menu');
      },
      options,
    );
  },
};
