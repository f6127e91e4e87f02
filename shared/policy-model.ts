// The policy model: which lists exist, where each entry came from, and the settings record
// that holds the device's local lists. Types are derived from the zod schemas so the two
// can never disagree.
import { z } from 'zod';

export const keyStageSchema = z.enum(['ks1', 'ks2']);
export type KeyStage = z.infer<typeof keyStageSchema>;

/** When nothing says otherwise, a pupil is treated as the youngest: fail closed. */
export const STRICTEST_KEY_STAGE: KeyStage = 'ks1';

/**
 * The lists a school keeps. `imageSources` are the approved places to find pictures, offered
 * (and allowed) when image search is blocked.
 */
export const listNameSchema = z.enum(['ks1', 'ks2', 'alwaysBlocked', 'imageSources']);
export type ListName = z.infer<typeof listNameSchema>;
export const LIST_NAMES: readonly ListName[] = listNameSchema.options;

/**
 * Where an entry came from. `managed` entries arrive from Google Admin and are locked on the
 * device; `hub` entries are the school's additions on the classroom hub, locked too; `starter`
 * entries are the built-in lists used while no other source has given any.
 */
export const entrySourceSchema = z.enum([
  'managed',
  'hub',
  'local',
  'approval',
  'lesson',
  'starter',
]);
export type EntrySource = z.infer<typeof entrySourceSchema>;

export const storedEntrySchema = z.object({
  /** Canonical site text, as produced by formatSiteEntry. */
  site: z.string().min(1).max(2048),
  source: entrySourceSchema,
  /** Who added or approved it, as they named themselves when unlocking the options page. */
  addedBy: z.string().max(120).optional(),
  /** ISO 8601 time it was added or approved. */
  addedAt: z.string().max(40).optional(),
});
export type StoredEntry = z.infer<typeof storedEntrySchema>;

export const SETTINGS_SCHEMA_VERSION = 2;

export const localListsSchema = z.object({
  ks1: z.array(storedEntrySchema),
  ks2: z.array(storedEntrySchema),
  alwaysBlocked: z.array(storedEntrySchema),
  imageSources: z.array(storedEntrySchema),
});
export type LocalLists = z.infer<typeof localListsSchema>;

export const imageSearchLiftSchema = z.object({
  until: z.string().max(40),
  by: z.string().max(120),
  at: z.string().max(40),
});
export type ImageSearchLift = z.infer<typeof imageSearchLiftSchema>;

/** The device-local settings record kept in storage.local under SETTINGS_KEY. */
export const settingsSchema = z.object({
  schemaVersion: z.literal(SETTINGS_SCHEMA_VERSION),
  /** Key stage chosen on the options page; managed policy outranks it. */
  keyStage: keyStageSchema.nullable(),
  lists: localListsSchema,
  /** Salted slow hash of the teacher PIN set on the device (see pin-hash.ts). */
  pinHash: z.string().max(300).nullable(),
  /** A teacher's time-limited lift of the image-search block for a supervised lesson. */
  imageSearchLift: imageSearchLiftSchema.nullable(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const emptySettings = (): Settings => ({
  schemaVersion: SETTINGS_SCHEMA_VERSION,
  keyStage: null,
  lists: { ks1: [], ks2: [], alwaysBlocked: [], imageSources: [] },
  pinHash: null,
  imageSearchLift: null,
});
