// Tells the extension's open pages (the block page above all) what changed, unasked. Nobody
// may be listening: no block page is open, or the pupil closed it. That is not a failure.
import browser from 'webextension-polyfill';
import type { PageEvent } from '../shared/messages';
import type { VisitRequest } from '../shared/visit-request';

const NO_RECEIVER = /Receiving end does not exist|Could not establish connection|No listeners/i;

export async function broadcastPageEvent(event: PageEvent): Promise<void> {
  try {
    await browser.runtime.sendMessage(event);
  } catch (error) {
    if (!(error instanceof Error && NO_RECEIVER.test(error.message))) {
      console.warn('A page event was not delivered', error);
    }
  }
}

/** Tells a waiting block page how its request was answered. */
export async function announceAnswer(request: VisitRequest): Promise<void> {
  if (request.status === 'pending') return;
  await broadcastPageEvent({
    event: 'visitRequest.answered',
    id: request.id,
    status: request.status,
  });
}
