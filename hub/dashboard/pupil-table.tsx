// The class's pupils as they are now: status, the site they are on (its domain, as text) and
// when the hub last heard from them. Names and domains come from rosters and the web: text only.
import type { LiveView } from '../../shared/teacher-socket-protocol';
import { formatLastSeen } from './format';
import { ProtectionBadge } from './protection-badge';
import { StatusBadge } from './status-badge';
import { t } from './strings';

export function PupilTable({ view, className }: { view: LiveView; className: string }) {
  if (view.pupils.length === 0) return <p>{t('pupils_none')}</p>;
  // Protection is judged in a lesson only (the hub sends null outside one).
  const inLesson = view.lesson !== null;
  return (
    <div class="table-wrap">
      <table class="pupils">
        <caption>{t('pupils_caption', { count: view.pupils.length, class: className })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('column_pupil')}</th>
            <th scope="col">{t('column_status')}</th>
            {inLesson ? <th scope="col">{t('column_protection')}</th> : null}
            <th scope="col">{t('column_site')}</th>
            <th scope="col">{t('column_last_seen')}</th>
          </tr>
        </thead>
        <tbody>
          {view.pupils.map((pupil) => (
            <tr key={pupil.id} data-pupil-id={pupil.id}>
              <th scope="row" class="pupil-name">
                {pupil.name}
              </th>
              <td>
                <StatusBadge status={pupil.status} />
              </td>
              {inLesson ? (
                <td>
                  {pupil.protection ? <ProtectionBadge protection={pupil.protection} /> : null}
                </td>
              ) : null}
              <td class="domain">{pupil.domain ?? <span class="none">{t('site_none')}</span>}</td>
              <td>
                {pupil.lastSeen ? (
                  <time dateTime={pupil.lastSeen}>{formatLastSeen(pupil.lastSeen)}</time>
                ) : (
                  formatLastSeen(null)
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
