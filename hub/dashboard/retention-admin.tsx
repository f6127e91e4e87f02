// School admin: how long the hub keeps each kind of record, and why. Periods are edited in place
// (whole days, within the bounds the hub gives) and saved together with one reason, which the
// change log keeps; the latest deletion run says what it removed.
import { useSignal } from '@preact/signals';
import { errorText } from './api';
import { ActionButton } from './action-button';
import { BusyForm } from './busy-form';
import { retention, retentionError, saveRetention, type RetentionType } from './data-protection';
import { formatTime } from './format';
import { ErrorText, NoticeText } from './messages';
import { track, type Notice } from './session';
import { t } from './strings';
import { TextField } from './text-field';

const WHOLE = /^\d+$/;

function KeptFor({
  type,
  edits,
}: {
  type: RetentionType;
  edits: { value: Record<string, string> };
}) {
  if (type.kind === 'while') return <>{t('retention_while')}</>;
  if (type.kind === 'with' || type.days === null) return <>{t('retention_with')}</>;
  const boundsId = `retention-bounds-${type.name}`;
  return (
    <>
      <input
        type="number"
        class="days"
        inputMode="numeric"
        min={type.minDays ?? undefined}
        max={type.maxDays ?? undefined}
        step={1}
        aria-label={t('retention_days_label', { label: type.label })}
        aria-describedby={boundsId}
        value={edits.value[type.name] ?? String(type.days)}
        onInput={(event) =>
          (edits.value = { ...edits.value, [type.name]: event.currentTarget.value })
        }
      />{' '}
      {t('retention_days')}
      <span id={boundsId} class="hint">
        {' '}
        ({t('retention_bounds', { min: type.minDays ?? 0, max: type.maxDays ?? 0 })})
      </span>
    </>
  );
}

function LastSweep() {
  const last = retention.value?.sweeps[0];
  if (!last) return <p class="hint">{t('retention_no_sweep')}</p>;
  const labels = new Map(retention.value?.types.map((type) => [type.name, type.label]));
  const removed = Object.entries(last.removed).map(
    ([name, count]) => `${labels.get(name) ?? name} ${count}`,
  );
  return (
    <p class="hint">
      {t('retention_last_sweep', {
        at: formatTime(last.finishedAt),
        what: removed.length > 0 ? removed.join(', ') : t('retention_swept_nothing'),
      })}
    </p>
  );
}

export function RetentionAdmin() {
  const edits = useSignal<Record<string, string>>({});
  const reason = useSignal('');
  const error = useSignal<string | null>(null);
  const notice = useSignal<Notice | null>(null);
  const types = retention.value?.types ?? null;

  async function save() {
    notice.value = null;
    const changed = Object.entries(edits.value).filter(
      ([name, text]) => String(types?.find((type) => type.name === name)?.days) !== text.trim(),
    );
    error.value =
      changed.length === 0
        ? t('retention_nothing_changed')
        : !reason.value.trim()
          ? t('sites_reason_empty')
          : null;
    if (error.value) return;
    // A whole number goes as a number; anything else as typed, so the hub names what is wrong.
    const days = Object.fromEntries(
      changed.map(([name, text]) => [name, WHOLE.test(text.trim()) ? Number(text) : text]),
    );
    try {
      const count = await track(() => saveRetention(days, reason.value.trim()));
      edits.value = {};
      reason.value = '';
      notice.value = { text: t('retention_saved', { count }), tone: 'status' };
    } catch (failure) {
      error.value = errorText(failure);
    }
  }

  return (
    <section class="card" aria-labelledby="admin-retention-heading">
      <h3 id="admin-retention-heading">{t('retention_heading')}</h3>
      <p class="hint">{t('retention_intro')}</p>
      <NoticeText notice={notice.value} />
      <ErrorText message={retentionError.value} />
      {types === null ? null : (
        <BusyForm onSubmit={save} labelledBy="admin-retention-heading">
          <div class="table-wrap">
            <table>
              <caption>{t('retention_caption', { count: types.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('retention_column_record')}</th>
                  <th scope="col">{t('retention_column_kept')}</th>
                  <th scope="col">{t('retention_column_why')}</th>
                </tr>
              </thead>
              <tbody>
                {types.map((type) => (
                  <tr key={type.name}>
                    <th scope="row">{type.label}</th>
                    <td>
                      <KeptFor type={type} edits={edits} />
                    </td>
                    <td>
                      {type.why}
                      {type.keptWhile ? ` ${type.keptWhile}` : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <TextField
            id="retention-reason"
            label={t('retention_reason')}
            value={reason}
            maxLength={500}
          />
          <ErrorText message={error.value} />
          <ActionButton type="submit" variant="primary">
            {t('retention_save')}
          </ActionButton>
        </BusyForm>
      )}
      <LastSweep />
    </section>
  );
}
