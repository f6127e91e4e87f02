// Image search: blocked for pupils unless a teacher lifts it for a supervised lesson, for a
// set time. Every lift and its end is in the record below, for the DSL.
import { useSignal } from '@preact/signals';
import type { AdminState } from '../shared/messages';
import { ActionButton } from './action-button';
import { ErrorText } from './busy-form';
import { formatTime } from './format';
import { t } from './i18n';
import { change, errorText } from './session';

const MINUTES = [15, 30, 45, 60, 90, 120];

const ACTION_KEYS: Record<AdminState['audit'][number]['action'], string> = {
  'image-search-lifted': 'options_audit_lifted',
  'image-search-lift-ended': 'options_audit_lift_ended',
};

export function ImageSearchSection({ state }: { state: AdminState }) {
  const minutes = useSignal(30);
  const error = useSignal<string | null>(null);
  const lift = state.imageSearchLift;

  async function run(work: () => Promise<unknown>) {
    error.value = null;
    try {
      await work();
    } catch (failure) {
      error.value = errorText(failure);
    }
  }

  return (
    <section class="card" aria-labelledby="image-search-heading">
      <h2 id="image-search-heading">{t('options_image_search_heading')}</h2>
      <p role="status" class="outcome">
        {lift ? (
          <>
            {t('options_image_search_lifted', lift.by)}{' '}
            <time dateTime={lift.until}>{formatTime(lift.until)}</time>
          </>
        ) : (
          t('options_image_search_blocked')
        )}
      </p>
      <ErrorText message={error.value} />
      {lift ? (
        <ActionButton
          variant="danger"
          onPress={() => void run(() => change('admin.endImageSearchLift', {}))}
        >
          {t('options_image_search_end')}
        </ActionButton>
      ) : (
        <div class="inline-form">
          <label for="lift-minutes">{t('options_image_search_minutes')}</label>
          <select
            id="lift-minutes"
            value={String(minutes.value)}
            onChange={(event) => (minutes.value = Number(event.currentTarget.value))}
          >
            {MINUTES.map((value) => (
              <option key={value} value={String(value)}>
                {t('options_minutes', String(value))}
              </option>
            ))}
          </select>
          <ActionButton
            onPress={() =>
              void run(() => change('admin.liftImageSearch', { minutes: minutes.value }))
            }
          >
            {t('options_image_search_lift')}
          </ActionButton>
        </div>
      )}
      {state.audit.length ? (
        <div class="table-wrap">
          <table>
            <caption>{t('options_audit_caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('options_column_when')}</th>
                <th scope="col">{t('options_column_who')}</th>
                <th scope="col">{t('options_column_what')}</th>
              </tr>
            </thead>
            <tbody>
              {state.audit.map((entry) => (
                <tr key={entry.id}>
                  <td>
                    <time dateTime={entry.at}>{formatTime(entry.at)}</time>
                  </td>
                  <td>{entry.by}</td>
                  <td>
                    {t(ACTION_KEYS[entry.action])} ({entry.detail})
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
