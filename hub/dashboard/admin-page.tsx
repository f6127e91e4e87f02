// School admin (the admin only): change requests to approve, the school's own list additions,
// classes with their rosters, staff, and data protection: one pupil's data, how long records
// are kept, and the erasure log.
import { useEffect } from 'preact/hooks';
import { ChangeRequestAdmin } from './change-request-admin';
import { ClassAdmin } from './class-admin';
import { loadErasures, loadRetention } from './data-protection';
import { ErasureLog } from './erasure-log';
import { useFocusTarget } from './focus';
import { SchoolSiteAdmin } from './school-site-admin';
import { PupilDataAdmin } from './pupil-data-admin';
import { RetentionAdmin } from './retention-admin';
import { loadSchoolLists } from './school-lists';
import { loadStaff } from './staff';
import { StaffAdmin } from './staff-admin';
import { t } from './strings';

export function AdminPage() {
  const heading = useFocusTarget<HTMLHeadingElement>('admin-heading');
  useEffect(() => {
    void loadStaff();
    void loadSchoolLists();
    void loadRetention();
    void loadErasures();
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
      <PupilDataAdmin />
      <RetentionAdmin />
      <ErasureLog />
    </main>
  );
}
