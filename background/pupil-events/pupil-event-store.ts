// Zip It, Block It, copyright and download records, by type only (shared/pupil-event.ts). Each
// is written here first and waits until the hub confirms it holds it
// (outbox/pupil-event-outbox.ts). A device with no hub keeps them here.
import {
  pupilEventUploadSchema,
  type PupilEventKind,
  type PupilEventRecord,
} from '../../shared/pupil-event';
import { database } from '../database';

export interface NewPupilEvent {
  kind: PupilEventKind;
  detail: string;
  outcome: string;
  /** The site the pupil was on, or the download's source: a hostname. */
  site: string;
  target?: string;
  fileType?: string;
}

/** Validates and stores one record; a detail or outcome its kind doesn't have is refused. */
export async function recordPupilEvent(event: NewPupilEvent): Promise<PupilEventRecord> {
  const parsed = pupilEventUploadSchema.safeParse({
    id: crypto.randomUUID(),
    createdAt: new Date().toISOString(),
    ...event,
  });
  if (!parsed.success) {
    throw new Error(
      `Not a pupil event: ${parsed.error.issues
        .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
        .join('; ')}`,
    );
  }
  await database.pupilEvents.add(parsed.data);
  return parsed.data;
}

export async function undeliveredPupilEvents(): Promise<PupilEventRecord[]> {
  return database.pupilEvents
    .orderBy('createdAt')
    .filter((event) => !event.sentAt)
    .toArray();
}

export async function markPupilEventsSent(ids: readonly string[], sentAt: string): Promise<void> {
  await database.pupilEvents.where('id').anyOf(ids).modify({ sentAt });
}

/** A new id for a record whose id the hub holds from another device (never expected). */
export async function renewPupilEventId(id: string): Promise<void> {
  await database.transaction('rw', database.pupilEvents, async () => {
    const event = await database.pupilEvents.get(id);
    if (!event || event.sentAt) return;
    await database.pupilEvents.delete(id);
    await database.pupilEvents.add({ ...event, id: crypto.randomUUID() });
  });
}

/** Newest first, for the options page's view of what happened on this device. */
export async function recentPupilEvents(limit = 100): Promise<PupilEventRecord[]> {
  return database.pupilEvents.orderBy('createdAt').reverse().limit(limit).toArray();
}
