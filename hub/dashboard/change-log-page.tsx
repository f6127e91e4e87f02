// The change log page: the school's filtering changes as a table, older pages on request, and
// the whole log as CSV for the admin and the DSL (the DfE standards ask schools to keep it).
import { useEffect } from 'preact/hooks';
import { ActionButton } from './action-button';
import {
  changeLogError,
  entries,
  forgetChangeLog,
  loadChangeLog,
  olderFrom,
  type ChangeLogEntry,
} from './change-log';
import { useFocusTarget } from './focus';
import { formatTime } from './format';
import { ErrorText } from './messages';
import { track, type User } from './session';
import { t, type StringKey } from './strings';

const ACTION_KEYS: Record<string, StringKey> = {
  'visit.allowed': 'change_visit_allowed',
  'visit.denied': 'change_visit_denied',
  'download.allowed': 'change_download_allowed',
  'download.denied': 'change_download_denied',
  'lesson.started': 'change_lesson_started',
  'lesson.ended': 'change_lesson_ended',
  'change.requested': 'change_requested',
  'change.approved': 'change_approved',
  'change.rejected': 'change_rejected',
  'site.added': 'change_site_added',
  'site.removed': 'change_site_removed',
  'retention.changed': 'change_retention_changed',
};

const actionLabel = (action: string) => {
  const key = ACTION_KEYS[action];
  return key ? t(key) : action;
};

function EntryRow({ entry }: { entry: ChangeLogEntry }) {
  return (
    <tr>
      <td>
        <time dateTime={entry.at}>{formatTime(entry.at)}</time>
      </td>
      <th scope="row">{actionLabel(entry.action)}</th>
      <td class="change-summary">{entry.summary}</td>
      <td>{entry.class?.name ?? t('change_whole_school')}</td>
      <td>{entry.askedBy}</td>
      <td>{entry.approvedBy ?? t('change_not_approved')}</td>
      <td class="change-reason">{entry.reason}</td>
    </tr>
  );
}

export function ChangeLogPage({ user }: { user: User }) {
  const heading = useFocusTarget<HTMLHeadingElement>('changes-heading');
  useEffect(() => {
    void loadChangeLog();
    return forgetChangeLog;
  }, [user.id]);

  const list = entries.value;
  return (
    <main class="page-main">
      <h2 id="changes-heading" ref={heading} tabIndex={-1}>
        {t('changes_heading')}
      </h2>
      <section class="card" aria-labelledby="changes-table-heading">
        <h3 id="changes-table-heading">{t('changes_table_heading')}</h3>
        <p class="hint">
          {t(user.role === 'teacher' ? 'changes_intro_teacher' : 'changes_intro_all')}
        </p>
        {user.role !== 'teacher' ? (
          <p>
            <a href="/api/change-log.csv" download>
              {t('changes_download')}
            </a>
          </p>
        ) : null}
        <ErrorText message={changeLogError.value} />
        {list === null ? (
          changeLogError.value ? null : (
            <p>{t('loading')}</p>
          )
        ) : list.length === 0 ? (
          <p>{t('changes_none')}</p>
        ) : (
          <div class="table-wrap">
            <table class="change-log">
              <caption>{t('changes_caption', { count: list.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('changes_column_when')}</th>
                  <th scope="col">{t('changes_column_what')}</th>
                  <th scope="col">{t('changes_column_detail')}</th>
                  <th scope="col">{t('changes_column_class')}</th>
                  <th scope="col">{t('changes_column_asked')}</th>
                  <th scope="col">{t('changes_column_approved')}</th>
                  <th scope="col">{t('changes_column_why')}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((entry) => (
                  <EntryRow key={entry.id} entry={entry} />
                ))}
              </tbody>
            </table>
          </div>
        )}
        {olderFrom.value !== null ? (
          <ActionButton onPress={() => void track(() => loadChangeLog(true))}>
            {t('changes_older')}
          </ActionButton>
        ) : null}
      </section>
    </main>
  );
}
