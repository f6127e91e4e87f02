// School admin: the erasure log. Each erasure with who, when and why, what it removed and what it
// kept for an open case; the pupil only by the hub's number, as the log holds nothing else.
import { erasures, erasuresError } from './data-protection';
import { formatTime } from './format';
import { ErrorText } from './messages';
import { t } from './strings';

export function ErasureLog() {
  const list = erasures.value;
  return (
    <section class="card" aria-labelledby="admin-erasures-heading">
      <h3 id="admin-erasures-heading">{t('erasures_heading')}</h3>
      <p class="hint">{t('erasures_intro')}</p>
      <ErrorText message={erasuresError.value} />
      {list === null ? null : list.length === 0 ? (
        <p>{t('erasures_none')}</p>
      ) : (
        <div class="table-wrap">
          <table class="erasures">
            <caption>{t('erasures_caption', { count: list.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('erasures_column_when')}</th>
                <th scope="col">{t('erasures_column_pupil')}</th>
                <th scope="col">{t('erasures_column_by')}</th>
                <th scope="col">{t('erasures_column_why')}</th>
                <th scope="col">{t('erasures_column_removed')}</th>
                <th scope="col">{t('erasures_column_kept')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((erasure) => (
                <tr key={erasure.id}>
                  <th scope="row">
                    <time dateTime={erasure.at}>{formatTime(erasure.at)}</time>
                  </th>
                  <td>{erasure.pupilId}</td>
                  <td>{erasure.by}</td>
                  <td class="change-reason">{erasure.reason}</td>
                  <td>
                    <ul class="plain">
                      {erasure.removed.map((item) => (
                        <li key={item.type}>
                          {t('pupil_data_count', { label: item.label, count: item.count })}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    {erasure.kept.length === 0 ? (
                      t('pupil_data_keeps_nothing')
                    ) : (
                      <ul class="plain">
                        {erasure.kept.map((item) => (
                          <li key={`${item.type}-${item.key}`}>
                            {t('pupil_data_kept_item', {
                              label: item.label,
                              key: item.key,
                              why: item.why,
                            })}
                          </li>
                        ))}
                      </ul>
                    )}
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
