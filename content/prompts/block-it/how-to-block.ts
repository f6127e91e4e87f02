// "How to block someone here": on the messaging and comment pages of the platforms the school
// lists, a small button opens that platform's steps (drawn by how-to-block-view.tsx). Nothing
// shows on any other page. Start-up cost: one comparison of the page's host with the platforms'
// hosts; on any other site nothing more happens, not even a listener. On a platform's host the
// page is asked once, when the browser is idle, whether it has a message area, and again only
// when the pupil scrolls, clicks or the address changes (the platforms are single-page apps),
// never by watching the page. "Hide" lasts as long as this page: it is kept here in the script,
// since anything stored in the page could be read and changed by it.
import {
  coversPath,
  platformForHost,
  type MessagingPlatform,
} from '../../../shared/messaging-platforms';
import type { PromptContext, PromptFeature } from '../prompt-feature';
import { loadPromptsUi } from '../prompt-loader';

type Help = ReturnType<Awaited<ReturnType<typeof loadPromptsUi>>['howToBlockHelp']>;

function follow(signal: AbortSignal, context: PromptContext, platform: MessagingPlatform): void {
  const areas = platform.areas.join(', ');
  let help: Promise<Help> | null = null;
  let hidden = false;
  const look = async () => {
    if (hidden || signal.aborted) return;
    const listed = (await context.config()).messagingPlatforms.includes(platform.id);
    const here =
      listed &&
      coversPath(platform, window.location.pathname) &&
      document.querySelector(areas) !== null;
    if (here) {
      help ??= loadPromptsUi().then((ui) =>
        ui.howToBlockHelp(platform.id, () => {
          hidden = true;
        }),
      );
      const shown = await help;
      if (!hidden && !signal.aborted) shown?.show();
    } else if (help) {
      (await help)?.remove();
    }
  };
  const run = () => void look().catch(() => undefined);
  signal.addEventListener('abort', () => void help?.then((shown) => shown?.remove()), {
    once: true,
  });
  const options = { signal, passive: true } as const;
  document.addEventListener('scrollend', run, options);
  window.addEventListener('pointerup', run, options);
  window.addEventListener('keyup', (event) => event.key === 'Enter' && run(), options);
  window.addEventListener('popstate', run, options);
  window.addEventListener('hashchange', run, options);
  // The first look waits for an idle moment: the page's own start-up comes first.
  requestIdleCallback(run, { timeout: 2_000 });
}

export const howToBlock: PromptFeature = {
  name: 'how-to-block',
  init(signal, context) {
    // Every platform the extension knows: whether the school lists it is read at the first look.
    const platform = platformForHost(window.location.hostname);
    if (platform) follow(signal, context, platform);
  },
};
