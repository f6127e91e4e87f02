// Pupils' flags on the device. Each is written here before the flag screen may say the teacher
// knows (ARCHITECTURE rule 3), waits here until the hub confirms it holds its newest revision
// (outbox/flag-outbox.ts), and stays listed on the options page for a teacher at the device.
import { MAX_FLAG_TITLE, type FlagReason, type FlagSource } from '../../shared/flag';
import type { FlagRecord, FlagView } from '../../shared/flag-record';
import { database } from '../database';

const MAX_URL = 2048;
const FLAGS_SHOWN = 200;
/** A second press on the same page this soon is the same worry, not a new flag. */
const SAME_FLAG_MS = 30_000;

export interface NewFlag {
  url: string;
  title: string;
  source: FlagSource;
  screenshot: string | null;
}

export async function storeFlag(flag: NewFlag, id: string = crypto.randomUUID()) {
  const record: FlagRecord = {
    id,
    url: flag.url.slice(0, MAX_URL),
    title: flag.title.slice(0, MAX_FLAG_TITLE),
    reason: null,
    note: '',
    source: flag.source,
    createdAt: new Date().toISOString(),
    screenshot: flag.screenshot,
    revision: 0,
  };
  await database.flags.add(record);
  return record;
}

/** A flag made from the same address a moment ago, so a pupil pressing again adds nothing. */
export async function recentFlagFor(url: string): Promise<FlagRecord | undefined> {
  if (!url) return undefined;
  const since = new Date(Date.now() - SAME_FLAG_MS).toISOString();
  return database.flags
    .where('createdAt')
    .aboveOrEqual(since)
    .filter((flag) => flag.url === url.slice(0, MAX_URL))
    .first();
}

export async function flagStatus(id: string) {
  const flag = await database.flags.get(id);
  return { stored: Boolean(flag), detailsGiven: Boolean(flag?.detailsAt) };
}

/**
 * What the pupil said happened. A new revision with no sentAt, so the outbox sends the same id
 * again and the hub fills in what it didn't have.
 */
export async function addFlagDetails(id: string, reason: FlagReason | null, note: string) {
  await database.transaction('rw', database.flags, async () => {
    const flag = await database.flags.get(id);
    if (!flag) throw new Error('That flag is no longer on this device.');
    // No sentAt: the hub doesn't hold this revision yet.
    const unsent: FlagRecord = { ...flag };
    delete unsent.sentAt;
    await database.flags.put({
      ...unsent,
      reason: reason ?? flag.reason,
      note: note.trim() || flag.note,
      revision: flag.revision + 1,
      detailsAt: new Date().toISOString(),
    });
  });
}

/** Flags the hub doesn't hold in their newest revision, oldest first. */
export async function undeliveredFlags(): Promise<FlagRecord[]> {
  return database.flags
    .orderBy('createdAt')
    .filter((flag) => !flag.sentAt)
    .toArray();
}

/**
 * Marks what the hub confirmed, but only where the revision it got is still the newest: details
 * added while the upload was on its way must go too. A delivered screenshot leaves the device,
 * since the hub now keeps it and a pupil's Chromebook is no place for it.
 */
export async function markFlagsSent(
  uploaded: readonly { id: string; revision: number }[],
  sentAt: string,
) {
  await database.transaction('rw', database.flags, async () => {
    for (const { id, revision } of uploaded) {
      const flag = await database.flags.get(id);
      if (flag?.revision !== revision) continue;
      await database.flags.put({ ...flag, sentAt, screenshot: null });
    }
  });
}

/** A new id for a flag whose id the hub holds from another device (never expected). */
export async function renewFlagId(id: string): Promise<void> {
  await database.transaction('rw', database.flags, async () => {
    const flag = await database.flags.get(id);
    if (!flag || flag.sentAt) return;
    await database.flags.delete(id);
    await database.flags.add({ ...flag, id: crypto.randomUUID() });
  });
}

/** The newest flags for the options page, without their screenshots. */
export async function listFlags(): Promise<FlagView[]> {
  const flags = await database.flags.orderBy('createdAt').reverse().limit(FLAGS_SHOWN).toArray();
  return flags.map(({ screenshot, revision: _revision, ...view }) => ({
    ...view,
    hasScreenshot: screenshot !== null,
  }));
}
