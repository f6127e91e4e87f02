// The printable safeguarding summary for governors: anonymised counts of flags (by what
// happened, where they stand, class) and keyword alerts (by keyword) over chosen dates.
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { InferResponseType } from 'hono/client';
import { errorText, hub, read } from './api';
import { ActionButton } from './action-button';
import { BusyForm } from './busy-form';
import { DateRange } from './date-range';
import { reasonWords } from './flag-words';
import { useFocusTarget } from './focus';
import { ErrorText } from './messages';
import { track } from './session';
import { t, type StringKey } from './strings';

type Summary = InferResponseType<typeof hub.api.incidents.summary.$get>;

const STATUS_KEYS: Record<string, StringKey> = {
  open: 'incident_status_open',
  acknowledged: 'incident_status_acknowledged',
  escalated: 'incident_status_escalated',
  closed: 'incident_status_closed',
};

const isoDay = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

function CountTable({ caption, rows }: { caption: string; rows: [string, number][] }) {
  return (
    <table class="counts">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('summary_column_what')}</th>
          <th scope="col">{t('summary_column_count')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([what, count]) => (
          <tr key={what}>
            <th scope="row">{what}</th>
            <td>{count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function SummaryPage() {
  const heading = useFocusTarget<HTMLHeadingElement>('summary-heading');
  const today = new Date();
  const from = useSignal(isoDay(new Date(today.getTime() - 30 * 86_400_000)));
  const to = useSignal(isoDay(today));
  const summary = useSignal<Summary | null>(null);
  const error = useSignal<string | null>(null);

  async function show() {
    error.value = null;
    try {
      summary.value = await track(() =>
        read(hub.api.incidents.summary.$get({ query: { from: from.value, to: to.value } })),
      );
    } catch (failure) {
      error.value = errorText(failure);
    }
  }
  useEffect(() => {
    void show();
  }, []);

  const result = summary.value;
  return (
    <main class="page-main summary">
      <h2 id="summary-heading" ref={heading} tabIndex={-1}>
        {t('summary_heading')}
      </h2>
      <p class="hint">{t('summary_intro')}</p>
      <BusyForm onSubmit={show} labelledBy="summary-heading">
        <DateRange idPrefix="summary" from={from} to={to} />
        <ErrorText message={error.value} />
        <div class="buttons">
          <ActionButton type="submit">{t('summary_show')}</ActionButton>
          <ActionButton variant="primary" onPress={() => window.print()}>
            {t('summary_print')}
          </ActionButton>
        </div>
      </BusyForm>
      {result ? (
        <section class="card" aria-labelledby="summary-result-heading">
          <h3 id="summary-result-heading">
            {t('summary_period', { from: from.value, to: to.value })}
          </h3>
          <p>{t('summary_flags', { count: result.flags.total })}</p>
          <div class="count-tables">
            <CountTable
              caption={t('summary_by_reason')}
              rows={Object.entries(result.flags.byReason).map(([reason, count]) => [
                reasonWords(reason === 'none' ? null : reason),
                count,
              ])}
            />
            <CountTable
              caption={t('summary_by_status')}
              rows={Object.entries(result.flags.byStatus).map(([status, count]) => [
                t(STATUS_KEYS[status] ?? 'incident_status_open'),
                count,
              ])}
            />
            <CountTable
              caption={t('summary_by_class')}
              rows={result.flags.byClass.map((row) => [
                row.class ?? t('incidents_no_class'),
                row.count,
              ])}
            />
          </div>
          <p>{t('summary_alerts', { count: result.keywordAlerts.total })}</p>
          <CountTable
            caption={t('summary_by_keyword')}
            rows={result.keywordAlerts.byKeyword.map((row) => [row.keyword, row.count])}
          />
        </section>
      ) : null}
    </main>
  );
}
