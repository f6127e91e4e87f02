// "How to block someone here": on the messaging and comment pages of the platforms the school
// lists, a small button opens that platform's steps. This script is registered only on the
// hosts of the platforms the extension knows (background/prompts/prompts-script.ts), so no
// other page parses it. It waits for the browser's first idle moment (the page's own start-up
// comes first), then the prompts' module does the rest (how-to-block-follow.ts): whether the
// school lists the platform, whether this page has a message area, and the button.
import { platformIdForHost } from '../shared/messaging-platform-hosts';
import { loadPromptsModule } from './prompts/prompt-loader';

const platformId = platformIdForHost(location.hostname);
if (platformId) {
  requestIdleCallback(
    () =>
      void loadPromptsModule()
        .then((module) => module.startHowToBlock(platformId))
        .catch(() => undefined),
    { timeout: 2_000 },
  );
}
