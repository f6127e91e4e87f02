// "Prompts & downloads": what the Zip It, Block It, copyright and download prompts recorded for
// the open class, as the hub grouped it: a line of counts per pupil, those needing a look first,
// with the types, sites and each record on demand. Sites came from pupils' devices, so they are
// only ever put in the page as text. New records arrive live (the hub's `pupilEvents` nudge);
// Refresh reads them again by hand, for when the live link is down.
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { PUPIL_EVENT_KINDS, PUPIL_EVENT_OUTCOMES } from '../../shared/pupil-event';
import { ActionButton } from './action-button';
import { errorText } from './api';
import { BusyForm } from './busy-form';
import { DateRange } from './date-range';
import { formatTime } from './format';
import { pupilEventsStale } from './live-feed';
import { ErrorText } from './messages';
import {
  forgetRecords,
  loadPupilRecords,
  loadRecords,
  recordDates,
  records,
  recordsError,
  type ClassRecords,
  type PupilRecords,
  type RecordGroup,
  type RecordView,
} from './pupil-events';
import { detailWords, kindWords, outcomeWords } from './record-words';
import { track } from './session';
import { t } from './strings';

const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

/** `2026-03-02` as "2 Mar 2026": the school's date, read as a date wherever the browser is. */
function dayWords(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return DAY.format(new Date(year, month - 1, day));
}

function periodWords(result: ClassRecords): string {
  if (recordDates.value.from === undefined && recordDates.value.to === undefined) {
    return t('records_period_today');
  }
  const { fromDate, toDate } = result.window;
  return fromDate === toDate
    ? t('records_period_day', { from: dayWords(fromDate) })
    : t('records_period_days', { from: dayWords(fromDate), to: dayWords(toDate) });
}

/** "3 kept private, 1 teacher said OK": one kind's outcomes, in the contract's order. */
function outcomeCounts(
  kind: (typeof PUPIL_EVENT_KINDS)[number],
  count: (outcome: string) => number,
): string {
  return PUPIL_EVENT_OUTCOMES[kind]
    .map((outcome) => [outcome, count(outcome)] as const)
    .filter(([, n]) => n > 0)
    .map(([outcome, n]) =>
      t('records_outcome_count', { count: n, outcome: outcomeWords(kind, outcome) }),
    )
    .join(', ');
}

/** Each kind the pupil has records of, with its outcomes counted. */
function pupilCounts(pupil: PupilRecords): string[] {
  return PUPIL_EVENT_KINDS.filter((kind) => pupil.byKind[kind] > 0).map((kind) =>
    t('records_kind_counts', {
      kind: kindWords(kind),
      counts: outcomeCounts(kind, (outcome) =>
        pupil.groups
          .filter((group) => group.kind === kind && group.outcome === outcome)
          .reduce((sum, group) => sum + group.count, 0),
      ),
    }),
  );
}

function Names({ label, listed }: { label?: string; listed: RecordGroup['sites'] }) {
  if (listed.top.length === 0) return null;
  return (
    <span class="record-names">
      {label ? <span class="label">{label}</span> : null}
      {listed.top.map((name) => (
        <span key={name} class="request-url">
          {name}
        </span>
      ))}
      {listed.more > 0 ? <span>{t('records_more', { count: listed.more })}</span> : null}
    </span>
  );
}

