// The open class's Zip It, Block It, copyright and download records, grouped per pupil by the
// hub, over the dates the teacher chose (today, where the school is, until they choose others).
// Read again whenever the hub says records arrived (live-feed.ts `pupilEventsStale`).
import { signal } from '@preact/signals';
import type { InferResponseType } from 'hono/client';
import { errorText, hub, read } from './api';

type SummaryRoute = (typeof hub.api.classes)[':id']['pupil-events']['$get'];
type PupilRoute = (typeof hub.api.classes)[':id']['pupil-events'][':pupilId']['$get'];

export type ClassRecords = InferResponseType<SummaryRoute, 200>;
export type PupilRecords = ClassRecords['pupils'][number];
export type RecordGroup = PupilRecords['groups'][number];
export type RecordPage = InferResponseType<PupilRoute, 200>;
export type RecordView = RecordPage['events'][number];

/** `YYYY-MM-DD` dates as the date pickers give them; none: today. */
export interface RecordDates {
  from?: string;
  to?: string;
}

export const records = signal<ClassRecords | null>(null);
export const recordsError = signal<string | null>(null);
/** The dates the records shown were read for. */
export const recordDates = signal<RecordDates>({});

let loadedFor: number | null = null;
/** Counts reads, so an answer overtaken by a newer read is dropped. */
let reads = 0;

export async function loadRecords(classId: number, dates = recordDates.value): Promise<void> {
  if (loadedFor !== classId) {
    loadedFor = classId;
    records.value = null;
  }
  const mine = ++reads;
  try {
    const answer = await read(
      hub.api.classes[':id']['pupil-events'].$get({ param: { id: String(classId) }, query: dates }),
    );
    if (mine !== reads || loadedFor !== classId) return;
    records.value = answer;
    recordDates.value = dates;
    recordsError.value = null;
  } catch (error) {
    if (mine === reads && loadedFor === classId) recordsError.value = errorText(error);
  }
}

/** One page of one pupil's records over the dates shown, newest first. */
export function loadPupilRecords(
  classId: number,
  pupilId: number,
  before: number | null,
): Promise<RecordPage> {
  const query = {
    ...recordDates.value,
    ...(before === null ? {} : { before: String(before) }),
  };
  return read(
    hub.api.classes[':id']['pupil-events'][':pupilId'].$get({
      param: { id: String(classId), pupilId: String(pupilId) },
      query,
    }),
  );
}

/** Forgotten when the class closes, so the next class (or teacher) never sees them. */
export function forgetRecords(): void {
  loadedFor = null;
  reads += 1;
  records.value = null;
  recordsError.value = null;
  recordDates.value = {};
}
