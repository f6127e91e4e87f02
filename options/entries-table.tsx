// A list's entries with where each came from. Managed, hub and built-in entries can't be removed
// here, and each says why instead of offering a button that would only fail.
import type { Signal } from '@preact/signals';
import { useRef } from 'preact/hooks';
import type { ListName, StoredEntry } from '../shared/policy-model';
import { ActionButton } from './action-button';
import { formatTime, listLabel, SOURCE_LABEL_KEYS } from './format';
import { t } from './i18n';
import { change, errorText, type Notice } from './session';

interface Props {
  list: ListName;
  entries: readonly StoredEntry[];
  removal: Signal<Notice | null>;
}

function RemoveCell({ entry, onRemove }: { entry: StoredEntry; onRemove: () => void }) {
  if (entry.source === 'managed') return <td class="why-locked">{t('options_locked_managed')}</td>;
  if (entry.source === 'hub') return <td class="why-locked">{t('options_locked_hub')}</td>;
  if (entry.source === 'starter') return <td class="why-locked">{t('options_locked_starter')}</td>;
  return (
    <td>
      <ActionButton variant="danger" onPress={onRemove}>
        {t('options_remove')}
        <span class="visually-hidden"> {entry.site}</span>
      </ActionButton>
    </td>
  );
}

export function EntriesTable({ list, entries, removal }: Props) {
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const notice = removal.value;

  async function remove(site: string) {
    try {
      await change('admin.removeEntry', { list, site });
      removal.value = { text: t('options_removed', site), tone: 'status' };
    } catch (error) {
      removal.value = { text: errorText(error), tone: 'alert' };
    }
    // The row and its button are gone; land on the outcome rather than the top of the page.
    noticeRef.current?.focus();
  }

  return (
    <>
      <p
        ref={noticeRef}
        tabIndex={-1}
        class={notice?.tone === 'alert' ? 'error' : 'outcome'}
        role={notice?.tone ?? 'status'}
      >
        {notice?.text}
      </p>
      <div class="table-wrap">
        <table>
          <caption>{t('options_table_caption', [listLabel(list), String(entries.length)])}</caption>
          <thead>
            <tr>
              <th scope="col">{t('options_column_site')}</th>
              <th scope="col">{t('options_column_source')}</th>
              <th scope="col">{t('options_column_added_by')}</th>
              <th scope="col">{t('options_column_added_at')}</th>
              <th scope="col">{t('options_column_remove')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.length === 0 ? (
              <tr>
                <td colSpan={5}>{t('options_list_empty')}</td>
              </tr>
            ) : (
              entries.map((entry) => (
                <tr key={`${entry.source} ${entry.site}`}>
                  <th scope="row" class="site">
                    {entry.site}
                  </th>
                  <td>
                    {t(SOURCE_LABEL_KEYS[entry.source])}
                    {entry.source === 'managed' || entry.source === 'hub' ? (
                      <span aria-hidden="true"> 🔒</span>
                    ) : null}
                  </td>
                  <td>{entry.addedBy ?? ''}</td>
                  <td>
                    {entry.addedAt ? (
                      <time dateTime={entry.addedAt}>{formatTime(entry.addedAt)}</time>
                    ) : null}
                  </td>
                  <RemoveCell entry={entry} onRemove={() => void remove(entry.site)} />
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </>
  );
}
