// The logged-in page: the header with the page links, then the page: a class (the class list
// and the open class), the change log, or school admin.
import { useEffect } from 'preact/hooks';
import { AdminPage } from './admin-page';
import { ChangeLogPage } from './change-log-page';
import { ClassPicker } from './class-picker';
import { ClassView } from './class-view';
import { forgetClasses, loadClasses, openClass } from './classes';
import { IncidentLogPage } from './incident-log-page';
import { SummaryPage } from './summary-page';
import { FlagAlert } from './flag-alert';
import { FlagPanel } from './flag-panel';
import { watchFlags } from './flags';
import { ProtectionAlertPanel } from './protection-alert-panel';
import { watchProtectionAlerts } from './protection-alerts';
import type { User } from './session';
import { t } from './strings';
import { TopBar } from './top-bar';
import { view } from './views';

function ClassesPage({ user }: { user: User }) {
  const open = openClass.value;
  return (
    <div class="layout">
      <ClassPicker seesAll={user.role !== 'teacher'} />
      <main class="class-main">
        <FlagPanel user={user} />
        {user.role === 'teacher' ? null : <ProtectionAlertPanel />}
        {open ? <ClassView key={open.id} summary={open} /> : <p>{t('class_pick')}</p>}
      </main>
    </div>
  );
}

export function Dashboard({ user }: { user: User }) {
  useEffect(() => {
    void loadClasses();
    return forgetClasses;
  }, [user.id]);
  useEffect(() => watchFlags(), [user.id]);
  // The DSL and the admin see every class, so they hear of every protection alert.
  useEffect(() => (user.role === 'teacher' ? undefined : watchProtectionAlerts()), [user.id]);

  const allowed =
    (view.value !== 'admin' || user.role === 'admin') &&
    (view.value !== 'summary' || user.role !== 'teacher');
  const current = allowed ? view.value : 'classes';
  return (
    <>
      <TopBar user={user} />
      <FlagAlert />
      {current === 'classes' ? <ClassesPage user={user} /> : null}
      {current === 'incidents' ? <IncidentLogPage user={user} /> : null}
      {current === 'summary' ? <SummaryPage /> : null}
      {current === 'changes' ? <ChangeLogPage user={user} /> : null}
      {current === 'admin' ? <AdminPage /> : null}
    </>
  );
}
