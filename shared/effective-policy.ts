// The effective policy for a pupil right now: their key stage's list (or the starter list) with
// the hub's school sites, a running lesson and the teacher's grants on the allow side, and
// always-blocked entries on top.
import type { Grant } from './hub-protocol';
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
import { lockedForSignIn, SIGNED_IN, type PupilIdentity } from './pupil-identity';
import { STARTER_LISTS } from './starter-lists';

/** What the classroom hub last said about this pupil (background/hub-link/hub-state.ts). */
export interface HubPolicy {
  /** The pupil's class's key stage: it outranks managed policy and the device. */
  keyStage: KeyStage;
  /** Canonical site text the school added at the hub for this key stage. */
  schoolSites: readonly string[];
  grants: readonly Pick<Grant, 'site' | 'until'>[];
}

export interface EffectivePolicy {
  keyStage: KeyStage;
  /** `not-signed-in`: the school names a hub and nobody is signed in (shared/pupil-identity.ts). */
  keyStageSource: 'hub' | 'managed' | 'local' | 'default' | 'not-signed-in';
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

function parseSites(sites: readonly string[]): SiteEntry[] {
  const parsed: SiteEntry[] = [];
  for (const site of sites) {
    const canonical = decodeCanonicalSite(site);
    if (canonical) {
      parsed.push(canonical);
      continue;
    }
    // Stored text was validated on the way in; anything unparseable now is skipped, which
    // can only narrow an allow list.
    const result = parseSiteEntry(site);
    if (result.ok) parsed.push(result.entry);
  }
  return parsed;
}

const toEntries = (entries: readonly StoredEntry[]) => parseSites(entries.map(({ site }) => site));

/**
 * The hub knows the pupil's class, which is more specific than an organisational unit's
 * managed key stage, so it comes first; and it is the strictest one while the pupil is on no
 * roster, so it can never open more than the class allows. Ahead of everything: at a school with
 * a hub, a device nobody is signed in to can't know the pupil's class, so it gets the strictest.
 */
export function resolveKeyStage(
  settings: Settings,
  managed: ManagedFields,
  hub: Pick<HubPolicy, 'keyStage'> | null = null,
  identity: PupilIdentity = SIGNED_IN,
): Pick<EffectivePolicy, 'keyStage' | 'keyStageSource'> {
  if (lockedForSignIn(managed, identity)) {
    return { keyStage: STRICTEST_KEY_STAGE, keyStageSource: 'not-signed-in' };
  }
  if (hub) return { keyStage: hub.keyStage, keyStageSource: 'hub' };
  if (managed.keyStage) return { keyStage: managed.keyStage, keyStageSource: 'managed' };
  if (settings.keyStage) return { keyStage: settings.keyStage, keyStageSource: 'local' };
  return { keyStage: STRICTEST_KEY_STAGE, keyStageSource: 'default' };
}

/** A lift counts only while its end is still ahead: an expired one changes nothing. */
export function activeImageSearchLift(settings: Settings, now: Date): string | null {
  const until = settings.imageSearchLift?.until;
  return until && Date.parse(until) > now.getTime() ? until : null;
}

/** A grant counts only until its `until`; one that has passed changes nothing. */
export function activeGrants(hub: HubPolicy | null, now: Date): HubPolicy['grants'] {
  return (hub?.grants ?? []).filter((grant) => Date.parse(grant.until) > now.getTime());
}

/**
 * The next moment after `now` at which the policy changes by itself, with nobody telling the
 * device: a stored lesson starting or ending, or a grant running out. Null when nothing will.
 */
export function nextPolicyChange(
  lesson: Pick<Lesson, 'startsAt' | 'endsAt'> | null,
  hub: HubPolicy | null,
  now: Date,
): string | null {
  const times = [
    ...(lesson ? [lesson.startsAt, lesson.endsAt] : []),
    ...(hub?.grants ?? []).map((grant) => grant.until),
  ]
    .map((time) => Date.parse(time))
    .filter((time) => time > now.getTime());
  return times.length === 0 ? null : new Date(Math.min(...times)).toISOString();
}

/**
 * The policy for a pupil at `now`. A running lesson in `focus` mode replaces the key stage list
 * (with the hub's school sites and the image sources) with its own sites; in `add` mode it adds
 * them. A teacher's grants join the allow side either way: the teacher chose them for this
 * pupil, also during a focus lesson. Always-blocked sites, image search and SafeSearch apply on
 * top of everything: the compiler ranks them above allows.
 */
export function buildEffectivePolicy(
  settings: Settings,
  managed: ManagedFields,
  now: Date = new Date(),
  storedLesson: Lesson | null = null,
  storedHub: HubPolicy | null = null,
  identity: PupilIdentity = SIGNED_IN,
): EffectivePolicy {
  // What the hub said was said about the pupil who was signed in: none of it (grants, school
  // sites, the class's lesson) applies while nobody is.
  const locked = lockedForSignIn(managed, identity);
  const lesson = locked ? null : storedLesson;
  const hub = locked ? null : storedHub;
  const { keyStage, keyStageSource } = resolveKeyStage(settings, managed, hub, identity);
  const allowView = listView(keyStage, settings, managed);
  const blockView = listView('alwaysBlocked', settings, managed);
  const imageSources = toEntries(listView('imageSources', settings, managed).entries);
  const running = runningLesson(lesson, now);
  const lessonSites = running ? parseSites(running.sites) : [];
  const schoolSites = parseSites(hub?.schoolSites ?? []);
  const grantSites = parseSites(activeGrants(hub, now).map(({ site }) => site));
  const allow =
    running?.mode === 'focus'
      ? [...lessonSites, ...grantSites]
      : [
          ...toEntries(allowView.entries),
          ...schoolSites,
          ...imageSources,
          ...lessonSites,
          ...grantSites,
        ];
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
