// The prompts that teach at the moment they matter: Zip It, Block It and the copyright
// reminders. One classic script on every web page (background/prompts/prompts-script.ts), and
// every page parses and runs it, so at start it does as little as a script that listens can:
// three capture listeners on the window. No `chrome.*` call, no storage read, no DOM query, no
// per-feature set-up, and as little code as it can be: each costs a page load measurable
// main-thread time (`npm run bench`; README, "The prompts script").
//
// Every moment a prompt may follow (a click, a submit, a copy, a picture's drag or menu) comes
// after a pointer, a key or a focus on the page: so the first of those arms the script with one
// listener for each such event (LOOKED_AT). Until the prompts' module (content/prompts-module.tsx:
// the features, the school's settings, the drawing) has loaded, the script's own coarse look
// (early-look.ts) holds what may be a moment a prompt comes before, and loads the module for
// anything a prompt may follow. The module then decides every event: a held one is sent again
// as it was, followed as it would have gone, or prompted.
import { followLink } from './prompts/block-it/follow-link';
import { earlyLook, linkIn, LOOKED_AT, see, type Seen } from './prompts/early-look';
import { loadPromptsModule } from './prompts/prompt-loader';
import type { PromptsPage } from './prompts/prompts-page';

/** What a person does first on a page: a pointer down, a key down, a focus (a screen reader's). */
const ARMING = ['pointerdown', 'keydown', 'focusin'] as const;

let page: PromptsPage | null = null;

/** True once the extension was updated or removed under this page: every prompt stops. */
function gone(): boolean {
  if (globalThis.chrome?.runtime?.id) return false;
  for (const type of ARMING) removeEventListener(type, arm, true);
  for (const type of LOOKED_AT) removeEventListener(type, look, true);
  page?.end();
  return true;
}

/** A held event the module could not be loaded to decide. */
function unheld({ event, path }: Seen, error: unknown): void {
  // The extension went under the page: its rules still stand, so a link may go and meet them.
  const link = linkIn(path);
  if (link) return followLink(link, event.type === 'auxclick');
  // A send stays stopped: a detail is never sent because the check could not load.
  console.error('Safe Class: a prompt could not load', error);
}

function look(event: Event): void {
  if (page) return page.now(event);
  const seen = see(event);
  const early = earlyLook(seen);
  if (!early || gone()) return;
  const hold = early === 'hold';
  if (hold) {
    event.preventDefault();
    event.stopImmediatePropagation();
  }
  loadPromptsModule().then(
    (module) => {
      page ??= module.startPromptsPage(() => !gone());
      page.later(seen, hold);
    },
    (error: unknown) => hold && unheld(seen, error),
  );
}

function arm(event: Event): void {
  for (const type of ARMING) removeEventListener(type, arm, true);
  for (const type of LOOKED_AT) addEventListener(type, look, true);
  // A listener added while an event is at the window doesn't hear that event: look at it here.
  look(event);
}

for (const type of ARMING) addEventListener(type, arm, true);
