// The dashboard's pages as links, the current one marked. School admin is only for the admin.
import { requestFocus } from './focus';
import type { User } from './session';
import { t, type StringKey } from './strings';
import { view, VIEW_HASHES, type View } from './views';

/** Where a keyboard user lands on the page they chose. */
const HEADINGS: Record<View, string> = {
  classes: 'classes-heading',
  incidents: 'incidents-heading',
  summary: 'summary-heading',
  changes: 'changes-heading',
  admin: 'admin-heading',
};

const LABELS: Record<View, StringKey> = {
  classes: 'nav_classes',
  incidents: 'nav_incidents',
  summary: 'summary_heading',
  changes: 'nav_changes',
  admin: 'nav_admin',
};

export function ViewNav({ user }: { user: User }) {
  // The summary is reached from the incident log (DSL and admin), so it has no link of its own.
  const views: View[] =
    user.role === 'admin'
      ? ['classes', 'incidents', 'changes', 'admin']
      : ['classes', 'incidents', 'changes'];
  return (
    <nav class="views" aria-label={t('nav_label')}>
      <ul>
        {views.map((item) => (
          <li key={item}>
            <a
              href={VIEW_HASHES[item]}
              aria-current={view.value === item ? 'page' : undefined}
              onClick={() => requestFocus(HEADINGS[item])}
            >
              {t(LABELS[item])}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
