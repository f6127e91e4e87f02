// The incident log: every flag (open or handled), newest first, a page at a time; the keyword
// alerts and the school's keyword list for the DSL and the admin.
import { signal } from '@preact/signals';
import type { InferResponseType } from 'hono/client';
import { errorText, hub, read } from './api';
import type { FlagView } from './flags';

export type KeywordAlert = InferResponseType<
  (typeof hub.api)['keyword-alerts']['$get']
>['alerts'][number];
export type KeywordList = InferResponseType<typeof hub.api.keywords.$get>;

export const incidents = signal<FlagView[] | null>(null);
export const incidentsOlderFrom = signal<string | number | null>(null);
export const alerts = signal<KeywordAlert[] | null>(null);
export const keywordList = signal<KeywordList | null>(null);
export const incidentLogError = signal<string | null>(null);

const PAGE = '50';

export async function loadIncidents(more = false): Promise<void> {
  const before = more ? incidentsOlderFrom.value : null;
  if (more && before === null) return;
  try {
    const query =
      before === null
        ? { status: 'all' as const, limit: PAGE }
        : { status: 'all' as const, limit: PAGE, before: String(before) };
    const answer = await read(hub.api.flags.$get({ query }));
    incidents.value = more ? [...(incidents.value ?? []), ...answer.flags] : answer.flags;
    incidentsOlderFrom.value = answer.nextBefore;
    incidentLogError.value = null;
  } catch (error) {
    incidentLogError.value = errorText(error);
  }
}

export async function loadSafeguarding(): Promise<void> {
  try {
    const [alertAnswer, keywordAnswer] = await Promise.all([
      read(hub.api['keyword-alerts'].$get({ query: {} })),
      read(hub.api.keywords.$get()),
    ]);
    alerts.value = alertAnswer.alerts;
    keywordList.value = keywordAnswer;
  } catch (error) {
    incidentLogError.value = errorText(error);
  }
}

export async function saveKeywords(keywords: string[]): Promise<void> {
  await read(hub.api.keywords.$put({ json: { keywords } }));
  keywordList.value = await read(hub.api.keywords.$get());
}

export function forgetIncidentLog(): void {
  incidents.value = null;
  incidentsOlderFrom.value = null;
  alerts.value = null;
  keywordList.value = null;
  incidentLogError.value = null;
}
