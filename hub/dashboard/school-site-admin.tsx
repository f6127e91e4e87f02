// School admin: the sites the hub adds to the school's lists (on top of the lists in Google
// Admin), with who asked and approved; adding one directly, and removing one, each with a reason.
import { useSignal } from '@preact/signals';
import { errorText } from './api';
import { ActionButton } from './action-button';
import { BusyForm } from './busy-form';
import { ErrorText, NoticeText } from './messages';
import {
  addSchoolSite,
  listsError,
  removeSchoolSite,
  schoolSites,
  type SchoolSite,
} from './school-lists';
import { track, type Notice } from './session';
import { t } from './strings';
import { TextField } from './text-field';

function SiteRow({ site, onNotice }: { site: SchoolSite; onNotice: (notice: Notice) => void }) {
  const removing = useSignal(false);
  const reason = useSignal('');
  const error = useSignal<string | null>(null);
  const reasonId = `remove-reason-${site.id}`;

  async function remove() {
    error.value = reason.value.trim() ? null : t('sites_reason_empty');
    if (error.value) return;
    try {
      await track(() => removeSchoolSite(site.id, reason.value.trim()));
      onNotice({ text: t('sites_removed', { site: site.site }), tone: 'status' });
    } catch (failure) {
      error.value = errorText(failure);
    }
  }

  return (
    <tr>
      <th scope="row" class="domain">
        {site.site}
      </th>
      <td>{t(site.keyStage === 'ks1' ? 'key_stage_ks1' : 'key_stage_ks2')}</td>
      <td>{site.askedBy}</td>
      <td>{site.approvedBy}</td>
      <td class="change-reason">{site.reason}</td>
      <td>
        {removing.value ? (
          <BusyForm onSubmit={remove} labelledBy={reasonId}>
            <TextField
              id={reasonId}
              label={t('sites_remove_reason', { site: site.site })}
              value={reason}
              maxLength={500}
            />
            <ErrorText message={error.value} />
            <ActionButton type="submit" variant="danger">
              {t('sites_remove_confirm')}
            </ActionButton>
          </BusyForm>
        ) : (
          <ActionButton variant="danger" onPress={() => (removing.value = true)}>
            {t('sites_remove', { site: site.site })}
          </ActionButton>
        )}
      </td>
    </tr>
  );
}

function AddSiteForm({ onNotice }: { onNotice: (notice: Notice) => void }) {
  const site = useSignal('');
  const keyStage = useSignal<'ks1' | 'ks2'>('ks2');
  const reason = useSignal('');
  const error = useSignal<string | null>(null);

  async function add() {
    error.value = !site.value.trim()
      ? t('sites_site_empty')
      : !reason.value.trim()
        ? t('sites_reason_empty')
        : null;
    if (error.value) return;
    try {
      await track(() => addSchoolSite(site.value.trim(), keyStage.value, reason.value.trim()));
      onNotice({ text: t('sites_added', { site: site.value.trim() }), tone: 'status' });
      site.value = '';
      reason.value = '';
    } catch (failure) {
      error.value = errorText(failure);
    }
  }

  return (
    <BusyForm onSubmit={add} labelledBy="add-site-heading">
      <h4 id="add-site-heading">{t('sites_add_heading')}</h4>
      <TextField id="add-site" label={t('sites_site')} value={site} maxLength={2048} />
      <p class="hint">{t('builder_sites_hint')}</p>
      <div class="field">
        <label for="add-site-key-stage">{t('admin_class_key_stage')}</label>
        <select
          id="add-site-key-stage"
          value={keyStage.value}
          onChange={(event) => (keyStage.value = event.currentTarget.value as 'ks1' | 'ks2')}
        >
          <option value="ks1">{t('key_stage_ks1')}</option>
          <option value="ks2">{t('key_stage_ks2')}</option>
        </select>
      </div>
      <TextField id="add-site-reason" label={t('sites_reason')} value={reason} maxLength={500} />
      <ErrorText message={error.value} />
      <ActionButton type="submit" variant="primary">
        {t('sites_add')}
      </ActionButton>
    </BusyForm>
  );
}

export function SchoolSiteAdmin() {
  const notice = useSignal<Notice | null>(null);
  const list = schoolSites.value;
  const setNotice = (next: Notice) => (notice.value = next);
  return (
    <section class="card" aria-labelledby="admin-sites-heading">
      <h3 id="admin-sites-heading">{t('sites_heading')}</h3>
      <p class="hint">{t('sites_intro')}</p>
      <NoticeText notice={notice.value} />
      <ErrorText message={listsError.value} />
      {list === null ? null : list.length === 0 ? (
        <p>{t('sites_none')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption>{t('sites_caption', { count: list.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('sites_site')}</th>
                <th scope="col">{t('admin_column_key_stage')}</th>
                <th scope="col">{t('changes_column_asked')}</th>
                <th scope="col">{t('changes_column_approved')}</th>
                <th scope="col">{t('changes_column_why')}</th>
                <th scope="col">{t('sites_column_actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((site) => (
                <SiteRow key={site.id} site={site} onNotice={setNotice} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <AddSiteForm onNotice={setNotice} />
    </section>
  );
}
