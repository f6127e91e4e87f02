// Keeps the prompts' content scripts registered: the prompts script (Zip It, Block It,
// copyright: content/prompts.ts) on every web page, and the how-to-block help script
// (content/block-help.ts) only on the messaging platforms' hosts, so no other page parses it.
// They are registered rather than declared in the manifest so that each is one classic file
// (shared/classic-content-scripts.ts says why). A registration an older version left (another
// file, other pages) is replaced: registered scripts outlive an update of the extension.
import { classicContentScriptPath } from '../../shared/classic-content-scripts';
import { MESSAGING_PLATFORM_HOSTS } from '../../shared/messaging-platform-hosts';
import { scripting } from '../chrome-adapter';

type Registration = chrome.scripting.RegisteredContentScript;

export const PROMPTS_SCRIPT = 'prompts';
export const BLOCK_HELP_SCRIPT = 'block-help';

/** `*.host` matches the host itself and every subdomain, as the platforms' hosts count them. */
export const PLATFORM_PAGES = Object.values(MESSAGING_PLATFORM_HOSTS)
  .flat()
  .map((host) => `*://*.${host}/*`);

export const PROMPT_SCRIPTS: readonly Registration[] = [
  {
    id: PROMPTS_SCRIPT,
    js: [classicContentScriptPath('prompts')],
    matches: ['http://*/*', 'https://*/*'],
    // Nothing here is needed before the page is usable: a pupil types, copies or clicks after.
    runAt: 'document_idle',
    // A form or a chat in an embedded frame (a school's embedded quiz, say) is prompted too.
    allFrames: true,
    persistAcrossSessions: true,
  },
  {
    id: BLOCK_HELP_SCRIPT,
    js: [classicContentScriptPath('block-help')],
    matches: PLATFORM_PAGES,
    runAt: 'document_idle',
    // The platforms put their message areas in frames of their own host, too.
    allFrames: true,
    persistAcrossSessions: true,
  },
];

const same = (a: Registration, b: Registration) =>
  JSON.stringify([a.js, a.matches, a.runAt, a.allFrames]) ===
  JSON.stringify([b.js, b.matches, b.runAt, b.allFrames]);

export async function syncPromptsScript(): Promise<void> {
  const ids = PROMPT_SCRIPTS.map(({ id }) => id);
  const existing = await scripting.getRegisteredContentScripts(ids);
  const stale = existing.filter((old) => !PROMPT_SCRIPTS.some((wanted) => same(old, wanted)));
  if (stale.length) await scripting.unregisterContentScripts(stale.map(({ id }) => id));
  const missing = PROMPT_SCRIPTS.filter(
    (wanted) => !existing.some((old) => old.id === wanted.id && same(old, wanted)),
  );
  if (missing.length) await scripting.registerContentScripts([...missing]);
}
