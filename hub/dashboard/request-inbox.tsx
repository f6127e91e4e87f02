// The requests inbox: what pupils asked to visit, answered here. Every address and reason came
// from a pupil's device, so it is only ever put in the page as text.
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { ActionButton } from './action-button';
import { answerWithNotice, pupilName } from './answer-request';
import { AskChangeForm } from './ask-change-form';
import { downloadLabel, PendingDownload } from './download-request';
import { formatTime } from './format';
import { requestsStale } from './live-feed';
import { ErrorText, NoticeText } from './messages';
import {
  forgetRequests,
  loadRequests,
  requests,
  requestsError,
  type RequestAnswer,
  type VisitRequestView,
} from './requests';
import type { Notice } from './session';
import { t, type StringKey } from './strings';

/** Answered requests shown under the pending ones; the change log keeps the rest. */
const ANSWERED_SHOWN = 10;

interface Props {
  classId: number;
  keyStage: 'ks1' | 'ks2';
  lessonRunning: boolean;
}

function answerKey(request: VisitRequestView): StringKey {
  if (request.status === 'denied') return 'requests_denied_by';
  if (request.kind === 'download') return 'requests_allowed_once';
  if (request.scope === 'class') {
    return request.duration === 'lesson'
      ? 'requests_allowed_class_lesson'
      : 'requests_allowed_class_today';
  }
  return request.duration === 'lesson'
    ? 'requests_allowed_pupil_lesson'
    : 'requests_allowed_pupil_today';
}

function Choice({
  name,
  value,
  chosen,
  label,
  disabled = false,
  onChoose,
}: {
  name: string;
  value: string;
  chosen: string;
  label: string;
  disabled?: boolean;
  onChoose: (value: string) => void;
}) {
  return (
    <label class={`radio${disabled ? ' unavailable' : ''}`}>
      <input
        type="radio"
        name={name}
        value={value}
        checked={chosen === value}
        disabled={disabled}
        onChange={() => onChoose(value)}
      />
      {label}
    </label>
  );
}

function PendingRequest({
  request,
  classId,
  keyStage,
  lessonRunning,
  onNotice,
}: {
  request: VisitRequestView;
  onNotice: (notice: Notice) => void;
} & Props) {
  const scope = useSignal<'pupil' | 'class'>('pupil');
  const duration = useSignal<'lesson' | 'today'>(lessonRunning ? 'lesson' : 'today');
  // A lesson that ends while the request waits can't be chosen any more.
  if (!lessonRunning && duration.value === 'lesson') duration.value = 'today';
  const name = pupilName(request);
  const headingId = `request-${request.id}`;

  const answer = (json: RequestAnswer) => answerWithNotice(classId, request, json, onNotice);

  return (
    <li class="request" aria-labelledby={headingId}>
      <h4 id={headingId}>{t('requests_asks', { name })}</h4>
      <p class="request-url">{request.url}</p>
      {request.reason ? (
        <p class="request-reason">
          <span class="label">{t('requests_reason')}</span> {request.reason}
        </p>
      ) : null}
      <p class="hint">
        {t('requests_asked_at')}{' '}
        <time dateTime={request.createdAt}>{formatTime(request.createdAt)}</time>
      </p>
      <div class="request-choices">
        <fieldset>
          <legend>{t('requests_who')}</legend>
          <div class="radios">
            <Choice
              name={`who-${request.id}`}
              value="pupil"
              chosen={scope.value}
              label={t('requests_who_pupil', { name })}
              onChoose={() => (scope.value = 'pupil')}
            />
            <Choice
              name={`who-${request.id}`}
              value="class"
              chosen={scope.value}
              label={t('requests_who_class')}
              disabled={request.pupil === null}
              onChoose={() => (scope.value = 'class')}
            />
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('requests_how_long')}</legend>
          <div class="radios">
            <Choice
              name={`long-${request.id}`}
              value="lesson"
              chosen={duration.value}
              label={t(lessonRunning ? 'requests_for_lesson' : 'requests_for_lesson_none')}
              disabled={!lessonRunning}
              onChoose={() => (duration.value = 'lesson')}
            />
            <Choice
              name={`long-${request.id}`}
              value="today"
              chosen={duration.value}
              label={t('requests_for_today')}
              onChoose={() => (duration.value = 'today')}
            />
          </div>
        </fieldset>
      </div>
      <div class="buttons">
        <ActionButton
          variant="primary"
          describedBy={headingId}
          onPress={() =>
            void answer({ decision: 'allow', scope: scope.value, duration: duration.value })
          }
        >
          {t('requests_allow')}
        </ActionButton>
        <ActionButton describedBy={headingId} onPress={() => void answer({ decision: 'deny' })}>
          {t('requests_deny')}
        </ActionButton>
      </div>
      <AskChangeForm
        requestId={request.id}
        url={request.url}
        keyStage={keyStage}
        onNotice={onNotice}
      />
    </li>
  );
}

function AnsweredRequest({ request }: { request: VisitRequestView }) {
  return (
    <li>
      <span class="pupil-name">{pupilName(request)}</span>:{' '}
      <span class="request-url">
        {request.kind === 'download' ? downloadLabel(request) : request.url}
      </span>
      {' — '}
      {t(answerKey(request), { by: request.answeredBy ?? t('requests_someone') })}
      {request.answeredAt ? (
        <>
          {' '}
          <time dateTime={request.answeredAt}>{formatTime(request.answeredAt)}</time>
        </>
      ) : null}
    </li>
  );
}

export function RequestInbox({ classId, keyStage, lessonRunning }: Props) {
  const notice = useSignal<Notice | null>(null);
  const stale = requestsStale.value;
  useEffect(() => forgetRequests, [classId]);
  useEffect(() => {
    void loadRequests(classId);
  }, [classId, stale]);

  const all = requests.value;
  const pending = all?.filter((request) => request.status === 'pending') ?? [];
  const answered =
    all?.filter((request) => request.status !== 'pending').slice(0, ANSWERED_SHOWN) ?? [];
  return (
    <section class="card requests" aria-labelledby="requests-heading">
      <h3 id="requests-heading">
        {t('requests_heading')}
        {pending.length > 0 ? <span class="count">{pending.length}</span> : null}
      </h3>
      <NoticeText notice={notice.value} />
      <ErrorText message={requestsError.value} />
      {all === null ? (
        requestsError.value ? null : (
          <p>{t('loading')}</p>
        )
      ) : pending.length === 0 ? (
        <p>{t('requests_none')}</p>
      ) : (
        <ul class="request-list">
          {pending.map((request) =>
            request.kind === 'download' ? (
              <PendingDownload
                key={request.id}
                request={request}
                classId={classId}
                onNotice={(next) => (notice.value = next)}
              />
            ) : (
              <PendingRequest
                key={request.id}
                request={request}
                classId={classId}
                keyStage={keyStage}
                lessonRunning={lessonRunning}
                onNotice={(next) => (notice.value = next)}
              />
            ),
          )}
        </ul>
      )}
      {answered.length > 0 ? (
        <>
          <h4>{t('requests_answered_heading')}</h4>
          <ul class="answered-list">
            {answered.map((request) => (
              <AnsweredRequest key={request.id} request={request} />
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
