// School admin (the admin only): change requests to approve, the school's own list additions,
// classes with their rosters, and staff.
import { useEffect } from 'preact/hooks';
import { ChangeRequestAdmin } from './change-request-admin';
import { ClassAdmin } from './class-admin';
import { useFocusTarget } from './focus';
import { SchoolSiteAdmin } from './school-site-admin';
import { loadSchoolLists } from './school-lists';
import { loadStaff } from './staff';
import { StaffAdmin } from './staff-admin';
import { t } from './strings';

export function AdminPage() {
  const heading = useFocusTarget<HTMLHeadingElement>('admin-heading');
  useEffect(() => {
    void loadStaff();
    void loadSchoolLists();
  }, []);
  return (
    <main class="page-main">
      <h2 id="admin-heading" ref={heading} tabIndex={-1}>
        {t('admin_heading')}
      </h2>
      <ChangeRequestAdmin />
      <SchoolSiteAdmin />
      <ClassAdmin />
      <StaffAdmin />
    </main>
  );
}
