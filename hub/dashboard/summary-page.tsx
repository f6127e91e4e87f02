// The printable weekly safeguarding summary for the DSL and governors: for the chosen week
// (Monday to Sunday where the school is), anonymised counts of every record type the hub counts
// (flags by what happened, where they stand and class; keyword alerts; ask-to-visit requests and
// their answers; lessons; list changes; the filtering record, with attempts to get round the
// filter on a line of their own), each by category. The hub decides which types there are,
// so a record type it starts keeping appears here without a change to this page.
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { InferResponseType } from 'hono/client';
import { errorText, hub, read } from './api';
import { ActionButton } from './action-button';
import { BusyForm } from './busy-form';
import { useFocusTarget } from './focus';
import { ErrorText } from './messages';
import { track } from './session';
import { t } from './strings';

type Summary = InferResponseType<typeof hub.api.incidents.summary.$get>;

const isoDay = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

/** The day `days` after `day` (a YYYY-MM-DD date), where the school is. */
function shiftDay(day: string, days: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return isoDay(new Date(year, month - 1, date + days));
}

const DAY = new Intl.DateTimeFormat('en-GB', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

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

function Counts({ summary }: { summary: Summary }) {
  const from = new Date(summary.from ?? '');
  // The period ends at the next Monday's first instant; the last day shown is the Sunday.
  const to = new Date(new Date(summary.to ?? '').getTime() - 1);
  return (
    <section class="card" aria-labelledby="summary-result-heading">
      <h3 id="summary-result-heading">
        {t('summary_period', { from: DAY.format(from), to: DAY.format(to) })}
      </h3>
      {summary.records.map((record) => (
        <section key={record.type} aria-labelledby={`summary-${record.type}`}>
          <h4 id={`summary-${record.type}`}>
            {t('summary_total', { label: record.label, count: record.total })}
          </h4>
          {/* On its own line, zero or not, so a governor sees it without reading the tables. */}
          {record.highlights.map((highlight) => (
            <p key={highlight.label} class="summary-highlight">
              <strong>
                {t('summary_total', { label: highlight.label, count: highlight.count })}
              </strong>
            </p>
          ))}
          {record.total === 0 ? null : (
            <div class="count-tables">
              {record.breakdowns.map((breakdown) => (
                <CountTable
                  key={breakdown.column}
                  caption={breakdown.label}
                  rows={breakdown.rows.map((row) => [row.label, row.count])}
                />
              ))}
            </div>
          )}
        </section>
      ))}
    </section>
  );
}

export function SummaryPage() {
  const heading = useFocusTarget<HTMLHeadingElement>('summary-heading');
  const week = useSignal(isoDay(new Date()));
  const summary = useSignal<Summary | null>(null);
  const error = useSignal<string | null>(null);

  async function show() {
    error.value = null;
    try {
      summary.value = await track(() =>
        read(hub.api.incidents.summary.$get({ query: { week: week.value } })),
      );
    } catch (failure) {
      error.value = errorText(failure);
    }
  }
  function move(days: number) {
    week.value = shiftDay(week.value, days);
    void show();
  }
  useEffect(() => {
    void show();
  }, []);

  return (
    <main class="page-main summary">
      <h2 id="summary-heading" ref={heading} tabIndex={-1}>
        {t('summary_heading')}
      </h2>
      <p class="hint">{t('summary_intro')}</p>
      <BusyForm onSubmit={show} labelledBy="summary-heading">
        <div class="field">
          <label for="summary-week">{t('summary_week')}</label>
          <input
            id="summary-week"
            type="date"
            value={week.value}
            onInput={(event) => (week.value = event.currentTarget.value)}
          />
        </div>
        <ErrorText message={error.value} />
        <div class="buttons">
          <ActionButton type="submit">{t('summary_show')}</ActionButton>
          <ActionButton onPress={() => move(-7)}>{t('summary_previous')}</ActionButton>
          <ActionButton onPress={() => move(7)}>{t('summary_next')}</ActionButton>
          <ActionButton variant="primary" onPress={() => window.print()}>
            {t('summary_print')}
          </ActionButton>
        </div>
      </BusyForm>
      {summary.value ? <Counts summary={summary.value} /> : null}
    </main>
  );
}
