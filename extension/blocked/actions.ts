// What the block page's buttons do. Loaded on the first press (or when the page remembers a
// request), so the page itself renders without the polyfill or the worker.
import { send } from '../ui/messenger';

export { goBack } from './go-back';

/** Stores the request through the worker; resolves with its id only once it is written. */
export async function askToVisit(url: string, reason: string): Promise<string> {
  return (await send('pupil.askToVisit', { url, reason })).id;
}

/** Where the request stands; null when the device no longer holds it. */
export async function requestStatus(id: string) {
  return (await send('pupil.requestStatus', { id })).status;
}

/** Flags this tab: the worker stores the flag and sends the tab to the flag screen. */
export async function flag(): Promise<void> {
  await send('pupil.flag', { source: 'block-page' });
}
