// The school's own list additions at the hub, and the change requests that ask for them. Only
// the admin approves, because the school's policies need the head's say-so for list changes.
import { signal } from '@preact/signals';
import type { InferRequestType, InferResponseType } from 'hono/client';
import { errorText, hub, read } from './api';

type ChangeRequestsRoute = (typeof hub.api)['change-requests']['$get'];
export type ChangeRequest = InferResponseType<ChangeRequestsRoute>['changeRequests'][number];
export type NewChangeRequest = InferRequestType<
  (typeof hub.api)['change-requests']['$post']
>['json'];
export type SchoolSite = InferResponseType<
  (typeof hub.api)['school-sites']['$get']
>['sites'][number];

export const changeRequests = signal<ChangeRequest[] | null>(null);
export const schoolSites = signal<SchoolSite[] | null>(null);
export const listsError = signal<string | null>(null);

export async function loadSchoolLists(): Promise<void> {
  try {
    const [requests, sites] = await Promise.all([
      read(hub.api['change-requests'].$get({ query: { status: 'all' } })),
      read(hub.api['school-sites'].$get()),
    ]);
    changeRequests.value = requests.changeRequests;
    schoolSites.value = sites.sites;
    listsError.value = null;
  } catch (error) {
    listsError.value = errorText(error);
  }
}

export async function askForChange(json: NewChangeRequest): Promise<ChangeRequest> {
  return (await read(hub.api['change-requests'].$post({ json }))).changeRequest;
}

export async function decideChange(
  id: number,
  decision: 'approve' | 'reject',
  note: string,
): Promise<void> {
  await read(
    hub.api['change-requests'][':id'].decide.$post({
      param: { id: String(id) },
      json: { decision, note },
    }),
  );
  await loadSchoolLists();
}

export async function addSchoolSite(site: string, keyStage: 'ks1' | 'ks2', reason: string) {
  await read(hub.api['school-sites'].$post({ json: { site, keyStage, reason } }));
  await loadSchoolLists();
}

export async function removeSchoolSite(id: number, reason: string): Promise<void> {
  await read(
    hub.api['school-sites'][':id'].remove.$post({ param: { id: String(id) }, json: { reason } }),
  );
  await loadSchoolLists();
}
