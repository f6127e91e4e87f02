// School admin: change requests waiting for a decision (approve adds the site to the school's
// list on every device of that key stage), and the latest decisions.
import { useSignal } from '@preact/signals';
import { errorText } from './api';
import { ActionButton } from './action-button';
import { formatTime } from './format';
import { NoticeText } from './messages';
import { changeRequests, decideChange, type ChangeRequest } from './school-lists';
import { track, type Notice } from './session';
import { t } from './strings';

const DECIDED_SHOWN = 10;

const keyStageName = (keyStage: 'ks1' | 'ks2') =>
  t(keyStage === 'ks1' ? 'key_stage_ks1' : 'key_stage_ks2');

function PendingChange({
  request,
  onNotice,
}: {
  request: ChangeRequest;
  onNotice: (notice: Notice) => void;
}) {
  const note = useSignal('');
  const headingId = `change-${request.id}`;
  const noteId = `change-note-${request.id}`;

  async function decide(decision: 'approve' | 'reject') {
    try {
      await track(() => decideChange(request.id, decision, note.value.trim()));
      onNotice({
        text: t(decision === 'approve' ? 'change_done_approved' : 'change_done_rejected', {
          site: request.site,
        }),
        tone: 'status',
      });
    } catch (error) {
      onNotice({ text: errorText(error), tone: 'alert' });
    }
  }

  return (
    <li class="request" aria-labelledby={headingId}>
      <h4 id={headingId}>
        {t('change_pending_heading', {
          site: request.site,
          keyStage: keyStageName(request.keyStage),
        })}
      </h4>
      <p>
        {t('change_asked_by', { name: request.askedBy.name })}{' '}
        <time dateTime={request.askedAt}>{formatTime(request.askedAt)}</time>
      </p>
      <p class="request-reason">
        <span class="label">{t('requests_reason')}</span> {request.reason}
      </p>
      <div class="field">
        <label for={noteId}>{t('change_note')}</label>
        <input
          id={noteId}
          type="text"
          maxLength={500}
          value={note.value}
          onInput={(event) => (note.value = event.currentTarget.value)}
        />
      </div>
      <div class="buttons">
        <ActionButton
          variant="primary"
          describedBy={headingId}
          onPress={() => void decide('approve')}
        >
          {t('change_approve')}
        </ActionButton>
        <ActionButton
          variant="danger"
          describedBy={headingId}
          onPress={() => void decide('reject')}
        >
          {t('change_reject')}
        </ActionButton>
      </div>
    </li>
  );
}

export function ChangeRequestAdmin() {
  const notice = useSignal<Notice | null>(null);
  const all = changeRequests.value;
  const pending = all?.filter((request) => request.status === 'pending') ?? [];
  const decided =
    all?.filter((request) => request.status !== 'pending').slice(0, DECIDED_SHOWN) ?? [];
  return (
    <section class="card" aria-labelledby="admin-changes-heading">
      <h3 id="admin-changes-heading">
        {t('change_requests_heading')}
        {pending.length > 0 ? <span class="count">{pending.length}</span> : null}
      </h3>
      <p class="hint">{t('change_requests_intro')}</p>
      <NoticeText notice={notice.value} />
      {all === null ? null : pending.length === 0 ? (
        <p>{t('change_requests_none')}</p>
      ) : (
        <ul class="request-list">
          {pending.map((request) => (
            <PendingChange
              key={request.id}
              request={request}
              onNotice={(next) => (notice.value = next)}
            />
          ))}
        </ul>
      )}
      {decided.length > 0 ? (
        <>
          <h4>{t('change_decided_heading')}</h4>
          <ul class="answered-list">
            {decided.map((request) => (
              <li key={request.id}>
                {t(request.status === 'approved' ? 'change_was_approved' : 'change_was_rejected', {
                  site: request.site,
                  keyStage: keyStageName(request.keyStage),
                  by: request.decidedBy ?? '',
                })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
