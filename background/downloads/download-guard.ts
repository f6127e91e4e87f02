// The download guard: Chrome asks every extension to name a file before it is written
// (downloads.onDeterminingFilename), so every download is classified here before it completes.
// Blocked and held ones are cancelled (Chrome deletes the partial file) and erased from the
// downloads list; allowed ones go on. Every attempt is recorded by type, source site and
// verdict, and the pupil is shown why on the download page.
import browser from 'webextension-polyfill';
import { classifyDownload, type DownloadDecision } from '../../shared/download-class';
import type { PupilEventOutcome } from '../../shared/pupil-event';
import { recordPupilEvent } from '../pupil-events/pupil-event-store';
import { currentPolicy } from '../rule-sync';
import { takePass } from './download-pass';
import { downloadPageFor } from './download-page-url';
import { openDownloadRequest } from './download-requests';

/** What the guard reads of Chrome's DownloadItem. */
export interface DownloadAttempt {
  id: number;
  filename: string;
  mime: string;
  url: string;
  finalUrl: string;
  referrer?: string;
  byExtensionId?: string;
}

export type FilenameSuggest = () => void;

/**
 * A record needs a site. A file with no web address behind it (a data: address with no page)
 * is recorded under a name that can never be a real host (RFC 2606 reserves `.invalid`).
 */
export const NO_SOURCE_SITE = 'unknown.invalid';

interface Judgement {
  decision: DownloadDecision;
  outcome: PupilEventOutcome<'download'>;
}

async function judge(attempt: DownloadAttempt): Promise<Judgement> {
  const { judge: urlJudge } = await currentPolicy();
  const decision = classifyDownload(attempt, (url) => urlJudge(url).allowed);
  if (decision.verdict === 'held' && (await takePass(attempt))) {
    return { decision, outcome: 'approved' };
  }
  return { decision, outcome: decision.verdict };
}

async function cancel(id: number): Promise<void> {
  await browser.downloads.cancel(id);
  // Off the pupil's downloads list too: nothing there to open or retry.
  await browser.downloads.erase({ id }).catch((error) => console.warn('Download erase', error));
}

/** Records the attempt and, for one that was stopped, shows the pupil why. */
async function afterwards(attempt: DownloadAttempt, { decision, outcome }: Judgement) {
  await recordPupilEvent({
    kind: 'download',
    detail: decision.class,
    outcome,
    site: decision.sourceHost ?? NO_SOURCE_SITE,
    ...(decision.fileType ? { fileType: decision.fileType } : {}),
  });
  if (outcome !== 'blocked' && outcome !== 'held') return;
  const { policy } = await currentPolicy();
  const held = outcome === 'held';
  const open = held ? await openDownloadRequest(attempt.url) : undefined;
  await browser.tabs.create({
    url: downloadPageFor({
      keyStage: policy.keyStage,
      reason: decision.reason,
      fileName: decision.fileName,
      sourceHost: decision.sourceHost,
      ...(held ? { url: attempt.url } : {}),
      ...(open ? { requestId: open.id } : {}),
    }),
  });
}

/**
 * Decides one download and calls `suggest` only for one that may go on. Never rejects: if
 * anything fails before the verdict, the download is cancelled (fail closed).
 */
export async function guardDownload(
  attempt: DownloadAttempt,
  suggest: FilenameSuggest,
): Promise<Judgement | null> {
  let judgement: Judgement;
  try {
    judgement = await judge(attempt);
  } catch (error) {
    console.error('Download guard failed; the download is cancelled.', error);
    await cancel(attempt.id).catch((cancelError) => console.error('Download cancel', cancelError));
    return null;
  }
  try {
    if (judgement.outcome === 'allowed' || judgement.outcome === 'approved') suggest();
    else await cancel(attempt.id);
  } catch (error) {
    // Not suggesting leaves Chrome waiting on the file's name: it is never written.
    console.error('Download cancel failed; the download is left unnamed.', error);
  }
  try {
    await afterwards(attempt, judgement);
  } catch (error) {
    console.error('Download record or page failed', error);
  }
  return judgement;
}
