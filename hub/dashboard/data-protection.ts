// The admin's data protection: how long each record type is kept (and the latest sweeps), one
// pupil's data (found by name or email, downloaded, erased after a dry run says what stays), and
// the erasure log.
import { signal } from '@preact/signals';
import type { InferResponseType } from 'hono/client';
import { errorText, hub, read } from './api';

export type Retention = InferResponseType<typeof hub.api.retention.$get>;
export type RetentionType = Retention['types'][number];
export type FoundPupil = InferResponseType<typeof hub.api.pupils.$get>['pupils'][number];
export type ErasureAnswer = InferResponseType<(typeof hub.api.pupils)[':id']['erase']['$post']>;
export type Erasure = InferResponseType<typeof hub.api.erasures.$get>['erasures'][number];

export const retention = signal<Retention | null>(null);
export const retentionError = signal<string | null>(null);
export const erasures = signal<Erasure[] | null>(null);
export const erasuresError = signal<string | null>(null);

export async function loadRetention(): Promise<void> {
  try {
    retention.value = await read(hub.api.retention.$get());
    retentionError.value = null;
  } catch (error) {
    retentionError.value = errorText(error);
  }
}

/** Saves the changed periods; resolves with how many changed. */
export async function saveRetention(days: Record<string, unknown>, reason: string) {
  const answer = await read(hub.api.retention.$put({ json: { days, reason } }));
  retention.value = { types: answer.types, sweeps: answer.sweeps };
  return answer.changed;
}

export async function loadErasures(): Promise<void> {
  try {
    erasures.value = (await read(hub.api.erasures.$get())).erasures;
    erasuresError.value = null;
  } catch (error) {
    erasuresError.value = errorText(error);
  }
}

export const findPupils = async (text: string) =>
  (await read(hub.api.pupils.$get({ query: { q: text } }))).pupils;

/** What erasing would remove and keep, changing nothing. */
export const erasurePlan = (id: number) =>
  read(hub.api.pupils[':id']['erasure-plan'].$get({ param: { id: String(id) } }));

export async function erasePupil(id: number, reason: string): Promise<ErasureAnswer> {
  const answer = await read(
    hub.api.pupils[':id'].erase.$post({ param: { id: String(id) }, json: { reason } }),
  );
  await loadErasures();
  return answer;
}

/** The subject-access downloads: plain links, so the browser saves the hub's file. */
export const dataLink = (id: number, format: 'json' | 'csv') => `/api/pupils/${id}/data.${format}`;
