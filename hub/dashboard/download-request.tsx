// A pupil's request to download one held file (music, a film, a book), as the inbox shows it:
// the file's name and site, and Allow once or Deny. A yes is for this pupil and this file only,
// so there is no "whole class" or "how long". The name and address came from the pupil's
// device, so they are only ever text.
import { ActionButton } from './action-button';
import { answerWithNotice, pupilName } from './answer-request';
import { formatTime } from './format';
import type { VisitRequestView } from './requests';
import type { Notice } from './session';
import { t } from './strings';

function siteOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

/** "song.mp3 from www.example.org". */
export const downloadLabel = (request: VisitRequestView) =>
  t('requests_download_file', { file: request.fileName ?? '', site: siteOf(request.url) });

export function PendingDownload({
  request,
  classId,
  onNotice,
}: {
  request: VisitRequestView;
  classId: number;
  onNotice: (notice: Notice) => void;
}) {
  const name = pupilName(request);
  const headingId = `request-${request.id}`;
  return (
    <li class="request" aria-labelledby={headingId}>
      <h4 id={headingId}>{t('requests_asks_download', { name })}</h4>
      <p class="request-file">{downloadLabel(request)}</p>
      <p class="request-url">{request.url}</p>
      <p class="hint">{t('requests_download_hint', { name })}</p>
      <p class="hint">
        {t('requests_asked_at')}{' '}
        <time dateTime={request.createdAt}>{formatTime(request.createdAt)}</time>
      </p>
      <div class="buttons">
        <ActionButton
          variant="primary"
          describedBy={headingId}
          onPress={() =>
            void answerWithNotice(classId, request, { decision: 'allow-once' }, onNotice)
          }
        >
          {t('requests_allow_once')}
        </ActionButton>
        <ActionButton
          describedBy={headingId}
          onPress={() => void answerWithNotice(classId, request, { decision: 'deny' }, onNotice)}
        >
          {t('requests_deny')}
        </ActionButton>
      </div>
    </li>
  );
}
