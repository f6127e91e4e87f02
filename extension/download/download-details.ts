// What the download page was told: the worker (background/downloads/download-page-url.ts) puts
// the key stage, the reason, the file's name and its site in the query, and a held file's
// address in the fragment. Everything here came from a web server's naming, so it is only ever
// shown as text.
import type { DownloadReason } from '../../shared/download-class';
import type { KeyStage } from '../../shared/policy-model';

export type ShownReason = Exclude<DownloadReason, 'approved-source'>;

export interface DownloadDetails {
  keyStage: KeyStage;
  reason: ShownReason;
  fileName: string;
  sourceHost: string | null;
  /** A held file's web address, which a teacher can be asked about; null otherwise. */
  url: string | null;
  /** The request already open for this file, if the worker found one. */
  requestId: string | null;
}

const REASONS: readonly ShownReason[] = [
  'program',
  'archive',
  'disguised',
  'torrent',
  'media',
  'unapproved-source',
  'unknown',
];

export function readDownloadDetails(location: Location): DownloadDetails {
  const query = new URLSearchParams(location.search);
  const url = location.hash.slice(1);
  return {
    keyStage: query.get('ks') === 'ks2' ? 'ks2' : 'ks1',
    // An unknown reason reads as the strictest stop, never as a held file.
    reason: REASONS.find((reason) => reason === query.get('why')) ?? 'unknown',
    fileName: query.get('file') ?? '',
    sourceHost: query.get('from'),
    url: /^https?:\/\//i.test(url) ? url : null,
    requestId: query.get('request'),
  };
}
