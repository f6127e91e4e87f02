// The logged-in page: the header with the page links, then the page: a class (the class list
// and the open class), the change log, or school admin.
import { useEffect } from 'preact/hooks';
import { AdminPage } from './admin-page';
import { ChangeLogPage } from './change-log-page';
import { ClassPicker } from './class-picker';
import { ClassView } from './class-view';
import { forgetClasses, loadClasses, openClass } from './classes';
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

  const current = view.value === 'admin' && user.role !== 'admin' ? 'classes' : view.value;
  return (
    <>
      <TopBar user={user} />
      {current === 'classes' ? <ClassesPage user={user} /> : null}
      {current === 'changes' ? <ChangeLogPage user={user} /> : null}
      {current === 'admin' ? <AdminPage /> : null}
    </>
  );
}
