// "Ask to visit" requests, stored on the device until the hub exists to carry them.
import type { VisitRequest } from '../shared/visit-request';
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
