// The effective policy for a pupil right now: their key stage's list (or the starter list),
// with always-blocked entries on top. Lessons and approvals join the allow side in later work.
import type { ManagedFields } from './managed-policy';
import {
  STRICTEST_KEY_STAGE,
  type KeyStage,
  type ListName,
  type Settings,
  type StoredEntry,
} from './policy-model';
import { decodeCanonicalSite } from './canonical-site';
import { parseSiteEntry, type SiteEntry } from './site-entry';
import { runningLesson, type Lesson } from './lesson';
import { STARTER_LISTS } from './starter-lists';

export interface EffectivePolicy {
  keyStage: KeyStage;
  keyStageSource: 'managed' | 'local' | 'default';
  /** Sites the pupil may open, as parsed entries in canonical order. */
  allow: SiteEntry[];
  /** Approved image sources (also in `allow`), offered when image search is blocked. */
  imageSources: SiteEntry[];
  /** Until when a teacher has lifted the image-search block, or null while it stands. */
  imageSearchLiftedUntil: string | null;
  /** Sites blocked whatever any allow entry says. */
  block: SiteEntry[];
  /** True when the starter list stands in for an empty key stage list. */
  usingStarter: boolean;
  /** The lesson in force, if any (its sites are in `allow`). */
  lesson: Pick<Lesson, 'id' | 'mode' | 'endsAt'> | null;
}

export interface ListView {
  entries: StoredEntry[];
  usingStarter: boolean;
}

/**
 * One list as the admin sees it: managed entries first (locked), then local ones. A local entry
 * that repeats a managed one is hidden so the list reads once. The starter list shows in place
 * of an allow list that no source has filled.
 */
export function listView(list: ListName, settings: Settings, managed: ManagedFields): ListView {
  const managedEntries: StoredEntry[] = (managed[list] ?? []).map((site) => ({
    site,
    source: 'managed',
  }));
  const seen = new Set(managedEntries.map((entry) => entry.site));
  const local = settings.lists[list].filter((entry) => !seen.has(entry.site));
  const entries = [...managedEntries, ...local];
  if (entries.length === 0 && list !== 'alwaysBlocked') {
    return {
      entries: STARTER_LISTS[list].map((site) => ({ site, source: 'starter' })),
      usingStarter: true,
    };
  }
  return { entries, usingStarter: false };
}

function toEntries(entries: readonly StoredEntry[]): SiteEntry[] {
  const parsed: SiteEntry[] = [];
  for (const stored of entries) {
    const canonical = decodeCanonicalSite(stored.site);
    if (canonical) {
      parsed.push(canonical);
      continue;
    }
    // Stored text was validated on the way in; anything unparseable now is skipped, which
    // can only narrow an allow list.
    const result = parseSiteEntry(stored.site);
    if (result.ok) parsed.push(result.entry);
  }
  return parsed;
}

export function resolveKeyStage(
  settings: Settings,
  managed: ManagedFields,
): Pick<EffectivePolicy, 'keyStage' | 'keyStageSource'> {
  if (managed.keyStage) return { keyStage: managed.keyStage, keyStageSource: 'managed' };
  if (settings.keyStage) return { keyStage: settings.keyStage, keyStageSource: 'local' };
  return { keyStage: STRICTEST_KEY_STAGE, keyStageSource: 'default' };
}

/** A lift counts only while its end is still ahead: an expired one changes nothing. */
export function activeImageSearchLift(settings: Settings, now: Date): string | null {
  const until = settings.imageSearchLift?.until;
  return until && Date.parse(until) > now.getTime() ? until : null;
}

/**
 * The policy for a pupil at `now`. A running lesson in `focus` mode replaces the key stage list
 * (and the image sources) with its own sites; in `add` mode it adds them. Always-blocked sites,
 * image search and SafeSearch apply on top either way: the compiler ranks them above allows.
 */
export function buildEffectivePolicy(
  settings: Settings,
  managed: ManagedFields,
  now: Date = new Date(),
  lesson: Lesson | null = null,
): EffectivePolicy {
  const { keyStage, keyStageSource } = resolveKeyStage(settings, managed);
  const allowView = listView(keyStage, settings, managed);
  const blockView = listView('alwaysBlocked', settings, managed);
  const imageSources = toEntries(listView('imageSources', settings, managed).entries);
  const running = runningLesson(lesson, now);
  const lessonSites = running
    ? toEntries(running.sites.map((site) => ({ site, source: 'lesson' as const })))
    : [];
  const allow =
    running?.mode === 'focus'
      ? lessonSites
      : [...toEntries(allowView.entries), ...imageSources, ...lessonSites];
  return {
    keyStage,
    keyStageSource,
    lesson: running ? { id: running.id, mode: running.mode, endsAt: running.endsAt } : null,
    allow,
    imageSources,
    imageSearchLiftedUntil: activeImageSearchLift(settings, now),
    block: toEntries(blockView.entries),
    usingStarter: allowView.usingStarter,
  };
}
