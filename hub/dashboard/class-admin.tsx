// School admin: the classes, a new class with its key stage and teacher, and roster import.
import { useSignal } from '@preact/signals';
import type { InferResponseType } from 'hono/client';
import { errorText, hub, read } from './api';
import { ActionButton } from './action-button';
import { BusyForm } from './busy-form';
import { classes, loadClasses } from './classes';
import { ErrorText, NoticeText } from './messages';
import { RosterImport } from './roster-import';
import { track, type Notice } from './session';
import { staff } from './staff';
import { t } from './strings';
import { TextField } from './text-field';

export type NewClass = InferResponseType<typeof hub.api.classes.$post, 201>['class'];

function NewClassForm({ onNotice }: { onNotice: (notice: Notice) => void }) {
  const name = useSignal('');
  const keyStage = useSignal<'ks1' | 'ks2'>('ks2');
  const teacherId = useSignal('');
  const error = useSignal<string | null>(null);
  const teachers = (staff.value ?? []).filter((user) => user.role !== 'admin');

  async function create() {
    error.value = !name.value.trim()
      ? t('admin_class_name_empty')
      : !teacherId.value
        ? t('admin_class_teacher_empty')
        : null;
    if (error.value) return;
    try {
      const answer = await track(() =>
        read(
          hub.api.classes.$post({
            json: {
              name: name.value.trim(),
              keyStage: keyStage.value,
              teacherId: Number(teacherId.value),
            },
          }),
        ),
      );
      name.value = '';
      await loadClasses();
      onNotice({ text: t('admin_class_added', { name: answer.class.name }), tone: 'status' });
    } catch (failure) {
      error.value = errorText(failure);
    }
  }

  return (
    <BusyForm onSubmit={create} labelledBy="new-class-heading">
      <h4 id="new-class-heading">{t('admin_class_new')}</h4>
      <TextField id="class-name" label={t('admin_class_name')} value={name} maxLength={60} />
      <div class="field">
        <label for="class-key-stage">{t('admin_class_key_stage')}</label>
        <select
          id="class-key-stage"
          value={keyStage.value}
          onChange={(event) => (keyStage.value = event.currentTarget.value as 'ks1' | 'ks2')}
        >
          <option value="ks1">{t('key_stage_ks1')}</option>
          <option value="ks2">{t('key_stage_ks2')}</option>
        </select>
      </div>
      <div class="field">
        <label for="class-teacher">{t('admin_class_teacher')}</label>
        <select
          id="class-teacher"
          value={teacherId.value}
          onChange={(event) => (teacherId.value = event.currentTarget.value)}
        >
          <option value="">{t('admin_class_teacher_choose')}</option>
          {teachers.map((user) => (
            <option key={user.id} value={String(user.id)}>
              {user.name}
            </option>
          ))}
        </select>
      </div>
      <ErrorText message={error.value} />
      <ActionButton type="submit" variant="primary">
        {t('admin_class_add')}
      </ActionButton>
    </BusyForm>
  );
}

export function ClassAdmin() {
  const notice = useSignal<Notice | null>(null);
  const list = classes.value ?? [];
  const setNotice = (next: Notice) => (notice.value = next);
  return (
    <section class="card" aria-labelledby="admin-classes-heading">
      <h3 id="admin-classes-heading">{t('admin_classes_heading')}</h3>
      <NoticeText notice={notice.value} />
      {list.length === 0 ? (
        <p>{t('admin_classes_none')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption>{t('admin_classes_caption', { count: list.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin_column_class')}</th>
                <th scope="col">{t('admin_column_key_stage')}</th>
                <th scope="col">{t('admin_column_teacher')}</th>
                <th scope="col">{t('admin_column_pupils')}</th>
                <th scope="col">{t('admin_column_roster')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((item) => (
                <tr key={item.id}>
                  <th scope="row">{item.name}</th>
                  <td>{t(item.keyStage === 'ks1' ? 'key_stage_ks1' : 'key_stage_ks2')}</td>
                  <td>{item.teacher.name}</td>
                  <td>{item.pupilCount}</td>
                  <td>
                    <RosterImport classId={item.id} className={item.name} onNotice={setNotice} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <NewClassForm onNotice={setNotice} />
    </section>
  );
}
