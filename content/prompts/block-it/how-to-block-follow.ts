// "How to block someone here", in the prompts' module: on a platform's page, whether it has a
// message area, and the help button that opens its steps (drawn by how-to-block-view.tsx).
// The help script (content/block-help.ts) starts this only on a platform's host, when the
// browser is first idle. The page is asked whether it has a message area now, and again only when the
// pupil scrolls, clicks or the address changes (the platforms are single-page apps), never by
// watching the page. "Hide" lasts as long as this page: it is kept here in the script, since
// anything stored in the page could be read and changed by it.
import { coversPath, MESSAGING_PLATFORMS } from '../../../shared/messaging-platforms';
import type { PromptContext } from '../prompt-feature';
import { howToBlockHelp } from './how-to-block-view';

type Help = ReturnType<typeof howToBlockHelp>;

export function followHowToBlock(
  signal: AbortSignal,
  context: PromptContext,
  platformId: string,
): void {
  const platform = MESSAGING_PLATFORMS.find(({ id }) => id === platformId);
  if (!platform || signal.aborted) return;
  const areas = platform.areas.join(', ');
  let help: Help | undefined;
  let hidden = false;
  const look = async () => {
    if (hidden || signal.aborted || !context.connected()) return;
    const listed = (await context.config()).messagingPlatforms.includes(platform.id);
    const here =
      listed &&
      coversPath(platform, window.location.pathname) &&
      document.querySelector(areas) !== null;
    if (here) {
      if (help === undefined) {
        help = howToBlockHelp(platform.id, () => {
          hidden = true;
        });
      }
      if (!hidden && !signal.aborted) help?.show();
    } else {
      help?.remove();
    }
  };
  const run = () => void look().catch(() => undefined);
  signal.addEventListener('abort', () => help?.remove(), { once: true });
  const options = { signal, passive: true } as const;
  document.addEventListener('scrollend', run, options);
  window.addEventListener('pointerup', run, options);
  window.addEventListener('keyup', (event) => event.key === 'Enter' && run(), options);
  window.addEventListener('popstate', run, options);
  window.addEventListener('hashchange', run, options);
  run();
}
