// Keyword alerts for the DSL: a school keyword found in a pupil's search or a page title, with
// the term and the address only (the device never sends the page's text).
import { formatTime } from './format';
import { alerts } from './incident-log';
import { t } from './strings';

export function KeywordAlerts() {
  const list = alerts.value;
  return (
    <section class="card" aria-labelledby="alerts-heading">
      <h3 id="alerts-heading">{t('alerts_heading')}</h3>
      <p class="hint">{t('alerts_intro')}</p>
      {list === null ? null : list.length === 0 ? (
        <p>{t('alerts_none')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption>{t('alerts_caption', { count: list.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('changes_column_when')}</th>
                <th scope="col">{t('column_pupil')}</th>
                <th scope="col">{t('flags_class')}</th>
                <th scope="col">{t('alerts_column_keyword')}</th>
                <th scope="col">{t('alerts_column_where')}</th>
                <th scope="col">{t('flags_page')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((alert) => (
                <tr key={alert.id}>
                  <td>
                    <time dateTime={alert.createdAt}>{formatTime(alert.createdAt)}</time>
                  </td>
                  <th scope="row">{alert.pupil?.name ?? t('flags_unknown_pupil')}</th>
                  <td>{alert.class?.name ?? t('incidents_no_class')}</td>
                  <td>{alert.keyword}</td>
                  <td>
                    {t(alert.where === 'search' ? 'alerts_where_search' : 'alerts_where_title')}
                  </td>
                  <td class="request-url">{alert.url}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
