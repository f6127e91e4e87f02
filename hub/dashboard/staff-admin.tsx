// School admin: the staff who can log in, and adding one with a role and a first password.
import { useSignal } from '@preact/signals';
import { errorText, hub, read } from './api';
import { ActionButton } from './action-button';
import { BusyForm } from './busy-form';
import { ErrorText, NoticeText } from './messages';
import { track, type Notice, type User } from './session';
import { loadStaff, staff, staffError } from './staff';
import { t, type StringKey } from './strings';
import { TextField } from './text-field';

const ROLE_KEYS: Record<User['role'], StringKey> = {
  teacher: 'role_teacher',
  dsl: 'role_dsl',
  admin: 'role_admin',
};

function NewStaffForm({ onNotice }: { onNotice: (notice: Notice) => void }) {
  const name = useSignal('');
  const username = useSignal('');
  const password = useSignal('');
  const role = useSignal<User['role']>('teacher');
  const error = useSignal<string | null>(null);

  async function add() {
    error.value = !name.value.trim()
      ? t('staff_name_empty')
      : !username.value.trim()
        ? t('login_username_empty')
        : !password.value
          ? t('login_password_empty')
          : null;
    if (error.value) return;
    try {
      const answer = await track(() =>
        read(
          hub.api.users.$post({
            json: {
              name: name.value.trim(),
              username: username.value.trim(),
              role: role.value,
              password: password.value,
            },
          }),
        ),
      );
      name.value = '';
      username.value = '';
      password.value = '';
      await loadStaff();
      onNotice({ text: t('staff_added', { name: answer.user.name }), tone: 'status' });
    } catch (failure) {
      error.value = errorText(failure);
    }
  }

  return (
    <BusyForm onSubmit={add} labelledBy="new-staff-heading">
      <h4 id="new-staff-heading">{t('staff_new')}</h4>
      <TextField id="staff-name" label={t('staff_name')} value={name} maxLength={120} />
      <TextField
        id="staff-username"
        label={t('login_username')}
        value={username}
        kind="username"
        maxLength={64}
      />
      <div class="field">
        <label for="staff-role">{t('staff_role')}</label>
        <select
          id="staff-role"
          value={role.value}
          onChange={(event) => (role.value = event.currentTarget.value as User['role'])}
        >
          <option value="teacher">{t('role_teacher')}</option>
          <option value="dsl">{t('role_dsl')}</option>
          <option value="admin">{t('role_admin')}</option>
        </select>
      </div>
      <TextField
        id="staff-password"
        label={t('staff_password')}
        value={password}
        kind="new-password"
        maxLength={200}
      />
      <p class="hint">{t('staff_password_hint')}</p>
      <ErrorText message={error.value} />
      <ActionButton type="submit" variant="primary">
        {t('staff_add')}
      </ActionButton>
    </BusyForm>
  );
}

export function StaffAdmin() {
  const notice = useSignal<Notice | null>(null);
  const list = staff.value;
  return (
    <section class="card" aria-labelledby="admin-staff-heading">
      <h3 id="admin-staff-heading">{t('staff_heading')}</h3>
      <NoticeText notice={notice.value} />
      <ErrorText message={staffError.value} />
      {list === null ? null : (
        <div class="table-wrap">
          <table>
            <caption>{t('staff_caption', { count: list.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('staff_name')}</th>
                <th scope="col">{t('login_username')}</th>
                <th scope="col">{t('staff_role')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((user) => (
                <tr key={user.id}>
                  <th scope="row">{user.name}</th>
                  <td>{user.username}</td>
                  <td>{t(ROLE_KEYS[user.role])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <NewStaffForm onNotice={(next) => (notice.value = next)} />
    </section>
  );
}
