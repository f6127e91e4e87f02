// The open class's "ask to visit" requests, and answering one. The list is read again whenever
// the hub says it changed (live-feed.ts `requestsStale`), so two teachers answering at once
// both see the first answer, and the second gets the hub's "already answered".
import { signal } from '@preact/signals';
import type { InferRequestType, InferResponseType } from 'hono/client';
import { errorText, hub, read } from './api';

type ListRoute = (typeof hub.api.classes)[':id']['requests']['$get'];
type AnswerRoute = (typeof hub.api.requests)[':id']['answer']['$post'];

export type VisitRequestView = InferResponseType<ListRoute>['requests'][number];
export type RequestAnswer = InferRequestType<AnswerRoute>['json'];

export const requests = signal<VisitRequestView[] | null>(null);
export const requestsError = signal<string | null>(null);

let loadedFor: number | null = null;
/** Counts reads, so an answer overtaken by a newer read is dropped. */
let reads = 0;

export async function loadRequests(classId: number): Promise<void> {
  if (loadedFor !== classId) {
    loadedFor = classId;
    requests.value = null;
  }
  const mine = ++reads;
  try {
    const answer = await read(
      hub.api.classes[':id'].requests.$get({
        param: { id: String(classId) },
        query: { status: 'all' },
      }),
    );
    if (mine !== reads || loadedFor !== classId) return;
    requests.value = answer.requests;
    requestsError.value = null;
  } catch (error) {
    if (mine === reads && loadedFor === classId) requestsError.value = errorText(error);
  }
}

export async function answerRequest(
  classId: number,
  id: string,
  answer: RequestAnswer,
): Promise<VisitRequestView> {
  const result = await read(hub.api.requests[':id'].answer.$post({ param: { id }, json: answer }));
  await loadRequests(classId);
  return result.request;
}

/** Forgotten when the class closes, so the next class (or teacher) never sees them. */
export function forgetRequests(): void {
  loadedFor = null;
  reads += 1;
  requests.value = null;
  requestsError.value = null;
}
