// What the download page's buttons do. Loaded on the first press (or when the page follows a
// request), so the page itself renders without the polyfill or the worker.
import { send } from '../ui/messenger';

export { goBack } from '../blocked/go-back';

/** Stores the request through the worker; resolves with its id only once it is written. */
export async function askToDownload(url: string, fileName: string): Promise<string> {
  return (await send('pupil.askToDownload', { url, fileName })).id;
}

/** Where the request stands; null when the device no longer holds it. */
export async function requestStatus(id: string) {
  return (await send('pupil.requestStatus', { id })).status;
}

/** Has the worker fetch the file the teacher said yes to, once. */
export async function startDownload(id: string): Promise<void> {
  await send('pupil.startDownload', { id });
}
