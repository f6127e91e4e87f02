// Where the download page is, and the address that tells it what happened. The page renders
// from its address alone (like the block page), so it shows at once even while the worker works.
import browser from 'webextension-polyfill';
import type { DownloadReason } from '../../shared/download-class';
import type { KeyStage } from '../../shared/policy-model';

export const DOWNLOAD_PAGE_PATH = 'extension/download.html';

export interface DownloadPageDetails {
  keyStage: KeyStage;
  reason: DownloadReason;
  fileName: string;
  sourceHost: string | null;
  /** A held file's address, so the pupil can ask for it; absent for a blocked one. */
  url?: string;
  /** The request already open for this file, so the page shows where it stands. */
  requestId?: string;
}

export function downloadPageFor(details: DownloadPageDetails): string {
  const query = new URLSearchParams({
    ks: details.keyStage,
    why: details.reason,
    file: details.fileName,
  });
  if (details.sourceHost) query.set('from', details.sourceHost);
  if (details.requestId) query.set('request', details.requestId);
  const hash = details.url ? `#${details.url}` : '';
  return `${browser.runtime.getURL(DOWNLOAD_PAGE_PATH)}?${query.toString()}${hash}`;
}
