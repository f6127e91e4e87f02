// What the block page's buttons do. Loaded on the first press, so the page itself renders
// without the polyfill or the worker.
import { send } from '../ui/messenger';

export { goBack } from './go-back';

/** Stores the request through the worker; resolves only once it is written. */
export async function askToVisit(url: string, reason: string): Promise<void> {
  await send('pupil.askToVisit', { url, reason });
}
