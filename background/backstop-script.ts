// Keeps the backstop content script registered for every web page except the allowed ones,
// plus the always-blocked, piracy and circumvention ones inside them (a list may allow what those block).
// Chrome matches the patterns before a page runs, so allowed pages pay nothing, unlike a webNavigation listener that woke the worker on every
// page load (measured: allowed pages 1.23-1.31x slower; see README "Benchmarks").
import backstopScript from '../content/backstop.ts?script';
import type { EffectivePolicy } from '../shared/effective-policy';
import { ALL_WEB_PAGES, matchPatternsForAll } from '../shared/match-patterns';
import { PIRACY_ENTRIES } from '../shared/piracy-sites';
import { CIRCUMVENTION_ENTRIES } from '../shared/circumvention-sites';
import { scripting } from './chrome-adapter';

const OUTSIDE_ALLOWED = 'backstop-outside-allowed';
const ALWAYS_BLOCKED = 'backstop-always-blocked';

function registration(
  id: string,
  matches: string[],
  excludeMatches: string[] = [],
): chrome.scripting.RegisteredContentScript {
  return {
    id,
    js: [backstopScript],
    matches,
    ...(excludeMatches.length ? { excludeMatches } : {}),
    runAt: 'document_start',
    // A frame served by its site's worker is caught too, not only the top page.
    allFrames: true,
    persistAcrossSessions: true,
  };
}

export async function syncBackstopScript(policy: EffectivePolicy): Promise<void> {
  const wanted = [registration(OUTSIDE_ALLOWED, ALL_WEB_PAGES, matchPatternsForAll(policy.allow))];
  const blocked = matchPatternsForAll([
    ...policy.block,
    ...PIRACY_ENTRIES,
    ...CIRCUMVENTION_ENTRIES,
  ]);
  if (blocked.length) wanted.push(registration(ALWAYS_BLOCKED, blocked));
  const existing = await scripting.getRegisteredContentScripts([OUTSIDE_ALLOWED, ALWAYS_BLOCKED]);
  if (existing.length)
    await scripting.unregisterContentScripts(existing.map((script) => script.id));
  await scripting.registerContentScripts(wanted);
}
