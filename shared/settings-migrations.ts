// Reading the stored settings record: versioned, validated, migrated.
// A record from a newer version of the extension is an error, never a silent downgrade; a
// field that fails validation is reset with a logged reason while every good field is kept.
import { z } from 'zod';
import {
  emptySettings,
  imageSearchLiftSchema,
  keyStageSchema,
  LIST_NAMES,
  SETTINGS_SCHEMA_VERSION,
  storedEntrySchema,
  type Settings,
  type StoredEntry,
} from './policy-model';
import { isPinHash } from './pin-hash';
import { decodeCanonicalSite } from './canonical-site';
import { formatSiteEntry, parseSiteEntry } from './site-entry';

export class SettingsFromFutureError extends Error {
  override name = 'SettingsFromFutureError';
  constructor(readonly storedVersion: number) {
    super(
      `Stored settings are version ${storedVersion}, newer than this extension understands ` +
        `(${SETTINGS_SCHEMA_VERSION}). Update the extension; the stored settings were left untouched.`,
    );
  }
}

export class SettingsMigrationError extends Error {
  override name = 'SettingsMigrationError';
}

/** Steps from version N to N+1, indexed by N; each new Settings shape adds one, with a test. */
export const MIGRATIONS: Readonly<
  Record<number, (record: Record<string, unknown>) => Record<string, unknown>>
> = {
  // v2: approved image sources became a list of their own, and a teacher can lift the image
  // search block for a lesson. Neither existed before, so both start empty.
  1: (v1) => ({
    ...v1,
    schemaVersion: 2,
    lists: { ...(v1.lists as object), imageSources: [] },
    imageSearchLift: null,
  }),
};

export interface LoadedSettings {
  settings: Settings;
  /** Reasons for every field that was reset or entry that was dropped. */
  repairs: string[];
  migratedFrom: number | null;
}

function repairEntries(list: string, value: unknown, repairs: string[]): StoredEntry[] {
  if (!Array.isArray(value)) {
    if (value !== undefined) repairs.push(`lists.${list}: was not a list; reset to empty`);
    return [];
  }
  const entries: StoredEntry[] = [];
  value.forEach((item, index) => {
    const parsed = storedEntrySchema.safeParse(item);
    if (!parsed.success) {
      repairs.push(`lists.${list} item ${index + 1}: not a valid entry; dropped`);
      return;
    }
    // Canonical text (all this extension writes) is taken as it is; anything else is parsed
    // in full and stored canonically, or dropped.
    if (decodeCanonicalSite(parsed.data.site)) {
      entries.push(parsed.data);
      return;
    }
    const site = parseSiteEntry(parsed.data.site);
    if (!site.ok) {
      repairs.push(`lists.${list} item ${index + 1}: not a valid entry; dropped`);
      return;
    }
    entries.push({ ...parsed.data, site: formatSiteEntry(site.entry) });
  });
  return entries;
}

export function loadSettings(raw: unknown): LoadedSettings {
  if (raw === undefined || raw === null) {
    return { settings: emptySettings(), repairs: [], migratedFrom: null };
  }
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return {
      settings: emptySettings(),
      repairs: ['settings were not an object; reset'],
      migratedFrom: null,
    };
  }
  let record = raw as Record<string, unknown>;
  const version = z.number().int().min(1).safeParse(record.schemaVersion);
  if (!version.success) {
    return {
      settings: emptySettings(),
      repairs: ['settings had no valid schemaVersion; reset'],
      migratedFrom: null,
    };
  }
  if (version.data > SETTINGS_SCHEMA_VERSION) throw new SettingsFromFutureError(version.data);

  let migratedFrom: number | null = null;
  for (let from = version.data; from < SETTINGS_SCHEMA_VERSION; from++) {
    const step = MIGRATIONS[from];
    if (!step) throw new SettingsMigrationError(`No migration from settings version ${from}.`);
    try {
      record = step(record);
    } catch (cause) {
      throw new SettingsMigrationError(`Migrating settings from version ${from} failed.`, {
        cause,
      });
    }
    migratedFrom ??= version.data;
  }

  const repairs: string[] = [];
  const settings = emptySettings();
  const keyStage = keyStageSchema.nullable().safeParse(record.keyStage ?? null);
  if (keyStage.success) settings.keyStage = keyStage.data;
  else repairs.push('keyStage: not ks1 or ks2; reset');

  const pinHash = record.pinHash ?? null;
  if (pinHash === null || (typeof pinHash === 'string' && isPinHash(pinHash))) {
    settings.pinHash = pinHash;
  } else {
    // Never clear a damaged PIN: that would let whoever opens the options page next set one.
    // Kept as it is, it matches no PIN, so the page stays locked until managed policy sends one.
    settings.pinHash = String(pinHash).slice(0, 300);
    repairs.push(
      'pinHash: damaged; the options page stays locked until a PIN arrives in managed policy',
    );
  }

  const lift = imageSearchLiftSchema.nullable().safeParse(record.imageSearchLift ?? null);
  if (lift.success) settings.imageSearchLift = lift.data;
  else repairs.push('imageSearchLift: not a valid lift; image search stays blocked');

  const lists = (record.lists ?? {}) as Record<string, unknown>;
  for (const list of LIST_NAMES) settings.lists[list] = repairEntries(list, lists[list], repairs);
  return { settings, repairs, migratedFrom };
}
