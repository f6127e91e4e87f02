// Two date pickers, From and To, for the pages read over a period (the governors' summary, a
// class's prompt and download records); `children` (the buttons) sit on the same line.
import type { Signal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { t } from './strings';

interface Props {
  /** Makes the inputs' ids, so two ranges could share a page. */
  idPrefix: string;
  from: Signal<string>;
  to: Signal<string>;
  children?: ComponentChildren;
}

function DateField({ id, label, value }: { id: string; label: string; value: Signal<string> }) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="date"
        value={value.value}
        onInput={(event) => (value.value = event.currentTarget.value)}
      />
    </div>
  );
}

export function DateRange({ idPrefix, from, to, children }: Props) {
  return (
    <div class="date-range">
      <DateField id={`${idPrefix}-from`} label={t('date_from')} value={from} />
      <DateField id={`${idPrefix}-to`} label={t('date_to')} value={to} />
      {children}
    </div>
  );
}
