// The one-time pass behind "Your teacher said yes — Download". The worker starts the download
// itself (downloads.download) after writing a pass for exactly that address; the guard lets the
// held file through only for a download this extension started, to that address, within a
// minute, and only once (the pass goes and the request is marked downloaded). The pass lives in
// storage.session: it outlives the worker sleeping between the two steps, not a browser restart.
import browser from 'webextension-polyfill';
import { z } from 'zod';
import { createSerialQueue } from '../serial-queue';
import { SESSION_KEYS } from '../storage-keys';
import { approvedDownload, markDownloaded } from './download-requests';

const PASS_MS = 60_000;
const passSchema = z.object({ requestId: z.uuid(), url: z.string(), until: z.number() });

// Writing and taking the pass never interleave, so two downloads can't share one pass.
const runSerially = createSerialQueue();

async function writePass(pass: z.infer<typeof passSchema> | null): Promise<void> {
  if (pass) await browser.storage.session.set({ [SESSION_KEYS.downloadPass]: pass });
  else await browser.storage.session.remove(SESSION_KEYS.downloadPass);
}

/** Starts the approved download; the guard then finds its pass. */
export async function startApprovedDownload(id: string): Promise<void> {
  const request = await approvedDownload(id);
  await runSerially(() =>
    writePass({ requestId: request.id, url: request.url, until: Date.now() + PASS_MS }),
  );
  try {
    await browser.downloads.download({ url: request.url });
  } catch (error) {
    await runSerially(() => writePass(null));
    throw error;
  }
}

export interface PassCheck {
  url: string;
  /** The extension that started the download, if one did. */
  byExtensionId?: string;
}

/** Takes the pass if this download is the one it was written for; returns its request's id. */
export function takePass(download: PassCheck): Promise<string | null> {
  return runSerially(async () => {
    const stored = await browser.storage.session.get(SESSION_KEYS.downloadPass);
    const pass = passSchema.safeParse(stored[SESSION_KEYS.downloadPass]);
    if (!pass.success) return null;
    if (pass.data.until < Date.now()) {
      await writePass(null);
      return null;
    }
    if (download.byExtensionId !== browser.runtime.id || download.url !== pass.data.url) {
      return null;
    }
    await writePass(null);
    return (await markDownloaded(pass.data.requestId)) ? pass.data.requestId : null;
  });
}
