// Open flags, for every class the user sees: who, when, what happened and the page (as text),
// and what staff do about it. A teacher records what they did or escalates to the DSL; the DSL
// closes the incident. Everything recorded here is the incident log's "what was done, by whom".
import { useSignal } from '@preact/signals';
import { errorText } from './api';
import { ActionButton } from './action-button';
import { BusyForm } from './busy-form';
import { reasonWords, sourceWords } from './flag-words';
import {
  acknowledgeFlag,
  closeFlag,
  escalateFlag,
  flagsError,
  openFlags,
  type FlagView,
} from './flags';
import { useFocusTarget } from './focus';
import { formatTime } from './format';
import { ErrorText, NoticeText } from './messages';
import { track, type Notice, type User } from './session';
import { t } from './strings';

function FlagFacts({ flag, seesScreenshots }: { flag: FlagView; seesScreenshots: boolean }) {
  return (
    <dl class="flag-facts">
      <dt>{t('flags_when')}</dt>
      <dd>
        <time dateTime={flag.createdAt}>{formatTime(flag.createdAt)}</time>
      </dd>
      <dt>{t('flags_class')}</dt>
      <dd>{flag.class?.name ?? t('change_whole_school')}</dd>
      <dt>{t('flags_what')}</dt>
      <dd>{reasonWords(flag.reason)}</dd>
      <dt>{t('flags_page')}</dt>
      <dd>
        {flag.title ? <span class="flag-title">{flag.title}</span> : null}
        <span class="request-url">{flag.url}</span>
      </dd>
      {flag.note ? (
        <>
          <dt>{t('flags_note')}</dt>
          <dd class="request-reason">{flag.note}</dd>
        </>
      ) : null}
      <dt>{t('flags_how')}</dt>
      <dd>{sourceWords(flag.source)}</dd>
      {flag.hasScreenshot && seesScreenshots ? (
        <>
          <dt>{t('flags_screenshot')}</dt>
          <dd>
            <a href={`/api/flags/${flag.id}/screenshot`} target="_blank" rel="noopener">
              {t('flags_screenshot')}
            </a>
          </dd>
        </>
      ) : null}
    </dl>
  );
}

const STEP_KEYS = {
  acknowledged: 'flags_step_acknowledged',
  escalated: 'flags_step_escalated',
  closed: 'flags_step_closed',
} as const;

/** What was done, by whom and when: the incident log's own words. */
export function FlagHistory({ flag }: { flag: FlagView }) {
  if (flag.history.length === 0) return null;
  return (
    <ul class="flag-history">
      {flag.history.map((step, index) => (
        <li key={index}>
          <time dateTime={step.at}>{formatTime(step.at)}</time>{' '}
          {t(STEP_KEYS[step.action], { name: step.by })}
          {step.note ? <span class="request-reason">: {step.note}</span> : null}
        </li>
      ))}
    </ul>
  );
}

function OpenFlag({ flag, user }: { flag: FlagView; user: User }) {
  const action = useSignal('');
  const escalateNote = useSignal('');
  const error = useSignal<string | null>(null);
  const notice = useSignal<Notice | null>(null);
  const headingId = `flag-${flag.id}`;
  const name = flag.pupil?.name ?? t('flags_unknown_pupil');
  // The DSL closes incidents; teachers and the admin record what they did and can escalate.
  const isDsl = user.role === 'dsl';

  async function run(work: () => Promise<void>, done: string) {
    error.value = null;
    try {
      await track(work);
      notice.value = { text: done, tone: 'status' };
    } catch (failure) {
      error.value = errorText(failure);
    }
  }

  function record() {
    const text = action.value.trim();
    if (!text) {
      error.value = t('flags_action_empty');
      return Promise.resolve();
    }
    return isDsl
      ? run(() => closeFlag(flag.id, text), t('flags_closed'))
      : run(() => acknowledgeFlag(flag.id, { action: text }), t('flags_acknowledged'));
  }

  return (
    <li class="request flag" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('flags_item_heading', { name })}</h3>
      {flag.status === 'escalated' ? (
        <p class="flag-escalated">
          {t('flags_status_escalated', { name: flag.escalatedBy ?? '' })}
        </p>
      ) : null}
      <FlagFacts flag={flag} seesScreenshots={isDsl} />
      <FlagHistory flag={flag} />
      <BusyForm onSubmit={record} labelledBy={`action-label-${flag.id}`}>
        <div class="field">
          <label id={`action-label-${flag.id}`} for={`action-${flag.id}`}>
            {t('flags_action')}
          </label>
          <textarea
            id={`action-${flag.id}`}
            rows={2}
            maxLength={1000}
            aria-describedby={`action-hint-${flag.id}`}
            value={action.value}
            onInput={(event) => (action.value = event.currentTarget.value)}
          />
          <p class="hint" id={`action-hint-${flag.id}`}>
            {t('flags_action_hint')}
          </p>
        </div>
        <ErrorText message={error.value} />
        <div class="buttons">
          <ActionButton type="submit" variant="primary" describedBy={headingId}>
            {t(isDsl ? 'flags_close' : 'flags_acknowledge')}
          </ActionButton>
        </div>
      </BusyForm>
      {!isDsl && flag.status !== 'escalated' ? (
        <BusyForm
          onSubmit={() =>
            run(() => escalateFlag(flag.id, escalateNote.value.trim()), t('flags_escalated'))
          }
          labelledBy={`escalate-label-${flag.id}`}
        >
          <div class="field">
            <label id={`escalate-label-${flag.id}`} for={`escalate-${flag.id}`}>
              {t('flags_escalate_note')}
            </label>
            <input
              id={`escalate-${flag.id}`}
              type="text"
              maxLength={1000}
              value={escalateNote.value}
              onInput={(event) => (escalateNote.value = event.currentTarget.value)}
            />
          </div>
          <ActionButton type="submit" variant="danger" describedBy={headingId}>
            {t('flags_escalate')}
          </ActionButton>
        </BusyForm>
      ) : null}
      <NoticeText notice={notice.value} />
    </li>
  );
}

export function FlagPanel({ user }: { user: User }) {
  const list = openFlags.value;
  const heading = useFocusTarget<HTMLHeadingElement>('flags-heading');
  return (
    <section class="card flags" aria-labelledby="flags-heading">
      <h2 id="flags-heading" ref={heading} tabIndex={-1}>
        {t('flags_heading')}
        {list && list.length > 0 ? <span class="count alert-count">{list.length}</span> : null}
      </h2>
      <ErrorText message={flagsError.value} />
      {list === null ? (
        flagsError.value ? null : (
          <p>{t('loading')}</p>
        )
      ) : list.length === 0 ? (
        <p>{t('flags_none')}</p>
      ) : (
        <ul class="request-list">
          {list.map((flag) => (
            <OpenFlag key={flag.id} flag={flag} user={user} />
          ))}
        </ul>
      )}
    </section>
  );
}
