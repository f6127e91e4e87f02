// The logged-in page: the header, the class list, and the open class.
import { useEffect } from 'preact/hooks';
import { ClassPicker } from './class-picker';
import { ClassView } from './class-view';
import { forgetClasses, loadClasses, openClass } from './classes';
import type { User } from './session';
import { t } from './strings';
import { TopBar } from './top-bar';

export function Dashboard({ user }: { user: User }) {
  useEffect(() => {
    void loadClasses();
    return forgetClasses;
  }, [user.id]);

  const open = openClass.value;
  return (
    <>
      <TopBar user={user} />
      <div class="layout">
        <ClassPicker seesAll={user.role !== 'teacher'} />
        <main class="class-main">
          {open ? <ClassView key={open.id} summary={open} /> : <p>{t('class_pick')}</p>}
        </main>
      </div>
    </>
  );
}
