// The three lists as tabs (WAI-ARIA tabs pattern, automatic activation): one tab stop, arrow
// keys move between tabs, Home and End jump to the ends.
import { useSignal } from '@preact/signals';
import { useRef } from 'preact/hooks';
import type { AdminState } from '../shared/messages';
import { LIST_NAMES, type ListName } from '../shared/policy-model';
import { listLabel } from './format';
import { t } from './i18n';
import { ListPanel } from './list-panel';

function nextIndex(key: string, index: number, count: number): number | null {
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return (index + 1) % count;
    case 'ArrowLeft':
    case 'ArrowUp':
      return (index - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

export function ListTabs({ state }: { state: AdminState }) {
  // Open on the list this device enforces: it is the one a teacher most likely came to change.
  const active = useSignal<ListName>(state.keyStage.value);
  const tabs = useRef<Partial<Record<ListName, HTMLButtonElement | null>>>({});

  function onKeyDown(event: KeyboardEvent, index: number) {
    const next = nextIndex(event.key, index, LIST_NAMES.length);
    const name = next === null ? undefined : LIST_NAMES[next];
    if (!name) return;
    event.preventDefault();
    active.value = name;
    tabs.current[name]?.focus();
  }

  return (
    <section class="card lists" aria-labelledby="lists-heading">
      <h2 id="lists-heading">{t('options_lists_heading')}</h2>
      <div class="tablist" role="tablist" aria-labelledby="lists-heading">
        {LIST_NAMES.map((name, index) => {
          const selected = active.value === name;
          return (
            <button
              key={name}
              ref={(element) => {
                tabs.current[name] = element;
              }}
              type="button"
              role="tab"
              id={`tab-${name}`}
              aria-controls={`panel-${name}`}
              aria-selected={selected ? 'true' : 'false'}
              tabIndex={selected ? 0 : -1}
              onClick={() => (active.value = name)}
              onKeyDown={(event) => onKeyDown(event, index)}
            >
              {listLabel(name)} <span class="count">({state.lists[name].entries.length})</span>
            </button>
          );
        })}
      </div>
      {LIST_NAMES.map((name) => (
        <ListPanel key={name} list={name} view={state.lists[name]} hidden={active.value !== name} />
      ))}
    </section>
  );
}
