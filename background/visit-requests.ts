// "Ask to visit" requests. Each is written here before the pupil is told it was sent, waits
// here until the hub confirms it holds it (outbox/visit-request-outbox.ts), and is answered
// here, by the hub or on the options page.
import type { RequestAnswer } from '../shared/hub-protocol';
import { ANSWERED_AT_HUB, type VisitRequest } from '../shared/visit-request';
import { database } from './database';

const ANSWERED_SHOWN = 100;

export async function storeVisitRequest(url: string, reason: string): Promise<VisitRequest> {
  const request: VisitRequest = {
    id: crypto.randomUUID(),
    url,
    reason: reason.trim(),
    createdAt: new Date().toISOString(),
    status: 'pending',
  };
  // Written before the pupil is told it was saved (ARCHITECTURE rule 3).
  await database.visitRequests.add(request);
  return request;
}

/** Every pending request (none may drop out of sight), then the most recent answered ones. */
export async function listVisitRequests(): Promise<VisitRequest[]> {
  const pending = await database.visitRequests
    .where('status')
    .equals('pending')
    .sortBy('createdAt');
  const answered = await database.visitRequests
    .orderBy('createdAt')
    .reverse()
    .filter((request) => request.status !== 'pending')
    .limit(ANSWERED_SHOWN)
    .toArray();
  return [...pending.reverse(), ...answered];
}

export async function findVisitRequest(id: string): Promise<VisitRequest> {
  const request = await database.visitRequests.get(id);
  if (!request) throw new Error('That request no longer exists.');
  return request;
}

/** The request's status, or null when the device holds no such request. */
export async function visitRequestStatus(id: string): Promise<VisitRequest['status'] | null> {
  return (await database.visitRequests.get(id))?.status ?? null;
}

export async function answerVisitRequest(
  id: string,
  status: 'approved' | 'denied',
  answeredBy: string,
): Promise<VisitRequest> {
  const request = await findVisitRequest(id);
  const answered = { ...request, status, answeredBy, answeredAt: new Date().toISOString() };
  await database.visitRequests.put(answered);
  return answered;
}

/**
 * Requests still waiting for the hub, oldest first. Only pending ones: a request a teacher
 * already answered on the options page has nothing left to ask the hub.
 */
export async function undeliveredVisitRequests(): Promise<VisitRequest[]> {
  const pending = await database.visitRequests
    .where('status')
    .equals('pending')
    .sortBy('createdAt');
  return pending.filter((request) => !request.sentAt);
}

/** Marks the requests the hub confirmed it holds; only the one field, so no answer is lost. */
export async function markVisitRequestsSent(ids: readonly string[], sentAt: string) {
  await database.visitRequests.where('id').anyOf(ids).modify({ sentAt });
}

/**
 * Gives a request a new id, for the hub already holds its id from another device. Never
 * expected from random UUIDs; a block page that remembered the old id then shows nothing.
 */
export async function renewVisitRequestId(id: string): Promise<void> {
  await database.transaction('rw', database.visitRequests, async () => {
    const request = await database.visitRequests.get(id);
    if (!request || request.sentAt) return;
    await database.visitRequests.delete(id);
    await database.visitRequests.add({ ...request, id: crypto.randomUUID() });
  });
}

/**
 * Applies the hub's answers to pending requests, and returns the ones that changed. A request
 * already answered (on the options page, or by an earlier snapshot) is left as it is.
 */
export async function applyHubAnswers(answers: readonly RequestAnswer[]): Promise<VisitRequest[]> {
  if (answers.length === 0) return [];
  return database.transaction('rw', database.visitRequests, async () => {
    const changed: VisitRequest[] = [];
    for (const answer of answers) {
      const request = await database.visitRequests.get(answer.id);
      if (request?.status !== 'pending') continue;
      const answered: VisitRequest = {
        ...request,
        status: answer.status === 'allowed' ? 'approved' : 'denied',
        answeredBy: ANSWERED_AT_HUB,
        answeredAt: answer.answeredAt,
      };
      await database.visitRequests.put(answered);
      changed.push(answered);
    }
    return changed;
  });
}
