// Download requests: a pupil asked for one held file (music, a film, a book). They travel and
// are stored as "ask to visit" requests with kind 'download' (visit-requests.ts), and are
// answered through the same route, but a yes lets this pupil download this one file once: it
// never becomes a grant, and the change log says so in its own words.
import { HubError } from './errors';

export const DOWNLOAD_NEEDS_ALLOW_ONCE =
  "A download is allowed once, for this pupil only: answer 'allow-once' or 'deny'.";
export const VISIT_NOT_ONCE = "Only a download can be allowed once; allow a visit with 'allow'.";

export type RequestKind = 'visit' | 'download';

/** Refuses an answer that doesn't fit the request's kind, with what to send instead. */
export function checkAnswerFits(kind: RequestKind, decision: 'allow' | 'allow-once' | 'deny') {
  if (kind === 'download' && decision === 'allow')
    throw new HubError(400, DOWNLOAD_NEEDS_ALLOW_ONCE);
  if (kind === 'visit' && decision === 'allow-once') throw new HubError(400, VISIT_NOT_ONCE);
}

function fromHost(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return 'an address that is not a web address';
  }
}

/** The change log's summary of a download answer (names and hosts as the pupil's device gave). */
export function describeDownloadAnswer(
  request: { url: string; file_name: string | null },
  allowed: boolean,
): string {
  const file = `${request.file_name ?? 'a file'} from ${fromHost(request.url)}`;
  return allowed ? `Allowed ${file} once, for the pupil` : `Refused the download of ${file}`;
}
