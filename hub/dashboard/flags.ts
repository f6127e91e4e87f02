// The open flags of every class this user sees, kept fresh over the teacher socket's flag watch
// (or by reading every 5 s while it is down). A flag the page has not seen before raises the
// alert: a banner and, unless muted, a sound. Flags present at login are shown, not sounded.
import { signal } from '@preact/signals';
import type { InferRequestType, InferResponseType } from 'hono/client';
import { errorText, hub, read } from './api';
import { soundFlagAlert } from './flag-sound';
import { followFlagNudges } from './flag-nudges';

export type FlagView = InferResponseType<typeof hub.api.flags.$get>['flags'][number];
type AcknowledgeBody = InferRequestType<
  (typeof hub.api.flags)[':id']['acknowledge']['$post']
>['json'];

export const openFlags = signal<FlagView[] | null>(null);
export const flagsError = signal<string | null>(null);
/** Flags that arrived while the page was open and nobody has looked at yet (the banner). */
export const newFlags = signal<FlagView[]>([]);

const POLL_MS = 5_000;

let seen: Set<string> | null = null;
let reads = 0;

export async function loadFlags(): Promise<void> {
  const mine = ++reads;
  try {
    const answer = await read(hub.api.flags.$get({ query: { status: 'open' } }));
    if (mine !== reads) return;
    const arrived = seen ? answer.flags.filter((flag) => !seen?.has(flag.id)) : [];
    seen = new Set([...(seen ?? []), ...answer.flags.map((flag) => flag.id)]);
    openFlags.value = answer.flags;
    flagsError.value = null;
    if (arrived.length > 0) {
      newFlags.value = [...arrived, ...newFlags.value];
      soundFlagAlert();
    }
  } catch (error) {
    if (mine === reads) flagsError.value = errorText(error);
  }
}

export function dismissNewFlags(): void {
  newFlags.value = [];
}

/** Follows flags until the function returned is called (at logout). */
export function watchFlags(): () => void {
  const stop = followFlagNudges(loadFlags, POLL_MS);
  return () => {
    stop();
    // Forgotten at logout, so the next teacher on this screen never sees them.
    seen = null;
    reads += 1;
    openFlags.value = null;
    newFlags.value = [];
    flagsError.value = null;
  };
}

export async function acknowledgeFlag(id: string, json: AcknowledgeBody): Promise<void> {
  await read(hub.api.flags[':id'].acknowledge.$post({ param: { id }, json }));
  await loadFlags();
}

export async function escalateFlag(id: string, note: string): Promise<void> {
  await read(hub.api.flags[':id'].escalate.$post({ param: { id }, json: { note } }));
  await loadFlags();
}

export async function closeFlag(id: string, action: string): Promise<void> {
  await read(hub.api.flags[':id'].close.$post({ param: { id }, json: { action } }));
  await loadFlags();
}
