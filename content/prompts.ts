// The prompts that teach at the moment they matter: Zip It, Block It and the copyright
// reminders. One classic script on every web page (background/prompts/prompts-script.ts), and
// every page parses and runs it, so at start it does as little as a script that listens can:
// three capture listeners on the window. No `chrome.*` call, no storage read, no DOM query, no
// per-feature set-up: each costs a page load measurable main-thread time (`npm run bench`;
// README, "The prompts script").
//
// Every moment a prompt may follow (a click, a submit, a copy, a picture's drag or menu) comes
// after a pointer, a key or a focus on the page: so the first of those arms the script with one
// listener for each such event (LOOKED_AT). An event is then looked at (first-look.ts), and only
// a moment that may need a prompt loads the prompts' module (content/prompts-module.tsx), which
// holds the features, the school's settings and the drawing, and decides from then on. A send
// or a link click that comes before the module has loaded is held, then decided once it has:
// sent again as it was, followed as it would have gone, or prompted.
import { followLink } from './prompts/block-it/follow-link';
import { firstLook, LOOKED_AT, mustHold, type Look } from './prompts/first-look';
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

/** A held moment the module could not be loaded to decide. */
function unheld(seen: Look, error: unknown): void {
  // The extension went under the page: its rules still stand, so the link may go and meet them.
  if (seen.kind === 'link') return followLink(seen.link, seen.newTab);
  // A send stays stopped: a detail is never sent because the check could not load.
  console.error('Safe Class: a prompt could not load', error);
}

function look(event: Event): void {
  const seen = firstLook(event);
  if (!seen || gone()) return;
  if (page) return page.now(seen, event);
  const hold = mustHold(seen);
  // A link within the site needs no module; other signs and moments read it ahead.
  if (seen.kind === 'link' && !hold) return;
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
