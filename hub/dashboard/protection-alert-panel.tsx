// The DSL's (and the admin's) open protection alerts, beside the flags: which pupil, which class,
// what the hub saw and since when. Names come from rosters: text only.
import { ErrorText } from './messages';
import { formatTime } from './format';
import { protectionAlerts, protectionAlertsError } from './protection-alerts';
import { t } from './strings';

export function ProtectionAlertPanel() {
  const list = protectionAlerts.value;
  return (
    <section class="card protection-alerts" aria-labelledby="protection-alerts-heading">
      <h2 id="protection-alerts-heading">
        {t('protection_alerts_heading')}
        {list && list.length > 0 ? <span class="count alert-count">{list.length}</span> : null}
      </h2>
      <p class="hint">{t('protection_alerts_intro')}</p>
      <ErrorText message={protectionAlertsError.value} />
      {/* The one live region: a screen reader hears the count change as alerts come and go. */}
      <p role="status">
        {list === null
          ? null
          : list.length === 0
            ? t('protection_alerts_none')
            : t('protection_alerts_caption', { count: list.length })}
      </p>
      {list && list.length > 0 ? (
        <div class="table-wrap">
          <table>
            <caption>{t('protection_alerts_caption', { count: list.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('column_pupil')}</th>
                <th scope="col">{t('flags_class')}</th>
                <th scope="col">{t('protection_alerts_what')}</th>
                <th scope="col">{t('protection_alerts_since')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((alert) => (
                <tr key={alert.id}>
                  <th scope="row">{alert.pupil?.name ?? t('flags_unknown_pupil')}</th>
                  <td>{alert.class?.name ?? t('incidents_no_class')}</td>
                  <td>
                    <strong>
                      {t(alert.kind === 'off' ? 'protection_alert_off' : 'protection_alert_unsafe')}
                    </strong>
                  </td>
                  <td>
                    <time dateTime={alert.startedAt}>{formatTime(alert.startedAt)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
