// Hears the worker say a request was answered. Loaded only once the page has a request to
// follow, since it brings zod and the polyfill. Every extension page hears every runtime
// message, so each is validated and anything else is ignored.
import browser from 'webextension-polyfill';
import { pageEventSchema } from '../../shared/messages';

export function onAnswer(id: string, show: (status: 'approved' | 'denied') => void): void {
  browser.runtime.onMessage.addListener((message: unknown) => {
    const event = pageEventSchema.safeParse(message);
    if (event.success && event.data.event === 'visitRequest.answered' && event.data.id === id) {
      show(event.data.status);
    }
    // No answer is returned: the worker's own listener answers the messages meant for it.
  });
}
