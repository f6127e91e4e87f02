// "Ask to visit" requests, stored on the device until the hub exists to carry them.
import type { VisitRequest } from '../shared/visit-request';
import { database } from './database';

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

export async function listVisitRequests(): Promise<VisitRequest[]> {
  return database.visitRequests.orderBy('createdAt').reverse().limit(200).toArray();
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
