// "How to block someone here": on the messaging and comment pages of the platforms the school
// lists, a small button opens that platform's steps. Nothing shows on any other page. Start-up
// cost: one comparison of the page's host with the platforms' hosts (a short list, kept apart
// from the rest of the platform data); on any other site nothing more happens, not even a
// listener. On a platform's host the prompts' module is loaded when the browser is first idle
// (the page's own start-up comes first) and does the rest (how-to-block-follow.ts).
import { platformIdForHost } from '../../../shared/messaging-platform-hosts';
import type { PromptFeature } from '../prompt-feature';

export const howToBlock: PromptFeature = {
  name: 'how-to-block',
  init(signal, context) {
    // Every platform the extension knows: whether the school lists it is read at the first look.
    const platformId = platformIdForHost(window.location.hostname);
    if (!platformId) return;
    requestIdleCallback(
      () =>
        void context
          .logic()
          .then((module) => module.followHowToBlock(signal, context, platformId))
          .catch(() => undefined),
      { timeout: 2_000 },
    );
  },
};
