// Pupils' "ask to visit" requests saved on this device. Addresses and reasons come from pupils
// and the web, so they are only ever rendered as text.
import { useSignal } from '@preact/signals';
import { ANSWERED_AT_HUB, type VisitRequest } from '../shared/visit-request';
import { ActionButton } from './action-button';
import { formatTime } from './format';
import { t } from './i18n';
import { change, errorText, type Notice } from './session';

const STATUS_KEYS: Record<VisitRequest['status'], string> = {
  pending: 'options_request_pending',
  approved: 'options_request_approved',
  denied: 'options_request_denied',
};

function Answer({
  request,
  onAnswer,
}: {
  request: VisitRequest;
  onAnswer: (approve: boolean) => void;
}) {
  if (request.status === 'pending') {
    const about = `request-url-${request.id}`;
    return (
      <div class="buttons">
        <ActionButton variant="primary" describedBy={about} onPress={() => onAnswer(true)}>
          {t('options_request_allow')}
        </ActionButton>
        <ActionButton variant="danger" describedBy={about} onPress={() => onAnswer(false)}>
          {t('options_request_deny')}
        </ActionButton>
      </div>
    );
  }
  const key =
    request.status === 'approved' ? 'options_request_allowed_by' : 'options_request_denied_by';
  const by =
    request.answeredBy === ANSWERED_AT_HUB
      ? t('options_request_hub_teacher')
      : (request.answeredBy ?? t('options_someone'));
  return (
    <>
      {t(key, by)}
      {request.answeredAt ? (
        <>
          {' '}
          <time dateTime={request.answeredAt}>{formatTime(request.answeredAt)}</time>
        </>
      ) : null}
    </>
  );
}

export function RequestsSection({ requests }: { requests: readonly VisitRequest[] }) {
  const notice = useSignal<Notice | null>(null);

  async function answer(request: VisitRequest, approve: boolean) {
    notice.value = null;
    try {
      await change('admin.answerRequest', {
        id: request.id,
        decision: approve ? 'approve' : 'deny',
      });
      notice.value = {
        text: t(approve ? 'options_request_allow_done' : 'options_request_deny_done', request.url),
        tone: 'status',
      };
    } catch (error) {
      notice.value = { text: errorText(error), tone: 'alert' };
    }
  }

  return (
    <section class="card" aria-labelledby="requests-heading">
      <h2 id="requests-heading">{t('options_requests_heading')}</h2>
      <p>{t('options_requests_intro')}</p>
      <p role="status" class="outcome">
        {notice.value?.tone === 'status' ? notice.value.text : ''}
      </p>
      {notice.value?.tone === 'alert' ? (
        <p class="error" role="alert">
          {notice.value.text}
        </p>
      ) : null}
      {requests.length === 0 ? (
        <p>{t('options_requests_none')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption>{t('options_requests_caption', String(requests.length))}</caption>
            <thead>
              <tr>
                <th scope="col">{t('options_column_address')}</th>
                <th scope="col">{t('options_column_reason')}</th>
                <th scope="col">{t('options_column_asked_at')}</th>
                <th scope="col">{t('options_column_status')}</th>
                <th scope="col">{t('options_column_answer')}</th>
              </tr>
            </thead>
            <tbody>
              {requests.map((request) => (
                <tr key={request.id}>
                  <th scope="row" class="address" id={`request-url-${request.id}`}>
                    {request.kind === 'download' ? (
                      <span class="request-download">
                        {t('options_request_download', request.fileName ?? '')}{' '}
                      </span>
                    ) : null}
                    {request.url}
                  </th>
                  <td>{request.reason === '' ? t('options_request_no_reason') : request.reason}</td>
                  <td>
                    <time dateTime={request.createdAt}>{formatTime(request.createdAt)}</time>
                  </td>
                  <td>{t(STATUS_KEYS[request.status])}</td>
                  <td>
                    <Answer
                      request={request}
                      onAnswer={(approve) => void answer(request, approve)}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