function GroupTable({ pupil }: { pupil: PupilRecords }) {
  return (
    <div class="table-wrap">
      <table class="record-groups">
        <caption>{t('records_pupil_caption', { name: pupil.pupil.name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('records_column_what')}</th>
            <th scope="col">{t('records_column_happened')}</th>
            <th scope="col">{t('records_column_count')}</th>
            <th scope="col">{t('records_column_latest')}</th>
            <th scope="col">{t('records_column_sites')}</th>
          </tr>
        </thead>
        <tbody>
          {pupil.groups.map((group) => (
            <tr
              key={`${group.kind} ${group.detail} ${group.outcome}`}
              class={group.attention ? 'attention' : undefined}
            >
              <th scope="row">
                {kindWords(group.kind)}: {detailWords(group.kind, group.detail)}
              </th>
              <td>
                {outcomeWords(group.kind, group.outcome)}
                {group.attention ? <span class="needs-look">{t('records_flag')}</span> : null}
              </td>
              <td>{group.count}</td>
              <td>
                <time dateTime={group.latestAt}>{formatTime(group.latestAt)}</time>
              </td>
              <td>
                <div class="record-sites">
                  <Names listed={group.sites} />
                  <Names label={t('records_led_to')} listed={group.targets} />
                  <Names label={t('records_file_types')} listed={group.fileTypes} />
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function recordLine(record: RecordView): string {
  const line = t('records_each_line', {
    kind: kindWords(record.kind),
    detail: detailWords(record.kind, record.detail),
    outcome: outcomeWords(record.kind, record.outcome),
  });
  return record.fileType ? `${line} (${record.fileType})` : line;
}

/** Each of one pupil's records, newest first, a page at a time; read when asked for. */
function EachRecord({ classId, pupil }: { classId: number; pupil: PupilRecords }) {
  const shown = useSignal(false);
  const list = useSignal<RecordView[]>([]);
  const next = useSignal<number | null>(null);
  const error = useSignal<string | null>(null);
  const listId = `records-each-${pupil.pupil.id}`;

  async function readPage(before: number | null) {
    try {
      const page = await track(() => loadPupilRecords(classId, pupil.pupil.id, before));
      list.value = before === null ? page.events : [...list.value, ...page.events];
      next.value = page.nextBefore;
      error.value = null;
    } catch (failure) {
      error.value = errorText(failure);
    }
  }
  // Read again when the summary is (new records, other dates), while the list is open.
  useEffect(() => {
    if (shown.value) void readPage(null);
  }, [shown.value, records.value]);

  return (
    <div class="records-each">
      <button
        type="button"
        class="action secondary"
        aria-expanded={shown.value ? 'true' : 'false'}
        aria-controls={shown.value ? listId : undefined}
        onClick={() => (shown.value = !shown.value)}
      >
        {t(shown.value ? 'records_each_hide' : 'records_each_show')}
      </button>
      {shown.value ? (
        <>
          <ErrorText message={error.value} />
          <ol
            id={listId}
            class="records-each-list"
            aria-label={t('records_each_label', { name: pupil.pupil.name })}
          >
            {list.value.map((record) => (
              <li key={record.id}>
                <time dateTime={record.createdAt}>{formatTime(record.createdAt)}</time>{' '}
                {recordLine(record)} <span class="request-url">{record.site}</span>
                {record.target ? (
                  <>
                    {' → '}
                    <span class="request-url">{record.target}</span>
                  </>
                ) : null}
              </li>
            ))}
          </ol>
          {next.value !== null ? (
            <ActionButton onPress={() => void readPage(next.value)}>
              {t('records_each_older')}
            </ActionButton>
          ) : null}
        </>
      ) : null}
    </div>
  );
}

function PupilLine({ classId, pupil }: { classId: number; pupil: PupilRecords }) {
  return (
    <li class={pupil.attention > 0 ? 'attention' : undefined}>
      <details>
        <summary>
          <span class="pupil-name">{pupil.pupil.name}</span>
          {pupil.attention > 0 ? (
            <span class="needs-look">{t('records_needs_look', { count: pupil.attention })}</span>
          ) : null}
          {pupilCounts(pupil).map((line) => (
            <span key={line} class="record-count">
              {line}
            </span>
          ))}
          <time class="hint" dateTime={pupil.latestAt}>
            {formatTime(pupil.latestAt)}
          </time>
        </summary>
        <GroupTable pupil={pupil} />
        <EachRecord classId={classId} pupil={pupil} />
      </details>
    </li>
  );
}

function ClassTotals({ result }: { result: ClassRecords }) {
  const kinds = PUPIL_EVENT_KINDS.filter((kind) => result.totals.byKind[kind] > 0);
  return (
    <>
      <p>
        {t('records_totals', {
          period: periodWords(result),
          count: result.totals.total,
          pupils: result.totals.pupils,
        })}
        {result.totals.attention > 0 ? (
          <>
            {' '}
            <span class="needs-look">
              {t('records_totals_attention', { count: result.totals.attention })}
            </span>
          </>
        ) : null}
      </p>
      {kinds.length > 0 ? (
        <table class="counts">
          <caption>{t('records_by_kind_caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('records_column_kind')}</th>
              <th scope="col">{t('records_column_count')}</th>
              <th scope="col">{t('records_column_happened')}</th>
            </tr>
          </thead>
          <tbody>
            {kinds.map((kind) => (
              <tr key={kind}>
                <th scope="row">{kindWords(kind)}</th>
                <td>{result.totals.byKind[kind]}</td>
                <td>
                  {outcomeCounts(
                    kind,
                    (outcome) =>
                      result.totals.byOutcome.find(
                        (entry) => entry.kind === kind && entry.outcome === outcome,
                      )?.count ?? 0,
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}

export function PupilEventsPanel({ classId }: { classId: number }) {
  const stale = pupilEventsStale.value;
  const from = useSignal('');
  const to = useSignal('');
  useEffect(() => forgetRecords, [classId]);
  useEffect(() => {
    void loadRecords(classId);
  }, [classId, stale]);

  const result = records.value;
  // Until the teacher picks dates, the pickers show the school's today as the hub reads it.
  useEffect(() => {
    if (!result || recordDates.value.from !== undefined) return;
    from.value = result.window.fromDate;
    to.value = result.window.toDate;
  }, [result]);

  async function show() {
    const dates = {
      ...(from.value ? { from: from.value } : {}),
      ...(to.value ? { to: to.value } : {}),
    };
    await track(() => loadRecords(classId, dates));
  }

  return (
    <section class="card records" aria-labelledby="records-heading">
      <h3 id="records-heading">{t('records_heading')}</h3>
      <p class="hint">{t('records_intro')}</p>
      <BusyForm onSubmit={show} labelledBy="records-heading">
        <DateRange idPrefix="records" from={from} to={to}>
          <div class="buttons">
            <ActionButton type="submit">{t('records_show')}</ActionButton>
            <ActionButton onPress={() => void track(() => loadRecords(classId))}>
              {t('records_refresh')}
            </ActionButton>
          </div>
        </DateRange>
      </BusyForm>
      <ErrorText message={recordsError.value} />
      {result === null ? (
        recordsError.value ? null : (
          <p>{t('loading')}</p>
        )
      ) : result.pupils.length === 0 ? (
        <p>{t('records_none')}</p>
      ) : (
        <>
          <ClassTotals result={result} />
          <ul class="record-pupils" aria-label={t('records_pupils_label')}>
            {result.pupils.map((pupil) => (
              <PupilLine key={pupil.pupil.id} classId={classId} pupil={pupil} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
