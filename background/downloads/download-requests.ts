// "Ask my teacher" for a held download (music, a film, a book). It is a request like "ask to
// visit" (visit-requests.ts) with kind 'download' and the file's name: stored here first, sent
// through the same outbox, answered by the hub's snapshot or on the options page, and shown on
// the download page. A yes is for this pupil and this file, once (download-pass.ts).
import type { VisitRequest } from '../../shared/visit-request';
import { database } from '../database';

const isOpenFor = (url: string) => (request: VisitRequest) =>
  request.kind === 'download' &&
  request.url === url &&
  (request.status === 'pending' || (request.status === 'approved' && !request.downloadedAt));

/** The request still open for this file: waiting for an answer, or a yes not yet used. */
export async function openDownloadRequest(url: string): Promise<VisitRequest | undefined> {
  return database.visitRequests.filter(isOpenFor(url)).first();
}

/** Stores the request, or answers with the one already open, so a pupil can't ask twice. */
export async function storeDownloadRequest(url: string, fileName: string): Promise<VisitRequest> {
  return database.transaction('rw', database.visitRequests, async () => {
    const open = await openDownloadRequest(url);
    if (open) return open;
    const request: VisitRequest = {
      id: crypto.randomUUID(),
      url,
      reason: '',
      createdAt: new Date().toISOString(),
      status: 'pending',
      kind: 'download',
      fileName,
    };
    // Written before the pupil is told it was saved (ARCHITECTURE rule 3).
    await database.visitRequests.add(request);
    return request;
  });
}

/** An approved download request not yet used, or the reason the pupil can't download it. */
export async function approvedDownload(id: string): Promise<VisitRequest> {
  const request = await database.visitRequests.get(id);
  if (request?.kind !== 'download') throw new Error('That request no longer exists.');
  if (request.status !== 'approved') throw new Error('Your teacher has not said yes to this file.');
  if (request.downloadedAt) throw new Error('This file has already been downloaded once.');
  return request;
}

/** Uses up the yes: true only for the first caller, so a file comes through once. */
export async function markDownloaded(id: string): Promise<boolean> {
  return database.transaction('rw', database.visitRequests, async () => {
    const request = await database.visitRequests.get(id);
    if (request?.kind !== 'download' || request.status !== 'approved' || request.downloadedAt) {
      return false;
    }
    await database.visitRequests.update(id, { downloadedAt: new Date().toISOString() });
    return true;
  });
}
