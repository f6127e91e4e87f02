// The incident log page: every flag with the fields of the schools' reporting log (date, time,
// incident, what was done and by whom, who reported it), older pages on request, the CSV for
// the DSL and the admin; and for them also the keyword alerts and the school's keyword list.
import { useEffect } from 'preact/hooks';
import { ActionButton } from './action-button';
import { FlagHistory } from './flag-panel';
import { reasonWords, sourceWords } from './flag-words';
import { useFocusTarget } from './focus';
import {
  forgetIncidentLog,
  incidentLogError,
  incidents,
  incidentsOlderFrom,
  loadIncidents,
  loadSafeguarding,
} from './incident-log';
import { KeywordAlerts } from './keyword-alerts';
import { KeywordEditor } from './keyword-editor';
import { ErrorText } from './messages';
import { track, type User } from './session';
import { t, type StringKey } from './strings';

const STATUS_KEYS: Record<string, StringKey> = {
  open: 'incident_status_open',
  acknowledged: 'incident_status_acknowledged',
  escalated: 'incident_status_escalated',
  closed: 'incident_status_closed',
};

const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
const TIME = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });

function IncidentTable() {
  const list = incidents.value;
  if (list === null) return incidentLogError.value ? null : <p>{t('loading')}</p>;
  if (list.length === 0) return <p>{t('incidents_none')}</p>;
  return (
    <div class="table-wrap">
      <table class="incidents">
        <caption>{t('incidents_caption', { count: list.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('incidents_column_date')}</th>
            <th scope="col">{t('incidents_column_time')}</th>
            <th scope="col">{t('incidents_column_incident')}</th>
            <th scope="col">{t('incidents_column_reported')}</th>
            <th scope="col">{t('incidents_column_done')}</th>
            <th scope="col">{t('incidents_column_status')}</th>
          </tr>
        </thead>
        <tbody>
          {list.map((flag) => (
            <tr key={flag.id}>
              <td>{DATE.format(new Date(flag.createdAt))}</td>
              <td>
                <time dateTime={flag.createdAt}>{TIME.format(new Date(flag.createdAt))}</time>
              </td>
              <th scope="row" class="incident">
                <span>{reasonWords(flag.reason)}</span>
                {flag.title ? <span class="flag-title">{flag.title}</span> : null}
                <span class="request-url">{flag.url}</span>
                {flag.note ? <span class="request-reason">“{flag.note}”</span> : null}
              </th>
              <td>
                {t('incidents_reported_by', {
                  name: flag.pupil?.name ?? flag.account,
                  class: flag.class?.name ?? t('incidents_no_class'),
                  how: sourceWords(flag.source),
                })}
              </td>
              <td>
                {flag.history.length === 0 ? (
                  t('incidents_nothing_yet')
                ) : (
                  <FlagHistory flag={flag} />
                )}
              </td>
              <td>{t(STATUS_KEYS[flag.status] ?? 'incident_status_open')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function IncidentLogPage({ user }: { user: User }) {
  const heading = useFocusTarget<HTMLHeadingElement>('incidents-heading');
  const safeguarding = user.role !== 'teacher';
  useEffect(() => {
    void loadIncidents();
    if (safeguarding) void loadSafeguarding();
    return forgetIncidentLog;
  }, [user.id, safeguarding]);

  return (
    <main class="page-main">
      <h2 id="incidents-heading" ref={heading} tabIndex={-1}>
        {t('incidents_heading')}
      </h2>
      <section class="card" aria-labelledby="incident-flags-heading">
        <h3 id="incident-flags-heading">{t('incidents_flags_heading')}</h3>
        <p class="hint">{t(safeguarding ? 'incidents_intro_all' : 'incidents_intro_teacher')}</p>
        {safeguarding ? (
          <p class="links">
            <a href="/api/incidents.csv" download>
              {t('incidents_download')}
            </a>
            <a href="#summary">{t('incidents_summary_link')}</a>
          </p>
        ) : null}
        <ErrorText message={incidentLogError.value} />
        <IncidentTable />
        {incidentsOlderFrom.value !== null ? (
          <ActionButton onPress={() => void track(() => loadIncidents(true))}>
            {t('changes_older')}
          </ActionButton>
        ) : null}
      </section>
      {safeguarding ? (
        <>
          <KeywordAlerts />
          <KeywordEditor />
        </>
      ) : null}
    </main>
  );
}
